import type { Issue, ScoreGrid } from '../risk-matrix/schema';
import { decisionScore, latestDecisions, type ScoreDecision } from './audit';
import type { Proposal, Proposals } from './banding';
import type { Catalogue } from './catalogue';

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
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const byId = new Set(catalogue.issues.map((i) => i.id));
  const byLabel = new Map(catalogue.issues.map((i) => [norm(i.label), i.id]));
  return Object.fromEntries(issues.map((i) => [i.id, byId.has(i.id) ? i.id : (byLabel.get(norm(i.label)) ?? null)]));
}

export type CellStatus =
  /** A proposal no one has decided on yet. */
  | 'proposed'
  | 'accepted'
  | 'overridden'
  /** Decided on a proposal the evidence no longer makes (the data, period or rules changed since). */
  | 'stale'
  /** Nothing proposed and nothing decided. */
  | 'none';

/**
 * The state of one data-backed cell.
 *
 * @example cellStatus(proposal, decision) // 'stale' when decision.proposed !== proposal.value
 */
export function cellStatus(proposal: Proposal | undefined, decision: ScoreDecision | undefined): CellStatus {
  if (decision === undefined) return proposal?.value == null ? 'none' : 'proposed';
  if (proposal !== undefined && proposal.value !== decision.proposed) return 'stale';
  return decision.kind;
}

/**
 * The grid with each cell's latest decision applied (value and rationale);
 * other cells are left as they are. Decisions are keyed by the assessment's
 * issue ids (see {@link proposalsFor}). Returns a new grid.
 *
 * @example applyDecisions(grid, trail).burglary.likelihood // { value: 4, rationale: 'Overrode the proposed 3: …' }
 */
export function applyDecisions(grid: ScoreGrid, trail: readonly ScoreDecision[]): ScoreGrid {
  const out: ScoreGrid = Object.fromEntries(Object.entries(grid).map(([k, row]) => [k, { ...row }]));
  for (const d of latestDecisions(trail).values()) {
    out[d.issueId] = { ...(out[d.issueId] ?? {}), [d.criterionId]: { ...(out[d.issueId]?.[d.criterionId] ?? {}), ...decisionScore(d) } };
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
