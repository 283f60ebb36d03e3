import { formatCount, formatDate, formatMonth, plural } from '../format';
import { IMD_DOMAINS, type ImdDomainId } from '../imd';
import type { LsoaLink } from './assign';
import { sumByArea, type CrimeCube, type CrimePeriod } from './crime-cube';
import { sumToAreas, weightedMean } from './population';
import type { NeedLevel, UserIndicator } from './schema';
import type { Direction } from './standardise';

/**
 * The indicators a need matrix can use, per area: crime and ASB rates per
 * 1,000 residents, IMD 2019 ranks, deciles and the share of residents in the
 * most deprived 10%, population, and the user's own indicators. Each says how
 * it was computed and from what.
 */

export const INDICATOR_GROUPS = {
  crime: 'Crime and ASB (police.uk)',
  imd: 'Deprivation (IMD 2019)',
  population: 'Population (IoD2019 File 6, mid-2015)',
  user: 'Your indicators',
} as const;
export type IndicatorGroup = keyof typeof INDICATOR_GROUPS;
export type IndicatorUnit = 'rate' | 'rank' | 'decile' | 'share' | 'count' | 'value' | 'score';

export interface IndicatorColumn {
  id: string;
  label: string;
  group: IndicatorGroup;
  unit: IndicatorUnit;
  /** Which way need runs unless the user says otherwise. */
  direction: Direction;
  /** How it was computed, from which rows and areas. */
  description: string;
  /** Per area (NaN = no value). */
  values: Float64Array;
  /** Crime indicators: the rows counted per area. */
  counts?: Float64Array;
  /** The partnership as a whole, on the same scale (see {@link partnershipNote}). */
  partnership: number;
}

/** IMD ranks and deciles of one 2011 LSOA: 'imd' for the index itself, plus any domains loaded. */
export type ImdValues = Partial<Record<'imd' | ImdDomainId, { rank: number; decile: number }>>;
/** IMD 2019 scores (File 5) of one 2011 LSOA: higher is more deprived. */
export type ImdScores = Partial<Record<'imd' | ImdDomainId, number>>;
export interface LsoaPopulation {
  population: number;
  children: number;
  aged60plus: number;
}

export interface IndicatorInputs {
  level: NeedLevel;
  areas: readonly { code: string; name: string }[];
  /** 2011 LSOAs placed in the areas, and how (see assign.ts). */
  links: readonly LsoaLink[];
  /** How the links were made, in words, for the descriptions. */
  linkNote: string;
  imd: ReadonlyMap<string, ImdValues>;
  /** Which IMD file the ranks came from, for the descriptions. */
  imdSource: string;
  /** IMD 2019 File 5 scores by 2011 LSOA (empty when File 5 is not loaded). */
  imdScores?: ReadonlyMap<string, ImdScores>;
  /** Which file the scores came from, for the descriptions. */
  scoreSource?: string;
  population: ReadonlyMap<string, LsoaPopulation>;
  cube: CrimeCube;
  period: CrimePeriod;
  /** How crime rows were placed, in words. */
  crimeNote: string;
  user: readonly UserIndicator[];
}

export interface IndicatorTable {
  level: NeedLevel;
  /** Residents per area (NaN when File 6 is not loaded or no LSOA is placed in the area). */
  population: Float64Array;
  /** Per area: 1 when its residents include an equal share of a split 2011 LSOA (an estimate). */
  estimated: Uint8Array;
  indicators: IndicatorColumn[];
}

const POPULATION_LABELS: Record<string, string> = { 'pop:total': 'Residents', 'pop:children': 'Children aged 0-15', 'pop:older': 'Residents aged 60 and over' };
const IMD_SUFFIX_LABELS: Record<string, string> = { score: 'mean score', rank: 'mean rank', decile: 'mean decile', d1: 'residents in most deprived 10%' };

/**
 * An indicator's name from its id, so an indicator can be named even where it
 * is not available (its data is not loaded): `crime:<type>`, `imd:<index>:<rank|decile|d1>`,
 * `pop:<total|children|older>`, `user:<name>`.
 *
 * @example indicatorLabel('imd:income:rank') // 'Income domain: mean rank'
 */
export function indicatorLabel(id: string): string {
  if (id === 'crime:all') return 'All crime (excluding ASB), rate';
  if (id.startsWith('crime:')) return `${id.slice('crime:'.length)}, rate`;
  if (id.startsWith('user:')) return id.slice('user:'.length);
  const pop = POPULATION_LABELS[id];
  if (pop !== undefined) return pop;
  const imd = /^imd:([^:]+):([^:]+)$/.exec(id);
  const index = imd === null ? undefined : IMD_INDICES.find((i) => i.id === imd[1]);
  const suffix = imd === null ? undefined : IMD_SUFFIX_LABELS[imd[2]!];
  return index !== undefined && suffix !== undefined ? `${index.label}: ${suffix}` : id;
}

