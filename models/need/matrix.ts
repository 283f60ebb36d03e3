import { z } from 'zod';
import { scoreMatrix } from './composite';
import type { IndicatorColumn, IndicatorTable } from './indicators';
import { robustness } from './robustness';
import { standardise } from './standardise';
import { DirectionSchema, NeedLevel, StandardisationSchema, type IndicatorChoice, type NeedSettings } from './schema';

/** Numbers cross to the page as null when missing (NaN does not survive JSON and reads badly). */
const num = z.number().nullable();
const toNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export const MatrixIndicator = z.object({
  id: z.string(),
  label: z.string(),
  group: z.string(),
  unit: z.enum(['rate', 'rank', 'decile', 'share', 'count', 'value', 'score']),
  direction: DirectionSchema,
  weight: z.number(),
  description: z.string(),
  partnership: num,
});
export type MatrixIndicator = z.infer<typeof MatrixIndicator>;

export const MatrixArea = z.object({
  code: z.string(),
  name: z.string(),
  population: num,
  composite: num,
  /** 1 = most need; tied areas share a rank; 0 = no score. */
  rank: z.number().int(),
  /** Per selected indicator, in the order of `indicators`. */
  values: z.array(num),
  /** Crime indicators: the rows counted (null for others). */
  counts: z.array(num),
  standardised: z.array(num),
  contributions: z.array(num),
  smallPopulation: z.boolean(),
  /** Residents include an equal share of a 2011 LSOA split in 2021 (an estimate). */
  populationEstimated: z.boolean(),
  /** Labels of selected indicators the area has no value for. */
  missing: z.array(z.string()),
  /** Selected crime rates far above the other areas' (z-score above {@link HIGH_RATE_Z}): resident population is a poor denominator there. */
  highRates: z.array(z.object({ label: z.string(), z: z.number() })),
});
export type MatrixArea = z.infer<typeof MatrixArea>;

export const NeedMatrix = z.object({
  level: NeedLevel,
  method: StandardisationSchema,
  indicators: z.array(MatrixIndicator),
  /** Chosen indicators not available at this level (for example IMD without IMD files). */
  unavailable: z.array(z.string()),
  /** Chosen IMD mean scores replaced by mean ranks because File 5 (scores) is not loaded. */
  rankFallbacks: z.array(z.string()),
  /** In rank order. */
  areas: z.array(MatrixArea),
  smallPopulation: z.number(),
  /** Milliseconds spent standardising, combining and ranking (in the worker). */
  scoreMs: z.number(),
});
export type NeedMatrix = z.infer<typeof NeedMatrix>;

/**
 * A crime rate whose z-score (over the areas at this level, whatever the
 * chosen standardisation) is above this is far above the rest: the area is
 * likely a town centre, station or shopping centre, where offences happen to
 * visitors and workers who are not among its residents.
 */
export const HIGH_RATE_Z = 3;

/** The warning beside an area with crime rates far above the rest, in plain words. */
export function highRateWarning(rates: readonly { label: string; z: number }[]): string {
  const list = rates.map((r) => `${r.label} (${r.z.toFixed(1)} standard deviations above the average area)`).join('; ');
  return `Crime rate far above the other areas: ${list}. Resident population is a poor denominator here: town centres, stations and shopping centres draw visitors and workers who are not residents, so the rate overstates the risk to residents and can dominate the ranking.`;
}

/** Per crime-rate column: each area's z-score (higher rate = higher z), used only for the warning. */
function rateZScores(columns: readonly IndicatorColumn[]): (Float64Array | null)[] {
  return columns.map((c) => (c.group === 'crime' && c.unit === 'rate' ? standardise(c.values, 'zscore', 'higher') : null));
}

