import { z } from 'zod';
import { formatCount } from '../format';

/**
 * The RAG rule of the Barnet Safer Communities Partnership performance
 * dashboard (July 2019, glossary): "Green – All performance indicators
 * positive; Amber – Mixed positive and negative performance indicators;
 * Red – All or nearly all performance indicators negative."
 *
 * Made precise here:
 * - Only *rated* indicators count. An indicator is rated positive or negative
 *   (or amber, when it has a target and lies between its thresholds); one
 *   that cannot say which way things went (no comparison, no change, a change
 *   that is not significant when only significant changes count, a month
 *   within its usual range, a rate with no target) is shown but not rated.
 * - Green: every rated indicator positive.
 * - Red: negative indicators are "all or nearly all" of the rated ones, where
 *   nearly all means at least `nearlyAll` of them (default three quarters),
 *   rounded up: with 2 or 3 rated indicators that is all of them, with 4 it is
 *   3, with 5 it is 4.
 * - Amber: anything else (a mix, including any amber target).
 * - No rating when no indicator is rated.
 * - A change that is not significant (when only significant changes count,
 *   the default) is a *neutral* factor: it is listed ("no significant
 *   change") but is neither positive nor negative. A row whose only factors
 *   are neutral is "No significant change" (grey), never Red, Amber or Green.
 */

export const Rag = z.enum(['green', 'amber', 'red', 'neutral', 'none']);
export type Rag = z.infer<typeof Rag>;

export const RAG_LABELS: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Amber', red: 'Red', neutral: 'No significant change', none: 'No rating' };

/** `neutral`: a change that is not significant, listed as a factor but neither positive nor negative. */
export const IndicatorRating = z.enum(['positive', 'negative', 'amber', 'neutral', 'not-rated']);
export type IndicatorRating = z.infer<typeof IndicatorRating>;

/** Default share of rated indicators that makes "nearly all". */
export const DEFAULT_NEARLY_ALL = 0.75;

export interface RagResult {
  rag: Rag;
  rated: number;
  positive: number;
  negative: number;
  amber: number;
  /** e.g. "Amber: 1 positive and 2 negative of 3 rated indicators". */
  words: string;
}

/** How many negatives make "nearly all" of `rated` indicators. @example nearlyAllCount(5) // 4 */
export const nearlyAllCount = (rated: number, nearlyAll = DEFAULT_NEARLY_ALL): number => Math.max(1, Math.ceil(nearlyAll * rated - 1e-9));

/**
 * The RAG status from the indicators' ratings.
 *
 * @example ragStatus(['positive', 'positive', 'not-rated']).rag // 'green'
 * @example ragStatus(['negative', 'negative', 'negative', 'positive']).rag // 'red' (3 of 4 is nearly all)
 * @example ragStatus(['negative', 'negative', 'positive']).rag // 'amber'
 * @example ragStatus(['neutral', 'neutral', 'not-rated']).rag // 'neutral' (No significant change)
 */
export function ragStatus(ratings: readonly IndicatorRating[], nearlyAll = DEFAULT_NEARLY_ALL): RagResult {
  const positive = ratings.filter((r) => r === 'positive').length;
  const negative = ratings.filter((r) => r === 'negative').length;
  const amber = ratings.filter((r) => r === 'amber').length;
  const rated = positive + negative + amber;
  const neutral = ratings.some((r) => r === 'neutral');
  const rag: Rag = rated === 0 ? (neutral ? 'neutral' : 'none') : positive === rated ? 'green' : negative >= nearlyAllCount(rated, nearlyAll) ? 'red' : 'amber';
  const parts = [
    positive > 0 ? `${formatCount(positive)} positive` : '',
    negative > 0 ? `${formatCount(negative)} negative` : '',
    amber > 0 ? `${formatCount(amber)} between target thresholds` : '',
  ].filter((p) => p !== '');
  const of = `${formatCount(rated)} rated ${rated === 1 ? 'indicator' : 'indicators'}`;
  const words =
    rag === 'neutral'
      ? 'No significant change: no change is significant and no indicator is rated positive or negative'
      : rag === 'none'
        ? 'No rating: no indicator says which way performance went'
        : rag === 'green'
          ? `Green: ${rated === 1 ? 'the' : `all ${formatCount(rated)}`} rated ${rated === 1 ? 'indicator' : 'indicators'} positive`
          : rag === 'red' && negative === rated
            ? `Red: ${rated === 1 ? 'the' : `all ${formatCount(rated)}`} rated ${rated === 1 ? 'indicator' : 'indicators'} negative`
            : `${RAG_LABELS[rag]}: ${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')} of ${of}`;
  return { rag, rated, positive, negative, amber, words };
}

/** Indicators a target can be set on. */
export const TargetIndicator = z.enum(['rolling-change', 'quarter-change', 'rate', 'volume']);
export type TargetIndicator = z.infer<typeof TargetIndicator>;

export const TARGET_INDICATOR_LABELS: Readonly<Record<TargetIndicator, string>> = {
  'rolling-change': 'Change, rolling 12 months (%)',
  'quarter-change': 'Change, latest quarter on a year earlier (%)',
  rate: 'Rate per 1,000 residents (12 months)',
  volume: 'Volume (12 months)',
};

/**
 * A target for one indicator of one issue, as the Luton probation dashboard
 * sets them ("Green = above 95%, Amber = between 90% – 95%, Red = below
 * 90%"): with `better: 'higher'`, green above `green`, red below `red`, amber
 * from `red` to `green` inclusive; with `better: 'lower'` the other way round.
 */
export const Target = z
  .object({
    /** Catalogue issue id. */
    issueId: z.string().min(1),
    indicator: TargetIndicator,
    better: z.enum(['higher', 'lower']),
    green: z.number().finite(),
    red: z.number().finite(),
  })
  .superRefine((t, ctx) => {
    if (t.better === 'higher' && t.red > t.green)
      ctx.addIssue({ code: 'custom', path: ['red'], message: `when higher is better the red threshold (${t.red}) cannot be above the green one (${t.green})` });
    if (t.better === 'lower' && t.red < t.green)
      ctx.addIssue({ code: 'custom', path: ['red'], message: `when lower is better the red threshold (${t.red}) cannot be below the green one (${t.green})` });
  });
export type Target = z.infer<typeof Target>;

/**
 * An indicator's value against its target.
 *
 * @example rateAgainstTarget(96, { better: 'higher', green: 95, red: 90 }) // 'positive' (green)
 * @example rateAgainstTarget(92, { better: 'higher', green: 95, red: 90 }) // 'amber'
 * @example rateAgainstTarget(89, { better: 'higher', green: 95, red: 90 }) // 'negative' (red)
 */
export function rateAgainstTarget(value: number, t: Pick<Target, 'better' | 'green' | 'red'>): Exclude<IndicatorRating, 'not-rated' | 'neutral'> {
  if (t.better === 'higher') return value > t.green ? 'positive' : value < t.red ? 'negative' : 'amber';
  return value < t.green ? 'positive' : value > t.red ? 'negative' : 'amber';
}

/** A target in words. @example targetWords({ better: 'higher', green: 95, red: 90 }, '%') // 'green above 95%, amber 90%–95%, red below 90%' */
export function targetWords(t: Pick<Target, 'better' | 'green' | 'red'>, unit = ''): string {
  const v = (x: number) => `${x.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${unit}`;
  return t.better === 'higher'
    ? `green above ${v(t.green)}, amber ${v(t.red)}–${v(t.green)}, red below ${v(t.red)}`
    : `green below ${v(t.green)}, amber ${v(t.green)}–${v(t.red)}, red above ${v(t.red)}`;
}
