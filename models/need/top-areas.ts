import { z } from 'zod';
import { sumByArea, type CrimeCube, type CrimePeriod } from './crime-cube';

export const TopAreas = z.object({
  /** First and last month of the window ('' when nothing is loaded) and the months in it with data. */
  first: z.string(),
  last: z.string(),
  months: z.number().int(),
  crimeTypes: z.array(z.string()),
  /** Rows of these types placed in an area in the window. */
  total: z.number(),
  /** Busiest first (ties by name); areas with no rows left out. */
  areas: z.array(z.object({ code: z.string(), name: z.string(), count: z.number(), share: z.number() })),
});
export type TopAreas = z.infer<typeof TopAreas>;

/**
 * Where an issue's crime is: the areas with the most rows of its crime types
 * in the period, from the need matrix's crime cube (rows placed in areas by
 * point-in-polygon; rows outside every area are not counted).
 *
 * @example topAreas(cube, wards, crimePeriod(cube, 12), ['Burglary'], 3).areas.map((a) => a.name) // ['Biscot', 'Dallow', 'High Town']
 */
export function topAreas(cube: CrimeCube, areas: readonly { code: string; name: string }[], period: CrimePeriod, crimeTypes: readonly string[], n: number): TopAreas {
  const types = new Set(crimeTypes);
  const counts = sumByArea(cube, period.monthIndexes, (t) => types.has(t));
  const total = counts.reduce((a, b) => a + b, 0);
  const ranked = areas
    .map((a, i) => ({ code: a.code, name: a.name, count: counts[i]!, share: total > 0 ? counts[i]! / total : 0 }))
    .filter((a) => a.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { first: period.first, last: period.last, months: period.monthIndexes.length, crimeTypes: [...crimeTypes], total, areas: ranked.slice(0, n) };
}
