/**
 * Weights from an importance order (most important first).
 *
 * - Rank-order centroid (ROC; Barron & Barrett 1996): the centre of the set of
 *   weights that respect the order, w_i = (1/n) Σ_{k=i..n} 1/k.
 * - Rank sum: w_i = 2(n + 1 − i) / (n(n + 1)), falling in equal steps.
 *
 * Both sum to 1. Index 0 is the most important criterion.
 */
export const RANKING_METHODS = { roc: 'rank-order centroid', 'rank-sum': 'rank sum' } as const;
export type RankingMethod = keyof typeof RANKING_METHODS;

/** @example rocWeights(3) // [0.6111…, 0.2777…, 0.1111…] (11/18, 5/18, 2/18) */
export function rocWeights(n: number): number[] {
  checkCount(n);
  const out = new Array<number>(n);
  let tail = 0;
  for (let i = n - 1; i >= 0; i--) {
    tail += 1 / (i + 1);
    out[i] = tail / n;
  }
  return out;
}

/** @example rankSumWeights(3) // [0.5, 0.3333…, 0.1666…] */
export function rankSumWeights(n: number): number[] {
  checkCount(n);
  return Array.from({ length: n }, (_, i) => (2 * (n - i)) / (n * (n + 1)));
}

/**
 * Weights by criterion id for an order, most important first.
 *
 * @example weightsFromOrder(['harm', 'cost'], 'roc') // Map { 'harm' => 0.75, 'cost' => 0.25 }
 */
export function weightsFromOrder(order: readonly string[], method: RankingMethod): Map<string, number> {
  if (new Set(order).size !== order.length) throw new Error('the order names a criterion twice');
  const w = method === 'roc' ? rocWeights(order.length) : rankSumWeights(order.length);
  return new Map(order.map((id, i) => [id, w[i]!]));
}

function checkCount(n: number) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`an order needs at least one criterion, not ${n}`);
}
