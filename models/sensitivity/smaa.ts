// Over 300 lines: SMAA-2 as one resumable run (sampling, ranking, counting), its merge across workers and its
// summary; the counters are shared by all three.
import { z } from 'zod';
import { TIE_TOLERANCE } from '../risk-matrix/score';
import { resolveConstraints, WeightConstraints } from './constraints';
import type { LinearProblem } from './problem';
import { DEFAULT_SEED, Random } from '../stats/random';
import { ConfidenceSpread, DEFAULT_SPREAD, uncertainCells } from './uncertainty';
import {
  aroundSampler,
  boundsStart,
  defaultHitAndRun,
  hitAndRunSampler,
  interiorPoint,
  orderedSimplexSampler,
  simplexSampler,
  type HitAndRunSettings,
  type SamplerKind,
  type WeightSampler,
} from './weight-sampler';

/**
 * SMAA-2 (Lahdelma and Salminen, 2001) for a risk matrix: draw many plausible
 * weightings (and, where confidence is below High, plausible scores), rank the
 * issues under each, and count how often each issue lands at each rank.
 *
 * Ranks are `rank()`'s shared ranks: tied issues share the best rank, so a
 * sample with two issues tied for first counts both at rank 1 (each issue's
 * shares over ranks still sum to 1; a rank's column may not). "A above B"
 * counts only samples where A's total is strictly higher; ties count for
 * neither, so P(A above B) + P(B above A) + P(tie) = 1.
 */

/** Samples per block: each block has its own random stream, so results never depend on chunking. */
export const BLOCK_SIZE = 10_000;

/** Central-weight sums are kept in whole units of 2^-28 (see `SmaaRun.addFirst`). */
const WEIGHT_UNIT = 2 ** 28;

/** The partners' range: who gave it and each criterion's [min, max] share. */
export const PartnersRange = z.object({
  partners: z.array(z.string()).min(2),
  bounds: z.record(z.string(), z.object({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) })),
});
export type PartnersRange = z.infer<typeof PartnersRange>;

export const SmaaOptions = z.object({
  samples: z.number().int().min(1).max(10_000_000).default(10_000),
  seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_SEED),
  constraints: WeightConstraints.prefault({}),
  /** Score spreads by confidence; null leaves every score as given. */
  scoreSpread: ConfidenceSpread.nullable().default(DEFAULT_SPREAD),
  /**
   * Sample around the weights in use instead of over every weighting: each
   * share varied within ±around (0.25 for ±25%), uniformly in that box, then
   * rescaled to sum to 1 (`aroundSampler`). Constraints are then not used.
   */
  around: z.number().min(0).max(0.95).nullable().default(null),
  /**
   * Sample within the range the partners gave: each share between the lowest
   * and highest share any partner gave it, uniformly on that part of the
   * simplex (hit-and-run). Takes precedence over `around`; constraints are then not used.
   */
  partnersRange: PartnersRange.nullable().default(null),
  /** Overrides for hit-and-run (used only when constraints need it). */
  hitAndRun: z.object({ burnIn: z.number().int().min(0).optional(), thin: z.number().int().min(1).optional() }).optional(),
});
export type SmaaOptions = z.infer<typeof SmaaOptions>;
export type SmaaOptionsInput = z.input<typeof SmaaOptions>;

export const SmaaResult = z.object({
  issueIds: z.array(z.string()),
  issueLabels: z.array(z.string()),
  criterionIds: z.array(z.string()),
  criterionLabels: z.array(z.string()),
  seed: z.number().int(),
  /** Samples drawn (fewer than requested if cancelled). */
  samples: z.number().int(),
  requested: z.number().int(),
  sampler: z.enum(['simplex', 'ordered-simplex', 'hit-and-run', 'around', 'partners']),
  /** The partners whose range was sampled when `sampler` is 'partners'. */
  partners: z.array(z.string()).nullable().optional(),
  /** The spread around the weights in use (0.25 for ±25%) when `sampler` is 'around'. */
  around: z.number().nullable().optional(),
  hitAndRun: z.object({ burnIn: z.number(), thin: z.number() }).nullable(),
  /** Scores sampled from their confidence (0 when every score is taken as given). */
  uncertainCells: z.number().int(),
  /** rankCounts[i][r]: samples in which issue i has rank r + 1. */
  rankCounts: z.array(z.array(z.number())),
  /** above[i][k]: samples in which issue i's total is strictly above issue k's. */
  above: z.array(z.array(z.number())),
  /** Mean weight shares over the samples where the issue ranks first (null if it never does). */
  centralWeights: z.array(z.array(z.number()).nullable()),
});
export type SmaaResult = z.infer<typeof SmaaResult>;

