/**
 * Benjamini-Hochberg false-discovery-rate adjustment (as R's
 * `p.adjust(p, 'BH')`): sort ascending, adjusted p(i) = min over k ≥ i of
 * p(k) × m ÷ k, capped at 1, returned in the input order.
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const m = p.length;
  const sorted = Float64Array.from(p).sort();
  const adjusted = new Float64Array(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (sorted[k]! * m) / (k + 1));
    adjusted[k] = running;
  }
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // The last position holding p[i].
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid]! <= p[i]!) lo = mid;
      else hi = mid - 1;
    }
    out[i] = adjusted[lo]!;
  }
  return out;
}
