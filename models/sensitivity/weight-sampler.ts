import type { ResolvedConstraints } from './constraints';
import { solveLp, type LpConstraint } from './lp';
import type { Random } from './random';

/** Fills `out` with one weight-share vector (non-negative, summing to 1). */
export type WeightSampler = (out: Float64Array) => void;

/** How weights are drawn, for the record kept with a result. */
export type SamplerKind = 'simplex' | 'ordered-simplex' | 'hit-and-run';

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

/** Hit-and-run settings: steps discarded before the first sample, and steps between samples. */
export interface HitAndRunSettings {
  burnIn: number;
  thin: number;
}

/**
 * Defaults for a polytope of `m` shares (dimension d = m − 1). Burn-in: the
 * hitandrun R package's thinning rule ⌈ln(d + 1)/4 · d³⌉ (a bound on the
 * mixing time), run once per block from the centre. Thinning: d steps. After
 * burn-in the chain is stationary, so averages over it are unbiased; thinning
 * only trades speed against how correlated successive samples are.
 *
 * @example defaultHitAndRun(20) // { burnIn: 5137, thin: 19 }
 */
export function defaultHitAndRun(m: number): HitAndRunSettings {
  const d = Math.max(1, m - 1);
  return { burnIn: Math.ceil((Math.log(d + 1) / 4) * d ** 3), thin: d };
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
 * share[a] ≥ share[b] }: from the current point pick a uniformly random
 * direction within the plane Σ share = 1 (a Gaussian vector with its mean
 * removed), find the chord through the polytope along it, and jump to a
 * uniform point on the chord. The stationary distribution is uniform on the
 * polytope.
 */
export function hitAndRunSampler(rng: Random, rc: ResolvedConstraints, start: Float64Array, settings: HitAndRunSettings): WeightSampler {
  const m = start.length;
  const x = Float64Array.from(start);
  const d = new Float64Array(m);
  const { lo, hi, pairs } = rc;
  const step = () => {
    let mean = 0;
    for (let j = 0; j < m; j++) mean += d[j] = rng.normal();
    mean /= m;
    for (let j = 0; j < m; j++) d[j]! -= mean;
    let tMin = -Infinity;
    let tMax = Infinity;
    for (let j = 0; j < m; j++) {
      const dj = d[j]!;
      if (dj > 0) {
        tMax = Math.min(tMax, (hi[j]! - x[j]!) / dj);
        tMin = Math.max(tMin, (lo[j]! - x[j]!) / dj);
      } else if (dj < 0) {
        tMax = Math.min(tMax, (lo[j]! - x[j]!) / dj);
        tMin = Math.max(tMin, (hi[j]! - x[j]!) / dj);
      }
    }
    for (const [a, b] of pairs) {
      const gap = x[a]! - x[b]!;
      const dd = d[a]! - d[b]!;
      if (dd < 0) tMax = Math.min(tMax, gap / -dd);
      else if (dd > 0) tMin = Math.max(tMin, -gap / dd);
    }
    // Rounding can leave the point a hair outside a face; then stay put rather than step outwards.
    if (!(tMax > tMin)) return;
    const t = tMin + (tMax - tMin) * rng.float();
    for (let j = 0; j < m; j++) x[j]! += t * d[j]!;
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
