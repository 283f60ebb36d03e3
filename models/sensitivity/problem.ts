import { z } from 'zod';
import { Issue, RiskModel, ScoreGrid, Weights, type Criterion } from '../risk-matrix/schema';
import { countsTowardsTotal, effectiveWeights } from '../risk-matrix/score';
import { weightedCriteria } from '../risk-matrix/explain';
import { own } from '../own';

/**
 * What every sensitivity analysis starts from: a risk model, its issues,
 * their scores, and the weights in force (the model's own unless overridden).
 */
export const Assessment = z.object({
  model: RiskModel,
  issues: z.array(Issue).min(1),
  scores: ScoreGrid,
  weights: Weights.optional(),
});
export type Assessment = z.infer<typeof Assessment>;

/**
 * An assessment reduced to the numbers the analyses need.
 *
 * Every aggregation of the contract ranks issues by a total that is linear in
 * the weights once the weights are scaled to sum to 1 (their *shares*):
 *
 *   total_i = multiplier_i × Σ_j share_j × coef_ij,   coef_ij = (score_ij − offset_j) × factor_j
 *
 * - weighted-sum: coef = score, multiplier 1. The contract's total is this × Σ raw weights.
 * - normalised-average: coef = 100 (score − min)/(max − min), multiplier 1; equal to the contract's total.
 * - harm-x-likelihood: only Harm criteria carry weights; coef = harm score, multiplier = the
 *   likelihood score. The contract's total is this × Σ raw harm weights.
 *
 * Scaling every weight by the same factor never changes a ranking, so the
 * analyses work with shares; raw weights are kept for one-way analyses, which
 * move one raw weight and hold the others (so the others keep their proportions).
 */
export interface LinearProblem {
  aggregation: RiskModel['aggregation']['kind'];
  issueIds: string[];
  issueLabels: string[];
  /** The criteria whose weights move the ranking, in model order. */
  criteria: { id: string; label: string; min: number; max: number }[];
  /** Criteria whose weight cannot change the ranking under this aggregation, and why. */
  ignored: { id: string; label: string; reason: string }[];
  /** The likelihood criterion (harm-x-likelihood only). */
  likelihood: { id: string; label: string; min: number; max: number } | null;
  n: number;
  m: number;
  /** Assessed scores, issue-major (n × m); unscored cells hold the scale minimum, as in `totals()`. */
  scores: Float64Array;
  /** Assessed likelihood scores (n), or null. */
  likelihoodScores: Float64Array | null;
  offset: Float64Array;
  factor: Float64Array;
  /** coef_ij × multiplier_i, issue-major (n × m): total_i = Σ_j share_j × effective_ij. */
  effective: Float64Array;
  /** Current raw weights (m) and their shares (m, summing to 1). */
  rawWeights: Float64Array;
  shares: Float64Array;
  /** Contract total = scale × Σ_j share_j × effective_ij (Σ raw weights, or 1 for the normalised average). */
  totalScale: number;
  /** Confidence of each used cell, issue-major (n × m), and of each likelihood score. */
  confidence: (string | undefined)[];
  likelihoodConfidence: (string | undefined)[] | null;
}

const rangeOf = (c: Criterion) => ({ id: c.id, label: c.label, min: c.scale.min, max: c.scale.max });

/**
 * Reduces an assessment to a `LinearProblem`.
 *
 * @example linearProblem(seed).criteria.length // 9 (every criterion counts in the seed's weighted sum)
 */
