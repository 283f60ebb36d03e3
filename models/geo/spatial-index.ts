import type { Geometry } from './boundaries';
import { bboxOf, pointInGeometry, type Bbox } from './geometry';

/** Finds which of a set of areas contains a point. */
export interface AreaIndex {
  readonly size: number;
  /** Index of the first area containing the point, or -1 when none does. */
  locate(x: number, y: number): number;
  /** Indexes of every area containing the point (for checking that areas do not overlap). */
  locateAll(x: number, y: number): number[];
}

/**
 * A uniform grid over the areas' extent; each cell lists the areas whose
 * bounding box touches it, so a point is tested against a handful of
 * polygons instead of all of them.
 *
 * @example areaIndex(wards.map((w) => w.geometry)).locate(-0.417, 51.879) // 8 (High Town)
 */
export function areaIndex(geometries: readonly Geometry[]): AreaIndex {
  const boxes = geometries.map(bboxOf);
  const all: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    all[0] = Math.min(all[0], b[0]);
    all[1] = Math.min(all[1], b[1]);
    all[2] = Math.max(all[2], b[2]);
    all[3] = Math.max(all[3], b[3]);
  }
  // About four cells per area keeps candidate lists short at any scale.
  const side = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(geometries.length * 4))));
  const w = (all[2] - all[0]) / side || 1;
  const h = (all[3] - all[1]) / side || 1;
  const col = (x: number) => Math.min(side - 1, Math.max(0, Math.floor((x - all[0]) / w)));
  const row = (y: number) => Math.min(side - 1, Math.max(0, Math.floor((y - all[1]) / h)));
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  boxes.forEach((b, i) => {
    for (let r = row(b[1]); r <= row(b[3]); r++) for (let c = col(b[0]); c <= col(b[2]); c++) cells[r * side + c]!.push(i);
  });

  const candidates = (x: number, y: number): readonly number[] => {
    if (!(x >= all[0] && x <= all[2] && y >= all[1] && y <= all[3])) return [];
    return cells[row(y) * side + col(x)]!;
  };
  const hit = (i: number, x: number, y: number) => {
    const b = boxes[i]!;
    return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && pointInGeometry(x, y, geometries[i]!);
  };
  return {
    size: geometries.length,
    locate(x, y) {
      for (const i of candidates(x, y)) if (hit(i, x, y)) return i;
      return -1;
    },
    locateAll(x, y) {
      return candidates(x, y).filter((i) => hit(i, x, y));
    },
  };
}
