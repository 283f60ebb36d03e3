import * as Plot from '@observablehq/plot';
import type { MapArea } from './need-map';
import { windForD3 } from './need-map';

export interface PriorityMapInput {
  /** Every area of the level (wards), as the need map draws them. */
  areas: readonly MapArea[];
  /** The areas to mark, each with the priorities that name it. */
  marked: readonly { code: string; priorities: readonly string[] }[];
  ariaLabel: string;
}

/** Light to dark: one priority, two, three or more. */
const SHADES = ['#fdbb84', '#ef6548', '#b30000'];

type Feature = { type: 'Feature'; properties: { code: string; name: string; count: number }; geometry: MapArea['geometry'] };

/**
 * A small map of the top priorities' busiest areas: every area outlined, the
 * marked ones shaded by how many priorities name them (a legend says so) and
 * labelled with their names. Fitted to the areas; nothing is fetched.
 *
 * @example <csp-chart-figure .options=${priorityMap({ areas, marked: brief.mapAreas, ariaLabel: 'Wards of the top priorities' })}></csp-chart-figure>
 */
export function priorityMap(input: PriorityMapInput): Plot.PlotOptions {
  const count = new Map(input.marked.map((m) => [m.code, m.priorities.length]));
  const features: Feature[] = input.areas.map((a) => ({ type: 'Feature', properties: { code: a.code, name: a.name, count: count.get(a.code) ?? 0 }, geometry: windForD3(a.geometry) }));
  const marked = features.filter((f) => f.properties.count > 0);
  // The legend lists only the counts drawn; the shade follows the count, so 3 is always the darkest.
  const counts = [...new Set(marked.map((f) => f.properties.count))].sort((a, b) => a - b);
  const label = (n: number) => `${n} ${n === 1 ? 'priority' : 'priorities'}`;
  const domain = counts.map(label);
  return {
    width: 420,
    height: 340,
    margin: 6,
    ariaLabel: input.ariaLabel,
    projection: { type: 'mercator', domain: { type: 'FeatureCollection', features } },
    color: { type: 'ordinal', domain, range: counts.map((n) => SHADES[Math.min(n, SHADES.length) - 1]!), legend: true, label: 'Named as a busiest ward by' },
    marks: [
      Plot.geo(features, { fill: '#f3f5f8', stroke: '#8a96a3', strokeWidth: 0.6 }),
      Plot.geo(marked, { fill: (f: Feature) => label(f.properties.count), stroke: '#1b2430', strokeWidth: 1, title: (f: Feature) => `${f.properties.name}: named by ${label(f.properties.count)}` }),
      Plot.text(marked, Plot.centroid({ text: (f: Feature) => f.properties.name, fill: '#1b2430', stroke: 'white', strokeWidth: 3, fontSize: 11, fontWeight: 600 })),
    ],
  };
}
