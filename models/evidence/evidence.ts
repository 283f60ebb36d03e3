// Over 300 lines: the evidence schema and computeEvidence, which fills it issue by issue (volumes, changes
// and their tests, rates, trends, concentration); the schema and the one function that writes it are read
// together.
import { z } from 'zod';
import { coverage, monthRange, type Month } from '../months';
import { formatMonth, plural } from '../format';
import { Catalogue, unmappedCrimeTypes, type CatalogueIssue } from './catalogue';
import { describeChange, relativeChange, SIGNIFICANCE_LEVEL } from './change';
import { CHANGE_TESTS, quasiPoissonChangeTest, type ChangeTestChoice } from './overdispersion';
import { benjaminiHochberg } from '../stats/fdr';
import { poissonTrend, TrendFit } from '../stats/trend';
import { concentration, Concentration, topCount } from './concentration';
import type { CountCube } from './cube';
import { LocalCount } from './local-counts';
import { assessmentPeriod, partialPeriodText, Period, PeriodChoice, windowLabel } from './period';
import { AreaPopulation, rateBasis, ratePerThousand } from './population';
import { seasonalProfile, Seasonality } from './seasonality';
import { Weighted, weightedVolume, WeightTables } from './weights';

/**
 * How changes are tested (issue 11): the quasi-Poisson test when the issue's
 * monthly counts are overdispersed (else the exact Poisson test), and the
 * Benjamini-Hochberg false discovery rate across the tests on a page.
 */
export const StatisticsSettings = z.object({
  changeTest: z.enum(CHANGE_TESTS),
  /** Adjust p-values for the number of tests on the page (Benjamini-Hochberg). */
  fdr: z.boolean(),
});
export type StatisticsSettings = z.infer<typeof StatisticsSettings>;
export const DEFAULT_STATISTICS: StatisticsSettings = { changeTest: 'quasi-poisson', fdr: true };

/** What the analyst has set up: the catalogue, local counts, weights and period. Sent with every evidence request. */
export const EvidenceConfig = z.object({
  catalogue: Catalogue,
  localCounts: z.array(LocalCount),
  weights: WeightTables,
  period: PeriodChoice,
  /** Absent: {@link DEFAULT_STATISTICS}. */
  statistics: StatisticsSettings.optional(),
});
export type EvidenceConfig = z.infer<typeof EvidenceConfig>;

export const ChangeEvidence = z.object({
  /** Current minus previous (raw counts). */
  difference: z.number(),
  /** Relative change per stored month, as a fraction; null when the previous period has none. */
  relative: z.number().nullable(),
  /** As the seed plan writes it: "Up 229 (32%)". */
  text: z.string(),
  /** The test's p-value before any adjustment for multiple testing. */
  pValue: z.number(),
  /** Significant at 5%: on the adjusted p-value when there is one. */
  significant: z.boolean(),
  /** "significant at 5%" or "not significant". */
  words: z.string(),
  /** The test used: quasi-Poisson when the counts are overdispersed, else exact Poisson. */
  test: z.enum(CHANGE_TESTS).optional(),
  /** Dispersion of the issue's monthly counts (null: too few months to estimate). */
  dispersion: z.number().nullable().optional(),
  /** The exact Poisson p-value, for comparison. */
  exactPValue: z.number().optional(),
  /** Benjamini-Hochberg adjusted p-value and the number of tests adjusted for (absent: not adjusted). */
  pAdjusted: z.number().optional(),
  tests: z.number().int().optional(),
});
export type ChangeEvidence = z.infer<typeof ChangeEvidence>;

/**
 * The change between two periods' counts as every view shows it: difference,
 * relative change per month with data, the plan's words and the exact
 * Poisson test. The evidence table and the dashboard both use this.
 *
 * With a dispersion above 1 and the quasi-Poisson choice, the test allows
 * for overdispersion (./overdispersion).
 *
 * @example changeEvidence(719, 948, { previous: 12, current: 12 }).text // 'Up 229 (32%)'
 */
