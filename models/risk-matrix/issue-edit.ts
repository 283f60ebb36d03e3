import type { Assessment } from './assessment';
import { EditError } from './edit-error';
import { issueIdAllocator, issueIdFor } from './ids';
import { scoreProblem, levelLabel } from './scale';
import type { Confidence, Issue, Score, ScoreGrid } from './schema';
import { own } from '../own';

/**
 * Edits to an assessment's issues and scores. Each returns a new assessment;
 * a refused edit throws an EditError with a sentence for the user.
 */

function checkLabel(a: Assessment, label: string, except?: string): string {
  const clean = label.trim();
  if (clean === '') throw new EditError('an issue needs a name');
  const clash = a.issues.find((i) => i.id !== except && i.label.toLowerCase() === clean.toLowerCase());
  if (clash !== undefined) throw new EditError(`there is already an issue called “${clash.label}”`);
  return clean;
}

function issue(a: Assessment, id: string): Issue {
  const found = a.issues.find((i) => i.id === id);
  if (found === undefined) throw new EditError(`there is no issue "${id}"`);
  return found;
}

/**
 * Adds an unscored issue at the end.
 *
 * @example addIssue(a, 'Knife crime').issues.at(-1) // { id: 'knife-crime', label: 'Knife crime' }
 */
export function addIssue(a: Assessment, label: string): Assessment {
  const clean = checkLabel(a, label);
  const id = issueIdFor(clean, new Set(a.issues.map((i) => i.id)));
  return { ...a, issues: [...a.issues, { id, label: clean }] };
}

/** @example renameIssue(a, 'nte', 'Night-time economy') */
export function renameIssue(a: Assessment, id: string, label: string): Assessment {
  const old = issue(a, id);
  const clean = checkLabel(a, label, id);
  if (clean === old.label) return a;
  return { ...a, issues: a.issues.map((i) => (i.id === id ? { ...i, label: clean } : i)) };
}

/** Removes an issue and its scores. @example removeIssue(a, 'street-drinking').issues.length // 31 */
export function removeIssue(a: Assessment, id: string): Assessment {
  issue(a, id);
  const scores = { ...a.scores };
  delete scores[id];
  return { ...a, issues: a.issues.filter((i) => i.id !== id), scores };
}

/**
 * Moves an issue up (-1) or down (+1). Assessment order is the ranking's
 * tie-break, so this is how a partnership settles the order of tied issues.
 *
 * @example moveIssue(a, 'terrorism', -1)
 */
export function moveIssue(a: Assessment, id: string, delta: -1 | 1): Assessment {
  const from = a.issues.findIndex((i) => i.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= a.issues.length) return a;
  const issues = [...a.issues];
  [issues[from], issues[to]] = [issues[to]!, issues[from]!];
  return { ...a, issues };
}

/** What to change in one cell: a score (null clears it), a rationale ('' clears it), a confidence (null clears it). */
export interface CellPatch {
  value?: number | null;
  rationale?: string;
  confidence?: Confidence | null;
}

/**
 * Changes one cell of the grid.
 *
 * @example setCell(a, 'domestic-abuse', 'likelihood', { value: 4, rationale: 'Repeat calls up 12%', confidence: 'Medium' })
 */
export function setCell(a: Assessment, issueId: string, criterionId: string, patch: CellPatch): Assessment {
  const i = issue(a, issueId);
  const c = a.model.criteria.find((x) => x.id === criterionId);
  if (c === undefined) throw new EditError(`there is no criterion "${criterionId}"`);
  if (patch.value !== undefined && patch.value !== null) {
    const problem = scoreProblem(c, patch.value);
    if (problem !== undefined) throw new EditError(`${i.label}, ${c.label}: the score ${problem}`);
  }
  const old: Score = own(own(a.scores, issueId), criterionId) ?? { value: null };
  const next: Score = { value: patch.value === undefined ? old.value : patch.value };
  const rationale = patch.rationale === undefined ? old.rationale : patch.rationale.trim();
  if (rationale !== undefined && rationale !== '') next.rationale = rationale;
  const confidence = patch.confidence === undefined ? old.confidence : (patch.confidence ?? undefined);
  if (confidence !== undefined) next.confidence = confidence;
  if (next.value === old.value && next.rationale === old.rationale && next.confidence === old.confidence) return a;
  return { ...a, scores: { ...a.scores, [issueId]: { ...a.scores[issueId], [criterionId]: next } } };
}

/**
 * Replaces every issue and score (a matrix import). Issues whose label is
 * already in the assessment keep their id, so anything keyed by issue survives.
 *
 * @example replaceMatrix(a, imported.issues, imported.scores)
 */
export function replaceMatrix(a: Assessment, issues: readonly Issue[], scores: ScoreGrid): Assessment {
  const byLabel = new Map(a.issues.map((i) => [i.label.toLowerCase(), i.id]));
  const taken = new Set<string>();
  // New ids avoid every id kept or given so far and every id the assessment had.
  const nextId = issueIdAllocator(new Set(byLabel.values()));
  const rename = new Map<string, string>();
  for (const i of issues) {
    const keep = byLabel.get(i.label.toLowerCase());
    const id = keep !== undefined && !taken.has(keep) ? keep : nextId(i.label);
    taken.add(id);
    rename.set(i.id, id);
  }
  return {
    ...a,
    issues: issues.map((i) => ({ id: rename.get(i.id)!, label: i.label })),
    scores: Object.fromEntries(
      Object.entries(scores)
        .filter(([id]) => rename.has(id))
        .map(([id, row]) => [rename.get(id)!, row]),
    ),
  };
}

/** A cell in words, for labels and status messages. @example cellText(a, 'domestic-abuse', 'likelihood') // '5 (High)' */
export function cellText(a: Assessment, issueId: string, criterionId: string): string {
  const c = a.model.criteria.find((x) => x.id === criterionId);
  const v = own(own(a.scores, issueId), criterionId)?.value ?? null;
  if (c === undefined || v === null) return 'not scored';
  const label = levelLabel(c.scale, v);
  return label === undefined ? String(v) : `${v} (${label})`;
}
