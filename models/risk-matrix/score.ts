import type { Criterion, Issue, RiskModel, ScoreGrid, Weights } from './schema';
import { own } from '../own';

/** An issue's place in a ranking and how its total is made up. */
export interface RankedIssue {
  issueId: string;
  label: string;
  total: number;
  /** What each criterion adds to the total (sums to `total`; Capacity and Confidence criteria add 0). */
  contributions: Record<string, number>;
  /** Competition rank: tied issues share the best rank (1, =2, =2, 4). */
  rank: number;
  /** The rank as shown: "1", "=2". */
  rankLabel: string;
  /** 0-based position in the ordered list. */
  position: number;
  /** Criteria counting towards the total that are not yet scored for this issue (scored as the scale minimum). */
  unscored: string[];
}

/** Totals closer than this are a tie (weights are often fractions). */
export const TIE_TOLERANCE = 1e-9;

/** The weights in force: the model's, overridden by any given. */
export function effectiveWeights(model: RiskModel, weights?: Weights): Record<string, number> {
  return Object.fromEntries(model.criteria.map((c) => [c.id, own(weights, c.id) ?? c.weight]));
}

/**
 * Whether a criterion enters the total. Capacity criteria (MoRiLE's
 * organisational position) are a separate axis, and a Confidence criterion
 * says how sure the scores are, shown beside the score, not part of it.
 */
export const countsTowardsTotal = (c: Criterion): boolean => c.group !== 'Capacity' && c.group !== 'Confidence';

/**
 * Each issue's total under the model's aggregation, and each criterion's part of it.
 *
 * @example totals(model, [{ id: 'da', label: 'Domestic Abuse' }], scores) // [{ total: 33, contributions: {...} }]
 */
export function totals(model: RiskModel, issues: readonly Issue[], scores: ScoreGrid, weights?: Weights): { total: number; contributions: Record<string, number>; unscored: string[] }[] {
  const w = effectiveWeights(model, weights);
  const criteria = model.criteria.filter(countsTowardsTotal);
  const agg = model.aggregation;
  return issues.map((issue) => {
    const row = own(scores, issue.id) ?? {};
    const value = (c: Criterion) => own(row, c.id)?.value ?? c.scale.min;
    const unscored = criteria.filter((c) => (own(row, c.id)?.value ?? null) === null).map((c) => c.id);
    const contributions: Record<string, number> = Object.fromEntries(model.criteria.map((c) => [c.id, 0]));
    let total = 0;
    if (agg.kind === 'weighted-sum') {
      for (const c of criteria) total += contributions[c.id] = w[c.id]! * value(c);
    } else if (agg.kind === 'normalised-average') {
      const sumW = criteria.reduce((s, c) => s + w[c.id]!, 0);
      for (const c of criteria) {
        const part = sumW === 0 ? 0 : (100 * w[c.id]! * (value(c) - c.scale.min)) / ((c.scale.max - c.scale.min) * sumW);
        total += contributions[c.id] = part;
      }
    } else {
      const likelihood = criteria.find((c) => c.id === agg.likelihood)!;
      const l = value(likelihood);
      // Harm is a weighted sum; the likelihood score multiplies it, so each harm criterion's part is w × s × L.
      for (const c of criteria.filter((c) => c.group === 'Harm')) total += contributions[c.id] = w[c.id]! * value(c) * l;
    }
    return { total, contributions, unscored };
  });
}

/**
 * Ranks issues by total, highest first.
 *
 * Tie-break (documented): issues with equal totals keep the order they have
 * in the assessment, which for an imported matrix is the file's order. So the
 * seed CSV reproduces the published order, and a tie never reorders issues
 * between runs. Ties are still shown as ties ("=2").
 *
 * @example rank(model, issues, scores)[0] // { label: 'Domestic Abuse', total: 33, rankLabel: '1', ... }
 */
export function rank(model: RiskModel, issues: readonly Issue[], scores: ScoreGrid, weights?: Weights): RankedIssue[] {
  const t = totals(model, issues, scores, weights);
  const order = issues.map((_, i) => i).sort((a, b) => (Math.abs(t[b]!.total - t[a]!.total) <= tieTolerance(t[a]!.total) ? a - b : t[b]!.total - t[a]!.total));
  const ranked: RankedIssue[] = [];
  order.forEach((i, position) => {
    const prev = ranked[position - 1];
    const tiedWithPrev = prev !== undefined && Math.abs(prev.total - t[i]!.total) <= tieTolerance(t[i]!.total);
    ranked.push({
      issueId: issues[i]!.id,
      label: issues[i]!.label,
      total: t[i]!.total,
      contributions: t[i]!.contributions,
      rank: tiedWithPrev ? prev.rank : position + 1,
      rankLabel: '',
      position,
      unscored: t[i]!.unscored,
    });
  });
  const counts = new Map<number, number>();
  for (const r of ranked) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
  for (const r of ranked) r.rankLabel = counts.get(r.rank)! > 1 ? `=${r.rank}` : String(r.rank);
  return ranked;
}

function tieTolerance(total: number): number {
  return TIE_TOLERANCE * Math.max(1, Math.abs(total));
}
