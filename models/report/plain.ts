import type { TrendFit } from '../stats/trend';

/** A share as a percentage a board reads: whole per cent from 1% up, one decimal below. */
function percent(x: number): string {
  const v = Math.abs(x) * 100;
  return `${v >= 1 ? Math.round(v) : Number(v.toFixed(1))}%`;
}

/**
 * The long-run trend in plain words for the report: the annual rate of
 * change and its 95% interval, without statistical terms ("no clear trend"
 * when the interval holds both a rise and a fall).
 *
 * @example trendPlainWords({ annualChange: -0.04, lower: -0.06, upper: -0.02 }) // 'falling about 4% a year (between 2% and 6%)'
 */
export function trendPlainWords(t: Pick<TrendFit, 'annualChange' | 'lower' | 'upper'>): string {
  if (t.lower > 0) return `rising about ${percent(t.annualChange)} a year (between ${percent(t.lower)} and ${percent(t.upper)})`;
  if (t.upper < 0) return `falling about ${percent(t.annualChange)} a year (between ${percent(t.upper)} and ${percent(t.lower)})`;
  return `no clear trend (between ${percent(t.lower)} down and ${percent(t.upper)} up a year)`;
}
