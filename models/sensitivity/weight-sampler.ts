import type { ResolvedConstraints } from './constraints';
import { solveLp, type LpConstraint } from '../stats/lp';
import type { Random } from '../stats/random';

/** Fills `out` with one weight-share vector (non-negative, summing to 1). */
export type WeightSampler = (out: Float64Array) => void;

/** How weights are drawn, for the record kept with a result. */
export type SamplerKind = 'simplex' | 'ordered-simplex' | 'hit-and-run' | 'around' | 'partners';

/**
 * Uniform on the simplex, exactly: normalised independent exponentials
 * (a flat Dirichlet). Every share vector summing to 1 is equally likely.
 *
 * @example sampleSimplex(new Random(1234), new Float64Array(3)) // e.g. [0.21, 0.55, 0.24]
 */
export function sampleSimplex(rng: Random, out: Float64Array, scratch = new Uint32Array(out.length)): Float64Array {
  rng.fillUint32(scratch, out.length);
  let sum = 0;
  // (u + 0.5) / 2^32 lies strictly inside (0, 1), so every logarithm is finite.
  for (let j = 0; j < out.length; j++) sum += out[j] = -Math.log((scratch[j]! + 0.5) / 4294967296);
  for (let j = 0; j < out.length; j++) out[j]! /= sum;
  return out;
}

/** The unconstrained sampler, with its scratch space allocated once. */
export function simplexSampler(rng: Random, m: number): WeightSampler {
  const scratch = new Uint32Array(m);
  return (out) => void sampleSimplex(rng, out, scratch);
}

/**
 * Uniform on the simplex subject to a chain share[c0] ≥ share[c1] ≥ …, exactly:
 * draw uniformly on the simplex, then sort the chain's shares into order. The
 * uniform distribution is symmetric in the chain's coordinates and each
 * ordering occupies an equal piece, so sorting maps it onto the ordered piece
 * uniformly.
 */
export function orderedSimplexSampler(rng: Random, m: number, chain: readonly number[]): WeightSampler {
  const vals = new Float64Array(chain.length);
  const scratch = new Uint32Array(m);
  return (out) => {
    sampleSimplex(rng, out, scratch);
    // Insertion sort, largest first: the chain is short and this allocates nothing.
    for (let k = 0; k < chain.length; k++) {
      const v = out[chain[k]!]!;
      let q = k - 1;
      while (q >= 0 && vals[q]! < v) {
        vals[q + 1] = vals[q]!;
        q--;
      }
      vals[q + 1] = v;
    }
    for (let k = 0; k < chain.length; k++) out[chain[k]!] = vals[k]!;
  };
}

/**
 * Around the weights in use: each criterion's share s_j is multiplied by an
 * independent factor drawn uniformly from [1 − x, 1 + x] (x = 0.25 for ±25%),
 * so the draw is uniform in the box Π [s_j(1 − x), s_j(1 + x)]; the result is
 * then divided by its sum so the shares add to 1 again. After that rescaling a
 * share can lie slightly outside ±x of its own value (the others moved too);
 * the ratio of any two shares stays within [(1 − x)/(1 + x), (1 + x)/(1 − x)]
 * of theirs. A criterion with no weight keeps none.
 *
 * @example aroundSampler(new Random(1234), Float64Array.of(0.5, 0.5), 0.25) // e.g. shares [0.53, 0.47]
 */
export function aroundSampler(rng: Random, shares: Float64Array, spread: number): WeightSampler {
  if (!(spread >= 0 && spread < 1)) throw new Error(`the spread around the weights must be from 0 up to (not including) 100%, not ${spread}`);
  const m = shares.length;
  const scratch = new Uint32Array(m);
  const width = (2 * spread) / 4294967296;
  return (out) => {
    rng.fillUint32(scratch, m);
    let sum = 0;
    // (u + 0.5) / 2^32 lies strictly inside (0, 1): the factor lies inside (1 − x, 1 + x).
    for (let j = 0; j < m; j++) sum += out[j] = shares[j]! * (1 - spread + (scratch[j]! + 0.5) * width);
    for (let j = 0; j < m; j++) out[j]! /= sum;
  };
}

/** Hit-and-run settings: steps discarded before the first sample, and steps between samples. */
export interface HitAndRunSettings {
  burnIn: number;
  thin: number;
}

/**
 * Defaults for a polytope of `m` shares (dimension d = m − 1). Burn-in: the
 * hitandrun R package's thinning rule ⌈ln(d + 1)/4 · d³⌉ (a bound on the
 * mixing time), counted in steps and run once per block from the centre.
 * Thinning: 3d steps between samples; measured with 20 criteria and an order
 * on three of them, successive samples of a share then correlate about 0.15,
 * so the Monte Carlo error is about 1.2 times that of independent samples.
 * After burn-in the chain is stationary, so averages over it are unbiased;
 * thinning only trades speed against that correlation.
 *
 * @example defaultHitAndRun(20) // { burnIn: 5137, thin: 57 }
 */
export function defaultHitAndRun(m: number): HitAndRunSettings {
  const d = Math.max(1, m - 1);
  return { burnIn: Math.ceil((Math.log(d + 1) / 4) * d ** 3), thin: 3 * d };
}

/**
 * A point well inside the constrained simplex: the one with the largest
 * margin r to every constraint (an LP). Throws, naming the reason, when the
 * constraints cannot all hold or leave no room between them.
 */
