import type { Assessment } from '../risk-matrix/assessment';
import type { RiskModel, ScoreGrid } from '../risk-matrix/schema';
import { rank } from '../risk-matrix/score';
import { kendallW, type KendallW } from './kendall';
import type { ScorerSheet } from './sheet';

/** One issue × criterion across scorers. */
export interface CellAgreement {
  issueId: string;
  criterionId: string;
  /** In the order of the sheets; null where a scorer left it blank or did not score the issue. */
  scores: (number | null)[];
  median: number | null;
  mean: number | null;
  /** Highest minus lowest score given. */
  range: number | null;
  /** Scorers differ by 2 or more levels: worth discussing. */
  flagged: boolean;
}

/** Median of numbers (mean of the middle two for an even count). @example median([1, 5, 3]) // 3 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Every issue × criterion cell across the sheets. */
export function cellAgreement(model: RiskModel, issueIds: readonly string[], sheets: readonly ScorerSheet[]): CellAgreement[] {
  const out: CellAgreement[] = [];
  for (const issueId of issueIds) {
    for (const c of model.criteria) {
      const scores = sheets.map((s) => s.scores.get(issueId)?.get(c.id) ?? null);
      const given = scores.filter((v): v is number => v !== null);
      const range = given.length === 0 ? null : Math.max(...given) - Math.min(...given);
      out.push({
        issueId,
        criterionId: c.id,
        scores,
        median: given.length === 0 ? null : median(given),
        mean: given.length === 0 ? null : given.reduce((t, v) => t + v, 0) / given.length,
        range,
        flagged: range !== null && range >= 2,
      });
    }
  }
  return out;
}

/** The issues every sheet scored, in assessment order (only these can be ranked by every scorer). */
export const commonIssues = (issueIds: readonly string[], sheets: readonly ScorerSheet[]): string[] => issueIds.filter((id) => sheets.every((s) => s.scores.has(id)));

/** A scorer's own scores as a grid (blank cells count as the scale minimum, as in `rank`). */
export function gridOf(sheet: ScorerSheet): ScoreGrid {
  const grid: ScoreGrid = {};
  for (const [issueId, row] of sheet.scores) grid[issueId] = Object.fromEntries([...row].map(([cid, v]) => [cid, { value: v }]));
  return grid;
}

/**
 * Kendall's W over the scorers' rankings of the issues they all scored:
 * overall (by each scorer's total with the weights given) and per criterion
 * (by that criterion's scores).
 */
export function agreement(
  a: Pick<Assessment, 'model' | 'issues'>,
  sheets: readonly ScorerSheet[],
  weights?: Record<string, number>,
): { overall: KendallW; byCriterion: Map<string, KendallW>; issueIds: string[] } {
  const ids = commonIssues(
    a.issues.map((i) => i.id),
    sheets,
  );
  const issues = a.issues.filter((i) => ids.includes(i.id));
  const totals = sheets.map((s) => {
    const ranked = rank(a.model, issues, gridOf(s), weights);
    const byId = new Map(ranked.map((r) => [r.issueId, r.total]));
    return ids.map((id) => byId.get(id)!);
  });
  const byCriterion = new Map<string, KendallW>();
  for (const c of a.model.criteria) byCriterion.set(c.id, kendallW(sheets.map((s) => ids.map((id) => s.scores.get(id)?.get(c.id) ?? c.scale.min))));
  return { overall: kendallW(totals), byCriterion, issueIds: ids };
}

/**
 * The consensus as a new assessment: each cell the median (or mean) of the
 * scores given, its rationale recording who scored what. The model, weights
 * and issues are the open assessment's; its name says it is a consensus.
 *
 * @example consensusAssessment(a, sheets, 'median', { id, name: '2025 consensus', now }).scores[i][c].rationale // 'Consensus (median) of Police 3, Council 4, Fire 5'
 */
export function consensusAssessment(a: Assessment, sheets: readonly ScorerSheet[], how: 'median' | 'mean', opts: { id: string; name: string; now: number }): Assessment {
  const cells = cellAgreement(
    a.model,
    a.issues.map((i) => i.id),
    sheets,
  );
  const scores: ScoreGrid = {};
  for (const cell of cells) {
    const raw = how === 'median' ? cell.median : cell.mean;
    // Scores are whole scale levels: a median of an even count or a mean is rounded half up, and the rationale says so.
    const value = raw === null ? null : Math.round(raw);
    const who = sheets.map((s, k) => `${s.scorer} ${cell.scores[k] ?? 'not scored'}`).join(', ');
    const rounded = raw !== null && raw !== value ? ` (${Number(raw.toFixed(2))} rounded to ${value})` : '';
    (scores[cell.issueId] ??= {})[cell.criterionId] = { value, rationale: `Consensus (${how})${rounded} of ${who}` };
  }
  const { lastImport: _dropped, ...rest } = a;
  return { ...rest, id: opts.id, name: opts.name, createdAt: opts.now, updatedAt: opts.now, scores };
}
