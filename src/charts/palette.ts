import { CRIME_TYPES } from '../../models/police-uk/street-row';

/**
 * Fixed colours for the 14 police.uk crime types, so a type keeps its colour
 * on every chart. Tableau 10 plus four distinct tones.
 */
export const CRIME_TYPE_COLOURS: Readonly<Record<string, string>> = Object.fromEntries(
  CRIME_TYPES.map((t, i) => [t, ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f3b73', '#8cd17d', '#d4a6c8', '#86bcb6'][i]!]),
);

/** Colour scale options for a set of crime types (unknown types fall back to grey). */
export function crimeTypeColour(types: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...types], range: types.map((t) => CRIME_TYPE_COLOURS[t] ?? '#888888') };
}