export function changeEvidence(
  previous: number,
  current: number,
  exposure: { previous: number; current: number },
  dispersion: number | null = null,
  test: ChangeTestChoice = 'exact-poisson',
): ChangeEvidence {
  return {
    difference: current - previous,
    relative: relativeChange(previous, current, exposure),
    text: describeChange(previous, current, exposure),
    ...quasiPoissonChangeTest(previous, current, exposure, dispersion, test),
  };
}

/**
 * The changes with Benjamini-Hochberg adjusted p-values across all of them
 * (null entries are skipped); significance follows the adjusted p-value.
 *
 * @example adjustChanges([a, null, b]) // [a with pAdjusted, null, b with pAdjusted]
 */
export function adjustChanges<T extends ChangeEvidence | null>(changes: readonly T[]): T[] {
  const present = changes.filter((c): c is NonNullable<T> => c !== null);
  const adjusted = benjaminiHochberg(present.map((c) => c.pValue));
  let k = 0;
  return changes.map((c) => {
    if (c === null) return c;
    const pAdjusted = adjusted[k++]!;
    const significant = pAdjusted < SIGNIFICANCE_LEVEL;
    return { ...c, pAdjusted, tests: present.length, significant, words: significant ? 'significant at 5%' : 'not significant' };
  });
}

export const IssueEvidence = z.object({
  id: z.string(),
  label: z.string(),
  source: z.enum(['police-uk', 'local']),
  crimeTypes: z.array(z.string()),
  description: z.string(),
  /** False for a local issue with no counts yet. */
  hasData: z.boolean(),
  /** Count in the current period (months with data only); null without data. */
  volume: z.number().nullable(),
  previous: z.number().nullable(),
  /** Months with data in each period. */
  exposure: z.object({ current: z.number().int(), previous: z.number().int() }),
  /** Volume per month with data in the current period. */
  monthlyMean: z.number().nullable(),
  change: ChangeEvidence.nullable(),
  /** Long-run trend over every month with data (Poisson/quasi-Poisson regression with month-of-year effects); null with too few months. */
  trend: TrendFit.nullable().optional(),
  ratePer1000: z.number().nullable(),
  /** What the rate is per and of when: "per 1,000 residents, mid-2022" (null: no rate). */
  rateBasis: z.string().nullable().optional(),
  /** Every month from the first to the last with data; count null for a month with none stored. */
  series: z.array(z.object({ month: z.string(), count: z.number().nullable() })),
  seasonality: Seasonality.nullable(),
  concentration: Concentration.nullable(),
  harm: Weighted.nullable(),
  cost: Weighted.nullable(),
  /** For police.uk issues: each mapped crime type's part. */
  byCrimeType: z.array(z.object({ crimeType: z.string(), current: z.number(), previous: z.number() })),
});
export type IssueEvidence = z.infer<typeof IssueEvidence>;

export const EvidenceNote = z.object({ id: z.string(), severity: z.enum(['info', 'warning']), text: z.string() });
export type EvidenceNote = z.infer<typeof EvidenceNote>;

export const EvidenceResult = z.object({
  area: z.string().nullable(),
  period: Period.nullable(),
  /** Months with police.uk data for the area (sorted; `monthsWithAreaData` in models/area.ts) and the gaps between them. */
  storedMonths: z.array(z.string()),
  gaps: z.array(z.string()),
  population: AreaPopulation.nullable(),
  /** 2021 LSOAs in the area's rows, and how many make its top tenth. */
  lsoas: z.number().int(),
  topLsoas: z.number().int(),
  /** Crime types present in the area's rows. */
  crimeTypes: z.array(z.string()),
  unmappedCrimeTypes: z.array(z.string()),
  issues: z.array(IssueEvidence),
  notes: z.array(EvidenceNote),
  /** How changes were tested (absent: the exact Poisson test, unadjusted). */
  statistics: StatisticsSettings.optional(),
});
export type EvidenceResult = z.infer<typeof EvidenceResult>;

export interface EvidenceInput {
  cube: CountCube;
  /**
   * Months with police.uk data for the area: stored force-months holding at
   * least one of its rows (`monthsWithAreaData` in models/area.ts). What "complete" means;
   * any other month is a gap.
   */
  storedMonths: readonly Month[];
  population: AreaPopulation | null;
  config: EvidenceConfig;
}

