import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth } from '../../models/format';
import { monthStart } from '../../models/months';
import { CRIME_TYPE_COLOURS } from './palette';

const dateOf = monthStart;

/**
 * One small line chart of rows per month for a crime type in an area. Each
 * type gets its own chart and y scale, so a type with few rows is not
 * flattened under one with many.
 *
 * @example profile.trend.map((t) => areaTrendChart(profile.months, t.crimeType, t.rows, profile.name))
 */
export function areaTrendChart(months: readonly string[], crimeType: string, rows: readonly number[], areaName: string): Plot.PlotOptions {
  const data = months.map((month, i) => ({ month, date: dateOf(month), rows: rows[i] ?? 0 }));
  return {
    width: 320,
    height: 150,
    marginLeft: 40,
    marginTop: 24,
    style: { fontSize: '11px' },
    ariaLabel: `${crimeType} in ${areaName}: rows per month`,
    x: { type: 'utc', label: null, ticks: 4, tickFormat: (d: Date) => formatMonth(d.toISOString().slice(0, 7)) },
    y: { label: null, grid: true, ticks: 3, domain: [0, Math.max(1, ...rows)], tickFormat: (v: number) => formatCount(v) },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 'date', y: 'rows', stroke: CRIME_TYPE_COLOURS[crimeType] ?? '#4e79a7', strokeWidth: 1.5 }),
      Plot.dot(data, {
        x: 'date',
        y: 'rows',
        r: 1.5,
        fill: CRIME_TYPE_COLOURS[crimeType] ?? '#4e79a7',
        title: (d: { month: string; rows: number }) => `${formatMonth(d.month)}: ${formatCount(d.rows)} rows`,
        tip: true,
      }),
      Plot.text([crimeType], { frameAnchor: 'top-left', dy: -18, fontWeight: 600, fontSize: 12 }),
    ],
  };
}
