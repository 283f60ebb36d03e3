import { describe, expect, it } from 'vitest';
import { auditCsv, cellKey, decide, decisionScore, latestDecisions, trailStanding, type ScoreDecision } from '../../../models/evidence/audit';
import { proposalBasis, type Proposal } from '../../../models/evidence/banding';
import { burglaryProposal } from '../../fixtures/evidence';

const proposal = (value: number | null): Proposal => burglaryProposal(value, { explanation: 'Mean a month 79.0 a month is at least 50.0 a month and below 100.0 a month: 3.' });
const AT = Date.UTC(2024, 2, 5, 14, 30);
const ok = (r: ReturnType<typeof decide>): ScoreDecision => {
  if (!r.ok) throw new Error(r.error);
  return r.decision;
};

describe('decide', () => {
  it('accepts the proposed score, keeping the evidence as it stood', () => {
    expect(ok(decide({ id: 'd1', assessmentId: 'a', proposal: proposal(3), chosen: 3, at: AT }))).toEqual({
      id: 'd1',
      assessmentId: 'a',
      issueId: 'burglary',
      criterionId: 'likelihood',
      proposed: 3,
      chosen: 3,
      kind: 'accepted',
      reason: '',
      evidence: proposal(3).explanation,
      evidenceIssueId: 'burglary',
      period: 'Jan 2023 to Dec 2023',
      basis: proposalBasis(proposal(3)),
      at: AT,
    });
  });

  it('records an override with the proposed value, the chosen value, the reason and the time', () => {
    const d = ok(decide({ id: 'd2', assessmentId: 'a', proposal: proposal(3), chosen: 5, reason: '  Town-centre spike not yet in police.uk  ', at: AT }));
    expect(d).toMatchObject({ kind: 'overridden', proposed: 3, chosen: 5, reason: 'Town-centre spike not yet in police.uk', at: AT });
  });

  it('refuses an override without a reason', () => {
    expect(decide({ id: 'd3', assessmentId: 'a', proposal: proposal(3), chosen: 4, reason: ' ', at: AT })).toEqual({ ok: false, error: 'give a reason for overriding the proposed score' });
  });

  it('treats scoring where nothing was proposed as an override', () => {
    expect(decide({ id: 'd4', assessmentId: 'a', proposal: proposal(null), chosen: 2, at: AT }).ok).toBe(false);
    expect(ok(decide({ id: 'd4', assessmentId: 'a', proposal: proposal(null), chosen: 2, reason: 'Partner data', at: AT }))).toMatchObject({ kind: 'overridden', proposed: null });
  });
});

describe('latestDecisions and decisionScore', () => {
  it('keeps the latest decision per cell and turns it into a grid score with its rationale', () => {
    const a = ok(decide({ id: '1', assessmentId: 'a', proposal: proposal(3), chosen: 3, at: AT }));
    const b = ok(decide({ id: '2', assessmentId: 'a', proposal: proposal(3), chosen: 4, reason: 'Rising', at: AT + 1000 }));
    const latest = latestDecisions([b, a]);
    expect(latest.get(cellKey('burglary', 'likelihood'))?.id).toBe('2');
    expect(decisionScore(b)).toEqual({ value: 4, rationale: `Overrode the proposed 3: Rising. Evidence: ${proposal(3).explanation}` });
    expect(decisionScore(a)).toEqual({ value: 3, rationale: `Accepted the proposed score. Evidence: ${proposal(3).explanation}` });
  });
});

describe('trailStanding', () => {
  it('marks the latest decision per cell in force and earlier ones superseded', () => {
    const a = ok(decide({ id: '1', assessmentId: 'a', proposal: proposal(3), chosen: 3, at: AT }));
    const b = ok(decide({ id: '2', assessmentId: 'a', proposal: proposal(3), chosen: 4, reason: 'Rising', at: AT + 1 }));
    const other = ok(decide({ id: '3', assessmentId: 'a', proposal: { ...proposal(3), criterionId: 'cost_impact' }, chosen: 3, at: AT }));
    expect([...trailStanding([b, a, other])]).toEqual([
      ['2', 'in force'],
      ['1', 'superseded'],
      ['3', 'in force'],
    ]);
  });
});

describe('auditCsv', () => {
  it('exports the trail oldest first with names, dd/mm/yyyy hh:mm times, the evidence period and status, neutralising formulas', () => {
    const a = ok(decide({ id: '1', assessmentId: 'a', proposal: proposal(3), chosen: 3, at: AT }));
    const b = ok(decide({ id: '2', assessmentId: 'a', proposal: proposal(3), chosen: 1, reason: '=HYPERLINK("x")', at: AT + 60_000 }));
    const lines = auditCsv([b, a], { assessment: '2025 draft', issues: { burglary: 'Burglary' }, criteria: { likelihood: 'Likelihood' } }).split('\r\n');
    expect(lines[0]).toBe('time,assessment,issue,criterion,proposed,chosen,decision,reason,evidence period,evidence,status');
    expect(lines[1]).toBe(`05/03/2024 14:30,2025 draft,Burglary,Likelihood,3,3,Accepted,,Jan 2023 to Dec 2023,${proposal(3).explanation},Superseded`);
    expect(lines[2]).toBe(`05/03/2024 14:31,2025 draft,Burglary,Likelihood,3,1,Overridden,"'=HYPERLINK(""x"")",Jan 2023 to Dec 2023,${proposal(3).explanation},In force`);
    expect(lines[3]).toBe('');
  });

  it('writes the status it is given and the assessment id when no name is given', () => {
    const a = ok(decide({ id: '1', assessmentId: 'a', proposal: proposal(3), chosen: 3, at: AT }));
    expect(auditCsv([a], {}, new Map([['1', 'Stale: the evidence has changed since']])).split('\r\n')[1]).toBe(
      `05/03/2024 14:30,a,burglary,likelihood,3,3,Accepted,,Jan 2023 to Dec 2023,${proposal(3).explanation},Stale: the evidence has changed since`,
    );
  });
});
