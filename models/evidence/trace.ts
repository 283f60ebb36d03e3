import { z } from 'zod';
import { op, type ColumnTable } from 'arquero';
import { formatCount, formatDate, formatP, monthName, plural } from '../format';
import type { Month } from '../months';
import { perHouseholds, type EvidenceConfig, type EvidenceResult, type IssueEvidence } from './evidence';
import { Figure, figureLabel, figureText } from './figures';
import { topLsoas } from './concentration';
import { windowLabel, type Window } from './period';
import { AreaPopulation } from './population';
import { TrendFit, trendWords } from '../stats/trend';
import type { CountCube } from './cube';

/**
 * Where a figure comes from: the months and crime types it counts, the
 * population or weights it uses, and the source rows (file and line of each
 * police.uk row, or the file line or typing of each local count), paged.
 */

export const TraceRequest = z.object({
  issueId: z.string(),
  figure: Figure,
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1_000_000),
});
export type TraceRequest = z.infer<typeof TraceRequest>;

export const TraceRow = z.object({
  file: z.string(),
  line: z.number().int(),
  month: z.string(),
  crimeType: z.string(),
  lsoaCode: z.string(),
  lsoaName: z.string(),
});
export type TraceRow = z.infer<typeof TraceRow>;

export const Trace = z.object({
  issueId: z.string(),
  issueLabel: z.string(),
  figure: Figure,
  figureLabel: z.string(),
  /** The figure as the table shows it. */
  text: z.string(),
  /** How the figure is worked out, in words. */
  explanation: z.array(z.string()),
  /** The periods counted, with each month's count (null: not stored). */
  windows: z.array(z.object({ label: z.string(), months: z.array(z.object({ month: z.string(), count: z.number().nullable() })), total: z.number() })),
  crimeTypes: z.array(z.object({ crimeType: z.string(), count: z.number(), weight: z.number().nullable().optional() })),
  lsoas: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  population: AreaPopulation.nullable(),
  local: z.array(z.object({ month: z.string(), count: z.number(), source: z.string() })),
  rows: z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(TraceRow) }),
  /** For the monthly series: the long-run trend fit, drawn with its fitted line. */
  trend: TrendFit.nullable().optional(),
});
export type Trace = z.infer<typeof Trace>;

interface TraceInput {
  rows: ColumnTable;
  cube: CountCube;
  evidence: EvidenceResult;
  config: EvidenceConfig;
  request: TraceRequest;
}

/**
 * Traces one figure of one issue back to what it counts.
 *
 * @example traceFigure({ rows, cube, evidence, config, request: { issueId: 'burglary', figure: 'volume', offset: 0, limit: 50 } }).rows.total
 */