/** The running totals of a run, mergeable across runs over disjoint blocks. */
export interface SmaaCounts {
  samples: number;
  rankCounts: Int32Array;
  /** beaten[i × n + k]: samples in which issue k is strictly above issue i. */
  beaten: Int32Array;
  /** Sums of shares (in units of 2^-28) over the samples where each issue ranks first, issue-major (n × m). */
  firstWeightSums: Float64Array;
}

/**
 * A resumable SMAA run: `step(k)` draws up to k more samples (call it from a
 * worker between progress reports and cancel checks), `result()` summarises.
 * Blocks `from`..`to` (of BLOCK_SIZE samples) let several workers share a run.
 *
 * @example const run = new SmaaRun(problem, { samples: 10_000 }); while (!run.done) run.step(2_000); run.result()
 */
export class SmaaRun {
  readonly options: SmaaOptions;
  readonly counts: SmaaCounts;
  readonly sampler: SamplerKind;
  readonly hitAndRun: HitAndRunSettings | null;
  readonly uncertain: number;
  private readonly p: LinearProblem;
  private readonly end: number;
  private next: number;
  private block = -1;
  private rng: Random | null = null;
  private draw: WeightSampler | null = null;
  private readonly makeSampler: (rng: Random) => WeightSampler;
  // Work arrays, allocated once: the loop below allocates nothing per sample.
  private readonly w: Float64Array;
  private readonly coef: Float64Array;
  private readonly mult: Float64Array;
  private readonly totals: Float64Array;
  // Uncertain scores split by what they feed: a weighted criterion's coefficient, or an issue's likelihood.
  private readonly coefCell: Int32Array;
  private readonly coefBase: Float64Array;
  private readonly coefStep: Float64Array;
  private readonly coefLevels: Float64Array;
  private readonly multCell: Int32Array;
  private readonly multBase: Float64Array;
  private readonly multLevels: Float64Array;
  private readonly draws: Uint32Array;
  private readonly eps: number;

  constructor(problem: LinearProblem, options: SmaaOptionsInput = {}, blocks?: { from: number; to: number }) {
    const o = SmaaOptions.parse(options);
    this.options = o;
    this.p = problem;
    const { n, m } = problem;
    const totalBlocks = Math.ceil(o.samples / BLOCK_SIZE);
    const from = blocks?.from ?? 0;
    const to = Math.min(blocks?.to ?? totalBlocks, totalBlocks);
    this.next = from * BLOCK_SIZE;
    this.end = Math.min(o.samples, to * BLOCK_SIZE);
    this.counts = { samples: 0, rankCounts: new Int32Array(n * n), beaten: new Int32Array(n * n), firstWeightSums: new Float64Array(n * m) };

    const rc = o.around === null && o.partnersRange === null ? resolveConstraints(problem, o.constraints) : null;
    if (o.partnersRange !== null) {
      // Criteria no partner range names (none, when the range came from this model) may take any share.
      const prc = resolveConstraints(problem, { shareBounds: Object.fromEntries(Object.entries(o.partnersRange.bounds).filter(([id]) => problem.criteria.some((c) => c.id === id))) });
      const start = boundsStart(prc.lo, prc.hi);
      const settings = { ...defaultHitAndRun(m), ...o.hitAndRun };
      this.sampler = 'partners';
      this.hitAndRun = settings;
      this.makeSampler = (rng) => hitAndRunSampler(rng, prc, start, settings);
    } else if (rc === null) {
      const spread = o.around!;
      this.sampler = 'around';
      this.hitAndRun = null;
      this.makeSampler = (rng) => aroundSampler(rng, problem.shares, spread);
    } else if (rc.none) {
      this.sampler = 'simplex';
      this.hitAndRun = null;
      this.makeSampler = (rng) => simplexSampler(rng, m);
    } else if (rc.chainOnly) {
      this.sampler = 'ordered-simplex';
      this.hitAndRun = null;
      this.makeSampler = (rng) => orderedSimplexSampler(rng, m, rc.chain);
    } else {
      const start = interiorPoint(rc);
      const settings = { ...defaultHitAndRun(m), ...o.hitAndRun };
      this.sampler = 'hit-and-run';
      this.hitAndRun = settings;
      this.makeSampler = (rng) => hitAndRunSampler(rng, rc, start, settings);
    }

    this.w = new Float64Array(m);
    this.coef = new Float64Array(n * m);
    for (let k = 0; k < n * m; k++) this.coef[k] = (problem.scores[k]! - problem.offset[k % m]!) * problem.factor[k % m]!;
    this.mult = problem.likelihoodScores === null ? new Float64Array(n).fill(1) : Float64Array.from(problem.likelihoodScores);
    this.totals = new Float64Array(n);
    const cells = o.scoreSpread === null ? uncertainCells(problem, { High: 0, Medium: 0, Low: 0, unstated: 0 }) : uncertainCells(problem, o.scoreSpread);
    this.uncertain = cells.count;
    const pick = (t: number) => Array.from({ length: cells.count }, (_, c) => c).filter((c) => cells.target[c] === t);
    const coefCells = pick(0);
    const multCells = pick(1);
    this.coefCell = Int32Array.from(coefCells, (c) => cells.index[c]!);
    this.coefBase = Float64Array.from(coefCells, (c) => (cells.lo[c]! - problem.offset[cells.index[c]! % m]!) * problem.factor[cells.index[c]! % m]!);
    this.coefStep = Float64Array.from(coefCells, (c) => problem.factor[cells.index[c]! % m]!);
    this.coefLevels = Float64Array.from(coefCells, (c) => cells.levels[c]!);
    this.multCell = Int32Array.from(multCells, (c) => cells.index[c]!);
    this.multBase = Float64Array.from(multCells, (c) => cells.lo[c]!);
    this.multLevels = Float64Array.from(multCells, (c) => cells.levels[c]!);
    this.draws = new Uint32Array(cells.count);
    // One tolerance for the whole run: rank()'s relative tolerance at the largest total possible.
    let bound = 1;
    for (let j = 0; j < m; j++) {
      const c = problem.criteria[j]!;
      bound = Math.max(bound, Math.abs((c.max - problem.offset[j]!) * problem.factor[j]!), Math.abs((c.min - problem.offset[j]!) * problem.factor[j]!));
    }
    if (problem.likelihood !== null) bound *= Math.max(1, Math.abs(problem.likelihood.max), Math.abs(problem.likelihood.min));
    this.eps = TIE_TOLERANCE * bound;
  }

