import type { Geometry } from '../geo/boundaries';
import { CELL_SIZE } from './schema';

/** The partnership's wards in BNG metres. */
export interface BngArea {
  code: string;
  name: string;
  geometry: Geometry;
}

/** A regular grid aligned on whole multiples of its cell size (so a cell's corner is a round grid reference). */
export interface Grid {
  size: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
}

/** [minX, minY, maxX, maxY] of every ring vertex. */
export function extentOf(areas: readonly BngArea[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of areas) {
    const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
    for (const p of polys) {
      for (const [x, y] of p[0]!) {
        b[0] = Math.min(b[0], x!);
        b[1] = Math.min(b[1], y!);
        b[2] = Math.max(b[2], x!);
        b[3] = Math.max(b[3], y!);
      }
    }
  }
  return b;
}

/**
 * The automatic cell size: sfhotspot's rule (50 cells along the shorter
 * side of the extent, rounded down to whole 100 m) but never finer than one
 * cell per point on average (√(extent area ÷ points), rounded up to whole
 * 50 m), kept within 50-500 m.
 *
 * @example autoCellSize([500000, 200000, 510000, 208000], 2000) // 150
 */
export function autoCellSize(extent: readonly number[], points: number): number {
  const w = extent[2]! - extent[0]!;
  const h = extent[3]! - extent[1]!;
  const fromExtent = Math.floor(Math.min(w, h) / 50 / 100) * 100 || Math.min(w, h) / 50;
  const fromCount = points > 0 ? Math.ceil(Math.sqrt((w * h) / points) / 50) * 50 : CELL_SIZE.max;
  return Math.min(CELL_SIZE.max, Math.max(CELL_SIZE.min, fromExtent, fromCount));
}

/** @example gridOver([500020, 200010, 500990, 200400], 100) // { x0: 500000, y0: 200000, cols: 10, rows: 5 } */
export function gridOver(extent: readonly number[], size: number): Grid {
  const x0 = Math.floor(extent[0]! / size) * size;
  const y0 = Math.floor(extent[1]! / size) * size;
  return { size, x0, y0, cols: Math.max(1, Math.ceil((extent[2]! - x0) / size)), rows: Math.max(1, Math.ceil((extent[3]! - y0) / size)) };
}

/** The grid cell (row × cols + col) a point falls in, or -1 outside the grid. */
export function cellAt(g: Grid, x: number, y: number): number {
  const c = Math.floor((x - g.x0) / g.size);
  const r = Math.floor((y - g.y0) / g.size);
  return c < 0 || r < 0 || c >= g.cols || r >= g.rows ? -1 : r * g.cols + c;
}
