import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth } from '../../models/format';
import { monthName } from '../../models/format';
import type { Seasonality } from '../../models/evidence/seasonality';

const WIDTH = 132;
const HEIGHT = 30;
const INK = '#5a6573';
const ACCENT = '#1d4f91';

export interface SeriesPoint {
  month: string;
  count: number | null;
}

/** The words a screen reader hears for a trend sparkline. */
export function trendDescription(series: readonly SeriesPoint[]): string {
  const known = series.filter((s): s is { month: string; count: number } => s.count !== null);
  if (known.length === 0) return 'No months with data';
  const hi = known.reduce((a, b) => (b.count > a.count ? b : a));
  const lo = known.reduce((a, b) => (b.count < a.count ? b : a));
  const gaps = series.length - known.length;
  return `Monthly counts ${formatMonth(series[0]!.month)} to ${formatMonth(series.at(-1)!.month)}: lowest ${formatCount(lo.count)} (${formatMonth(lo.month)}), highest ${formatCount(hi.count)} (${formatMonth(hi.month)}), latest ${formatCount(known.at(-1)!.count)}${gaps > 0 ? `; ${gaps} ${gaps === 1 ? 'month' : 'months'} not stored` : ''}`;
}

/**
 * A sparkline of monthly counts over every loaded month, the current period
 * drawn in the accent colour; months not stored break the line.
 *
 * @example <csp-plot .options=${trendSparkline(issue.series, period.current.months)}></csp-plot>
 */
export function trendSparkline(series: readonly SeriesPoint[], current: readonly string[]): Plot.PlotOptions {
  const inCurrent = new Set(current);
  const recent = series.filter((s) => inCurrent.has(s.month));
  return {
    width: WIDTH,
    height: HEIGHT,
    margin: 3,
    ariaLabel: trendDescription(series),
    x: { type: 'point', domain: series.map((s) => s.month), axis: null },
    y: { axis: null, zero: true },
    marks: [Plot.lineY(series, { x: 'month', y: 'count', stroke: INK, strokeWidth: 1 }), Plot.lineY(recent, { x: 'month', y: 'count', stroke: ACCENT, strokeWidth: 2 })],
  };
}

/** The words a screen reader hears for a seasonal sparkline. */
export function seasonalDescription(s: Seasonality): string {
  const at = (m: number) => Math.round(s.byMonth[m - 1]!.index);
  return `Seasonal index by calendar month (100 = average month): highest ${s.peak.map((m) => `${monthName(m)} (${at(m)})`).join(', ')}, lowest ${s.trough.map((m) => `${monthName(m)} (${at(m)})`).join(', ')}`;
}

/**
 * Twelve bars, January to December: each calendar month's index against the
 * average month (a rule marks 100).
 *
 * @example <csp-plot .options=${seasonalSparkline(issue.seasonality)}></csp-plot>
 */
export function seasonalSparkline(s: Seasonality): Plot.PlotOptions {
  return {
    width: WIDTH,
    height: HEIGHT,
    margin: 3,
    ariaLabel: seasonalDescription(s),
    x: { type: 'band', domain: s.byMonth.map((m) => m.monthOfYear), axis: null, padding: 0.15 },
    y: { axis: null, zero: true },
    marks: [
      Plot.barY(s.byMonth, { x: 'monthOfYear', y: 'index', fill: (d: Seasonality['byMonth'][number]) => (s.peak.includes(d.monthOfYear) ? ACCENT : '#9fb3cc') }),
      Plot.ruleY([100], { stroke: INK, strokeDasharray: '2,2' }),
    ],
  };
}
