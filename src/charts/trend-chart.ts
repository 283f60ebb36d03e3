import * as Plot from '@observablehq/plot';
import { formatMonth } from '../../models/format';
import { trendWords, type TrendFit } from '../../models/stats/trend';

/** The words a screen reader hears for the trend chart. */
export function trendChartDescription(label: string, t: TrendFit): string {
  return `${label}, monthly counts ${formatMonth(t.first)} to ${formatMonth(t.last)} with the fitted long-run trend and season (dashed): ${trendWords(t)}`;
}

/**
 * Monthly counts as dots and the fitted Poisson trend-and-season model as a
 * dashed line (models/stats/trend), for the series trace.
 *
 * @example <csp-plot .options=${trendChart('Burglary', trace.trend)}></csp-plot>
 */
export function trendChart(label: string, t: TrendFit): Plot.PlotOptions {
  const points = t.fitted.map((f) => ({ date: new Date(`${f.month}-01T00:00:00Z`), count: f.count, fitted: f.fitted }));
  return {
    width: 640,
    height: 240,
    marginLeft: 48,
    ariaLabel: trendChartDescription(label, t),
    x: { type: 'utc', label: null },
    y: { label: 'Count a month', zero: true, grid: true },
    marks: [Plot.dot(points, { x: 'date', y: 'count', r: 2.5, fill: '#5a6573' }), Plot.lineY(points, { x: 'date', y: 'fitted', stroke: '#1d4f91', strokeWidth: 2, strokeDasharray: '5,3' })],
  };
}
