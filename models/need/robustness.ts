import { compositeOf, rankScores } from './composite';
import { DEFAULT_SEED, Random } from '../stats/random';
import { STANDARDISATION_IDS, standardise, type Direction, type Standardisation } from './standardise';

export interface RobustnessInput {
  values: readonly ArrayLike<number>[];
  directions: readonly Direction[];
  weights: readonly number[];
  method: Standardisation;
  names: readonly string[];
  /** How many areas count as "the top". Areas tied at the boundary are all in it. */
  topN: number;
  /** Monte Carlo runs (default 1,000). */
  runs?: number;
  /** Seed of the Monte Carlo (default 1234). */
  seed?: number;
  /** Each weight is changed by up to this share either way (default 0.5: ±50%). */
  spread?: number;
}

export interface WeightChange {
  indicator: number;
  factor: number;
  /** Areas in the top N with this one weight changed. */
  top: number[];
  /** Whether the areas in the top N differ from those with the chosen weights (order within it aside). */
  changed: boolean;
}

export interface Robustness {
  topN: number;
  runs: number;
  seed: number;
  spread: number;
  /** Top N with the chosen method and weights. */
  top: number[];
  /** Per standardisation: each area's rank and the top N. */
  byMethod: Record<Standardisation, { rank: number[]; top: number[] }>;
  /** Each weight × (1 − spread) and × (1 + spread), one at a time. */
  weightChanges: WeightChange[];
  /** Per area: how many of the weight changes keep it in the top N. */
  inTopOfChanges: number[];
  /** Per area: share of Monte Carlo runs in which it is in the top N. */
  monteCarloShare: number[];
}

/**
 * How the top N areas change with the standardisation and the weights:
 * top N under each of the three standardisations; with each weight changed
 * by ±spread one at a time; and a seeded Monte Carlo in which every weight
 * is multiplied by its own uniform random factor in [1 − spread, 1 + spread]
 * on each run, giving each area's share of runs in the top N.
 *
 * @example robustness({ values, directions, weights, method: 'zscore', names, topN: 5 }).monteCarloShare[3] // 0.87
 */
export function robustness(input: RobustnessInput): Robustness {
  const runs = input.runs ?? 1000;
  const seed = input.seed ?? DEFAULT_SEED;
  const spread = input.spread ?? 0.5;
  const n = input.names.length;
  const topOf = (composite: Float64Array) => topAreas(rankScores(composite, input.names).rank, input.topN);

  const byMethod = Object.fromEntries(
    STANDARDISATION_IDS.map((m) => {
      const std = input.values.map((v, i) => standardise(v, m, input.directions[i]!));
      const { rank } = rankScores(compositeOf(std, input.weights).composite, input.names);
      return [m, { rank: Array.from(rank), top: topAreas(rank, input.topN) }];
    }),
  ) as Robustness['byMethod'];
  const top = byMethod[input.method].top;
  const members = (t: readonly number[]) => [...t].sort((a, b) => a - b).join(',');
  const baseKey = members(top);

  const std = input.values.map((v, i) => standardise(v, input.method, input.directions[i]!));
  const weightChanges: WeightChange[] = [];
  const inTopOfChanges = new Array<number>(n).fill(0);
  input.weights.forEach((w, i) => {
    if (!(w > 0)) return;
    for (const factor of [1 - spread, 1 + spread]) {
      const weights = input.weights.map((x, j) => (j === i ? x * factor : x));
      const t = topOf(compositeOf(std, weights).composite);
      for (const a of t) inTopOfChanges[a]!++;
      weightChanges.push({ indicator: i, factor, top: t, changed: members(t) !== baseKey });
    }
  });

  // The sensitivity engine's generator (xoshiro128**), so every Monte Carlo in the workbench draws alike.
  const rnd = new Random(seed);
  const hits = new Array<number>(n).fill(0);
  for (let r = 0; r < runs; r++) {
    const weights = input.weights.map((w) => w * (1 - spread + 2 * spread * rnd.float()));
    for (const a of topOf(compositeOf(std, weights).composite)) hits[a]!++;
  }
  return {
    topN: input.topN,
    runs,
    seed,
    spread,
    top,
    byMethod,
    weightChanges,
    inTopOfChanges,
    monteCarloShare: hits.map((h) => (runs === 0 ? 0 : h / runs)),
  };
}

/** Areas ranked N or better, in rank order. */
function topAreas(rank: Uint32Array, n: number): number[] {
  const out: number[] = [];
  rank.forEach((r, a) => {
    if (r > 0 && r <= n) out.push(a);
  });
  return out.sort((a, b) => rank[a]! - rank[b]! || a - b);
}
