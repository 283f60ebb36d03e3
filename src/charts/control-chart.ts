import * as Plot from '@observablehq/plot';
import { MONTH_STATUS_WORDS, type MonthCheck } from '../../models/dashboard/exceptions';
import { formatCount, formatMonth } from '../../models/format';
import { monthStart } from '../../models/months';

const INK = '#1b2430';
const BAND = '#dfe7f1';
const HIGH = '#a4262c';
const LOW = '#1d4f91';

const date = monthStart;
const HALF_MONTH = 15.2 * 24 * 3600 * 1000;
const shift = (d: Date, ms: number) => new Date(d.getTime() + ms);
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
  // Each judged month's band and centre line run from half a month before its dot to half a month after (step-after from the half-way points, closed after the last).
  const judged = checks.filter((c) => c.limits !== null).map((c) => ({ ...c, at: shift(date(c.month), -HALF_MONTH), ...c.limits! }));
  const last = judged.at(-1);
  const band = last === undefined ? judged : [...judged, { ...last, at: shift(date(last.month), HALF_MONTH) }];
  const points = checks.map((c) => ({ ...c, at: date(c.month) }));
  // Half a month of room at each end, so the first and last months are drawn whole (not clipped at the frame).
  const domain = points.length === 0 ? undefined : [shift(points[0]!.at, -HALF_MONTH), shift(points.at(-1)!.at, HALF_MONTH)];
  const flagged = points.filter((c) => c.status === 'high' || c.status === 'low');
  return {
    width: 760,
    height: 260,
    marginLeft: 50,
    marginRight: 20,
    style: { fontSize: '11px' },
    ariaLabel,
    x: { type: 'utc', label: null, domain, tickFormat: (d: Date) => formatMonth(monthOf(d)), ticks: 8 },
    y: { label: 'Count a month', grid: true, zero: true, tickFormat: (v: number) => formatCount(v) },
    marks: [
      Plot.areaY(band, { x: 'at', y1: 'lower', y2: 'upper', fill: BAND, curve: 'step-after' }),
      Plot.lineY(band, { x: 'at', y: 'centre', stroke: '#5a6573', strokeDasharray: '4,3', curve: 'step-after' }),
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
      // The exact figures of the month nearest the pointer (the text equivalent beside the chart has them all).
      Plot.tip(points, Plot.pointerX({ x: 'at', y: 'count', title: monthWords })),
    ],
  };
}
