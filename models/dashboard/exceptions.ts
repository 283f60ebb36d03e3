import { z } from 'zod';
import { addMonths, type Month } from '../months';

/**
 * Monthly exceptions: months whose count lies outside statistical control
 * limits worked out from the months before them (Barnet's "monthly
 * exceptions (unusually high or low volume)").
 *
 * Each month is judged against a baseline of the `baselineMonths` calendar
 * months before it (never including itself, so an unusual month cannot widen
 * its own limits), and only when at least `minimumBaseline` of them have data:
 * earlier months are "not judged". Two methods:
 *
 * - `xmr` (default): an individuals (XmR) chart, the process-behaviour chart
 *   Wheeler recommends for counts and NHS England's "Making Data Count" uses
 *   (Wheeler, Understanding Variation, 2nd ed. 2000; NHS Improvement, Making
 *   Data Count, 2019), in its robust form: centre = the median of the
 *   baseline, limits = centre ± 3.145 × the median moving range (3.145 = 3 ÷
 *   0.954, the median of the range of two normal values in units of σ;
 *   Wheeler and Chambers, Understanding Statistical Process Control, 2nd ed.
 *   1992). Moving ranges are taken only between consecutive months that both
 *   have data. Medians keep one past spike (a file loaded twice, an
 *   operation) from moving the centre or widening the limits of the months
 *   after it. The limits come from the data's own month-to-month variation,
 *   so they hold when counts vary more than a Poisson process would
 *   (recorded crime usually does).
 * - `poisson`: a c-chart (Shewhart; Montgomery, Introduction to Statistical
 *   Quality Control, 8th ed., §7.3): centre = mean count c̄, limits = c̄ ±
 *   3√c̄. Right for counts of independent rare events; on busy series that
 *   vary more than Poisson (most crime types) it flags too many months.
 *
 * A lower limit below zero is taken as zero. A month is high when its count
 * is above the upper limit, low when below the lower limit (strictly). The
 * limits are not seasonally adjusted: a month that is always busy (e.g. July
 * for violence) can be flagged for its season.
 */

export const EXCEPTION_METHODS = {
  xmr: 'Individuals (XmR) chart: median ± 3.145 × median moving range',
  poisson: 'c-chart (Poisson): mean ± 3 × √mean',
} as const;
export const ExceptionMethod = z.enum(['xmr', 'poisson']);
export type ExceptionMethod = z.infer<typeof ExceptionMethod>;

export const ExceptionSettings = z
  .object({
    method: ExceptionMethod,
    /** Calendar months before a month that make its baseline. */
    baselineMonths: z.number().int({ error: 'the baseline is a whole number of months' }).min(6, { error: 'the baseline is 6 to 60 months' }).max(60, { error: 'the baseline is 6 to 60 months' }),
    /** Months with data the baseline needs before a month is judged. */
    minimumBaseline: z
      .number()
      .int({ error: 'the months needed before judging are a whole number' })
      .min(3, { error: 'at least 3 months are needed before judging' })
      .max(60, { error: 'at most 60 months can be needed before judging' }),
  })
  .refine((s) => s.minimumBaseline <= s.baselineMonths, { message: 'the minimum baseline cannot be longer than the baseline', path: ['minimumBaseline'] });
export type ExceptionSettings = z.infer<typeof ExceptionSettings>;

export const DEFAULT_EXCEPTION_SETTINGS: ExceptionSettings = { method: 'xmr', baselineMonths: 24, minimumBaseline: 12 };

/** Three sigma in units of the median moving range of two: 3 ÷ 0.954 (Wheeler and Chambers). */
export const XMR_MEDIAN_FACTOR = 3.145;

export interface ControlLimits {
  centre: number;
  lower: number;
  upper: number;
}

/**
 * Control limits from a baseline of monthly counts (null: a month without
 * data, which breaks the moving ranges). Null when the baseline has no data.
 *
 * @example controlLimits([10, 12, 11, 13], 'xmr') // { centre: 11.5, lower: 5.21, upper: 17.79 } (median moving range 2)
 */