export function traceFigure({ rows, cube, evidence, config, request }: TraceInput): Trace {
  const issue = evidence.issues.find((i) => i.id === request.issueId);
  if (issue === undefined) throw new Error(`no issue “${request.issueId}” in the catalogue`);
  const period = evidence.period;
  const fig = request.figure;
  const n = period?.length ?? 12;
  const seriesCount = new Map(issue.series.map((s) => [s.month, s.count]));
  const windowOf = (w: Window, label: string) => {
    // A month outside the series, or not stored, has no count (null), which is not the same as zero.
    const months = w.months.map((m) => ({ month: m, count: seriesCount.get(m) ?? null }));
    return { label: `${label}: ${windowLabel(w)}`, months, total: months.reduce((s, m) => s + (m.count ?? 0), 0) };
  };
  const windows: Trace['windows'] = [];
  let months: Month[] = [];
  if (period !== null && ['volume', 'rate', 'concentration', 'harm', 'cost', 'change'].includes(fig)) {
    windows.push(windowOf(period.current, 'Current period'));
    months = [...period.current.months];
  }
  if (period !== null && (fig === 'previous' || fig === 'change')) {
    windows.push(windowOf(period.previous, 'Previous period'));
    months = [...months, ...period.previous.months];
  }
  if (fig === 'series' || fig === 'seasonality') {
    const all = issue.series.map((s) => ({ month: s.month, count: s.count }));
    windows.push({ label: 'Every month with data', months: all, total: all.reduce((s, m) => s + (m.count ?? 0), 0) });
    months = issue.series.map((s) => s.month);
  }

  const lsoaNames = new Map(cube.lsoas.map((l) => [l.code, l.name]));
  let top: { code: string; count: number }[] = [];
  if (fig === 'concentration' && issue.source === 'police-uk' && period !== null) {
    top = topLsoas(lsoaCounts(cube, issue.crimeTypes, new Set(period.current.months)), cube.lsoas.length);
  }

  const weights = fig === 'harm' ? config.weights.harm : fig === 'cost' ? config.weights.cost : null;
  // Each crime type's part over exactly the months this figure counts (stored months only, as the evidence counts).
  const stored = new Set(evidence.storedMonths);
  const typeCounts = typeCountsOf(cube, issue.crimeTypes, new Set(months.filter((m) => stored.has(m))));
  const crimeTypes = issue.crimeTypes.map((t) => ({
    crimeType: t,
    count: typeCounts.get(t) ?? 0,
    ...(weights === null ? {} : { weight: weights.weights[t] ?? null }),
  }));

  let items: TraceRow[] = [];
  let total = 0;
  if (issue.source === 'police-uk' && months.length > 0) {
    const picked = pickRows(
      rows,
      cube.area,
      issue.crimeTypes,
      months,
      top.map((t) => t.code),
    );
    total = picked.numRows();
    items = picked.slice(request.offset, request.offset + request.limit).objects() as TraceRow[];
  }

  const monthSet = new Set(months);
  const local =
    issue.source === 'local'
      ? config.localCounts
          .filter((c) => c.issueId === issue.id && monthSet.has(c.month))
          .sort((a, b) => a.month.localeCompare(b.month))
          .map((c) => ({
            month: c.month,
            count: c.count,
            source: c.source.kind === 'file' ? `${c.source.file}, line ${c.source.line} (loaded ${formatDate(c.source.at)})` : `typed in on ${formatDate(c.source.at)}`,
          }))
      : [];

  return {
    issueId: issue.id,
    issueLabel: issue.label,
    figure: fig,
    figureLabel: figureLabel(fig, period ?? n),
    text: figureText(issue, fig, n),
    explanation: explain(issue, fig, evidence, weights?.source ?? ''),
    windows,
    crimeTypes: issue.source === 'police-uk' ? crimeTypes : [],
    lsoas: top.map((t) => ({ code: t.code, name: lsoaNames.get(t.code) ?? '', count: t.count })),
    population: fig === 'rate' ? evidence.population : null,
    local,
    rows: { total, offset: request.offset, items },
    trend: fig === 'series' ? (issue.trend ?? null) : null,
  };
}

function typeCountsOf(cube: CountCube, crimeTypes: readonly string[], months: ReadonlySet<string>): Map<string, number> {
  const types = new Set(crimeTypes);
  const out = new Map<string, number>();
  for (let i = 0; i < cube.n.length; i++) {
    if (types.has(cube.crimeType[i]!) && months.has(cube.month[i]!)) out.set(cube.crimeType[i]!, (out.get(cube.crimeType[i]!) ?? 0) + cube.n[i]!);
  }
  return out;
}

function lsoaCounts(cube: CountCube, crimeTypes: readonly string[], months: ReadonlySet<string>): Map<string, number> {
  const types = new Set(crimeTypes);
  const out = new Map<string, number>();
  for (let i = 0; i < cube.n.length; i++) {
    if (types.has(cube.crimeType[i]!) && months.has(cube.month[i]!)) out.set(cube.lsoa[i]!, (out.get(cube.lsoa[i]!) ?? 0) + cube.n[i]!);
  }
  return out;
}

