import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth } from '../../models/format';
import { monthTicks } from './month-ticks';
import { crimeTypeColour } from './palette';

export interface MonthTypeCount {
  month: string;
  crimeType: string;
  rows: number;
}

/**
 * Stacked bars of rows per month, coloured by crime type (in the order given,
 * most common first, at the bottom).
 *
 * @example <csp-plot .options=${crimeByMonthChart(counts, types, months)}></csp-plot>
 */
export function crimeByMonthChart(counts: readonly MonthTypeCount[], crimeTypes: readonly string[], months: readonly string[]): Plot.PlotOptions {
  const width = 960;
  const marginLeft = 56;
  const ticks = monthTicks(months, width - marginLeft - 20);
  return {
    width,
    height: 380,
    marginLeft,
    marginRight: 20,
    marginBottom: 40,
    style: { fontSize: '12px' },
    ariaLabel: 'Rows by month, stacked by crime type',
    x: { type: 'band', domain: [...months], label: null, ticks, tickFormat: (m: string) => formatMonth(m) },
    y: { label: 'Rows in the area', grid: true, tickFormat: (v: number) => formatCount(v) },
    color: { ...crimeTypeColour(crimeTypes), legend: true },
    marks: [
      Plot.barY(counts, {
        x: 'month',
        y: 'rows',
        fill: 'crimeType',
        order: [...crimeTypes],
        title: (d: MonthTypeCount) => `${formatMonth(d.month)}\n${d.crimeType}: ${formatCount(d.rows)}`,
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  };
}
