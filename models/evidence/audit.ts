import { z } from 'zod';
import { formatCsv } from '../csv';
import { formatDateTime } from '../format';
import type { Score } from '../risk-matrix/schema';
import type { Proposal } from './banding';

/**
 * The audit trail of data-backed scores: every time an analyst accepts a
 * proposed score or overrides it, a decision is appended (never edited) with
 * the proposed value, the chosen value, the reason and the time. The latest
 * decision for a cell is the score in force.
 */

export const DecisionKind = z.enum(['accepted', 'overridden']);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const ScoreDecision = z
  .object({
    id: z.string().min(1),
    /** The assessment (scoring grid) the decision belongs to. */
    assessmentId: z.string().min(1),
    issueId: z.string().min(1),
    criterionId: z.string().min(1),
    /** What the evidence proposed (null: the evidence could not propose one). */
    proposed: z.number().nullable(),
    chosen: z.number(),
    kind: DecisionKind,
    /** Required for an override. */
    reason: z.string(),
    /** The proposal's explanation when the decision was made, so the trail shows the evidence as it stood. */
    evidence: z.string(),
    /** Milliseconds since 1970 (UTC). */
    at: z.number(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'overridden' && d.reason.trim() === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'give a reason for overriding the proposed score' });
    if (d.kind === 'accepted' && d.chosen !== d.proposed) ctx.addIssue({ code: 'custom', path: ['chosen'], message: 'an accepted score is the proposed score' });
  });
export type ScoreDecision = z.infer<typeof ScoreDecision>;

export interface DecisionInput {
  id: string;
  assessmentId: string;
  proposal: Proposal;
  /** The score chosen; equal to the proposal's value means accepted. */
  chosen: number;
  reason?: string;
  at: number;
}

/**
 * Records the analyst's decision on a proposal: accepted when the chosen
 * score is the proposed one, otherwise an override, which needs a reason.
 *
 * @example decide({ id, assessmentId, proposal, chosen: 4, reason: 'Rising in the town centre', at: Date.now() })
 *          // { ok: true, decision: { kind: 'overridden', proposed: 3, chosen: 4, … } }
 */
export function decide(input: DecisionInput): { ok: true; decision: ScoreDecision } | { ok: false; error: string } {
  const { proposal } = input;
  const accepted = proposal.value !== null && input.chosen === proposal.value;
  const decision = {
    id: input.id,
    assessmentId: input.assessmentId,
    issueId: proposal.issueId,
    criterionId: proposal.criterionId,
    proposed: proposal.value,
    chosen: input.chosen,
    kind: accepted ? 'accepted' : 'overridden',
    reason: (input.reason ?? '').trim(),
    evidence: proposal.explanation,
    at: input.at,
  };
  const parsed = ScoreDecision.safeParse(decision);
  return parsed.success ? { ok: true, decision: parsed.data } : { ok: false, error: parsed.error.issues[0]!.message };
}

/** @example cellKey('burglary', 'likelihood') // 'burglary|likelihood' */
export const cellKey = (issueId: string, criterionId: string): string => `${issueId}|${criterionId}`;

/**
 * The decision in force for each cell: the latest by time (ties: the later in the trail).
 *
 * @example latestDecisions(trail).get(cellKey('burglary', 'likelihood'))?.chosen
 */
export function latestDecisions(trail: readonly ScoreDecision[]): Map<string, ScoreDecision> {
  const out = new Map<string, ScoreDecision>();
  for (const d of trail) {
    const key = cellKey(d.issueId, d.criterionId);
    const held = out.get(key);
    if (held === undefined || d.at >= held.at) out.set(key, d);
  }
  return out;
}

/**
 * The grid score a decision gives (the risk-matrix `Score`), with a rationale
 * that carries the evidence and, for an override, the proposal and reason.
 *
 * @example decisionScore(d) // { value: 4, rationale: 'Overrode the proposed 3: Rising in the town centre. Evidence: …' }
 */
export function decisionScore(d: ScoreDecision): Score {
  const rationale =
    d.kind === 'accepted'
      ? `Accepted the proposed score. Evidence: ${d.evidence}`
      : `Overrode the proposed ${d.proposed === null ? 'score (none could be proposed)' : d.proposed}: ${d.reason}. Evidence: ${d.evidence}`;
  return { value: d.chosen, rationale };
}

/** The audit trail's CSV columns. */
export const AUDIT_CSV_HEADER = ['time', 'assessment', 'issue', 'criterion', 'proposed', 'chosen', 'decision', 'reason', 'evidence'] as const;

/**
 * The audit trail as CSV (oldest first), with issue and criterion names and
 * dd/mm/yyyy times; cells a spreadsheet would run as formulas are neutralised.
 *
 * @example auditCsv(trail, { issues: { burglary: 'Burglary' }, criteria: { likelihood: 'Likelihood' } })
 */
export function auditCsv(trail: readonly ScoreDecision[], names: { issues?: Record<string, string>; criteria?: Record<string, string> } = {}): string {
  const rows = [...trail]
    .sort((a, b) => a.at - b.at)
    .map((d) => [
      formatDateTime(d.at),
      d.assessmentId,
      names.issues?.[d.issueId] ?? d.issueId,
      names.criteria?.[d.criterionId] ?? d.criterionId,
      d.proposed,
      d.chosen,
      d.kind === 'accepted' ? 'Accepted' : 'Overridden',
      d.reason,
      d.evidence,
    ]);
  return formatCsv([[...AUDIT_CSV_HEADER], ...rows]);
}
