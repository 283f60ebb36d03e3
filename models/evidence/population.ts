import { z } from 'zod';

/** Where the rate denominator comes from, as shown beside every rate. */
export const POPULATION_SOURCE = 'mid-2015 population (IMD 2019 File 6)';

export const AreaPopulation = z.object({
  total: z.number().int().nonnegative(),
  /** 2011 LSOAs summed. */
  lsoas: z.number().int().nonnegative(),
  ladcd: z.string(),
  ladnm: z.string(),
  source: z.string(),
});
export type AreaPopulation = z.infer<typeof AreaPopulation>;

/**
 * The area's residents: IMD 2019 File 6 total population (mid-2015) summed
 * over the 2011 LSOAs whose local authority name is the partnership area.
 * Null when File 6 has no rows for it.
 *
 * @example areaPopulation(file6Rows, 'Luton') // { total: 214109, lsoas: 121, ladcd: 'E06000032', … }
 */
export function areaPopulation(rows: readonly { lsoa11cd: string; ladcd: string; ladnm: string; population: number }[], area: string): AreaPopulation | null {
  const want = area.trim().toLowerCase();
  const mine = rows.filter((r) => r.ladnm.trim().toLowerCase() === want);
  if (mine.length === 0) return null;
  const lsoas = new Set(mine.map((r) => r.lsoa11cd));
  // A File 6 loaded twice is stored once per authority, but guard against a repeated LSOA anyway.
  const byLsoa = new Map(mine.map((r) => [r.lsoa11cd, r.population]));
  return {
    total: [...byLsoa.values()].reduce((a, b) => a + b, 0),
    lsoas: lsoas.size,
    ladcd: mine[0]!.ladcd,
    ladnm: mine[0]!.ladnm,
    source: POPULATION_SOURCE,
  };
}

/** @example ratePerThousand(500, 200000) // 2.5 */
export const ratePerThousand = (count: number, population: number): number | null => (population > 0 ? (1000 * count) / population : null);
