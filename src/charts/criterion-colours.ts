/**
 * Colours for criteria by their place in the model (a criterion keeps its
 * colour while weights change): Tableau 10 plus two distinct tones.
 */
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f3b73', '#8cd17d'];

/** @example criterionColour({ domain: ['Harm', 'Likelihood'], … }) — colour scale options for labels in model order. */
export function criterionColours(labels: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...labels], range: labels.map((_, i) => COLOURS[i % COLOURS.length]!) };
}