export function controlLimits(baseline: readonly (number | null)[], method: ExceptionMethod): ControlLimits | null {
  const values = baseline.filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  if (method === 'poisson') {
    const centre = values.reduce((a, b) => a + b, 0) / values.length;
    return limits(centre, 3 * Math.sqrt(centre));
  }
  const ranges: number[] = [];
  for (let i = 1; i < baseline.length; i++) {
    const a = baseline[i - 1];
    const b = baseline[i];
    if (a != null && b != null) ranges.push(Math.abs(b - a));
  }
  return limits(median(values), XMR_MEDIAN_FACTOR * (ranges.length === 0 ? 0 : median(ranges)));
}

const limits = (centre: number, spread: number): ControlLimits => ({ centre, lower: Math.max(0, centre - spread), upper: centre + spread });

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const MonthStatus = z.enum(['high', 'low', 'within', 'not-judged', 'no-data']);
export type MonthStatus = z.infer<typeof MonthStatus>;

export const MonthCheck = z.object({
  month: z.string(),
  count: z.number().nullable(),
  status: MonthStatus,
  /** The limits the month was judged against (null when not judged). */
  limits: z.object({ centre: z.number(), lower: z.number(), upper: z.number() }).nullable(),
  /** Months with data in its baseline. */
  baseline: z.number().int(),
});
export type MonthCheck = z.infer<typeof MonthCheck>;

/** What each status means, for keys and screen readers. */
export const MONTH_STATUS_WORDS: Readonly<Record<MonthStatus, { symbol: string; words: string; short: string }>> = {
  high: { symbol: '▲', words: 'unusually high', short: 'high' },
  low: { symbol: '▼', words: 'unusually low', short: 'low' },
  within: { symbol: '●', words: 'within the usual range', short: 'usual' },
  'not-judged': { symbol: '–', words: 'not judged (too few months before it)', short: 'not judged' },
  'no-data': { symbol: '·', words: 'no data', short: 'no data' },
};

/**
 * Judges every month of a monthly series against the months before it.
 *
 * @example monthlyExceptions(series, DEFAULT_EXCEPTION_SETTINGS).filter((m) => m.status === 'high')
 */
export function monthlyExceptions(series: readonly { month: Month; count: number | null }[], settings: ExceptionSettings = DEFAULT_EXCEPTION_SETTINGS): MonthCheck[] {
  const byMonth = new Map(series.map((s) => [s.month, s.count]));
  return series.map(({ month, count }): MonthCheck => {
    const months = Array.from({ length: settings.baselineMonths }, (_, i) => addMonths(month, i - settings.baselineMonths));
    const baseline = months.map((m) => byMonth.get(m) ?? null);
    const have = baseline.filter((v) => v !== null).length;
    if (count === null) return { month, count, status: 'no-data', limits: null, baseline: have };
    const limits = have >= settings.minimumBaseline ? controlLimits(baseline, settings.method) : null;
    if (limits === null) return { month, count, status: 'not-judged', limits: null, baseline: have };
    const status = count > limits.upper ? 'high' : count < limits.lower ? 'low' : 'within';
    return { month, count, status, limits, baseline: have };
  });
}

/**
 * The method in one sentence, for the page and the report.
 *
 * @example exceptionMethodWords(DEFAULT_EXCEPTION_SETTINGS) // 'Each month is judged against the 24 months before it …'
 */
export function exceptionMethodWords(s: ExceptionSettings): string {
  const how =
    s.method === 'xmr'
      ? 'an individuals (XmR) chart in its robust form: the median of those months ± 3.145 × their median month-to-month change (Wheeler; NHS England’s Making Data Count uses XmR charts)'
      : 'a c-chart for Poisson counts: the mean of those months ± 3 × its square root';
  return `Each month is judged against the ${s.baselineMonths} months before it (at least ${s.minimumBaseline} of them with data, else it is not judged), with control limits from ${how}. A month above the upper limit is unusually high (▲), below the lower limit unusually low (▼). Limits are not seasonally adjusted.`;
}
