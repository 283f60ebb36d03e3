import { z } from 'zod';

/**
 * Pairwise comparison on Saaty's 1-9 scale (the Analytic Hierarchy Process):
 * for each pair of criteria, which matters more and how strongly. The weights
 * are the principal eigenvector of the reciprocal judgement matrix, found by
 * power iteration; the consistency ratio (CR) compares the consistency index
 * CI = (λmax − n)/(n − 1) with the mean CI of random matrices (Saaty's random
 * index, RI). A CR above 0.10 means the judgements contradict one another
 * enough to be revisited.
 */

/** Saaty's words for the odd points of the scale (the even ones lie between). */
export const SAATY_WORDS: Readonly<Record<number, string>> = {
  1: 'equally important',
  2: 'equally to moderately more important',
  3: 'moderately more important',
  4: 'moderately to strongly more important',
  5: 'strongly more important',
  6: 'strongly to very strongly more important',
  7: 'very strongly more important',
  8: 'very to extremely more important',
  9: 'extremely more important',
};

/**
 * One judgement: `favours` says which of the pair matters more, `strength`
 * how much on Saaty's scale (1 = equal, in which case `favours` is ignored).
 */
export const Judgement = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
  favours: z.enum(['a', 'b']),
  strength: z.number().int().min(1).max(9),
});
export type Judgement = z.infer<typeof Judgement>;

/**
 * Saaty's random index by matrix size, 1 to 10 criteria (Saaty 1980, The
 * Analytic Hierarchy Process; the same table in Saaty 1990, EJOR 48, 9-26).
 * Beyond 10 criteria the 10-criterion value is used (a slight overstatement
 * of consistency; the page says so).
 */
const RANDOM_INDEX = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
export const RANDOM_INDEX_MAX_N = 10;
export const randomIndex = (n: number): number => RANDOM_INDEX[Math.min(n, RANDOM_INDEX_MAX_N)]!;

/** A judgement's entry a_ab of the matrix: how many times a matters more than b. */
export const ratioOf = (j: Judgement): number => (j.favours === 'a' ? j.strength : 1 / j.strength);

export interface Inconsistency {
  a: string;
  b: string;
  /** The judgement given, as a_ab. */
  given: number;
  /** What the weights imply, w_a / w_b. */
  implied: number;
  /** |ln(given / implied)|: 0 when the judgement agrees with the weights. */
  deviation: number;
}

export interface PairwiseResult {
  ids: string[];
  /** Principal eigenvector, summing to 1, in the order of `ids`. */
  weights: number[];
  lambdaMax: number;
  ci: number;
  ri: number;
  /** CI / RI; 0 for one or two criteria (always consistent). */
  cr: number;
  /** Every judgement, most inconsistent first. */
  inconsistencies: Inconsistency[];
  iterations: number;
}

/** The reciprocal matrix of a full set of judgements (every pair once). */
export function judgementMatrix(ids: readonly string[], judgements: readonly Judgement[]): number[][] {
  const at = new Map(ids.map((id, i) => [id, i]));
  if (at.size !== ids.length) throw new Error('a criterion is listed twice');
  const m = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : NaN)));
  for (const j of judgements) {
    const i = at.get(j.a);
    const k = at.get(j.b);
    if (i === undefined || k === undefined) throw new Error(`a judgement names a criterion not compared: ${i === undefined ? j.a : j.b}`);
    if (i === k) throw new Error(`"${j.a}" is compared with itself`);
    if (!Number.isNaN(m[i]![k]!)) throw new Error(`"${j.a}" and "${j.b}" are compared twice`);
    m[i]![k] = ratioOf(j);
    m[k]![i] = 1 / ratioOf(j);
  }
  ids.forEach((a, i) =>
    ids.forEach((b, k) => {
      if (Number.isNaN(m[i]![k]!)) throw new Error(`"${a}" and "${b}" have not been compared`);
    }),
  );
  return m;
}

/**
 * Principal eigenvector and eigenvalue of a positive reciprocal matrix by power
 * iteration (Perron-Frobenius: it converges from any positive start).
 *
 * @example principalEigen([[1, 2], [0.5, 1]]).weights // [0.6667, 0.3333]
 */
export function principalEigen(m: readonly (readonly number[])[], tolerance = 1e-12, maxIterations = 1000): { weights: number[]; lambdaMax: number; iterations: number } {
  const n = m.length;
  let w = new Array<number>(n).fill(1 / n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const next = m.map((row) => row.reduce((t, x, j) => t + x * w[j]!, 0));
    const sum = next.reduce((t, x) => t + x, 0);
    for (let i = 0; i < n; i++) next[i] = next[i]! / sum;
    const moved = next.reduce((t, x, i) => Math.max(t, Math.abs(x - w[i]!)), 0);
    w = next;
    if (moved < tolerance) break;
  }
  // λmax as the mean of (Aw)_i / w_i, equal to Σ(Aw)_i at convergence since Σw = 1.
  const aw = m.map((row) => row.reduce((t, x, j) => t + x * w[j]!, 0));
  const lambdaMax = aw.reduce((t, x, i) => t + x / w[i]!, 0) / n;
  return { weights: w, lambdaMax, iterations };
}

/**
 * Weights, consistency and the most inconsistent judgements for a full set of
 * pairwise judgements.
 *
 * @example pairwiseWeights(['harm', 'cost'], [{ a: 'harm', b: 'cost', favours: 'a', strength: 3 }]).weights // [0.75, 0.25]
 */
export function pairwiseWeights(ids: readonly string[], judgements: readonly Judgement[]): PairwiseResult {
  const m = judgementMatrix(ids, judgements);
  const n = ids.length;
  const { weights, lambdaMax, iterations } = principalEigen(m);
  const ci = n > 2 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const ri = randomIndex(n);
  const cr = ri > 0 ? ci / ri : 0;
  const at = new Map(ids.map((id, i) => [id, i]));
  const inconsistencies = judgements
    .map((j) => {
      const given = ratioOf(j);
      const implied = weights[at.get(j.a)!]! / weights[at.get(j.b)!]!;
      return { a: j.a, b: j.b, given, implied, deviation: Math.abs(Math.log(given / implied)) };
    })
    .sort((x, y) => y.deviation - x.deviation);
  return { ids: [...ids], weights, lambdaMax, ci, ri, cr, inconsistencies, iterations };
}

/** Saaty's threshold: a CR above this asks for the judgements to be revisited. */
export const CR_LIMIT = 0.1;

/** Every pair of ids once, in order: (0,1), (0,2), …, (n−2, n−1). */
export function pairsOf<T>(ids: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < ids.length; i++) for (let k = i + 1; k < ids.length; k++) out.push([ids[i]!, ids[k]!]);
  return out;
}