interface Acc {
  series: Float64Array;
  current: number;
  previous: number;
  lsoa: Map<string, number>;
  typeCurrent: Map<string, number>;
  typePrevious: Map<string, number>;
}

/**
 * Derives every issue's evidence for the period in one pass over the count
 * cube: volume, previous volume, change and its test, rate per 1,000,
 * monthly series, seasonal profile, concentration, and harm- and
 * cost-weighted volumes.
 *
 * @example computeEvidence({ cube, storedMonths, population, config }).issues.find((i) => i.id === 'burglary')!.volume
 */
export function computeEvidence({ cube, storedMonths, population, config }: EvidenceInput): EvidenceResult {
  const stored = [...new Set(storedMonths)].sort();
  const cov = coverage(stored);
  const period = assessmentPeriod(stored, config.period);
  const statistics = config.statistics ?? DEFAULT_STATISTICS;
  const span = cov.first === undefined ? [] : monthRange(cov.first, cov.last!);
  const monthIndex = new Map(span.map((m, i) => [m, i]));
  // Only stored months count: a cell of a month that is not stored (which the cube should never hold) is ignored.
  const inCurrent = new Set(period?.current.stored ?? []);
  const inPrevious = new Set(period?.previous.stored ?? []);

  const crimeIssues = config.catalogue.issues.filter((i) => i.source === 'police-uk');
  const accs = new Map<string, Acc>(
    crimeIssues.map((i) => [i.id, { series: new Float64Array(span.length), current: 0, previous: 0, lsoa: new Map(), typeCurrent: new Map(), typePrevious: new Map() }]),
  );
  const issuesOfType = new Map<string, Acc[]>();
  for (const issue of crimeIssues) for (const t of issue.crimeTypes) issuesOfType.set(t, [...(issuesOfType.get(t) ?? []), accs.get(issue.id)!]);

  const { month, crimeType, lsoa, n } = cube;
  for (let c = 0; c < n.length; c++) {
    const targets = issuesOfType.get(crimeType[c]!);
    if (targets === undefined) continue;
    const m = month[c]!;
    const at = monthIndex.get(m);
    const cur = inCurrent.has(m);
    const prev = inPrevious.has(m);
    const k = n[c]!;
    for (const acc of targets) {
      if (at !== undefined) acc.series[at]! += k;
      if (cur) {
        acc.current += k;
        acc.lsoa.set(lsoa[c]!, (acc.lsoa.get(lsoa[c]!) ?? 0) + k);
        acc.typeCurrent.set(crimeType[c]!, (acc.typeCurrent.get(crimeType[c]!) ?? 0) + k);
      } else if (prev) {
        acc.previous += k;
        acc.typePrevious.set(crimeType[c]!, (acc.typePrevious.get(crimeType[c]!) ?? 0) + k);
      }
    }
  }

  const storedSet = new Set(stored);
  const localByIssue = new Map<string, Map<Month, number>>();
  for (const lc of config.localCounts) {
    const mine = localByIssue.get(lc.issueId) ?? new Map<Month, number>();
    mine.set(lc.month, lc.count);
    localByIssue.set(lc.issueId, mine);
  }

  const unadjusted = config.catalogue.issues.map((issue): IssueEvidence => {
    if (issue.source === 'police-uk') {
      const acc = accs.get(issue.id)!;
      const series = span.map((m, i) => ({ month: m, count: storedSet.has(m) ? acc.series[i]! : null }));
      return finish(issue, {
        hasData: period !== null,
        current: acc.current,
        previous: acc.previous,
        exposure: { current: period?.current.stored.length ?? 0, previous: period?.previous.stored.length ?? 0 },
        series,
        concentration: concentration(acc.lsoa, cube.lsoas.length),
        weighed: issue.crimeTypes.map((t) => ({ key: t, count: acc.typeCurrent.get(t) ?? 0 })),
        byCrimeType: issue.crimeTypes.map((t) => ({ crimeType: t, current: acc.typeCurrent.get(t) ?? 0, previous: acc.typePrevious.get(t) ?? 0 })),
      });
    }
    const counts = localByIssue.get(issue.id) ?? new Map<Month, number>();
    const months = [...counts.keys()].sort();
    const sum = (ms: readonly Month[]) => ms.reduce((s, m) => s + (counts.get(m) ?? 0), 0);
    const have = (ms: readonly Month[]) => ms.filter((m) => counts.has(m));
    const cur = have(period?.current.months ?? []);
    const prev = have(period?.previous.months ?? []);
    const series = months.length === 0 ? [] : monthRange(months[0]!, months.at(-1)!).map((m) => ({ month: m, count: counts.get(m) ?? null }));
    const current = sum(cur);
    return finish(issue, {
      hasData: cur.length > 0,
      current,
      previous: sum(prev),
      exposure: { current: cur.length, previous: prev.length },
      series,
      concentration: null,
      weighed: [{ key: issue.id, count: current }],
      byCrimeType: [],
    });
  });

  function finish(
    issue: CatalogueIssue,
    x: {
      hasData: boolean;
      current: number;
      previous: number;
      exposure: { current: number; previous: number };
      series: IssueEvidence['series'];
      concentration: Concentration | null;
      /** Counts to weigh: by crime type, or the issue's own volume for a local issue. */
      weighed: { key: string; count: number }[];
      byCrimeType: IssueEvidence['byCrimeType'];
    },
  ): IssueEvidence {
    const base = { id: issue.id, label: issue.label, source: issue.source, crimeTypes: issue.crimeTypes, description: issue.description };
    const trend = poissonTrend(x.series);
    if (!x.hasData) {
      return {
        ...base,
        hasData: false,
        volume: null,
        previous: null,
        exposure: x.exposure,
        monthlyMean: null,
        change: null,
        trend,
        ratePer1000: null,
        series: x.series,
        seasonality: seasonalProfile(x.series.filter((s): s is { month: string; count: number } => s.count !== null)),
        concentration: null,
        harm: null,
        cost: null,
        byCrimeType: x.byCrimeType,
      };
    }
    const change = x.exposure.previous === 0 ? null : changeEvidence(x.previous, x.current, x.exposure, trend?.dispersion ?? null, statistics.changeTest);
    // A type with no rows adds nothing whatever its weight, so it cannot make the weighted volume incomplete.
    const weighed = x.weighed.filter((p) => p.count > 0);
    return {
      ...base,
      hasData: true,
      volume: x.current,
      previous: x.exposure.previous === 0 ? null : x.previous,
      exposure: x.exposure,
      monthlyMean: x.exposure.current === 0 ? null : x.current / x.exposure.current,
      change,
      trend,
      ratePer1000: population === null ? null : ratePerThousand(x.current, perHouseholds(issue) && population.households ? population.households.total : population.total),
      rateBasis: population === null ? null : rateBasis(population, perHouseholds(issue)),
      series: x.series,
      seasonality: seasonalProfile(x.series.filter((s): s is { month: string; count: number } => s.count !== null)),
      concentration: x.concentration,
      harm: weightedVolume(weighed, config.weights.harm),
      cost: weightedVolume(weighed, config.weights.cost),
      byCrimeType: x.byCrimeType,
    };
  }

  const changes = statistics.fdr ? adjustChanges(unadjusted.map((i) => i.change)) : unadjusted.map((i) => i.change);
  const issues = unadjusted.map((i, k) => (i.change === changes[k] ? i : { ...i, change: changes[k]! }));
  const unmapped = unmappedCrimeTypes(config.catalogue, cube.crimeTypes);
  return {
    area: cube.area,
    period,
    storedMonths: stored,
    gaps: cov.gaps,
    population,
    lsoas: cube.lsoas.length,
    topLsoas: topCount(cube.lsoas.length),
    crimeTypes: cube.crimeTypes,
    unmappedCrimeTypes: unmapped,
    issues,
    notes: [...evidenceNotes(cube.area, period, population, unmapped, issues), ...statisticsNotes(statistics, issues)],
    statistics,
  };
}

