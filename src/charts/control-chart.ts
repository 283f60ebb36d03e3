import * as Plot from '@observablehq/plot';
import { MONTH_STATUS_WORDS, type MonthCheck } from '../../models/dashboard/exceptions';
import { formatCount, formatMonth } from '../../models/format';
import { monthStart } from '../../models/months';

const INK = '#1b2430';
const BAND = '#dfe7f1';
const HIGH = '#a4262c';
const LOW = '#1d4f91';

const date = monthStart;
const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** A month's figures in words, for the dot's tooltip. */
function monthWords(c: MonthCheck): string {
  const limits = c.limits === null ? '' : ` (limits ${formatCount(Math.round(c.limits.lower))} to ${formatCount(Math.round(c.limits.upper))})`;
  return `${formatMonth(c.month)}: ${c.count === null ? 'no data' : formatCount(c.count)}${limits}, ${MONTH_STATUS_WORDS[c.status].words}`;
}

/**
 * A control chart of one issue's monthly counts: the count line, each month's
 * centre line and control limits (a band; each month has its own, from the
 * months before it), and the months outside the limits marked ▲ (high) or ▼
 * (low). Months not judged have no band.
 *
 * @example <csp-chart-figure .options=${controlChart(row.months, 'Burglary, monthly counts …')}></csp-chart-figure>
 */
export function controlChart(checks: readonly MonthCheck[], ariaLabel: string): Plot.PlotOptions {
  const judged = checks.filter((c) => c.limits !== null).map((c) => ({ ...c, at: date(c.month), ...c.limits! }));
  const points = checks.map((c) => ({ ...c, at: date(c.month) }));
  const flagged = points.filter((c) => c.status === 'high' || c.status === 'low');
  return {
    width: 760,
    height: 260,
    marginLeft: 50,
    marginRight: 20,
    style: { fontSize: '11px' },
    ariaLabel,
    x: { type: 'utc', label: null, tickFormat: (d: Date) => formatMonth(monthOf(d)), ticks: 8 },
    y: { label: 'Count a month', grid: true, zero: true, tickFormat: (v: number) => formatCount(v) },
    marks: [
      Plot.areaY(judged, { x: 'at', y1: 'lower', y2: 'upper', fill: BAND, curve: 'step' }),
      Plot.lineY(judged, { x: 'at', y: 'centre', stroke: '#5a6573', strokeDasharray: '4,3', curve: 'step' }),
      Plot.lineY(points, { x: 'at', y: 'count', stroke: INK, strokeWidth: 1.5 }),
      Plot.dot(points, { x: 'at', y: 'count', r: 2.5, fill: INK, title: monthWords }),
      Plot.dot(flagged, { x: 'at', y: 'count', r: 5, fill: (c: MonthCheck) => (c.status === 'high' ? HIGH : LOW), title: monthWords }),
      Plot.text(
        flagged.filter((c) => c.status === 'high'),
        { x: 'at', y: 'count', text: () => MONTH_STATUS_WORDS.high.symbol, dy: -11, fill: HIGH, fontSize: 12 },
      ),
      Plot.text(
        flagged.filter((c) => c.status === 'low'),
        { x: 'at', y: 'count', text: () => MONTH_STATUS_WORDS.low.symbol, dy: 11, fill: LOW, fontSize: 12 },
      ),
    ],
  };
}