/** The chosen indicators that the table has, with their weights and directions. */
function chosen(table: IndicatorTable, settings: NeedSettings) {
  const byId = new Map(table.indicators.map((i) => [i.id, i]));
  const fallbacks: string[] = [];
  // An IMD score without File 5 falls back to the mean rank of the same index, with its direction mirrored (a low rank is more deprived).
  // When the rank is chosen as well, the rank's own choice wins.
  const resolve = (c: IndicatorChoice): IndicatorChoice[] => {
    const rankId = scoreFallback(c.id);
    if (byId.has(c.id) || rankId === undefined || !byId.has(rankId)) return [c];
    if (settings.indicators.some((o) => o.id === rankId)) return [];
    if (c.weight > 0) fallbacks.push(c.id);
    return [{ ...c, id: rankId, direction: c.direction === 'higher' ? 'lower' : 'higher' }];
  };
  const resolved = settings.indicators.flatMap(resolve);
  const use = resolved.filter((c) => c.weight > 0 && byId.has(c.id)).map((c) => ({ choice: c, column: byId.get(c.id)! }));
  const unavailable = resolved.filter((c) => !byId.has(c.id)).map((c) => c.id);
  return { use, unavailable, fallbacks };
}

/** The mean-rank indicator that stands in for an IMD mean score when File 5 is not loaded. */
export function scoreFallback(id: string): string | undefined {
  const m = /^imd:([^:]+):score$/.exec(id);
  return m === null ? undefined : `imd:${m[1]}:rank`;
}

/**
 * The need matrix for a level: chosen indicators standardised, weighted and
 * combined, areas ranked, small populations flagged.
 *
 * @example needMatrix(table, wards, settings).areas[0] // { name: 'Biscot', rank: 1, composite: 1.12, … }
 */
export function needMatrix(table: IndicatorTable, areas: readonly { code: string; name: string }[], settings: NeedSettings, now: () => number = () => performance.now()): NeedMatrix {
  const { use, unavailable, fallbacks } = chosen(table, settings);
  const names = areas.map((a) => a.name);
  const t0 = now();
  const s = scoreMatrix({
    values: use.map((u) => u.column.values),
    directions: use.map((u) => u.choice.direction),
    weights: use.map((u) => u.choice.weight),
    method: settings.method,
    names,
  });
  const scoreMs = now() - t0;
  const rateZ = rateZScores(use.map((u) => u.column));
  return {
    level: table.level,
    method: settings.method,
    indicators: use.map(({ choice, column }) => describe(column, choice.direction, choice.weight)),
    unavailable,
    rankFallbacks: fallbacks,
    areas: Array.from(s.order, (a) => {
      const pop = table.population[a]!;
      return {
        code: areas[a]!.code,
        name: areas[a]!.name,
        population: toNull(pop),
        composite: toNull(s.composite[a]!),
        rank: s.rank[a]!,
        values: use.map((u) => toNull(u.column.values[a]!)),
        counts: use.map((u) => (u.column.counts === undefined ? null : u.column.counts[a]!)),
        standardised: s.standardised.map((col) => toNull(col[a]!)),
        contributions: s.contributions.map((col) => toNull(col[a]!)),
        smallPopulation: Number.isFinite(pop) && pop < settings.smallPopulation,
        populationEstimated: table.estimated[a] === 1,
        missing: use.filter((u) => !Number.isFinite(u.column.values[a]!)).map((u) => u.column.label),
        highRates: use.flatMap((u, k) => {
          const z = rateZ[k]?.[a];
          return z !== undefined && z > HIGH_RATE_Z ? [{ label: u.column.label, z }] : [];
        }),
      };
    }),
    smallPopulation: settings.smallPopulation,
    scoreMs,
  };
}

function describe(c: IndicatorColumn, direction: MatrixIndicator['direction'], weight: number): MatrixIndicator {
  return { id: c.id, label: c.label, group: c.group, unit: c.unit, direction, weight, description: c.description, partnership: toNull(c.partnership) };
}

/** One indicator's values by area code, for the map (null: no value). */
export const MapLayer = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  direction: DirectionSchema,
  values: z.record(z.string(), num),
});
export type MapLayer = z.infer<typeof MapLayer>;

