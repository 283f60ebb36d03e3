import { TIE_TOLERANCE } from '../risk-matrix/score';

/**
 * Ranks in the sense of `rank()`'s shared rank: an issue's rank is 1 + the
 * number of issues with a strictly higher total, so tied issues share the best
 * rank ("=2") and no issue gains from its place in the assessment. Totals
 * within TIE_TOLERANCE (relative) of each other are equal, as in `rank()`.
 *
 * @example competitionRanks([33, 32, 32, 31]) // Int32Array [1, 2, 2, 4]
 */
export function competitionRanks(totals: ArrayLike<number>): Int32Array {
  const n = totals.length;
  const ranks = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const ti = totals[i]!;
    for (let k = i + 1; k < n; k++) {
      const tk = totals[k]!;
      const tol = tieTolerance(ti, tk);
      if (tk - ti > tol) ranks[i]!++;
      else if (ti - tk > tol) ranks[k]!++;
    }
  }
  return ranks;
}

/** The gap two totals must exceed to differ (relative to the larger, never below TIE_TOLERANCE). */
export function tieTolerance(a: number, b: number): number {
  return TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether `a` is strictly above `b` (beyond the tie tolerance). */
export const isAbove = (a: number, b: number): boolean => a - b > tieTolerance(a, b);

/**
 * The issues in the top N: every issue whose shared rank is N or better (so an
 * issue "=5" is in the top 5, and the set can hold more than N when tied).
 *
 * @example topSet(competitionRanks([3, 2, 2, 1]), 2) // Set {0, 1, 2}
 */
export function topSet(ranks: ArrayLike<number>, n: number): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i < ranks.length; i++) if (ranks[i]! <= n) s.add(i);
  return s;
}