  /** Whether every sample of this run's blocks has been drawn. */
  get done(): boolean {
    return this.next >= this.end;
  }

  /** Samples this run will draw in all. */
  get planned(): number {
    return this.counts.samples + Math.max(0, this.end - this.next);
  }

  /** Draws up to `maxSamples` more samples; returns how many it drew. */
  step(maxSamples: number): number {
    const stop = Math.min(this.end, this.next + Math.max(0, Math.floor(maxSamples)));
    const drawn = stop - this.next;
    while (this.next < stop) {
      const block = Math.floor(this.next / BLOCK_SIZE);
      if (block !== this.block) {
        this.block = block;
        this.rng = new Random(this.options.seed, block);
        this.draw = this.makeSampler(this.rng);
      }
      const until = Math.min(stop, (block + 1) * BLOCK_SIZE);
      this.sampleRange(until - this.next);
      this.next = until;
    }
    this.counts.samples += drawn;
    return drawn;
  }

  private sampleRange(count: number): void {
    const { n, m } = this.p;
    const { w, coef, mult, totals, eps } = this;
    const { rankCounts, beaten } = this.counts;
    const rng = this.rng!;
    const draw = this.draw!;
    const { coefCell, coefBase, coefStep, coefLevels, multCell, multBase, multLevels, draws } = this;
    const nCoef = coefCell.length;
    const nMult = multCell.length;
    for (let s = 0; s < count; s++) {
      draw(w);
      if (nCoef + nMult > 0) {
        rng.fillUint32(draws, nCoef + nMult);
        // A level lo + ⌊u × levels / 2^32⌋, written straight into the coefficient it changes.
        for (let c = 0; c < nCoef; c++) coef[coefCell[c]!] = coefBase[c]! + coefStep[c]! * Math.floor((draws[c]! * coefLevels[c]!) / 4294967296);
        for (let c = 0; c < nMult; c++) mult[multCell[c]!] = multBase[c]! + Math.floor((draws[nCoef + c]! * multLevels[c]!) / 4294967296);
      }
      for (let i = 0; i < n; i++) {
        let t = 0;
        const base = i * m;
        for (let j = 0; j < m; j++) t += coef[base + j]! * w[j]!;
        totals[i] = t * mult[i]!;
      }
      // Rank = 1 + the issues strictly above; the same pass counts each pair. Written without
      // branches (+(a > b) is 0 or 1) because which issue wins a pair changes from sample to sample,
      // and two issues at a time so each total read serves both (about a fifth faster).
      let i = 0;
      for (; i + 1 < n; i += 2) {
        const ta = totals[i]! + eps;
        const tb = totals[i + 1]! + eps;
        const rowA = i * n;
        const rowB = rowA + n;
        let ra = 1;
        let rb = 1;
        for (let k = 0; k < n; k++) {
          const t = totals[k]!;
          const ga = +(t > ta);
          const gb = +(t > tb);
          ra += ga;
          rb += gb;
          beaten[rowA + k]! += ga;
          beaten[rowB + k]! += gb;
        }
        rankCounts[rowA + ra - 1]!++;
        rankCounts[rowB + rb - 1]!++;
        if (ra === 1) this.addFirst(i);
        if (rb === 1) this.addFirst(i + 1);
      }
      if (i < n) {
        const ti = totals[i]! + eps;
        const row = i * n;
        let r = 1;
        for (let k = 0; k < n; k++) {
          const g = +(totals[k]! > ti);
          r += g;
          beaten[row + k]! += g;
        }
        rankCounts[row + r - 1]!++;
        if (r === 1) this.addFirst(i);
      }
    }
  }

