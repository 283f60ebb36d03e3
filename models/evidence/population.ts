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
  /** The denominator and its year, as every rate names it: "residents, mid-2022". */
  basis: z.string().optional(),
  /** The year the figures describe. */
  year: z.number().int().optional(),
  /** Said beside the rates when the population is out of date (the IMD 2019 fallback). */
  caveat: z.string().nullable().optional(),
  /** Households in the area (Census 2021 TS041), the denominator for burglary when stored. */
  households: z.object({ total: z.number().int().nonnegative(), lsoas: z.number().int().nonnegative(), basis: z.string(), year: z.number().int() }).nullable().optional(),
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
    basis: 'residents, mid-2015 (IMD 2019)',
    year: 2015,
    caveat: FALLBACK_CAVEAT,
    households: null,
  };
}

/** The caveat beside rates worked out on the IMD 2019 File 6 population. */
export const FALLBACK_CAVEAT = 'population from mid-2015 (IMD 2019); load a newer estimate on the Data page';

/** One stored ONS population table for one authority (a `pop` partition). */
export interface OnsPopulationTable {
  measure: 'residents' | 'households';
  origin: 'mid-year' | 'census';
  year: number;
  rows: readonly { lsoa21cd: string; ladcd: string | null; ladnm: string; value: number }[];
}

const basisOf = (measure: string, origin: string, year: number) => `${measure}, ${origin === 'mid-year' ? `mid-${year}` : `Census ${year}`}`;

/**
 * The area's population from stored ONS tables (2021 LSOAs): residents from
 * the newest year (a mid-year estimate before the census of the same year),
 * households from the newest household table; falls back to IMD 2019 File 6
 * (mid-2015, with its caveat) when no ONS residents are stored for the area.
 *
 * @example currentPopulation(tables, file6Rows, 'Luton') // { total: 243750, basis: 'residents, mid-2022', caveat: null, … }
 */
export function currentPopulation(
  tables: readonly OnsPopulationTable[],
  file6: readonly { lsoa11cd: string; ladcd: string; ladnm: string; population: number }[],
  area: string,
): AreaPopulation | null {
  const want = area.trim().toLowerCase();
  const mine = tables.filter((t) => t.rows.some((r) => r.ladnm.trim().toLowerCase() === want));
  const newest = (measure: OnsPopulationTable['measure']) =>
    mine.filter((t) => t.measure === measure).sort((a, b) => b.year - a.year || (a.origin === 'mid-year' ? -1 : 1) - (b.origin === 'mid-year' ? -1 : 1))[0];
  const sum = (t: OnsPopulationTable) => {
    const rows = t.rows.filter((r) => r.ladnm.trim().toLowerCase() === want);
    return { total: rows.reduce((s, r) => s + r.value, 0), lsoas: new Set(rows.map((r) => r.lsoa21cd)).size, ladcd: rows.find((r) => r.ladcd !== null)?.ladcd ?? null, ladnm: rows[0]!.ladnm };
  };
  const h = newest('households');
  const households = h === undefined ? null : { ...pick(sum(h)), basis: basisOf('households', h.origin, h.year), year: h.year };
  const r = newest('residents');
  const fallback = areaPopulation(file6, area);
  if (r === undefined) return fallback === null ? null : { ...fallback, households };
  const s = sum(r);
  return {
    total: s.total,
    lsoas: s.lsoas,
    ladcd: s.ladcd ?? fallback?.ladcd ?? '',
    ladnm: s.ladnm,
    source: r.origin === 'mid-year' ? `mid-${r.year} population (ONS LSOA estimates)` : `Census ${r.year} usual residents (ONS TS001)`,
    basis: basisOf('residents', r.origin, r.year),
    year: r.year,
    caveat: null,
    households,
  };
}
const pick = (s: { total: number; lsoas: number }) => ({ total: s.total, lsoas: s.lsoas });

/** The words after a rate: "per 1,000 residents, mid-2022". */
export function rateBasis(p: AreaPopulation, households = false): string {
  if (households && p.households) return `per 1,000 ${p.households.basis}`;
  return `per 1,000 ${p.basis ?? `residents (${p.source})`}`;
}

/** @example ratePerThousand(500, 200000) // 2.5 */
export const ratePerThousand = (count: number, population: number): number | null => (population > 0 ? (1000 * count) / population : null);
