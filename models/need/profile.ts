import { z } from 'zod';
import { monthlySeries, type CrimeCube } from './crime-cube';
import type { IndicatorTable } from './indicators';
import { DirectionSchema, NeedLevel } from './schema';

const num = z.number().nullable();

export const AreaProfile = z.object({
  code: z.string(),
  name: z.string(),
  level: NeedLevel,
  population: num,
  /** Every indicator available at the level: the area's value against the partnership's. */
  indicators: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      group: z.string(),
      unit: z.enum(['rate', 'rank', 'decile', 'share', 'count', 'value', 'score']),
      direction: DirectionSchema,
      value: num,
      count: num,
      partnership: num,
    }),
  ),
  /** Every loaded month, ascending. */
  months: z.array(z.string()),
  /** The area's main crime types (most rows over every loaded month first), rows per month. */
  trend: z.array(z.object({ crimeType: z.string(), total: z.number(), rows: z.array(z.number()) })),
});
export type AreaProfile = z.infer<typeof AreaProfile>;

/**
 * One area's profile: its indicators against the partnership, and the
 * monthly trend of its `main` most frequent crime types.
 *
 * @example areaProfile(table, cube, wards, 8).trend[0].crimeType // 'Violence and sexual offences'
 */
export function areaProfile(table: IndicatorTable, cube: CrimeCube, areas: readonly { code: string; name: string }[], at: number, main = 4): AreaProfile {
  const fin = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
  const trend = cube.types
    .map((crimeType) => {
      const rows = monthlySeries(cube, at, crimeType);
      return { crimeType, rows, total: rows.reduce((s, x) => s + x, 0) };
    })
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total || a.crimeType.localeCompare(b.crimeType))
    .slice(0, main);
  return {
    code: areas[at]!.code,
    name: areas[at]!.name,
    level: table.level,
    population: fin(table.population[at]),
    indicators: table.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      group: i.group,
      unit: i.unit,
      direction: i.direction,
      value: fin(i.values[at]),
      count: fin(i.counts?.[at]),
      partnership: fin(i.partnership),
    })),
    months: [...cube.months],
    trend,
  };
}
