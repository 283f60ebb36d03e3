import { z } from 'zod';

/**
 * Concentration: the share of an issue's volume in the area's busiest tenth
 * of neighbourhoods (2021 LSOAs). The number of LSOAs in that tenth is
 * rounded up, so it is never fewer than a tenth and never zero: Luton's 125
 * LSOAs give ⌈12.5⌉ = 13. The area's LSOAs are those that appear in its
 * police.uk rows (police.uk has no rows for an LSOA with no crime, so an LSOA
 * with no crime at all in the stored months cannot be counted).
 */

export const TOP_SHARE = 0.1;

export const Concentration = z.object({
  /** Share of the volume in the top LSOAs, 0-1. */
  share: z.number(),
  /** How many LSOAs make the top tenth. */
  top: z.number().int(),
  /** LSOAs in the area. */
  lsoas: z.number().int(),
  /** Volume in the top LSOAs. */
  inTop: z.number(),
  total: z.number(),
});
export type Concentration = z.infer<typeof Concentration>;

/** @example topCount(125) // 13 */
export const topCount = (lsoas: number, share = TOP_SHARE): number => (lsoas === 0 ? 0 : Math.max(1, Math.ceil(lsoas * share - 1e-9)));

/**
 * The share of the volume in the top tenth of LSOAs by volume.
 *
 * @param counts the volume per LSOA (LSOAs with none may be left out)
 * @param lsoas how many LSOAs the area has
 * @example concentration(new Map([['E01', 8], ['E02', 1], ['E03', 1]]), 10) // { share: 0.8, top: 1, … }
 */
export function concentration(counts: ReadonlyMap<string, number>, lsoas: number): Concentration | null {
  const values = [...counts.values()].sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0 || lsoas === 0) return null;
  const top = topCount(lsoas);
  const inTop = values.slice(0, top).reduce((a, b) => a + b, 0);
  return { share: inTop / total, top, lsoas, inTop, total };
}

/** The LSOAs in the top tenth, busiest first (ties by code, so the choice is stable). */
export function topLsoas(counts: ReadonlyMap<string, number>, lsoas: number): { code: string; count: number }[] {
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topCount(lsoas))
    .map(([code, count]) => ({ code, count }));
}
