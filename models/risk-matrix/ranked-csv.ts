import { formatCsv } from '../csv';
import { movementText, type Movement } from './movement';
import type { RankedIssue } from './score';
import type { RiskModel, ScoreGrid } from './schema';
import { own } from '../own';

/** What the partnership will do about a priority (the brief's recommendation and lead partner, by issue id). */
export type RecommendationsById = Readonly<Record<string, { recommendation: string; leadPartner: string }>>;

/**
 * The ranking as a CSV for papers and minutes: rank as shown ("=2"), movement
 * against the baseline in words, issue, total, then each criterion's score
 * and the weight it carried; with `recommendations` (the brief's), a
 * recommendation and a lead partner column last (empty where none is written).
 *
 * @example rankedCsv(model, ranked, moves, scores, weights, a.brief?.recommendations ?? {}).split('\r\n')[1] // '1,no change,Domestic Abuse,33,3,5,…,Commission a second IDVA,Luton Council'
 */
export function rankedCsv(
  model: RiskModel,
  ranked: readonly RankedIssue[],
  moves: ReadonlyMap<string, Movement>,
  scores: ScoreGrid,
  weights: Readonly<Record<string, number>>,
  recommendations?: RecommendationsById,
): string {
  const extra = recommendations === undefined ? [] : ['recommendation', 'lead partner'];
  const header = ['rank', 'movement', 'issue', 'total', ...model.criteria.map((c) => `${c.label} (weight ${own(weights, c.id) ?? c.weight})`), ...extra];
  const rows = ranked.map((r) => [
    r.rankLabel,
    movementText(moves.get(r.issueId) ?? { kind: 'same' }).words,
    r.label,
    Number(r.total.toFixed(6)),
    ...model.criteria.map((c) => own(own(scores, r.issueId), c.id)?.value ?? null),
    ...(recommendations === undefined ? [] : [own(recommendations, r.issueId)?.recommendation ?? '', own(recommendations, r.issueId)?.leadPartner ?? '']),
  ]);
  return formatCsv([header, ...rows]);
}
