import { formatScore } from './explain';
import { effectiveWeights } from './score';
import type { Criterion, Issue, RiskModel, ScoreGrid, Weights } from './schema';
import { own } from '../own';

/** The two axes of a harm × likelihood grid, or why a model cannot have one. */
export type HarmLikelihoodAxes = { ok: true; likelihood: Criterion; harm: Criterion[] } | { ok: false; reason: string };

/**
 * Finds the grid's axes: the likelihood (the aggregation's own, else the first
 * Likelihood criterion) and the Harm criteria.
 *
 * @example harmLikelihoodAxes(seed) // { ok: true, likelihood: {id: 'likelihood', …}, harm: [4 criteria] }
 */
export function harmLikelihoodAxes(model: RiskModel): HarmLikelihoodAxes {
  const agg = model.aggregation;
  const likelihood = agg.kind === 'harm-x-likelihood' ? model.criteria.find((c) => c.id === agg.likelihood) : model.criteria.find((c) => c.group === 'Likelihood');
  const harm = model.criteria.filter((c) => c.group === 'Harm');
  if (likelihood === undefined) return { ok: false, reason: 'This model has no criterion in the Likelihood group, so issues cannot be placed on a harm × likelihood grid.' };
  if (harm.length === 0) return { ok: false, reason: 'This model has no criteria in the Harm group, so issues cannot be placed on a harm × likelihood grid.' };
  return { ok: true, likelihood, harm };
}

export interface HarmLikelihoodPoint {
  issueId: string;
  label: string;
  /** Weighted sum of the Harm criteria. */
  harm: number;
  likelihood: number;
  /** Some harm or likelihood score is missing (counted as the scale minimum). */
  unscored: boolean;
}

/**
 * Places each issue: harm = Σ weight × score over the Harm criteria; likelihood = its score.
 *
 * @example harmLikelihoodPoints(axes, issues, scores, weights)[0] // { label: 'Domestic Abuse', harm: 14, likelihood: 5, … }
 */
export function harmLikelihoodPoints(model: RiskModel, axes: Extract<HarmLikelihoodAxes, { ok: true }>, issues: readonly Issue[], scores: ScoreGrid, weights?: Weights): HarmLikelihoodPoint[] {
  const w = effectiveWeights(model, weights);
  return issues.map((issue) => {
    const row = own(scores, issue.id) ?? {};
    let unscored = false;
    const value = (c: Criterion) => {
      const v = own(row, c.id)?.value ?? null;
      if (v === null) unscored = true;
      return v ?? c.scale.min;
    };
    const harm = axes.harm.reduce((s, c) => s + w[c.id]! * value(c), 0);
    return { issueId: issue.id, label: issue.label, harm, likelihood: value(axes.likelihood), unscored };
  });
}

/** A row of the grid: harm from `lo` to `hi` (inclusive of `hi` only in the top band). */
export interface HarmBand {
  lo: number;
  hi: number;
  label: string;
}

/**
 * Splits the possible harm range into at most `most` bands, highest first:
 * one band per value when there are few, whole-number bands when every harm
 * weight is whole, equal widths otherwise.
 *
 * @example harmBands(seed, axes).map((b) => b.label) // ['16–20', '12–15', '8–11', '4–7', '0–3']
 */
export function harmBands(model: RiskModel, axes: Extract<HarmLikelihoodAxes, { ok: true }>, weights?: Weights, most = 5): HarmBand[] {
  const w = effectiveWeights(model, weights);
  const lo = axes.harm.reduce((s, c) => s + w[c.id]! * c.scale.min, 0);
  const hi = axes.harm.reduce((s, c) => s + w[c.id]! * c.scale.max, 0);
  const whole = axes.harm.every((c) => Number.isInteger(w[c.id]!));
  const bands: HarmBand[] = [];
  if (hi <= lo) return [{ lo, hi: lo, label: formatScore(lo) }];
  if (whole && hi - lo + 1 <= most + 1) {
    for (let v = lo; v <= hi; v++) bands.push({ lo: v, hi: v, label: formatScore(v) });
  } else if (whole) {
    const size = Math.ceil((hi - lo) / most);
    for (let k = 0, from = lo; from <= hi; k++, from += size) {
      const to = k === most - 1 || from + size > hi ? hi : from + size - 1;
      bands.push({ lo: from, hi: to, label: from === to ? formatScore(from) : `${formatScore(from)}–${formatScore(to)}` });
      if (to === hi) break;
    }
  } else {
    const size = (hi - lo) / most;
    for (let k = 0; k < most; k++) {
      const from = lo + k * size;
      const to = k === most - 1 ? hi : lo + (k + 1) * size;
      bands.push({ lo: from, hi: to, label: k === most - 1 ? `${formatScore(from)}–${formatScore(to)}` : `${formatScore(from)} to under ${formatScore(to)}` });
    }
  }
  return bands.reverse();
}

/** The band (index into `harmBands`' list) a harm value falls in. */
export function bandOf(bands: readonly HarmBand[], harm: number): number {
  // Bands run highest first; the first whose floor the value reaches is its band.
  const i = bands.findIndex((b) => harm >= b.lo - 1e-9);
  return i < 0 ? bands.length - 1 : i;
}