const IMD_INDICES = [{ id: 'imd', label: 'Index of Multiple Deprivation' }, ...IMD_DOMAINS.map((d) => ({ id: d.id, label: `${d.label} domain` }))] as const;
const ASB = 'Anti-social behaviour';
/** What each IMD 2019 score measures, in words. */
const SCORE_SCALES: Record<'imd' | ImdDomainId, string> = {
  imd: 'a weighted combination of the seven domain scores',
  income: 'the share of residents income-deprived, 0 to 1',
  employment: 'the share of working-age residents employment-deprived, 0 to 1',
  education: 'a score of education, skills and training deprivation',
  health: 'a standardised score, 0 about the English average, negative below it',
  crime: 'a standardised score of recorded crime risk, 0 about the English average, negative below it',
  housing: 'a score of barriers to housing and services',
  environment: 'a score of living environment deprivation',
};

/** How the "Partnership" figure of each unit is worked out. */
export const partnershipNote: Record<IndicatorUnit, string> = {
  rate: 'all rows placed in the areas ÷ all their residents',
  rank: 'population-weighted mean over every placed LSOA',
  score: 'population-weighted mean over every placed LSOA',
  decile: 'population-weighted mean over every placed LSOA',
  share: 'over every resident of the areas',
  count: 'mean per area',
  value: 'mean of the areas with a value',
};

/**
 * Builds every indicator available at a level.
 *
 * @example buildIndicators(inputs).indicators.find((i) => i.id === 'crime:all')!.values // rate per 1,000 per ward
 */