export function linearProblem(input: Assessment): LinearProblem {
  const { model, issues, scores } = input;
  const agg = model.aggregation;
  const w = effectiveWeights(model, input.weights);
  const used = weightedCriteria(model);
  const usedIds = new Set(used.map((c) => c.id));
  const ignored = model.criteria
    .filter((c) => !usedIds.has(c.id))
    .map((c) => ({
      id: c.id,
      label: c.label,
      reason: !countsTowardsTotal(c)
        ? c.group === 'Confidence'
          ? 'Confidence criteria say how sure the scores are and never enter the total'
          : 'Capacity criteria are shown on their own axis and never enter the total'
        : agg.kind === 'harm-x-likelihood' && c.id === agg.likelihood
          ? 'the likelihood score multiplies the harm total; its weight is not used'
          : 'under harm × likelihood only Harm criteria carry weights',
    }));
  if (used.length === 0) throw new Error(`model "${model.name}" has no criteria whose weights count towards the total`);
  const n = issues.length;
  const m = used.length;
  const value = (issueId: string, c: Criterion) => own(own(scores, issueId), c.id)?.value ?? c.scale.min;
  const cell = (issueId: string, c: Criterion) => own(own(scores, issueId), c.id);

  const rawWeights = Float64Array.from(used, (c) => w[c.id]!);
  const sumW = rawWeights.reduce((s, x) => s + x, 0);
  if (!(sumW > 0)) throw new Error(`every weight that counts towards the total is zero in model "${model.name}", so there is no ranking to test`);
  const shares = rawWeights.map((x) => x / sumW);

  const offset = new Float64Array(m);
  const factor = new Float64Array(m).fill(1);
  if (agg.kind === 'normalised-average') {
    used.forEach((c, j) => {
      offset[j] = c.scale.min;
      factor[j] = 100 / (c.scale.max - c.scale.min);
    });
  }

  const likelihoodCriterion = agg.kind === 'harm-x-likelihood' ? model.criteria.find((c) => c.id === agg.likelihood)! : null;
  const likelihoodScores = likelihoodCriterion === null ? null : Float64Array.from(issues, (iss) => value(iss.id, likelihoodCriterion));

  const sc = new Float64Array(n * m);
  const effective = new Float64Array(n * m);
  const confidence: (string | undefined)[] = [];
  issues.forEach((iss, i) => {
    const mult = likelihoodScores?.[i] ?? 1;
    used.forEach((c, j) => {
      const s = value(iss.id, c);
      sc[i * m + j] = s;
      effective[i * m + j] = mult * (s - offset[j]!) * factor[j]!;
      confidence.push(cell(iss.id, c)?.confidence);
    });
  });

  return {
    aggregation: agg.kind,
    issueIds: issues.map((i) => i.id),
    issueLabels: issues.map((i) => i.label),
    criteria: used.map(rangeOf),
    ignored,
    likelihood: likelihoodCriterion === null ? null : rangeOf(likelihoodCriterion),
    n,
    m,
    scores: sc,
    likelihoodScores,
    offset,
    factor,
    effective,
    rawWeights,
    shares,
    totalScale: agg.kind === 'normalised-average' ? 1 : sumW,
    confidence,
    likelihoodConfidence: likelihoodCriterion === null ? null : issues.map((iss) => cell(iss.id, likelihoodCriterion)?.confidence),
  };
}

/**
 * Each issue's total for weight shares `shares` (m, summing to 1), on the
 * problem's own scale (see `LinearProblem`).
 *
 * @example sharesTotals(p, p.shares).map((t) => t * p.totalScale) // the contract's totals
 */
export function sharesTotals(p: LinearProblem, shares: ArrayLike<number>): Float64Array {
  const out = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    let t = 0;
    for (let j = 0; j < p.m; j++) t += shares[j]! * p.effective[i * p.m + j]!;
    out[i] = t;
  }
  return out;
}

/** Raw weights (by criterion id) that have these shares, keeping the current total weight: what a UI can show and `rank()` accepts. */
export function sharesToWeights(p: LinearProblem, shares: ArrayLike<number>): Record<string, number> {
  const sum = p.rawWeights.reduce((s, x) => s + x, 0);
  return Object.fromEntries(p.criteria.map((c, j) => [c.id, shares[j]! * sum]));
}