  /**
   * Adds this sample's weights to the sums behind issue i's central weights, in
   * whole units of 2^-28: integer sums are exact in doubles (up to 2^53, so 10
   * million samples fit), so they add up the same in any order and a run split
   * between workers gives the very same figures as one run.
   */
  private addFirst(i: number): void {
    const { w } = this;
    const m = w.length;
    const sums = this.counts.firstWeightSums;
    for (let j = 0; j < m; j++) sums[i * m + j]! += Math.round(w[j]! * WEIGHT_UNIT);
  }

  /** The result so far (complete once `done`). */
  result(): SmaaResult {
    return smaaResult(this.p, this.options, this.counts, { sampler: this.sampler, hitAndRun: this.hitAndRun, uncertainCells: this.uncertain });
  }
}

/** Adds the counts of runs over disjoint blocks of the same seed (e.g. from two workers). */
export function mergeSmaaCounts(parts: readonly SmaaCounts[]): SmaaCounts {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('nothing to merge');
  const out: SmaaCounts = { samples: first.samples, rankCounts: Int32Array.from(first.rankCounts), beaten: Int32Array.from(first.beaten), firstWeightSums: Float64Array.from(first.firstWeightSums) };
  for (const p of rest) {
    out.samples += p.samples;
    p.rankCounts.forEach((v, k) => (out.rankCounts[k]! += v));
    p.beaten.forEach((v, k) => (out.beaten[k]! += v));
    p.firstWeightSums.forEach((v, k) => (out.firstWeightSums[k]! += v));
  }
  return out;
}

/** Builds the result from counts. */
export function smaaResult(p: LinearProblem, options: SmaaOptions, counts: SmaaCounts, meta: { sampler: SamplerKind; hitAndRun: HitAndRunSettings | null; uncertainCells: number }): SmaaResult {
  const { n, m } = p;
  const rows = (a: Int32Array) => Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)));
  return {
    issueIds: [...p.issueIds],
    issueLabels: [...p.issueLabels],
    criterionIds: p.criteria.map((c) => c.id),
    criterionLabels: p.criteria.map((c) => c.label),
    seed: options.seed,
    samples: counts.samples,
    requested: options.samples,
    sampler: meta.sampler,
    hitAndRun: meta.hitAndRun,
    around: meta.sampler === 'around' ? options.around : null,
    partners: meta.sampler === 'partners' ? (options.partnersRange?.partners ?? null) : null,
    uncertainCells: meta.uncertainCells,
    rankCounts: rows(counts.rankCounts),
    above: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, k) => counts.beaten[k * n + i]!)),
    centralWeights: Array.from({ length: n }, (_, i) => {
      const first = counts.rankCounts[i * n]!;
      return first === 0 ? null : Array.from(counts.firstWeightSums.subarray(i * m, (i + 1) * m), (v) => v / WEIGHT_UNIT / first);
    }),
  };
}

/**
 * Runs SMAA to the end in one go (tests, Node); the worker steps a `SmaaRun` instead.
 *
 * @example runSmaa(linearProblem(seed), { samples: 10_000, seed: 1234 }).rankCounts[0][0] // samples with Domestic Abuse first
 */
export function runSmaa(problem: LinearProblem, options: SmaaOptionsInput = {}): SmaaResult {
  const run = new SmaaRun(problem, options);
  while (!run.done) run.step(BLOCK_SIZE);
  return run.result();
}
