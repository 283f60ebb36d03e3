import type { Geometry } from './boundaries';

/**
 * Planar geometry on longitude/latitude, enough for placing points in ward
 * and LSOA polygons. At the scale of one local authority the error of
 * treating degrees as a plane is far below the generalisation of ONS
 * boundaries, and every polygon test is made the same way.
 */

export type Point = readonly [number, number];
type Ring = readonly (readonly number[])[];
/** [minLongitude, minLatitude, maxLongitude, maxLatitude] */
export type Bbox = [number, number, number, number];

/** The polygons of a geometry, each a list of rings (the first is the outline, the rest holes). */
export function polygonsOf(g: Geometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** @example bboxOf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 0]]] }) // [0, 0, 2, 1] */
export function bboxOf(g: Geometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygonsOf(g)) extend(b, poly[0]!);
  return b;
}

function extend(b: Bbox, ring: Ring): Bbox {
  for (const [x, y] of ring) {
    if (x! < b[0]) b[0] = x!;
    if (y! < b[1]) b[1] = y!;
    if (x! > b[2]) b[2] = x!;
    if (y! > b[3]) b[3] = y!;
  }
  return b;
}

/**
 * Even-odd ray casting with a half-open rule: an edge counts when the point's
 * latitude is in [min, max) of the edge and the crossing lies strictly east
 * of the point. A point on an edge shared by two polygons (with the same
 * vertices, as ONS boundaries have) is therefore inside exactly one of them.
 */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a point is inside a Polygon or MultiPolygon (inside an outline and
 * not inside one of its holes).
 *
 * @example pointInGeometry(-0.417, 51.879, ward.geometry) // true for a point in High Town
 */
export function pointInGeometry(x: number, y: number, g: Geometry): boolean {
  for (const poly of polygonsOf(g)) {
    if (!pointInRing(x, y, poly[0]!)) continue;
    let inHole = false;
    for (let h = 1; h < poly.length && !inHole; h++) inHole = pointInRing(x, y, poly[h]!);
    if (!inHole) return true;
  }
  return false;
}

/** Signed planar area of a ring (negative when its vertices run clockwise). */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return s / 2;
}

/**
 * Area-weighted centroid of all polygons of a geometry (holes subtracted).
 * For a concave or multi-part area it may fall outside the area; use
 * {@link interiorPoint} to place the area in another layer.
 *
 * @example centroidOf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function centroidOf(g: Geometry): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, k) => {
      // Holes count negatively whatever their winding.
      const sign = k === 0 ? 1 : -1;
      const ra = Math.abs(ringArea(ring));
      if (ra === 0) return;
      const [rx, ry] = ringCentroid(ring);
      a += sign * ra;
      cx += sign * ra * rx;
      cy += sign * ra * ry;
    });
  }
  if (a === 0) {
    const b = bboxOf(g);
    return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  }
  return [cx / a, cy / a];
}

function ringCentroid(ring: Ring): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    a += f;
    cx += (ring[j]![0]! + ring[i]![0]!) * f;
    cy += (ring[j]![1]! + ring[i]![1]!) * f;
  }
  return a === 0 ? [ring[0]![0]!, ring[0]![1]!] : [cx / (3 * a), cy / (3 * a)];
}

/**
 * A point guaranteed to lie inside the geometry: its centroid when that is
 * inside, otherwise the middle of the widest inside stretch of the horizontal
 * line through the centroid (or, failing that, through the middle of the
 * largest part).
 *
 * @example interiorPoint(crescent) // a point on the crescent, not in its hollow
 */
export function interiorPoint(g: Geometry): Point {
  const c = centroidOf(g);
  if (pointInGeometry(c[0], c[1], g)) return c;
  const across = widestSpan(g, c[1]);
  if (across !== undefined) return across;
  const largest = polygonsOf(g).reduce((best, p) => (Math.abs(ringArea(p[0]!)) > Math.abs(ringArea(best[0]!)) ? p : best));
  const b = extend([Infinity, Infinity, -Infinity, -Infinity], largest[0]!);
  return widestSpan(g, (b[1] + b[3]) / 2) ?? c;
}

/** The midpoint of the widest inside segment of the line y = `y`, if the line meets the geometry. */
function widestSpan(g: Geometry, y: number): Point | undefined {
  const xs: number[] = [];
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const yi = ring[i]![1]!;
        const yj = ring[j]![1]!;
        if (yi > y !== yj > y) xs.push(((ring[j]![0]! - ring[i]![0]!) * (y - yi)) / (yj - yi) + ring[i]![0]!);
      }
    }
  }
  xs.sort((a, b) => a - b);
  let best: Point | undefined;
  let width = 0;
  // Even-odd: consecutive crossings pair up into inside stretches.
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const w = xs[k + 1]! - xs[k]!;
    if (w > width) {
      width = w;
      best = [(xs[k]! + xs[k + 1]!) / 2, y];
    }
  }
  return best;
}