/** The source rows a figure counts, in month, file and line order (also the Overview's month traces). */
export function pickRows(rows: ColumnTable, area: string | null, crimeTypes: readonly string[], months: readonly Month[], lsoas: readonly string[]): ColumnTable {
  const set = (xs: readonly string[]) => Object.fromEntries(xs.map((x) => [x, true]));
  const params = { area: area ?? '', anyArea: area === null, types: set(crimeTypes), months: set(months), lsoas: set(lsoas), anyLsoa: lsoas.length === 0 };
  type Row = { lad: string; crimeType: string; month: string; lsoaCode: string };
  type P = typeof params;
  return rows
    .params(params)
    .filter((d: Row, $: P) => ($.anyArea ? d.lad !== '' : d.lad === $.area) && op.has($.types, d.crimeType) && op.has($.months, d.month) && ($.anyLsoa || op.has($.lsoas, d.lsoaCode)))
    .orderby('month', 'file', 'line')
    .select('file', 'line', 'month', 'crimeType', 'lsoaCode', 'lsoaName');
}

/** The change test in words: dispersion, test, unadjusted and adjusted p-values. */
function testWords(c: NonNullable<IssueEvidence['change']>): string[] {
  const phi = c.dispersion ?? null;
  const d = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const dispersion =
    phi === null
      ? 'Dispersion: too few months to estimate how much the monthly counts vary, so they are assumed to vary as chance alone would (Poisson).'
      : `Dispersion ${d(phi)}: the monthly counts vary ${phi > 1 ? `about ${d(phi)} times as much as` : 'no more than'} chance alone would make them (1 is chance alone; Pearson χ² over degrees of freedom around the issue’s trend and season).`;
  const test =
    c.test === 'quasi-poisson'
      ? `Test: quasi-Poisson likelihood-ratio test allowing for that dispersion (the statistic divided by ${d(phi ?? 1)}, against χ² with 1 degree of freedom), two-sided p = ${formatP(c.pValue)} before adjustment; the exact Poisson test, which ignores it, gives p = ${formatP(c.exactPValue ?? c.pValue)}.`
      : `Test: exact conditional test for two Poisson counts (given the total, the current count is binomial under equal monthly rates), two-sided p = ${formatP(c.pValue)}${c.pAdjusted === undefined ? '' : ' before adjustment'}.`;
  const adjusted =
    c.pAdjusted === undefined
      ? `Not adjusted for multiple testing: ${c.words}.`
      : `Adjusted for the ${formatCount(c.tests ?? 0)} tests on the page (Benjamini-Hochberg false discovery rate): adjusted p = ${formatP(c.pAdjusted)}, ${c.words}.`;
  return [dispersion, test, adjusted];
}

function trendExplanation(issue: IssueEvidence): string[] {
  const t = issue.trend;
  if (t === null || t === undefined) return ['Long-run trend: needs at least 6 months with data.'];
  return [
    `Long-run trend over ${plural(t.months, 'month')} with data: ${trendWords(t)}. Fitted by a Poisson regression of the monthly count on time${t.seasonal ? ' with a separate level for each calendar month (so the season is not read as a trend)' : ' (under 24 months, so no seasonal term)'}; the dashed line is the fitted count.`,
    `Dispersion ${t.dispersion.toLocaleString('en-GB', { maximumFractionDigits: 2 })} (1 is chance alone)${t.quasi ? ', so the interval is widened for it (quasi-Poisson)' : ''}; p = ${formatP(t.pValue)} for no trend.`,
  ];
}

