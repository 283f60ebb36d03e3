import type { Issue } from '../risk-matrix/schema';
import { movements, movementText, type Movement } from '../risk-matrix/movement';
import type { RankedIssue } from '../risk-matrix/score';
import { listWords, placeWords } from '../sensitivity/words';

/**
 * What changed against a previous ranking — the baseline weights or another
 * assessment — as the Luton committee asked it ("what changed, why and
 * where"): each priority's movement (▲▼, by competition rank, so reordering
 * inside a tie is no movement) and the issues entering and leaving the top N.
 */

export interface RankChange {
  issueId: string;
  label: string;
  rankLabel: string;
  /** The rank it had before, as shown ("=2"), or null when it was not in that ranking. */
  was: string | null;
  movement: Movement;
}

export interface ChangeSummary {
  /** What the ranking is compared with, e.g. 'the baseline weights' or '“2024 assessment”'. */
  against: string;
  n: number;
  /** The current top N with their movements. */
  top: RankChange[];
  entered: string[];
  /** Issues in the previous top N that are not in it now, with their place now (null: not in this assessment). */
  left: { label: string; rankLabel: string | null }[];
  sentence: string;
  /** Every current issue's movement (for the ranked table). */
  moves: ReadonlyMap<string, Movement>;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Which issue of the current assessment each issue of another one is: the
 * same id, else the same name (case and spacing ignored).
 *
 * @example alignIssues(current.issues, previous.issues).get('i3') // 'burglary-dwelling'
 */
export function alignIssues(current: readonly Issue[], previous: readonly Issue[]): Map<string, string> {
  const ids = new Set(current.map((i) => i.id));
  const byLabel = new Map(current.map((i) => [norm(i.label), i.id]));
  const out = new Map<string, string>();
  for (const p of previous) {
    const id = ids.has(p.id) ? p.id : byLabel.get(norm(p.label));
    if (id !== undefined) out.set(p.id, id);
  }
  return out;
}

/**
 * The changes between a previous ranking and the current one.
 *
 * @param align previous issue id → current issue id (omit when both rank the same issues)
 * @example rankingChanges(ranked, baselineRanked, 5, 'the baseline weights').sentence
 */
export function rankingChanges(current: readonly RankedIssue[], previous: readonly RankedIssue[], n: number, against: string, align?: ReadonlyMap<string, string>): ChangeSummary {
  const mapped = previous.flatMap((r) => {
    const id = align === undefined ? r.issueId : align.get(r.issueId);
    return id === undefined ? [] : [{ ...r, issueId: id }];
  });
  const moves = movements(mapped, current);
  const before = new Map(mapped.map((r) => [r.issueId, r.rankLabel]));
  const top = current.slice(0, n).map((r) => ({ issueId: r.issueId, label: r.label, rankLabel: r.rankLabel, was: before.get(r.issueId) ?? null, movement: moves.get(r.issueId)! }));
  const nowTop = new Set(top.map((r) => r.issueId));
  const wasTop = previous.slice(0, n);
  const wasTopIds = new Set(wasTop.map((r) => (align === undefined ? r.issueId : align.get(r.issueId))).filter((x) => x !== undefined));
  const entered = top.filter((r) => !wasTopIds.has(r.issueId)).map((r) => r.label);
  const nowRank = new Map(current.map((r) => [r.issueId, r]));
  const left = wasTop
    .filter((r) => {
      const id = align === undefined ? r.issueId : align.get(r.issueId);
      return id === undefined || !nowTop.has(id);
    })
    .map((r) => {
      const id = align === undefined ? r.issueId : align.get(r.issueId);
      const now = id === undefined ? undefined : nowRank.get(id);
      return { label: now?.label ?? r.label, rankLabel: now?.rankLabel ?? null };
    });
  return { against, n, top, entered, left, sentence: changeSentence(against, n, top, entered, left), moves };
}

const place = (rankLabel: string) => placeWords(Number(rankLabel.replace('=', '')), rankLabel.startsWith('='));

function changeSentence(against: string, n: number, top: readonly RankChange[], entered: readonly string[], left: ChangeSummary['left']): string {
  const moved = top.filter((r) => r.movement.kind === 'up' || r.movement.kind === 'down');
  if (moved.length === 0 && entered.length === 0 && left.length === 0) return `Against ${against}, the top ${n} ${n === 1 ? 'is' : 'are'} unchanged.`;
  const parts: string[] = [];
  for (const r of moved) parts.push(`${r.label} ${movementText(r.movement).words} to ${place(r.rankLabel)}`);
  if (entered.length > 0) parts.push(`${listWords(entered)} entered the top ${n}`);
  if (left.length > 0) parts.push(`${listWords(left.map((l) => (l.rankLabel === null ? `${l.label} (not in this assessment)` : `${l.label} (now ${place(l.rankLabel)})`)))} left it`);
  return `Against ${against}: ${parts.join('; ')}.`;
}
