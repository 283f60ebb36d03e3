import { gammaQ } from '../stats/gamma';

/**
 * Kendall's coefficient of concordance W: how far m scorers agree on the
 * order of n items (0 = no agreement, 1 = identical rankings). Tied items
 * take the mean of the ranks they span, and W is corrected for ties:
 *
 *   W = 12 S / (m²(n³ − n) − m Σ_j T_j),  S = Σ_i (R_i − m(n + 1)/2)²,
 *   T_j = Σ over scorer j's tie groups of (t³ − t),
 *
 * where R_i is item i's rank sum. The test of "no agreement": m(n − 1)W is
 * approximately chi-square with n − 1 degrees of freedom (Kendall & Gibbons
 * 1990, Rank Correlation Methods, ch. 6; Siegel & Castellan 1988, §9.4).
 */
export interface KendallW {
  w: number;
  chiSquare: number;
  df: number;
  /** Upper tail probability of the chi-square statistic. */
  p: number;
  scorers: number;
  items: number;
}

/** Ranks 1..n of values, largest first, ties sharing their mean rank. @example midRanks([5, 3, 5]) // [1.5, 3, 1.5] */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const out = new Array<number>(values.length);
  for (let k = 0; k < order.length;) {
    let e = k;
    while (e + 1 < order.length && order[e + 1]![0] === order[k]![0]) e++;
    const r = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) out[order[q]![1]] = r;
    k = e + 1;
  }
  return out;
}

/**
 * W for scorers' values (rows: scorers; columns: items; larger = ranked higher).
 *
 * @example kendallW([[3, 2, 1], [3, 2, 1]]).w // 1
 */
export function kendallW(values: readonly (readonly number[])[]): KendallW {
  const m = values.length;
  const n = values[0]?.length ?? 0;
  if (m < 2 || n < 2) throw new Error(`Kendall's W needs at least 2 scorers and 2 items, not ${m} and ${n}`);
  if (values.some((row) => row.length !== n)) throw new Error('every scorer must rank the same items');
  const sums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const row of values) {
    midRanks(row).forEach((r, i) => (sums[i]! += r));
    const counts = new Map<number, number>();
    for (const v of row) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const t of counts.values()) ties += t ** 3 - t;
  }
  const mean = (m * (n + 1)) / 2;
  const s = sums.reduce((t, r) => t + (r - mean) ** 2, 0);
  const denom = m * m * (n ** 3 - n) - m * ties;
  // Every scorer tying every item leaves nothing to agree on: W is taken as 0.
  const w = denom > 0 ? (12 * s) / denom : 0;
  const chiSquare = m * (n - 1) * w;
  return { w, chiSquare, df: n - 1, p: chiSquareUpper(chiSquare, n - 1), scorers: m, items: n };
}

/** P(X ≥ x) for X chi-square with `df` degrees of freedom: the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}