export function interiorPoint(rc: ResolvedConstraints): Float64Array {
  const m = rc.lo.length;
  const row = (set: (c: Float64Array) => void, op: LpConstraint['op'], rhs: number): LpConstraint => {
    const c = new Float64Array(m + 1);
    set(c);
    return { coefs: c, op, rhs };
  };
  const constraints: LpConstraint[] = [row((c) => c.fill(1, 0, m), '=', 1), row((c) => (c[m] = 1), '<=', 1)];
  for (let j = 0; j < m; j++) {
    constraints.push(row((c) => ((c[j] = 1), (c[m] = -1)), '>=', rc.lo[j]!));
    constraints.push(row((c) => ((c[j] = 1), (c[m] = 1)), '<=', rc.hi[j]!));
  }
  for (const [a, b] of rc.pairs) constraints.push(row((c) => ((c[a] = 1), (c[b] = -1), (c[m] = -1)), '>=', 0));
  const objective = new Float64Array(m + 1);
  objective[m] = -1;
  const res = solveLp({ objective, constraints });
  if (res.status !== 'optimal') throw new Error('the stated weights cannot all hold at once (for example, the lowest shares add up to more than 100%, or the importance order contradicts the bounds)');
  if (res.x[m]! < 1e-9) throw new Error('the stated weights leave no room to vary: they force some shares to be exactly equal or fixed (for example, "a at least b" and "b at least a")');
  return res.x.slice(0, m);
}

/**
 * Hit-and-run (Smith, 1984) on { share ≥ 0, Σ share = 1, lo ≤ share ≤ hi,
 * share[a] ≥ share[b] }, with coordinate directions: each step picks two
 * criteria a ≠ b at random, finds how far weight can move between them (the
 * chord through the polytope along e_a − e_b, which keeps Σ share = 1), and
 * jumps to a uniform point on it. The step is symmetric (a line is as likely
 * to be chosen from any of its points), so the stationary distribution is
 * uniform on the polytope; the pair directions span the plane Σ share = 1,
 * so the chain reaches all of it. A step touches two shares and the
 * constraints on them, so it costs O(1) instead of the O(m) of a Gaussian
 * direction, which lets the chain take many more steps per sample.
 */
export function hitAndRunSampler(rng: Random, rc: ResolvedConstraints, start: Float64Array, settings: HitAndRunSettings): WeightSampler {
  const m = start.length;
  const x = Float64Array.from(start);
  const { lo, hi, pairs } = rc;
  // For each criterion, the order constraints it appears in.
  const touching: number[][] = Array.from({ length: m }, () => []);
  pairs.forEach(([p, q], k) => {
    touching[p]!.push(k);
    if (q !== p) touching[q]!.push(k);
  });
  const limits = (k: number, a: number, b: number, t: { min: number; max: number }) => {
    const [p, q] = pairs[k]!;
    // Moving t from b to a changes share[p] − share[q] by t × dd.
    const dd = (p === a ? 1 : p === b ? -1 : 0) - (q === a ? 1 : q === b ? -1 : 0);
    const gap = x[p]! - x[q]!;
    if (dd < 0) t.max = Math.min(t.max, gap / -dd);
    else if (dd > 0) t.min = Math.max(t.min, -gap / dd);
  };
  const t = { min: 0, max: 0 };
  const step = () => {
    const a = rng.int(0, m);
    let b = rng.int(0, m - 1);
    if (b >= a) b++;
    // share[a] + t within [lo_a, hi_a]; share[b] − t within [lo_b, hi_b].
    t.min = Math.max(lo[a]! - x[a]!, x[b]! - hi[b]!);
    t.max = Math.min(hi[a]! - x[a]!, x[b]! - lo[b]!);
    for (const k of touching[a]!) limits(k, a, b, t);
    for (const k of touching[b]!) if (pairs[k]![0] !== a && pairs[k]![1] !== a) limits(k, a, b, t);
    // Rounding can leave the point a hair outside a face; then stay put rather than step outwards.
    if (!(t.max > t.min)) return;
    const move = t.min + (t.max - t.min) * rng.float();
    x[a]! += move;
    x[b]! -= move;
  };
  for (let s = 0; s < settings.burnIn; s++) step();
  return (out) => {
    for (let s = 0; s < settings.thin; s++) step();
    // Renormalise so rounding never accumulates in the sum.
    let sum = 0;
    for (let j = 0; j < m; j++) sum += x[j]!;
    for (let j = 0; j < m; j++) out[j] = x[j] = x[j]! / sum;
  };
}

/**
 * A starting point for hit-and-run inside per-criterion bounds that may pin
 * some shares (a criterion every partner weighed alike has lo = hi, so the LP
 * of `interiorPoint` finds no margin): lo + t(hi − lo) with t chosen so the
 * shares sum to 1. Needs Σ lo ≤ 1 ≤ Σ hi, which holds for the partners' range
 * because each partner's shares sum to 1. For 0 < t < 1 every share that is
 * not pinned lies strictly inside its bounds, and hit-and-run leaves pinned
 * shares where they are (their chords have length 0).
 *
 * @example boundsStart(Float64Array.of(0.2, 0.3), Float64Array.of(0.6, 0.7)) // [0.45, 0.55]
 */
export function boundsStart(lo: Float64Array, hi: Float64Array): Float64Array {
  const sLo = lo.reduce((t, v) => t + v, 0);
  const sHi = hi.reduce((t, v) => t + v, 0);
  if (sLo > 1 + 1e-9 || sHi < 1 - 1e-9) throw new Error('the partners’ range cannot hold: its lowest shares add up to more than 100% or its highest to less');
  const t = sHi - sLo < 1e-12 ? 0 : (1 - sLo) / (sHi - sLo);
  return Float64Array.from(lo, (l, j) => l + t * (hi[j]! - l));
}
