// Over 300 lines: the dashboard's schema, settings and buildDashboard with the wording of its factors and
// rule; the RAG rule itself is in ./rag.
import { z } from 'zod';
import { adjustChanges, EvidenceNote, statisticsNotes, type EvidenceConfig, type EvidenceResult, type IssueEvidence, type StatisticsSettings } from '../evidence/evidence';
import { assessmentPeriod, Window, windowLabel } from '../evidence/period';
import { AreaPopulation } from '../evidence/population';
import { changePercentText, SIGNIFICANCE_LEVEL } from '../evidence/change';
import { formatCount, formatMonth, formatRate } from '../format';
import { DEFAULT_EXCEPTION_SETTINGS, ExceptionSettings, MONTH_STATUS_WORDS, MonthCheck, monthlyExceptions } from './exceptions';
import { DEFAULT_NEARLY_ALL, IndicatorRating, rateAgainstTarget, ragStatus, Rag, Target, targetWords, type TargetIndicator } from './rag';
import { PeerGroup } from '../peers/peers';
import { TrendFit } from '../stats/trend';
import { compareWindows, QUARTER_MONTHS, quarterLabel, quarterWindows, WindowComparison } from './windows';

/**
 * The performance dashboard: for each issue of the evidence catalogue, the
 * rolling 12 months against the previous 12 and the latest quarter against
 * the same quarter a year earlier (both with the evidence's change test), the
 * rate per 1,000, monthly exceptions, and a RAG status by the Barnet rule
 * (./rag) with optional targets.
 *
 * Built from an {@link EvidenceResult} computed for a 12-month period, so the
 * rolling figures are the evidence's own (same counts, same test).
 */

export const DashboardSettings = z.object({
  exceptions: ExceptionSettings,
  /**
   * Count a change as positive or negative only when it is significant at 5%
   * (the default; a change that is not significant is then a neutral factor).
   * False is the old rule: every rise or fall counts.
   */
  significantOnly: z.boolean(),
  /** Share of rated indicators that makes "nearly all" negative (see ./rag). */
  nearlyAll: z.number().min(0.5, { error: '“nearly all” is 50% to 100% of the rated indicators' }).max(1, { error: '“nearly all” is 50% to 100% of the rated indicators' }),
  targets: z.array(Target),
  /** Catalogue issues where a rise is good news (for example more reporting of hate crime). */
  risingIsPositive: z.array(z.string()),
  /** The user's peer group for the Peer rank column (local authority codes, e.g. a Most Similar Group). */
  peerGroup: PeerGroup.optional(),
  /**
   * The periods compared: rolling 12 months and latest three months (absent:
   * as settings stored before this choice), the financial year (April to
   * March) and financial quarter, or the calendar year and quarter, each
   * against the same period a year earlier.
   */
  periods: z.enum(['rolling', 'fiscal', 'calendar']).optional(),
});
export type DashboardSettings = z.infer<typeof DashboardSettings>;

export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = {
  exceptions: DEFAULT_EXCEPTION_SETTINGS,
  significantOnly: true,
  nearlyAll: DEFAULT_NEARLY_ALL,
  targets: [],
  risingIsPositive: [],
  periods: 'rolling',
};

export const DASHBOARD_PERIOD_LABELS = {
  rolling: 'Rolling 12 months and latest three months',
  fiscal: 'Financial year (April to March) and financial quarter',
  calendar: 'Calendar year and calendar quarter',
} as const;

export const IndicatorId = z.enum(['rolling', 'quarter', 'latest-month', 'rate', 'volume']);
export type IndicatorId = z.infer<typeof IndicatorId>;

export const DashboardIndicator = z.object({
  id: IndicatorId,
  label: z.string(),
  /** The figure as shown, e.g. "Down 149 (8%), significant at 5%". */
  value: z.string(),
  rating: IndicatorRating,
  /** Why it is rated so (or not rated). */
  reason: z.string(),
  /** The period's short name for a factor, e.g. "2023/24 to date" (absent: "12 months" or "latest quarter"). */
  name: z.string().optional(),
});
export type DashboardIndicator = z.infer<typeof DashboardIndicator>;

