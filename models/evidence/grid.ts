import type { Assessment } from '../risk-matrix/assessment';
import { setCell, type CellPatch } from '../risk-matrix/issue-edit';
import type { Issue, Score, ScoreGrid } from '../risk-matrix/schema';
import { cellKey, decisionScore, latestDecisions, trailStanding, type ScoreDecision } from './audit';
import { proposalBasis, type Proposal, type Proposals } from './banding';
import type { Catalogue } from './catalogue';
import { dict, own } from '../own';

/**
 * Helpers for putting proposals and decisions into an assessment's scoring
 * grid (the risk-matrix `ScoreGrid`): which evidence issue an assessment
 * issue draws on, what a cell's state is, and the grid with decisions applied.
 */

/**
 * Links assessment issues to catalogue issues by id, or else by name
 * (case and spacing ignored); null where nothing matches, for the analyst
 * to choose.
 *
 * @example matchIssues([{ id: 'i1', label: 'burglary' }], DEFAULT_CATALOGUE) // { i1: 'burglary' }
 */
export function matchIssues(issues: readonly Issue[], catalogue: Catalogue): Record<string, string | null> {
  const norm = normaliseLabel;
  const byId = new Set(catalogue.issues.map((i) => i.id));
  const byLabel = new Map(catalogue.issues.map((i) => [norm(i.label), i.id]));
  return Object.fromEntries(issues.map((i) => [i.id, byId.has(i.id) ? i.id : (byLabel.get(norm(i.label)) ?? null)]));
}

/** A name compared without case or extra spaces. @example normaliseLabel('  ASB  (Personal) ') // 'asb (personal)' */
export const normaliseLabel = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export type CellStatus =
  /** A proposal no one has decided on yet. */
  | 'proposed'
  | 'accepted'
  | 'overridden'
  /** Decided on evidence that has changed since (the data, period, link or rule), or that no longer proposes anything. */
  | 'stale'
  /** The cell's score was changed (by hand, or by undo) after the decision, so the decision is not the score in force. */
  | 'edited'
  /** Nothing proposed and nothing decided. */
  | 'none';

/**
 * The state of one data-backed cell. Without `current` (the cell's score
 * now) a decision is taken to be in force.
 *
 * @example cellStatus(proposal, decision) // 'stale' when the evidence behind decision.proposed has changed
 */
export function cellStatus(proposal: Proposal | undefined, decision: ScoreDecision | undefined, current?: number | null): CellStatus {
  if (decision === undefined) return proposal?.value == null ? 'none' : 'proposed';
  if (proposal === undefined || proposal.value !== decision.proposed || (decision.basis !== undefined && decision.basis !== proposalBasis(proposal))) return 'stale';
  if (current !== undefined && current !== decision.chosen) return 'edited';
  return decision.kind;
}

/** A data-backed cell of an assessment's grid: its proposal, the decision in force, and its state. */
export interface CellEvidence {
  issueId: string;
  criterionId: string;
  proposal: Proposal;
  decision: ScoreDecision | undefined;
  status: CellStatus;
  /** The cell's score now (null: not scored). */
  current: number | null;
  /** The state in words, for screen readers and titles. */
  text: string;
}

const scoreText = (v: number | null) => (v === null ? 'not scored' : String(v));

/**
 * A data-backed cell's state in words.
 *
 * @example cellEvidenceText(c) // 'Proposed 4 from 121.3 a month; current 3; not decided yet'
 */
export function cellEvidenceText(c: Omit<CellEvidence, 'text'>): string {
  const { proposal: p, decision: d, current } = c;
  const from = `from ${p.metricText}`;
  switch (c.status) {
    case 'none':
      return `No proposal: ${p.explanation}`;
    case 'proposed':
      return `Proposed ${p.value} ${from}; current ${scoreText(current)}; not decided yet`;
    case 'accepted':
      return `Accepted the proposed ${d!.chosen} ${from}`;
    case 'overridden':
      return `Overridden: proposed ${scoreText(d!.proposed)} ${from}; kept ${d!.chosen}`;
    case 'stale':
      return `Evidence changed since the decision: now proposes ${p.value === null ? 'nothing' : p.value} ${from}; decided ${d!.chosen}; current ${scoreText(current)}`;
    case 'edited':
      return `Score changed since the decision: proposed ${scoreText(p.value)} ${from}; decided ${d!.chosen}; current ${scoreText(current)}`;
  }
}

/**
 * The state of every data-backed cell (each issue × criterion with a
 * proposal), by `cellKey`.
 *
 * @example cellEvidence(a.issues, a.scores, proposalsFor(proposals, links), trail).get('burglary-dwelling|likelihood')?.status // 'proposed'
 */
