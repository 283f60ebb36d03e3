/**
 * Benjamini-Hochberg adjusted p-values (false discovery rate), as R's
 * `p.adjust(p, "BH")`: sort ascending, p(i) × m ÷ i, then the running minimum
 * from the largest down, capped at 1. Declaring "significant" every test whose
 * adjusted p is below 5% keeps the expected share of false discoveries among
 * them at 5% or less (Benjamini and Hochberg, JRSS B 57, 1995).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): number[] {
  const m = pValues.length;
  const order = Array.from(pValues, (p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let min = 1;
  for (let r = m - 1; r >= 0; r--) {
    const { p, i } = order[r]!;
    min = Math.min(min, (p * m) / (r + 1));
    adjusted[i] = min;
  }
  return adjusted;
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
  const cut = bhCut(small, m, alpha);
  const out = new Uint8Array(m);
  if (cut >= 0) for (let i = 0; i < m; i++) out[i] = p[i]! <= cut ? 1 : 0;
  return out;
}

/**
 * The Benjamini-Hochberg cut-off from the p-values below `alpha` of `m` tests
 * (the others cannot pass and rank after them): the k*-th smallest, with k*
 * the largest rank whose p × m ÷ k is below alpha; -1 when none passes. A test
 * passes when its p is at most the cut-off.
 *
 * @example bhCut([0.01, 0.04, 0.03, 0.005], 6, 0.05) // 0.01
 */
export function bhCut(small: ArrayLike<number>, m: number, alpha: number): number {
  const sorted = Float64Array.from(small).sort();
  for (let k = sorted.length - 1; k >= 0; k--) if ((sorted[k]! * m) / (k + 1) < alpha) return sorted[k]!;
  return -1;
}
