/**
 * Benjamini-Hochberg adjusted p-values (false discovery rate), as R's
 * `p.adjust(p, "BH")`: sort ascending, p(i) × m ÷ i, then the running minimum
 * from the largest down, capped at 1. Declaring "significant" every test whose
 * adjusted p is below 5% keeps the expected share of false discoveries among
 * them at 5% or less (Benjamini and Hochberg, JRSS B 57, 1995).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let min = 1;
  for (let r = m - 1; r >= 0; r--) {
    const { p, i } = order[r]!;
    min = Math.min(min, (p * m) / (r + 1));
    adjusted[i] = min;
  }
  return adjusted;
}