export function buildIndicators(input: IndicatorInputs): IndicatorTable {
  const n = input.areas.length;
  const one = input.level === 'ward' ? 'ward' : 'LSOA';
  const popOf = (c: string) => input.population.get(c)?.population;
  const hasPopulation = input.population.size > 0;
  const population = sumToAreas(input.links, n, popOf);
  const totalPopulation = sum(population);
  const indicators: IndicatorColumn[] = [];

  // Crime: rows in the window, per 1,000 residents per year.
  const months = input.period.monthIndexes.length;
  if (months > 0 && hasPopulation) {
    const span = `${formatMonth(input.period.first)} to ${formatMonth(input.period.last)}`;
    const gaps =
      input.period.missing.length > 0
        ? ` ${plural(input.period.missing.length, 'month')} of the window ${input.period.missing.length === 1 ? 'has' : 'have'} no data and ${input.period.missing.length === 1 ? 'is' : 'are'} left out.`
        : '';
    const perYear = months === 12 ? '' : ` × 12 ÷ ${months} months (annualised)`;
    const rate = (id: string, label: string, keep: (t: string) => boolean, what: string) => {
      const counts = sumByArea(input.cube, input.period.monthIndexes, keep);
      const values = counts.map((c, i) => (population[i]! > 0 ? ((c / population[i]!) * 1000 * 12) / months : NaN));
      indicators.push({
        id,
        label,
        group: 'crime',
        unit: 'rate',
        direction: 'higher',
        description: `${what} in ${span} (${plural(months, 'month')} with data) placed in the ${one} (${input.crimeNote}), ÷ the ${one}'s residents × 1,000${perYear}.${gaps} Residents: ${populationSource(one)}.`,
        values,
        counts,
        partnership: totalPopulation > 0 ? ((sum(counts) / totalPopulation) * 1000 * 12) / months : NaN,
      });
    };
    rate('crime:all', indicatorLabel('crime:all'), (t) => t !== ASB, 'police.uk street-level crime rows of every type except anti-social behaviour');
    for (const t of input.cube.types) rate(`crime:${t}`, indicatorLabel(`crime:${t}`), (x) => x === t, `police.uk rows of type “${t}”`);
  }

  // Deprivation: ranks and deciles weighted by residents; the share of residents in the most deprived decile.
  const weightOf = hasPopulation ? popOf : (c: string) => (input.imd.has(c) ? 1 : undefined);
  const weighting = hasPopulation ? 'weighted by residents (IoD2019 File 6, mid-2015)' : 'unweighted, as File 6 (population) is not loaded';
  const allLinks = input.links.map((l) => ({ ...l, target: 0 }));
  const scores = input.imdScores ?? new Map<string, ImdScores>();
  for (const idx of IMD_INDICES) {
    if (![...scores.values()].some((v) => v[idx.id] !== undefined)) continue;
    const value = (c: string) => scores.get(c)?.[idx.id];
    indicators.push({
      id: `imd:${idx.id}:score`,
      label: indicatorLabel(`imd:${idx.id}:score`),
      group: 'imd',
      unit: 'score',
      direction: 'higher',
      description: `Mean IMD 2019 score of the LSOAs (higher = more deprived; ${SCORE_SCALES[idx.id]}), ${weighting}. Scores, unlike ranks, can be averaged. From ${input.scoreSource ?? 'IoD2019 File 5'}, ${idx.label}, on 2011 LSOAs placed in the ${one} (${input.linkNote}).`,
      values: weightedMean(input.links, n, weightOf, value),
      partnership: weightedMean(allLinks, 1, weightOf, value)[0]!,
    });
  }
  for (const idx of IMD_INDICES) {
    if (![...input.imd.values()].some((v) => v[idx.id] !== undefined)) continue;
    const get = (field: 'rank' | 'decile') => (c: string) => input.imd.get(c)?.[idx.id]?.[field];
    const inD1 = (c: string) => {
      const d = input.imd.get(c)?.[idx.id]?.decile;
      return d === undefined ? undefined : d === 1 ? 1 : 0;
    };
    const from = `${input.imdSource}, ${idx.label}, on 2011 LSOAs placed in the ${one} (${input.linkNote})`;
    const add = (suffix: string, label: string, unit: IndicatorUnit, direction: Direction, value: (c: string) => number | undefined, what: string) =>
      indicators.push({
        id: `imd:${idx.id}:${suffix}`,
        label,
        group: 'imd',
        unit,
        direction,
        description: `${what}, ${weighting}. From ${from}.`,
        values: weightedMean(input.links, n, weightOf, value),
        partnership: weightedMean(allLinks, 1, weightOf, value)[0]!,
      });
    add(
      'rank',
      indicatorLabel(`imd:${idx.id}:rank`),
      'rank',
      'lower',
      get('rank'),
      'Mean national rank of the LSOAs (1 = most deprived of 32,844 in England; ranks are ordinal, so their mean is only a rough guide: mean scores from File 5 are better)',
    );
    add('decile', indicatorLabel(`imd:${idx.id}:decile`), 'decile', 'lower', get('decile'), 'Mean national decile of the LSOAs (1 = most deprived 10%)');
    add('d1', indicatorLabel(`imd:${idx.id}:d1`), 'share', 'higher', inD1, 'Share of residents living in LSOAs in the most deprived 10% in England (decile 1)');
  }

  if (hasPopulation) {
    indicators.push({
      id: 'pop:total',
      label: indicatorLabel('pop:total'),
      group: 'population',
      unit: 'count',
      direction: 'higher',
      description: `Residents: ${populationSource(one)}.`,
      values: population,
      partnership: totalPopulation / n,
    });
    const share = (id: string, label: string, field: 'children' | 'aged60plus') => {
      const part = sumToAreas(input.links, n, (c) => input.population.get(c)?.[field]);
      indicators.push({
        id,
        label,
        group: 'population',
        unit: 'share',
        direction: 'higher',
        description: `${label} ÷ residents, both from IoD2019 File 6 (mid-2015), summed over the 2011 LSOAs placed in the ${one} (${input.linkNote}).`,
        values: part.map((p, i) => (population[i]! > 0 ? p / population[i]! : NaN)),
        partnership: totalPopulation > 0 ? sum(part) / totalPopulation : NaN,
      });
    };
    share('pop:children', indicatorLabel('pop:children'), 'children');
    share('pop:older', indicatorLabel('pop:older'), 'aged60plus');
  }

  for (const u of input.user) {
    const values = Float64Array.from(input.areas, (a) => u.values[a.code] ?? NaN);
    const given = values.filter((v) => v === v);
    if (given.length === 0) continue;
    const lines = input.areas.map((a) => u.lines[a.code]).filter((l) => l !== undefined);
    indicators.push({
      id: `user:${u.name}`,
      label: u.name,
      group: 'user',
      unit: 'value',
      direction: 'higher',
      description: `From your file ${u.fileName} (imported ${formatDate(u.importedAt)}): the value given for each ${one}'s code (${formatCount(given.length)} of ${formatCount(n)} ${one}s, lines ${Math.min(...lines)} to ${Math.max(...lines)}).`,
      values,
      partnership: sum(given) / given.length,
    });
  }
  const estimated = new Uint8Array(n);
  for (const l of input.links) if (l.share < 1) estimated[l.target] = 1;
  return { level: input.level, population, estimated, indicators };

  function populationSource(unit: string): string {
    return `IoD2019 File 6 total population (mid-2015, excluding prisoners), summed over the 2011 LSOAs placed in the ${unit} (${input.linkNote})`;
  }
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) s += xs[i]!;
  return s;
}
