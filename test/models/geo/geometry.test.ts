import { describe, expect, it } from 'vitest';
import type { Geometry } from '../../../models/geo/boundaries';
import { bboxOf, centroidOf, interiorPoint, pointInGeometry } from '../../../models/geo/geometry';
import { areaIndex } from '../../../models/geo/spatial-index';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x0, y1],
  [x1, y1],
  [x1, y0],
  [x0, y0],
];
const poly = (...rings: number[][][]): Geometry => ({ type: 'Polygon', coordinates: rings as [number, number][][] });
// A U open to the north: its centroid (x = 2) falls in the hollow.
const u = poly([
  [0, 0],
  [0, 3],
  [1, 3],
  [1, 1],
  [3, 1],
  [3, 3],
  [4, 3],
  [4, 0],
  [0, 0],
]);

describe('pointInGeometry', () => {
  it('finds points inside and outside a concave polygon', () => {
    expect(pointInGeometry(0.5, 2, u)).toBe(true);
    expect(pointInGeometry(2, 2, u)).toBe(false);
    expect(pointInGeometry(2, 0.5, u)).toBe(true);
    expect(pointInGeometry(5, 0.5, u)).toBe(false);
  });

  it('excludes holes', () => {
    const withHole = poly(square(0, 0, 4, 4), square(1, 1, 3, 3));
    expect(pointInGeometry(2, 2, withHole)).toBe(false);
    expect(pointInGeometry(0.5, 2, withHole)).toBe(true);
  });

  it('tests every part of a MultiPolygon', () => {
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]] as [number, number][][][] };
    expect(pointInGeometry(5.5, 5.5, multi)).toBe(true);
    expect(pointInGeometry(3, 3, multi)).toBe(false);
  });

  it('puts a point on an edge or vertex shared by two polygons in exactly one of them', () => {
    const west = poly(square(0, 0, 1, 2));
    const east = poly(square(1, 0, 2, 2));
    const south = poly(square(0, -1, 2, 0));
    for (const [x, y] of [
      [1, 1],
      [1, 0],
      [0.5, 0],
      [1, 2 - 1e-12],
    ] as const) {
      const hits = [west, east, south].filter((g) => pointInGeometry(x, y, g)).length;
      expect(hits, `point ${x},${y}`).toBe(1);
    }
  });
});

describe('centroidOf and interiorPoint', () => {
  it('gives the centre of a square and the area-weighted centroid with a hole', () => {
    expect(centroidOf(poly(square(0, 0, 2, 2)))).toEqual([1, 1]);
    // 4×4 square minus a 1×1 hole in its south-west corner cell [0,1]×[0,1]: (16·(2,2) − 1·(0.5,0.5)) / 15
    const c = centroidOf(poly(square(0, 0, 4, 4), square(0.25, 0.25, 1.25, 1.25)));
    expect(c[0]).toBeCloseTo((16 * 2 - 0.75) / 15, 10);
  });

  it('moves a centroid that falls outside the area onto it', () => {
    const c = centroidOf(u);
    expect(pointInGeometry(c[0], c[1], u)).toBe(false);
    const p = interiorPoint(u);
    expect(pointInGeometry(p[0], p[1], u)).toBe(true);
  });

  it('bounds a geometry', () => {
    expect(bboxOf(u)).toEqual([0, 0, 4, 3]);
  });
});

describe('areaIndex', () => {
  it('locates points among a grid of areas and returns -1 outside them', () => {
    const areas: Geometry[] = [];
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) areas.push(poly(square(i, j, i + 1, j + 1)));
    const index = areaIndex(areas);
    expect(index.locate(3.5, 7.5)).toBe(37);
    expect(index.locate(-1, 5)).toBe(-1);
    expect(index.locate(10.5, 5)).toBe(-1);
    expect(index.locateAll(4, 4)).toHaveLength(1);
  });
});
