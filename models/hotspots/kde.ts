/** The cells of a regular grid that are kept, for {@link quarticDensity}. */
export interface DensityGrid {
  size: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** Per grid cell (row × cols + col): the kept cell's index, or -1. */
  keptAt: Int32Array;
  /** Number of kept cells. */
  n: number;
}

/**
 * Kernel density at grid-cell centres with the quartic (biweight) kernel:
 * K(d) = 3 ÷ (π h²) × (1 − d²/h²)² for d < h, else 0, so each point adds one
 * in total, spread over a disc of radius h (the bandwidth). Exact: every
 * point is spread over the cell centres within h of it. Densities are points
 * per square kilometre; a point may carry a weight (the rows at it).
 *
 * @example quarticDensity(grid, px, py, 400) // Float64Array, one density per kept cell
 */
export function quarticDensity(g: DensityGrid, pointX: ArrayLike<number>, pointY: ArrayLike<number>, bandwidth: number, weight?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(g.n);
  const h2 = bandwidth * bandwidth;
  const k = (3 / (Math.PI * h2)) * 1e6;
  const { size, x0, y0, cols, rows, keptAt } = g;
  for (let i = 0; i < pointX.length; i++) {
    const px = pointX[i]!;
    const py = pointY[i]!;
    const kw = k * (weight?.[i] ?? 1);
    const c0 = Math.max(0, Math.floor((px - bandwidth - x0) / size));
    const c1 = Math.min(cols - 1, Math.floor((px + bandwidth - x0) / size));
    const r0 = Math.max(0, Math.floor((py - bandwidth - y0) / size));
    const r1 = Math.min(rows - 1, Math.floor((py + bandwidth - y0) / size));
    for (let r = r0; r <= r1; r++) {
      const dy = y0 + (r + 0.5) * size - py;
      const rest = h2 - dy * dy;
      if (rest <= 0) continue;
      const base = r * cols;
      for (let c = c0; c <= c1; c++) {
        const cell = keptAt[base + c]!;
        if (cell < 0) continue;
        const dx = x0 + (c + 0.5) * size - px;
        const u = (dx * dx + dy * dy) / h2;
        if (u < 1) out[cell]! += kw * (1 - u) * (1 - u);
      }
    }
  }
  return out;
}

/**
 * Rule-of-thumb bandwidth (MASS's `bandwidth.nrd`, as sfhotspot uses):
 * 4 × 1.06 × min(sd, IQR ÷ 1.34) × n^(−1/5), the mean of the eastings' and
 * the northings' values. With `weight`, point i stands for `weight[i]` rows
 * at the same place (police.uk's anonymous map points), and the result is
 * that of the rows written out one by one.
 *
 * @example bandwidthNrd([0, 10, 20, 30], [0, 0, 10, 10])
 */
export function bandwidthNrd(x: ArrayLike<number>, y: ArrayLike<number>, weight?: ArrayLike<number>): number {
  const w = (i: number) => weight?.[i] ?? 1;
  const one = (v: ArrayLike<number>) => {
    const order = Uint32Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a]! - v[b]!);
    const sorted = Float64Array.from(order, (i) => v[i]!);
    // end[j]: rows up to and including sorted point j.
    const end = new Float64Array(order.length);
    let n = 0;
    let total = 0;
    order.forEach((i, j) => {
      n += w(i);
      total += w(i) * v[i]!;
      end[j] = n;
    });
    if (n < 2) return 0;
    const mean = total / n;
    let squares = 0;
    for (let i = 0; i < v.length; i++) squares += w(i) * (v[i]! - mean) * (v[i]! - mean);
    const sd = Math.sqrt(squares / (n - 1));
    // The value of the r-th row (0-based) in sorted order.
    const at = (r: number) => {
      let lo = 0;
      let hi = end.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (end[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return sorted[lo]!;
    };
    const q = (p: number) => {
      // R's default quantile (type 7).
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      return at(lo) + (h - lo) * (at(Math.min(n - 1, lo + 1)) - at(lo));
    };
    const iqr = (q(0.75) - q(0.25)) / 1.34;
    const spread = iqr > 0 ? Math.min(sd, iqr) : sd;
    return 4 * 1.06 * spread * n ** -0.2;
  };
  return (one(x) + one(y)) / 2;
}