/**
 * One indicator of a table as a map layer.
 *
 * @example mapLayer(table, wards, 'crime:Burglary')?.values['E05014743'] // 4.21
 */
export function mapLayer(table: IndicatorTable, areas: readonly { code: string }[], id: string): MapLayer | null {
  const c = table.indicators.find((i) => i.id === id);
  if (c === undefined) return null;
  return { id: c.id, label: c.label, unit: c.unit, direction: c.direction, values: Object.fromEntries(areas.map((a, i) => [a.code, toNull(c.values[i]!)])) };
}

export const RobustnessResult = z.object({
  topN: z.number(),
  runs: z.number(),
  seed: z.number(),
  spread: z.number(),
  indicators: z.array(z.string()),
  /** Every area that is in the top N under some method or weight change, most robust first. */
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      rank: z.number(),
      rankBy: z.object({ zscore: z.number(), percentile: z.number(), minmax: z.number() }),
      inTopOfChanges: z.number(),
      monteCarloShare: z.number(),
    }),
  ),
  changes: z.number(),
  /** Each one-at-a-time change that alters the top N: which indicator, the factor, who enters and who leaves. */
  changedBy: z.array(z.object({ indicator: z.string(), factor: z.number(), enter: z.array(z.string()), leave: z.array(z.string()) })),
  sameTopAcrossMethods: z.boolean(),
});
export type RobustnessResult = z.infer<typeof RobustnessResult>;

/**
 * How robust the top N of a need matrix is to the standardisation and the
 * weights (see {@link robustness}).
 */
export function needRobustness(table: IndicatorTable, areas: readonly { code: string; name: string }[], settings: NeedSettings, runs = 1000, seed?: number): RobustnessResult {
  const { use } = chosen(table, settings);
  const names = areas.map((a) => a.name);
  const r = robustness({
    values: use.map((u) => u.column.values),
    directions: use.map((u) => u.choice.direction),
    weights: use.map((u) => u.choice.weight),
    method: settings.method,
    names,
    topN: settings.topN,
    runs,
    ...(seed === undefined ? {} : { seed }),
  });
  const baseRank = r.byMethod[settings.method].rank;
  const involved = new Set<number>([...r.top, ...Object.values(r.byMethod).flatMap((m) => m.top), ...r.weightChanges.flatMap((c) => c.top)]);
  r.monteCarloShare.forEach((s, a) => s > 0 && involved.add(a));
  const baseTop = new Set(r.top);
  return {
    topN: r.topN,
    runs: r.runs,
    seed: r.seed,
    spread: r.spread,
    indicators: use.map((u) => u.column.label),
    areas: [...involved]
      .map((a) => ({
        code: areas[a]!.code,
        name: names[a]!,
        rank: baseRank[a]!,
        rankBy: { zscore: r.byMethod.zscore.rank[a]!, percentile: r.byMethod.percentile.rank[a]!, minmax: r.byMethod.minmax.rank[a]! },
        inTopOfChanges: r.inTopOfChanges[a]!,
        monteCarloShare: r.monteCarloShare[a]!,
      }))
      .sort((x, y) => y.monteCarloShare - x.monteCarloShare || (x.rank || Infinity) - (y.rank || Infinity) || x.name.localeCompare(y.name, 'en-GB')),
    changes: r.weightChanges.length,
    changedBy: r.weightChanges
      .filter((c) => c.changed)
      .map((c) => ({
        indicator: use[c.indicator]!.column.label,
        factor: c.factor,
        enter: c.top.filter((a) => !baseTop.has(a)).map((a) => names[a]!),
        leave: r.top.filter((a) => !c.top.includes(a)).map((a) => names[a]!),
      })),
    sameTopAcrossMethods: new Set(Object.values(r.byMethod).map((m) => [...m.top].sort((a, b) => a - b).join(','))).size === 1,
  };
}
