/**
 * Kernel density at grid-cell centres with the quartic (biweight) kernel:
 * K(d) = 3 ÷ (π h²) × (1 − d²/h²)² for d < h, else 0, so each point adds one
 * in total, spread over a disc of radius h (the bandwidth). Densities are
 * points per square kilometre.
 *
 * @example quarticDensity(cx, cy, px, py, 400) // Float64Array of densities
 */
export function quarticDensity(
  centreX: ArrayLike<number>,
  centreY: ArrayLike<number>,
  cellIndex: (x: number, y: number, radius: number, visit: (cell: number) => void) => void,
  pointX: ArrayLike<number>,
  pointY: ArrayLike<number>,
  bandwidth: number,
): Float64Array {
  const out = new Float64Array(centreX.length);
  const h2 = bandwidth * bandwidth;
  const k = (3 / (Math.PI * h2)) * 1e6;
  for (let i = 0; i < pointX.length; i++) {
    const px = pointX[i]!;
    const py = pointY[i]!;
    cellIndex(px, py, bandwidth, (c) => {
      const dx = centreX[c]! - px;
      const dy = centreY[c]! - py;
      const u = (dx * dx + dy * dy) / h2;
      if (u < 1) out[c]! += k * (1 - u) * (1 - u);
    });
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
    const s = Array.from(v).sort((a, b) => a - b);
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