function evidenceNotes(area: string | null, period: Period | null, population: AreaPopulation | null, unmapped: string[], issues: IssueEvidence[]): EvidenceNote[] {
  const notes: EvidenceNote[] = [];
  if (period === null) {
    const text = area === null ? 'No police.uk street crime is stored yet.' : `No police.uk street crime in ${area} is stored yet.`;
    return [{ id: 'no-data', severity: 'warning', text: `${text} Load the sample or import files on the Data page.` }];
  }
  if (area === null)
    notes.push({
      id: 'no-area',
      severity: 'warning',
      text: 'No partnership area is chosen, so every located row is counted and rates cannot be worked out. Choose the local authority in the header.',
    });
  const where = area === null ? '' : ` in ${area}`;
  const partial = partialPeriodText(period);
  if (partial !== null) notes.push({ id: 'partial-period', severity: 'warning', text: partial });
  for (const [name, w] of [
    ['current', period.current],
    ['previous', period.previous],
  ] as const) {
    if (w.missing.length === 0) continue;
    const all = w.stored.length === 0;
    notes.push({
      id: `missing-${name}`,
      severity: 'warning',
      text: all
        ? `No police.uk rows${where} are stored for the ${name} period (${windowLabel(w)}), so ${name === 'previous' ? 'there is no change to show' : 'there are no volumes'}.`
        : `${plural(w.missing.length, 'month')} of the ${name} period (${windowLabel(w)}) ${w.missing.length === 1 ? 'has' : 'have'} no police.uk rows${where} stored: ${w.missing.map(formatMonth).join(', ')}. Volumes count the ${plural(w.stored.length, 'month')} with data; changes and their tests compare counts per month with data.`,
    });
  }
  if (population !== null && population.caveat) {
    notes.push({ id: 'population-fallback', severity: 'warning', text: `Rates use the ${population.caveat}.` });
  }
  if (area !== null && population === null) {
    notes.push({ id: 'no-population', severity: 'warning', text: `IMD 2019 File 6 has no rows for ${area}, so rates per 1,000 cannot be worked out. Load File 6 on the Data page.` });
  }
  if (unmapped.length > 0) {
    notes.push({ id: 'unmapped', severity: 'warning', text: `No issue counts these crime types, so their rows appear in no figure: ${unmapped.join(', ')}. Map them in the issue catalogue.` });
  }
  const empty = issues.filter((i) => i.source === 'local' && !i.hasData);
  if (empty.length > 0) {
    notes.push({
      id: 'local-empty',
      severity: 'info',
      text: `No local counts yet for the current period for ${empty.map((i) => i.label).join(', ')}. police.uk does not cover them: import a CSV (issue, month, count) or type them in under Local counts.`,
    });
  }
  return notes;
}

