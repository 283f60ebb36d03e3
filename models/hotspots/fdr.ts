/**
 * Benjamini-Hochberg false-discovery-rate adjustment (as R's
 * `p.adjust(p, 'BH')`): sort ascending, adjusted p(i) = min over k ≥ i of
 * p(k) × m ÷ k, capped at 1, returned in the input order.
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const m = p.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out = new Float64Array(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k]!;
    running = Math.min(running, (p[i]! * m) / (k + 1));
    out[i] = running;
  }
  return out;
}
