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

/**
 * Which tests are significant after the Benjamini-Hochberg adjustment, i.e.
 * whose adjusted p-value (as {@link benjaminiHochberg}) is below `alpha`,
 * without adjusting every p-value: only p-values below `alpha` can pass, so
 * only those are sorted. With k* the largest rank whose p × m ÷ k is below
 * alpha, a test passes when its p is at most the k*-th smallest.
 *
 * @example bhBelow([0.01, 0.04, 0.03, 0.005, 0.2, 0.5], 0.05) // [1, 0, 0, 1, 0, 0]
 */
export function bhBelow(p: ArrayLike<number>, alpha: number): Uint8Array {
  const m = p.length;
  const small: number[] = [];
  for (let i = 0; i < m; i++) if (p[i]! < alpha) small.push(p[i]!);
  const sorted = Float64Array.from(small).sort();
  let cut = -1;
  for (let k = sorted.length - 1; k >= 0; k--) {
    if ((sorted[k]! * m) / (k + 1) < alpha) {
      cut = sorted[k]!;
      break;
    }
  }
  const out = new Uint8Array(m);
  if (cut >= 0) for (let i = 0; i < m; i++) out[i] = p[i]! <= cut ? 1 : 0;
  return out;
}
