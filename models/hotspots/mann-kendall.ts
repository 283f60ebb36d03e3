import { twoSidedP } from '../stats/normal';

export interface MannKendall {
  /** S: pairs rising minus pairs falling. */
  s: number;
  /** Normal approximation with continuity correction and the tie-corrected variance. */
  z: number;
  p: number;
}

/**
 * The Mann-Kendall trend test on a series in time order (Kendall 1975):
 * S = Σi<j sign(xj − xi); Var S = [n(n−1)(2n+5) − Σt t(t−1)(2t+5)] ÷ 18 over
 * groups of t tied values; z = (S − sign S) ÷ √Var S; two-sided p.
 *
 * @example mannKendall([1, 2, 3, 4, 5]).s // 10
 */
export function mannKendall(x: readonly number[]): MannKendall {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(x[j]! - x[i]!);
  const ties = new Map<number, number>();
  for (const v of x) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance <= 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, z, p: twoSidedP(z) };
}
