import { ascendingOrder } from '../stats/ascending-order';
import { standardise, type Direction, type Standardisation } from './standardise';

/** Composite scores closer than this are a tie. */
export const SCORE_TIE = 1e-9;

export interface Composite {
  /** Per area: Σ weight × standardised ÷ Σ weight, over the indicators the area has a value for (NaN when none). */
  composite: Float64Array;
  /** Per indicator, per area: weight × standardised ÷ Σ weight (they add up to the composite). */
  contributions: Float64Array[];
  /** Per area: how many indicators with a positive weight have no value. */
  missing: Uint16Array;
}

/**
 * The composite need score: a weighted mean of standardised indicators. An
 * area missing an indicator is scored on the others (their weights are
 * re-divided), and its missing count says so.
 *
 * @example compositeOf([Float64Array.of(1, -1), Float64Array.of(0, 2)], [3, 1]).composite // [0.75, -0.25]
 */
export function compositeOf(standardised: readonly Float64Array[], weights: readonly number[]): Composite {
  const n = standardised[0]?.length ?? 0;
  const k = standardised.length;
  const composite = new Float64Array(n);
  const contributions = standardised.map(() => new Float64Array(n));
  const missing = new Uint16Array(n);
  for (let a = 0; a < n; a++) {
    let sum = 0;
    let sumW = 0;
    for (let i = 0; i < k; i++) {
      const w = weights[i]!;
      if (!(w > 0)) continue;
      const s = standardised[i]![a]!;
      if (s !== s) {
        missing[a]!++;
        continue;
      }
      sum += w * s;
      sumW += w;
    }
    composite[a] = sumW > 0 ? sum / sumW : NaN;
    for (let i = 0; i < k; i++) {
      const w = weights[i]!;
      const s = standardised[i]![a]!;
      contributions[i]![a] = sumW > 0 && w > 0 && s === s ? (w * s) / sumW : w > 0 ? NaN : 0;
    }
  }
  return { composite, contributions, missing };
}

export interface Ranking {
  /** Area indexes from most need to least (areas without a score last). */
  order: Uint32Array;
  /** Per area: competition rank, 1 = most need; tied scores share the best rank (1, 2, 2, 4). 0 when unscored. */
  rank: Uint32Array;
}

/**
 * Ranks areas by composite score, highest first. Ties keep the order of
 * `tieBreak` (for example area names) so the table is stable.
 *
 * @example rankScores(Float64Array.of(0.2, 0.9, 0.2)).rank // [2, 1, 2]
 */
export function rankScores(composite: Float64Array, tieBreak?: readonly string[]): Ranking {
  const n = composite.length;
  // Highest first: sort the negated scores; unscored areas (NaN) go last.
  const keys = Float64Array.from(composite, (c) => (c === c ? -c : Infinity));
  const order = ascendingOrder(keys);
  const key = (p: number) => keys[order[p]!]!;
  const rank = new Uint32Array(n);
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && (key(end + 1) === key(start) || Math.abs(key(end + 1) - key(start)) <= SCORE_TIE)) end++;
    if (end > start) {
      const tied = Array.from(order.subarray(start, end + 1)).sort((a, b) => (tieBreak === undefined ? 0 : tieBreak[a]!.localeCompare(tieBreak[b]!, 'en-GB')) || a - b);
      order.set(tied, start);
    }
    if (key(start) !== Infinity) for (let p = start; p <= end; p++) rank[order[p]!] = start + 1;
    start = end + 1;
  }
  return { order, rank };
}

export interface ScoreInput {
  /** One column per indicator, one value per area (NaN = missing). */
  values: readonly ArrayLike<number>[];
  directions: readonly Direction[];
  weights: readonly number[];
  method: Standardisation;
  /** Area names, to order tied areas. */
  names?: readonly string[];
}

export interface Scored extends Composite, Ranking {
  standardised: Float64Array[];
}

/**
 * Standardises each indicator, combines them and ranks the areas: the whole
 * need matrix in one call.
 *
 * @example scoreMatrix({ values: [[10, 20, 30]], directions: ['higher'], weights: [1], method: 'minmax' }).order // [2, 1, 0]
 */
export function scoreMatrix(input: ScoreInput): Scored {
  const standardised = input.values.map((v, i) => standardise(v, input.method, input.directions[i]!));
  const c = compositeOf(standardised, input.weights);
  return { standardised, ...c, ...rankScores(c.composite, input.names) };
}
