import * as Plot from '@observablehq/plot';
import type { Geometry } from '../../models/geo/boundaries';
import { ringArea } from '../../models/geo/geometry';

export interface MapArea {
  code: string;
  name: string;
  geometry: Geometry;
}

export interface NeedMapInput {
  areas: readonly MapArea[];
  /** The value to colour each area by (null: no value, drawn grey). */
  value: (code: string) => number | null;
  /** Legend title. */
  label: string;
  /** True when lower values mean more need: the colours are reversed so darker is always more need. */
  lowerIsMoreNeed: boolean;
  /** Legend tick labels. */
  tickFormat: (v: number) => string;
  /** Text of the hover tip and the accessible name of each area. */
  describe: (a: MapArea) => string;
  /** Where clicking an area goes (the page reads the selection from the address). */
  href: (a: MapArea) => string;
  selected: string | null;
  ariaLabel: string;
}

type Feature = { type: 'Feature'; properties: { code: string; name: string; area: MapArea }; geometry: Geometry };

/**
 * A choropleth of need: one path per area, coloured on a sequential scale
 * (darker = more need) with a legend, a tip on hover, a link per area to
 * select it, and the selected area outlined. The projection is fitted to the
 * areas, so nothing is fetched (no tiles).
 *
 * @example <csp-plot .options=${needMap({ areas, value, label: 'Composite need', … })}></csp-plot>
 */
export function needMap(input: NeedMapInput): Plot.PlotOptions {
  const features: Feature[] = input.areas.map((a) => ({ type: 'Feature', properties: { code: a.code, name: a.name, area: a }, geometry: windForD3(a.geometry) }));
  const collection = { type: 'FeatureCollection', features };
  const selected = features.filter((f) => f.properties.code === input.selected);
  const fill = (f: Feature) => input.value(f.properties.code);
  return {
    width: 640,
    margin: 8,
    marginTop: 8,
    ariaLabel: input.ariaLabel,
    projection: { type: 'mercator', domain: collection },
    color: {
      type: 'linear',
      scheme: 'YlOrRd',
      reverse: input.lowerIsMoreNeed,
      legend: true,
      label: input.label,
      unknown: '#d9d9d9',
      tickFormat: input.tickFormat,
    },
    marks: [
      Plot.geo(features, {
        fill,
        stroke: 'white',
        strokeWidth: 0.75,
        title: (f: Feature) => input.describe(f.properties.area),
        ariaLabel: (f: Feature) => input.describe(f.properties.area).replace(/\n/g, '; '),
        href: (f: Feature) => input.href(f.properties.area),
        tip: true,
      }),
      Plot.geo(selected, { stroke: '#111', strokeWidth: 2.5, fill: 'none', ariaHidden: 'true' }),
    ],
  };
}

/**
 * d3-geo reads rings on the sphere: an outline must run clockwise (holes
 * anticlockwise), or the polygon is taken as the whole globe minus the area.
 * ONS files already do; RFC 7946 files run the other way. Rewinds as needed.
 */
export function windForD3(g: Geometry): Geometry {
  const fix = (rings: readonly (readonly number[])[][]) => rings.map((ring, k) => ((k === 0) === ringArea(ring) < 0 ? ring : [...ring].reverse()));
  return (g.type === 'Polygon' ? { type: 'Polygon', coordinates: fix(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(fix) }) as Geometry;
}
