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
 * the northings' values.
 */
export function bandwidthNrd(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const one = (v: ArrayLike<number>) => {
    const s = Float64Array.from(v).sort();
    const n = s.length;
    if (n < 2) return 0;
    const mean = s.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const q = (p: number) => {
      // R's default quantile (type 7).
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      return s[lo]! + (h - lo) * ((s[Math.min(n - 1, lo + 1)] ?? s[lo]!) - s[lo]!);
    };
    const iqr = (q(0.75) - q(0.25)) / 1.34;
    const spread = iqr > 0 ? Math.min(sd, iqr) : sd;
    return 4 * 1.06 * spread * n ** -0.2;
  };
  return (one(x) + one(y)) / 2;
}