export const DashboardRow = z.object({
  issueId: z.string(),
  label: z.string(),
  source: z.enum(['police-uk', 'local']),
  hasData: z.boolean(),
  rolling: WindowComparison,
  quarter: WindowComparison,
  ratePer1000: z.number().nullable(),
  /** What the rate is per and its year: "per 1,000 residents, mid-2022" (burglary per household when households are stored). */
  rateBasis: z.string().nullable().optional(),
  /** Long-run trend over every stored month (models/stats/trend). */
  trend: TrendFit.nullable().optional(),
  /** Every month of the issue's series, judged against the months before it. */
  months: z.array(MonthCheck),
  /** The last three months to the end of the period (Barnet shows three). */
  recent: z.array(MonthCheck),
  indicators: z.array(DashboardIndicator),
  rag: z.object({ rag: Rag, rated: z.number(), positive: z.number(), negative: z.number(), amber: z.number(), words: z.string() }),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const Dashboard = z.object({
  area: z.string().nullable(),
  /** The last month of the dashboard (null: nothing stored). */
  end: z.string().nullable(),
  rolling: z.object({ current: Window, previous: Window }).nullable(),
  quarter: z.object({ current: Window, previous: Window }).nullable(),
  population: AreaPopulation.nullable(),
  settings: DashboardSettings,
  rows: z.array(DashboardRow),
  notes: z.array(EvidenceNote),
});
export type Dashboard = z.infer<typeof Dashboard>;

/**
 * The evidence request behind the dashboard: the analyst's set-up, over 12
 * months to the period's end month, or the financial or calendar year holding it.
 */
export const dashboardConfig = (config: EvidenceConfig, settings?: Pick<DashboardSettings, 'periods'>): EvidenceConfig => {
  const periods = settings?.periods ?? 'rolling';
  const kind = periods === 'fiscal' ? 'fiscal-year' : periods === 'calendar' ? 'calendar-year' : undefined;
  return { ...config, period: { end: config.period.end, months: 12, ...(kind === undefined ? {} : { kind }) } };
};

/** A named window's short name: "2023/24 to date (Apr 2023 to Dec 2023)" gives "2023/24 to date". */
const shortName = (w: Window | undefined): string | undefined => w?.name?.replace(/ \(.*\)$/, '');

const TARGET_OF: Partial<Record<IndicatorId, TargetIndicator>> = { rolling: 'rolling-change', quarter: 'quarter-change', rate: 'rate', volume: 'volume' };

/**
 * The dashboard from 12-month evidence.
 *
 * @example buildDashboard(computeEvidence({ …, config: { …, period: { end: null, months: 12 } } }), DEFAULT_DASHBOARD_SETTINGS).rows[0].rag.rag // 'amber'
 */
export function buildDashboard(evidence: EvidenceResult, settings: DashboardSettings = DEFAULT_DASHBOARD_SETTINGS): Dashboard {
  const period = evidence.period;
  const stored = new Set(evidence.storedMonths);
  const end = period?.current.to ?? null;
  const periods = settings.periods ?? 'rolling';
  const named = end === null || periods === 'rolling' ? null : assessmentPeriod(stored, { end, months: 3, kind: periods === 'fiscal' ? 'fiscal-quarter' : 'calendar-quarter' });
  const quarter = end === null ? null : named === null ? quarterWindows(end, stored) : { current: named.current, previous: named.previous };
  // Adjusted here, not in the evidence: the dashboard's tests are its rolling and quarter changes together.
  const statistics: StatisticsSettings = evidence.statistics ?? { changeTest: 'exact-poisson', fdr: false };
  const compared = evidence.issues.map((issue) => comparisons(issue, quarter, statistics));
  const raw = compared.flatMap((c) => [c.rolling.change, c.quarter.change]);
  const adjusted = statistics.fdr ? adjustChanges(raw.map((c) => (c === null ? null : unadjust(c)))) : raw;
  const rows = evidence.issues.map((issue, k) => {
    const c = compared[k]!;
    const rolling = { ...c.rolling, change: adjusted[2 * k]! };
    const q = { ...c.quarter, change: adjusted[2 * k + 1]! };
    return row(issue, settings, rolling, q, quarter, end, period === null ? null : { current: period.current, previous: period.previous });
  });
  const notes = evidence.notes.filter((n) => n.id !== 'change-test' && n.id !== 'fdr');
  return {
    area: evidence.area,
    end,
    rolling: period === null ? null : { current: period.current, previous: period.previous },
    quarter,
    population: evidence.population,
    settings,
    rows,
    notes: [
      ...notes,
      ...statisticsNotes(
        statistics,
        evidence.issues.map((i, k) => ({ ...i, change: compared[k]!.rolling.change })),
        periods === 'rolling' ? 'the rolling 12-month and latest-quarter changes on this page' : `the ${periods === 'fiscal' ? 'financial' : 'calendar'} year and quarter changes on this page`,
        raw.filter((c) => c !== null).length,
      ),
    ],
  };
}

const unadjust = (c: NonNullable<WindowComparison['change']>) => {
  const { pAdjusted: _a, tests: _t, ...rest } = c;
  const significant = rest.pValue < SIGNIFICANCE_LEVEL;
  return { ...rest, significant, words: significant ? 'significant at 5%' : 'not significant' };
};

function comparisons(issue: IssueEvidence, quarter: { current: Window; previous: Window } | null, s: StatisticsSettings): { rolling: WindowComparison; quarter: WindowComparison } {
  const rolling: WindowComparison = { current: issue.volume, previous: issue.previous, exposure: issue.exposure, change: issue.change };
  const test = { dispersion: issue.trend?.dispersion ?? null, changeTest: s.changeTest };
  const q = quarter === null ? { current: null, previous: null, exposure: { current: 0, previous: 0 }, change: null } : compareWindows(issue.series, quarter.current, quarter.previous, test);
  return { rolling, quarter: q };
}

function row(
  issue: IssueEvidence,
  settings: DashboardSettings,
  rolling: WindowComparison,
  q: WindowComparison,
  quarter: { current: Window; previous: Window } | null,
  end: string | null,
  year: { current: Window; previous: Window } | null,
): DashboardRow {
  const months = monthlyExceptions(issue.series, settings.exceptions);
  const recentMonths = end === null ? [] : quarter!.current.months;
  const recent = recentMonths.map((m) => months.find((c) => c.month === m) ?? { month: m, count: null, status: 'no-data' as const, limits: null, baseline: 0 });
  const targets = settings.targets.filter((t) => t.issueId === issue.id);
  const rising = settings.risingIsPositive.includes(issue.id);
  const indicators = issue.hasData
    ? [
        named(
          changeIndicator(
            'rolling',
            year?.current.name === undefined ? 'Rolling 12 months on the previous 12' : `${windowLabel(year.current)} on ${windowLabel(year.previous)}`,
            rolling,
            settings,
            targets,
            rising,
          ),
          shortName(year?.current),
        ),
        named(
          changeIndicator('quarter', quarter === null ? 'Latest quarter' : `${quarterText(quarter.current)} on ${quarterText(quarter.previous)}`, q, settings, targets, rising),
          shortName(quarter?.current),
        ),
        monthIndicator(recent.at(-1), rising),
        valueIndicator('rate', issue.rateBasis ? `Rate ${issue.rateBasis}` : 'Rate per 1,000 residents', issue.ratePer1000, issue.ratePer1000 === null ? '—' : formatRate(issue.ratePer1000), targets),
        valueIndicator(
          'volume',
          year?.current.name === undefined ? 'Volume, 12 months' : `Volume, ${windowLabel(year.current)}`,
          issue.volume,
          issue.volume === null ? '—' : formatCount(issue.volume),
          targets,
        ),
      ]
    : [];
  return {
    issueId: issue.id,
    label: issue.label,
    source: issue.source,
    hasData: issue.hasData,
    rolling,
    quarter: q,
    ratePer1000: issue.ratePer1000,
    rateBasis: issue.rateBasis ?? null,
    trend: issue.trend ?? null,
    months,
    recent,
    indicators,
    rag: ragStatus(
      indicators.map((i) => i.rating),
      settings.nearlyAll,
    ),
  };
}

const named = (i: DashboardIndicator, name: string | undefined): DashboardIndicator => (name === undefined ? i : { ...i, name });
/** A quarter's label: its name when it has one ("Q3 2023/24 (Oct to Dec 2023)"), else its months. */
const quarterText = (w: Window): string => (w.name === undefined ? quarterLabel(w) : windowLabel(w));

function targetFor(targets: readonly Target[], id: IndicatorId): Target | undefined {
  const kind = TARGET_OF[id];
  return kind === undefined ? undefined : targets.find((t) => t.indicator === kind);
}

function byTarget(id: IndicatorId, label: string, value: string, x: number, t: Target, unit: string): DashboardIndicator {
  const rating = rateAgainstTarget(x, t);
  const band = rating === 'positive' ? 'green' : rating === 'negative' ? 'red' : 'amber';
  return { id, label, value, rating, reason: `${band} against the target (${targetWords(t, unit)})` };
}

function changeIndicator(id: 'rolling' | 'quarter', label: string, c: WindowComparison, s: DashboardSettings, targets: readonly Target[], rising: boolean): DashboardIndicator {
  const change = c.change;
  if (change === null) return { id, label, value: 'No comparison', rating: 'not-rated', reason: 'no data for the earlier period' };
  const value = `${change.text}, ${change.words}`;
  const target = targetFor(targets, id);
  if (target !== undefined && change.relative !== null) return byTarget(id, label, value, 100 * change.relative, target, '%');
  if (change.relative === null) return { id, label, value, rating: 'not-rated', reason: 'none in the earlier period to compare with' };
  if (s.significantOnly && !change.significant) return { id, label, value, rating: 'neutral', reason: 'no significant change (not significant at 5%)' };
  if (change.relative === 0) return { id, label, value, rating: 'not-rated', reason: 'no change' };
  const up = change.relative > 0;
  const good = up === rising;
  return { id, label, value, rating: good ? 'positive' : 'negative', reason: `${up ? 'a rise' : 'a fall'}${rising ? ' (a rise is good news for this issue)' : ''}` };
}

function monthIndicator(check: MonthCheck | undefined, rising: boolean): DashboardIndicator {
  const label = check === undefined ? 'Latest month' : `${formatMonth(check.month)} against its control limits`;
  if (check === undefined || check.count === null) return { id: 'latest-month', label, value: 'No data', rating: 'not-rated', reason: 'no data for the month' };
  const w = MONTH_STATUS_WORDS[check.status];
  const limits = check.limits === null ? '' : ` (limits ${formatCount(Math.round(check.limits.lower))} to ${formatCount(Math.round(check.limits.upper))})`;
  const value = `${formatCount(check.count)}, ${w.words}${limits}`;
  if (check.status !== 'high' && check.status !== 'low') return { id: 'latest-month', label, value, rating: 'not-rated', reason: w.words };
  const good = (check.status === 'high') === rising;
  return { id: 'latest-month', label, value, rating: good ? 'positive' : 'negative', reason: `an ${w.words} month` };
}

function valueIndicator(id: 'rate' | 'volume', label: string, x: number | null, value: string, targets: readonly Target[]): DashboardIndicator {
  const target = targetFor(targets, id);
  if (x === null) return { id, label, value, rating: 'not-rated', reason: 'no figure' };
  if (target === undefined) return { id, label, value, rating: 'not-rated', reason: 'no target set' };
  return byTarget(id, label, value, x, target, '');
}

/**
 * A rated indicator as a short factor, as the Barnet dashboard lists its
 * positive and negative factors beside the RAG.
 *
 * @example factorText(row.indicators[0], row) // '12 months down 8%'
 * @example factorText(row.indicators[2], row) // 'Dec 2023 unusually high'
 */
export function factorText(i: DashboardIndicator, r: DashboardRow): string {
  const targeted = i.reason.includes('against the target');
  const band = targeted ? `, ${i.rating === 'positive' ? 'green' : i.rating === 'negative' ? 'red' : 'amber'} against its target` : '';
  const change = (what: string, c: WindowComparison['change']) => {
    if (c === null || c.relative === null) return `${what}: ${i.value}`;
    if (c.relative === 0) return `${what} unchanged${i.rating === 'neutral' ? ' (no significant change)' : ''}`;
    const ns = i.rating === 'neutral' ? ' (no significant change)' : c.significant ? '' : ' (not significant)';
    return `${what} ${c.relative > 0 ? 'up' : 'down'} ${changePercentText(c.relative)}${ns}${band}`;
  };
  switch (i.id) {
    case 'rolling':
      return change(i.name ?? '12 months', r.rolling.change);
    case 'quarter':
      return change(i.name ?? 'latest quarter', r.quarter.change);
    case 'latest-month': {
      const last = r.recent.at(-1);
      return last === undefined ? i.value : `${formatMonth(last.month)} ${MONTH_STATUS_WORDS[last.status].words}`;
    }
    case 'rate':
      return `rate ${i.value}${band}`;
    case 'volume':
      return `volume ${i.value}${band}`;
  }
}

/** The RAG rule in words, for the page and the report. */
export function ragRuleWords(s: Pick<DashboardSettings, 'nearlyAll' | 'significantOnly'> & { periods?: DashboardSettings['periods'] }): string {
  const fy = s.periods === 'fiscal' ? 'financial' : s.periods === 'calendar' ? 'calendar' : null;
  const compared =
    fy === null
      ? 'the rolling 12 months on the previous 12 and the latest quarter on the same quarter a year earlier'
      : `the ${fy} year (to date, while it is not over) and the ${fy} quarter, each on the same period a year earlier`;
  const share = Math.round(s.nearlyAll * 100);
  return `RAG follows the Barnet Safer Communities Partnership rule: Green when all rated indicators are positive, Amber when they are mixed, Red when all or nearly all are negative (“nearly all”: at least ${share}% of the rated indicators, rounded up, so with two or three indicators all of them). Indicators: ${compared} (a fall is positive${s.significantOnly ? '; counted only when significant at 5%: a change that is not significant is a neutral factor, “no significant change”, and an issue with no significant factor is shown as “No significant change” in grey, not Red, Amber or Green' : '; every rise or fall counts, significant or not'}), the latest month against its control limits (rated only when unusually high or low), and the rate per 1,000 and volume (rated only against a target). A target rates its indicator green, amber or red, and an amber target makes the status at best Amber.`;
}

/** Period labels for the dashboard's columns. @example dashboardPeriods(d).rolling // '12 months to Dec 2023 (Jan 2023 to Dec 2023) on Jan 2022 to Dec 2022' */
export function dashboardPeriods(d: Dashboard): { rolling: string; quarter: string; yearHeading: string; yearChangeHeading: string; quarterHeading: string } {
  const y = d.rolling?.current.name === undefined ? null : d.rolling!;
  return {
    rolling: d.rolling === null ? '—' : `${windowLabel(d.rolling.current)} on ${windowLabel(d.rolling.previous)}`,
    quarter: d.quarter === null ? '—' : `${quarterText(d.quarter.current)} on ${quarterText(d.quarter.previous)} (${QUARTER_MONTHS} months)`,
    yearHeading: y === null ? 'Rolling 12 months' : windowLabel(y.current),
    yearChangeHeading: y === null ? 'Change on previous 12' : `Change on ${windowLabel(y.previous)}`,
    quarterHeading: d.quarter === null ? 'Latest quarter' : d.quarter.current.name === undefined ? `Latest quarter (${quarterLabel(d.quarter.current)})` : windowLabel(d.quarter.current),
  };
}
