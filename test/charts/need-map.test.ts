import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type Geometry } from '../../models/geo/boundaries';
import { ringArea } from '../../models/geo/geometry';
import { needMap, windForD3 } from '../../src/charts/need-map';
import { areaTrendChart } from '../../src/charts/area-trend';

const wards = (() => {
  const r = parseBoundaries(readFileSync(new URL('../../sample-data/boundaries/ward_E06000032.geojson', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.areas;
})();

const input = {
  areas: wards,
  value: (code: string) => (code === wards[0]!.code ? null : wards.findIndex((w) => w.code === code)),
  label: 'Composite need score (z-score)',
  lowerIsMoreNeed: false,
  tickFormat: String,
  describe: (a: { name: string }) => a.name,
  href: (a: { code: string }) => `#/need?area=${a.code}`,
  selected: wards[8]!.code,
  ariaLabel: 'Map of Wards',
};

describe('needMap', () => {
  it('fits a Mercator projection to the areas, one feature per ward, with a sequential legend', () => {
    const o = needMap(input);
    const projection = o.projection as { type: string; domain: { features: unknown[] } };
    expect(projection.type).toBe('mercator');
    expect(projection.domain.features).toHaveLength(20);
    expect(o.color).toMatchObject({ type: 'linear', legend: true, label: 'Composite need score (z-score)', reverse: false, unknown: '#d9d9d9' });
    const [areas, outline] = o.marks as unknown as { data: { properties: { code: string } }[] }[];
    expect(areas!.data).toHaveLength(20);
    expect(outline!.data.map((f) => f.properties.code)).toEqual([wards[8]!.code]);
  });

  it('reverses the colours when lower values mean more need, so darker is always more need', () => {
    expect(needMap({ ...input, lowerIsMoreNeed: true }).color).toMatchObject({ reverse: true });
  });
});

describe('windForD3', () => {
  const square = (ccw: boolean): Geometry => ({
    type: 'Polygon',
    coordinates: [
      ccw
        ? [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ]
        : [
            [0, 0],
            [0, 1],
            [1, 1],
            [1, 0],
            [0, 0],
          ],
    ],
  });

  it('makes outlines clockwise (as d3-geo wants) and leaves clockwise ones alone', () => {
    for (const ccw of [true, false]) {
      const g = windForD3(square(ccw));
      expect(ringArea((g as { coordinates: number[][][] }).coordinates[0]!)).toBeLessThan(0);
    }
    expect(windForD3(square(false))).toEqual(square(false));
  });

  it('keeps the ONS rings of the Luton wards as they are', () => {
    for (const w of wards) expect(windForD3(w.geometry)).toEqual(w.geometry);
  });
});

describe('areaTrendChart', () => {
  it('draws one series per month with its own y scale starting at 0', () => {
    const o = areaTrendChart(['2023-01', '2023-02', '2023-03'], 'Burglary', [4, 0, 9], 'High Town');
    expect(o.y).toMatchObject({ domain: [0, 9] });
    expect(o.ariaLabel).toBe('Burglary in High Town: rows per month');
  });
});
