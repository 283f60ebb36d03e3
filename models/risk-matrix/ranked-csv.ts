import { formatCsv } from '../csv';
import { movementText, type Movement } from './movement';
import type { RankedIssue } from './score';
import type { RiskModel, ScoreGrid } from './schema';
import { own } from '../own';

/**
 * The ranking as a CSV for papers and minutes: rank as shown ("=2"), movement
 * against the baseline in words, issue, total, then each criterion's score
 * and the weight it carried.
 *
 * @example rankedCsv(model, ranked, moves, scores, weights).split('\r\n')[1] // '1,no change,Domestic Abuse,33,3,5,…'
 */
export function rankedCsv(
  model: RiskModel,
  ranked: readonly RankedIssue[],
  moves: ReadonlyMap<string, Movement>,
  scores: ScoreGrid,
  weights: Readonly<Record<string, number>>,
): string {
  const header = ['rank', 'movement', 'issue', 'total', ...model.criteria.map((c) => `${c.label} (weight ${own(weights, c.id) ?? c.weight})`)];
  const rows = ranked.map((r) => [
    r.rankLabel,
    movementText(moves.get(r.issueId) ?? { kind: 'same' }).words,
    r.label,
    Number(r.total.toFixed(6)),
    ...model.criteria.map((c) => own(own(scores, r.issueId), c.id)?.value ?? null),
  ]);
  return formatCsv([header, ...rows]);
}
