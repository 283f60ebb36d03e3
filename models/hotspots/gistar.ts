import { bhCut } from '../stats/fdr';
import { twoSidedP } from '../stats/normal';

/**
 * A set of cells of a regular grid: column and row of each, so neighbours
 * within a distance are found by offsets rather than by pairwise distances.
 */
export interface GridCells {
  /** Cells of the full grid across. */
  cols: number;
  rows: number;
  /** Per kept cell: its column and row. */
  col: Int32Array;
  row: Int32Array;
}

/**
 * The neighbourhood of a cell: every kept cell whose centre lies within
 * `distance` metres of its centre, itself included (binary weights, 1 inside
 * and 0 outside, as sfhotspot and ArcGIS use for Gi*).
 *
 * @returns for each cell, the indexes of its neighbours (itself first)
 */
export function neighbours(cells: GridCells, cellSize: number, distance: number): Int32Array[] {
  const reach = Math.floor(distance / cellSize + 1e-9);
  const offsets: [number, number][] = [[0, 0]];
  for (let dr = -reach; dr <= reach; dr++) {
    for (let dc = -reach; dc <= reach; dc++) {
      if ((dc !== 0 || dr !== 0) && Math.hypot(dc, dr) * cellSize <= distance + 1e-6) offsets.push([dc, dr]);
    }
  }
  const at = new Int32Array(cells.cols * cells.rows).fill(-1);
  const n = cells.col.length;
  for (let i = 0; i < n; i++) at[cells.row[i]! * cells.cols + cells.col[i]!] = i;
  const out: Int32Array[] = [];
  const buf = new Int32Array(offsets.length);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const [dc, dr] of offsets) {
      const c = cells.col[i]! + dc;
      const r = cells.row[i]! + dr;
      if (c < 0 || r < 0 || c >= cells.cols || r >= cells.rows) continue;
      const j = at[r * cells.cols + c]!;
      if (j >= 0) buf[k++] = j;
    }
    out.push(buf.slice(0, k));
  }
  return out;
}

export interface GiStar {
  z: Float64Array;
  /** Two-sided p-value of each z (unadjusted). */
  p: Float64Array;
}

/**
 * Getis-Ord Gi* (Ord and Getis 1995, eq. 14; spdep's `localG` with the cell
 * itself included and binary weights):
 *
 *   Gi* = (Σj wij xj − x̄ Wi) ÷ (s √((n Wi − Wi²) ÷ (n − 1)))
 *
 * where x̄ and s are the mean and the population standard deviation of all n
 * counts and Wi the number of cells in i's neighbourhood. Under the null
 * hypothesis of no clustering Gi* is close to standard normal. When every
 * count is equal (s = 0) no cell stands out and every z is 0.
 *
 * @example giStar(new Float64Array([0, 0, 9]), [[0, 1], [1, 0, 2], [2, 1]]).z
 */
export function giStar(x: ArrayLike<number>, nb: readonly ArrayLike<number>[]): GiStar {
  const z = giStarZ(x, nb);
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) p[i] = twoSidedP(z[i]!);
  return { z, p };
}

/**
 * The Gi* z of every cell without its p-value (as {@link giStar}): for the
 * monthly statistics of the classification, where a p-value is only needed
 * for the few cells with a large |z|.
 */
export function giStarZ(x: ArrayLike<number>, nb: readonly ArrayLike<number>[]): Float64Array {
  const n = x.length;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    sum2 += x[i]! * x[i]!;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  const z = new Float64Array(n);
  if (n < 2 || s === 0) return z;
  for (let i = 0; i < n; i++) {
    const ni = nb[i]!;
    const w = ni.length;
    let local = 0;
    for (let k = 0; k < w; k++) local += x[ni[k]!]!;
    const denom = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = denom === 0 ? 0 : (local - mean * w) / denom;
  }
  return z;
}

/**
 * One month's Gi* z per cell and whether it is significant after the
 * Benjamini-Hochberg adjustment over the cells (as `bhBelow` (./fdr)). Only a
 * |z| of 1.95 or more can give a p below 0.05 (|z| = 1.95 is p = 0.0512; with an `alpha` above 0.05 every cell is worked out), so
 * only those cells' p-values are worked out and ranked; every other cell has a
 * larger p and a later rank, and can pass only if they do.
 */
export function monthlyHot(x: Float64Array, nb: readonly ArrayLike<number>[], alpha: number): { z: Float64Array; significant: Uint8Array } {
  const z = giStarZ(x, nb);
  const m = z.length;
  const zMin = alpha <= 0.05 ? 1.95 : 0;
  const small: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < m; i++) {
    if (Math.abs(z[i]!) < zMin) continue;
    const p = twoSidedP(z[i]!);
    if (p < alpha) {
      small.push(p);
      at.push(i);
    }
  }
  const cut = bhCut(small, m, alpha);
  const significant = new Uint8Array(m);
  at.forEach((i, k) => (significant[i] = small[k]! <= cut ? 1 : 0));
  return { z, significant };
}
