import { z } from 'zod';
import { formatCsv } from '../csv';
import { formatTimestamp } from '../format';
import type { Score } from '../risk-matrix/schema';
import { proposalBasis, type Proposal } from './banding';
import { own } from '../own';

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
    /** The catalogue issue the evidence came from (absent in decisions recorded before links existed). */
    evidenceIssueId: z.string().optional(),
    /** The evidence's current period, e.g. "Jan 2023 to Dec 2023". */
    period: z.string().optional(),
    /** What the proposal rested on (banding.ts `proposalBasis`), to tell when the evidence has changed since. */
    basis: z.string().optional(),
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
    evidenceIssueId: proposal.evidenceIssueId,
    ...(proposal.period === null ? {} : { period: proposal.period }),
    basis: proposalBasis(proposal),
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

/**
 * Each decision's standing in the trail: 'in force' (the latest for its cell)
 * or 'superseded' (a later decision replaced it).
 *
 * @example trailStanding(trail).get(d.id) // 'superseded'
 */
export function trailStanding(trail: readonly ScoreDecision[]): Map<string, 'in force' | 'superseded'> {
  const latest = new Set([...latestDecisions(trail).values()].map((d) => d.id));
  return new Map(trail.map((d) => [d.id, latest.has(d.id) ? 'in force' : 'superseded']));
}

/** 'In force' or 'Superseded' for each decision, as the audit trail writes them. */
const standingWords = (trail: readonly ScoreDecision[]) => new Map([...trailStanding(trail)].map(([id, s]) => [id, s === 'in force' ? 'In force' : 'Superseded']));

/** The audit trail's CSV columns. */
export const AUDIT_CSV_HEADER = ['time', 'assessment', 'issue', 'criterion', 'proposed', 'chosen', 'decision', 'reason', 'evidence period', 'evidence', 'status'] as const;

export interface AuditNames {
  /** The assessment's name (else its id is written). */
  assessment?: string;
  issues?: Record<string, string>;
  criteria?: Record<string, string>;
}

/**
 * The audit trail as CSV (oldest first), with names, dd/mm/yyyy hh:mm times
 * and each decision's status (by default whether it is in force or
 * superseded; pass `status` to say more, e.g. that the evidence has changed
 * since). Cells a spreadsheet would run as formulas are neutralised.
 *
 * @example auditCsv(trail, { issues: { burglary: 'Burglary' }, criteria: { likelihood: 'Likelihood' } })
 */
export function auditCsv(trail: readonly ScoreDecision[], names: AuditNames = {}, status: ReadonlyMap<string, string> = standingWords(trail)): string {
  const rows = [...trail]
    .sort((a, b) => a.at - b.at)
    .map((d) => [
      formatTimestamp(d.at),
      names.assessment ?? d.assessmentId,
      own(names.issues, d.issueId) ?? d.issueId,
      own(names.criteria, d.criterionId) ?? d.criterionId,
      d.proposed,
      d.chosen,
      d.kind === 'accepted' ? 'Accepted' : 'Overridden',
      d.reason,
      d.period ?? '',
      d.evidence,
      status.get(d.id) ?? '',
    ]);
  return formatCsv([[...AUDIT_CSV_HEADER], ...rows]);
}