function explain(issue: IssueEvidence, fig: Figure, evidence: EvidenceResult, weightSource: string): string[] {
  const area = evidence.area ?? 'every located row';
  const p = evidence.period;
  const what = issue.source === 'police-uk' ? `police.uk street crime rows in ${area} with crime type ${issue.crimeTypes.join(', ')}` : `local counts for ${issue.label}`;
  if (p === null) return ['No police.uk months are stored, so there is no period to count.'];
  const cur = `${windowLabel(p.current)} (${plural(issue.exposure.current, 'month')} with data)`;
  const prev = `${windowLabel(p.previous)} (${plural(issue.exposure.previous, 'month')} with data)`;
  switch (fig) {
    case 'volume':
      return [`Counts ${what} in ${cur}.`];
    case 'previous':
      return [`Counts ${what} in ${prev}.`];
    case 'change': {
      const c = issue.change;
      if (c === null) return [`There is nothing to compare with: no data in ${prev}.`];
      return [
        `Compares ${what} in ${cur} with ${prev}: ${formatCount(issue.previous ?? 0)} then ${formatCount(issue.volume ?? 0)}.`,
        issue.exposure.current === issue.exposure.previous
          ? 'The percentage is the difference over the previous count, rounded to a whole percent (one decimal place below 1%), as the Central Bedfordshire plan writes it.'
          : 'The periods have different numbers of months with data, so the percentage compares counts per month with data.',
        ...testWords(c),
      ];
    }
    case 'rate':
      return evidence.population === null
        ? ['No population is stored for the area (ONS population or IMD 2019 File 6), so there is no rate.']
        : [
            ...(perHouseholds(issue) && evidence.population.households
              ? [
                  `The ${figureLabel('volume', p).toLowerCase()} (${formatCount(issue.volume ?? 0)}) per 1,000 households: ${formatCount(issue.volume ?? 0)} × 1,000 ÷ ${formatCount(evidence.population.households.total)}.`,
                  `Households: ${evidence.population.households.basis}, summed over ${evidence.population.ladnm}’s ${formatCount(evidence.population.households.lsoas)} 2021 LSOAs. Burglary is per household by convention (police.uk’s Burglary also includes non-domestic burglary).`,
                ]
              : [
                  `The ${figureLabel('volume', p).toLowerCase()} (${formatCount(issue.volume ?? 0)}) per 1,000 residents: ${formatCount(issue.volume ?? 0)} × 1,000 ÷ ${formatCount(evidence.population.total)}.`,
                  `Residents: ${evidence.population.source}, summed over ${evidence.population.ladnm}’s ${formatCount(evidence.population.lsoas)} ${evidence.population.caveat ? '2011' : '2021'} LSOAs.${evidence.population.caveat ? ` Caveat: ${evidence.population.caveat}.` : ''}`,
                ]),
          ];
    case 'concentration':
      return issue.concentration === null
        ? ['No concentration: the issue has no rows with an LSOA in the current period, or is a local count without places.']
        : [
            `The share of the ${figureLabel('volume', p).toLowerCase()} in the busiest ${formatCount(issue.concentration.top)} of the area’s ${formatCount(issue.concentration.lsoas)} 2021 LSOAs (a tenth, rounded up): ${formatCount(issue.concentration.inTop)} of ${formatCount(issue.concentration.total)}.`,
            'The rows listed are those in the top LSOAs.',
          ];
    case 'harm':
    case 'cost': {
      const w = issue[fig];
      const head = `Σ count × ${fig} weight over ${issue.source === 'police-uk' ? 'the crime types counted' : 'the issue’s local count'}, in ${cur}.`;
      const src = weightSource.trim() === '' ? `The ${fig} weight table names no source and has no weights yet.` : `Weights: ${weightSource}.`;
      const miss = w !== null && w.missing.length > 0 ? [`No weight is set for ${w.missing.join(', ')}, so there is no weighted volume.`] : [];
      return [head, src, ...miss];
    }
    case 'series':
      return [`Counts ${what} in every month from the first to the last with data; a month not stored shows as a gap.`, ...trendExplanation(issue)];
    case 'seasonality': {
      const s = issue.seasonality;
      if (s === null) return ['A seasonal profile needs at least one month of each calendar month.'];
      const lines = s.byMonth.map(
        (m) => `${monthName(m.monthOfYear)}: mean ${m.mean.toLocaleString('en-GB', { maximumFractionDigits: 1 })} over ${plural(m.months, 'year')}, index ${Math.round(m.index)}`,
      );
      return ['For each calendar month, the mean count over the loaded months that fall in it, as an index where 100 is the average month (not adjusted for trend).', lines.join('; ') + '.'];
    }
  }
}