/** What the page's tests allow for, stated in its notes. */
export function statisticsNotes(s: StatisticsSettings, issues: readonly IssueEvidence[], what = 'the 12-month changes on this page', tests?: number): EvidenceNote[] {
  const tested = issues.filter((i) => i.change !== null).length;
  const family = tests ?? tested;
  const quasi = issues.filter((i) => i.change?.test === 'quasi-poisson').length;
  const notes: EvidenceNote[] = [];
  if (tested === 0) return notes;
  notes.push({
    id: 'change-test',
    severity: 'info',
    text:
      s.changeTest === 'quasi-poisson'
        ? `Monthly counts often vary more than chance alone would make them (overdispersion). Each issue’s dispersion is estimated from its monthly counts around its trend and season; where it is above 1 (${plural(quasi, 'issue')} of ${tested}) the change is tested allowing for it (quasi-Poisson), else with the exact test for two Poisson counts.`
        : 'Changes are tested with the exact test for two Poisson counts, which assumes counts vary no more than chance alone would make them; overdispersion is not allowed for.',
  });
  if (s.fdr && family > 1) {
    notes.push({
      id: 'fdr',
      severity: 'info',
      text: `With ${family} tests at 5% some “significant” flags would be expected by chance, so p-values are adjusted for the number of tests (Benjamini-Hochberg false discovery rate) across ${what}; a change is called significant when its adjusted p-value is below 5%. Each trace gives both p-values.`,
    });
  }
  return notes;
}

/** Burglary (police.uk's Burglary alone) is conventionally a rate per 1,000 households, when households are stored. */
export const perHouseholds = (issue: { source: string; crimeTypes: readonly string[] }): boolean => issue.source === 'police-uk' && issue.crimeTypes.length === 1 && issue.crimeTypes[0] === 'Burglary';