export function cellEvidence(issues: readonly Issue[], scores: ScoreGrid, proposals: Proposals, trail: readonly ScoreDecision[]): Map<string, CellEvidence> {
  const latest = latestDecisions(trail);
  const out = new Map<string, CellEvidence>();
  for (const issue of issues) {
    for (const [criterionId, proposal] of Object.entries(own(proposals, issue.id) ?? {})) {
      const key = cellKey(issue.id, criterionId);
      const decision = latest.get(key);
      const current = own(own(scores, issue.id), criterionId)?.value ?? null;
      const base = { issueId: issue.id, criterionId, proposal, decision, current, status: cellStatus(proposal, decision, current) };
      out.set(key, { ...base, text: cellEvidenceText(base) });
    }
  }
  return out;
}

/**
 * Each decision's status in words for the audit trail: superseded by a later
 * decision, or (for the one in force) in force, stale, or changed since.
 * Without `proposals` (evidence not worked out yet) only in force or superseded.
 *
 * @example decisionStatuses(trail, proposals, a.scores).get(d.id) // 'Stale: the evidence has changed since'
 */
export function decisionStatuses(trail: readonly ScoreDecision[], proposals: Proposals | null, scores: ScoreGrid): Map<string, string> {
  const standing = trailStanding(trail);
  return new Map(
    trail.map((d) => {
      if (standing.get(d.id) === 'superseded') return [d.id, 'Superseded'];
      if (proposals === null) return [d.id, 'In force'];
      const current = own(own(scores, d.issueId), d.criterionId)?.value ?? null;
      const status = cellStatus(own(own(proposals, d.issueId), d.criterionId), d, current);
      if (status === 'stale') return [d.id, own(own(proposals, d.issueId), d.criterionId) === undefined ? 'Stale: no longer proposed' : 'Stale: the evidence has changed since'];
      if (status === 'edited') return [d.id, `Score changed since (now ${scoreText(current)})`];
      return [d.id, 'In force'];
    }),
  );
}

const GENERATED = /^(Accepted the proposed score|Overrode the proposed )/;
const NOTE = ' Analyst’s note: ';

/**
 * The cell change a decision makes: the chosen score, and a rationale that
 * carries the decision and its evidence, keeping the analyst's own earlier
 * rationale (not one an earlier decision wrote) as a note.
 *
 * @example decisionCell({ value: 3, rationale: 'Hotspot in Farley' }, d).rationale // 'Accepted the proposed score. Evidence: … Analyst’s note: Hotspot in Farley'
 */
export function decisionCell(old: Score | undefined, d: ScoreDecision): CellPatch {
  const s = decisionScore(d);
  const prev = old?.rationale ?? '';
  const note = GENERATED.test(prev) ? (prev.includes(NOTE) ? prev.slice(prev.lastIndexOf(NOTE) + NOTE.length) : '') : prev;
  return { value: s.value, rationale: note.trim() === '' ? s.rationale : `${s.rationale}${NOTE}${note.trim()}` };
}

/**
 * The assessment with decisions written into its grid through `setCell`
 * (so a score off the criterion's scale is refused with an EditError).
 *
 * @example requestEdit(this, (a) => applyDecisionEdits(a, [d]), 'Accept the proposed 4 for Burglary Dwelling, Likelihood')
 */
export function applyDecisionEdits(a: Assessment, decisions: readonly ScoreDecision[]): Assessment {
  return decisions.reduce((x, d) => setCell(x, d.issueId, d.criterionId, decisionCell(own(own(x.scores, d.issueId), d.criterionId), d)), a);
}

/**
 * The grid with each cell's latest decision applied (value and rationale);
 * other cells are left as they are. Decisions are keyed by the assessment's
 * issue ids (see {@link proposalsFor}). Returns a new grid.
 *
 * @example applyDecisions(grid, trail).burglary.likelihood // { value: 4, rationale: 'Overrode the proposed 3: …' }
 */
export function applyDecisions(grid: ScoreGrid, trail: readonly ScoreDecision[]): ScoreGrid {
  const out: ScoreGrid = dict(Object.entries(grid).map(([k, row]) => [k, { ...row }]));
  for (const d of latestDecisions(trail).values()) {
    out[d.issueId] = { ...(own(out, d.issueId) ?? {}), [d.criterionId]: { ...(own(own(out, d.issueId), d.criterionId) ?? {}), ...decisionScore(d) } };
  }
  return out;
}

/**
 * The proposals for an assessment's issues, re-keyed by assessment issue id
 * (so a decision's `issueId` is the assessment's).
 *
 * @example proposalsFor(proposals, { i1: 'burglary', i2: null }) // { i1: { likelihood: {...} } }
 */
export function proposalsFor(proposals: Proposals, issueLink: Record<string, string | null>): Proposals {
  const out: Proposals = {};
  for (const [assessmentIssue, evidenceIssue] of Object.entries(issueLink)) {
    const row = evidenceIssue === null ? undefined : proposals[evidenceIssue];
    if (row !== undefined) out[assessmentIssue] = Object.fromEntries(Object.entries(row).map(([c, p]) => [c, { ...p, issueId: assessmentIssue }]));
  }
  return out;
}
