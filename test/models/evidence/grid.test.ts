import { describe, expect, it } from 'vitest';
import { decide, type ScoreDecision } from '../../../models/evidence/audit';
import type { Proposal } from '../../../models/evidence/banding';
import { burglaryProposal } from '../../fixtures/evidence';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { applyDecisionEdits, applyDecisions, cellEvidence, cellStatus, decisionCell, decisionStatuses, matchIssues, proposalsFor } from '../../../models/evidence/grid';
import { EditError } from '../../../models/risk-matrix/edit-error';
import { seedAssessment } from '../../../src/data/seed-assessment';

const proposal = (value: number | null, issueId = 'i1'): Proposal => burglaryProposal(value, { issueId, band: null, thresholds: [], scores: [] });
const decision = (chosen: number, at: number, reason?: string, p: Proposal = proposal(3)): ScoreDecision => {
  const r = decide({ id: `d${at}`, assessmentId: 'a', proposal: p, chosen, at, ...(reason === undefined ? {} : { reason }) });
  if (!r.ok) throw new Error(r.error);
  return r.decision;
};

describe('matchIssues', () => {
  it('links assessment issues by id or name, and leaves the rest for the analyst', () => {
    expect(
      matchIssues(
        [
          { id: 'burglary', label: 'Burglary Dwelling' },
          { id: 'x', label: '  serious   acquisitive Crime ' },
          { id: 'y', label: 'Terrorism' },
        ],
        DEFAULT_CATALOGUE,
      ),
    ).toEqual({ burglary: 'burglary', x: 'serious-acquisitive-crime', y: null });
  });
});

describe('cellStatus', () => {
  it('tells proposed, accepted, overridden and stale cells apart', () => {
    expect(cellStatus(proposal(3), undefined)).toBe('proposed');
    expect(cellStatus(proposal(null), undefined)).toBe('none');
    expect(cellStatus(proposal(3), decision(3, 1))).toBe('accepted');
    expect(cellStatus(proposal(3), decision(5, 1, 'Known spike'))).toBe('overridden');
    expect(cellStatus(proposal(4), decision(3, 1))).toBe('stale');
  });

  it('flags a decision as stale when the evidence behind the same proposed score has changed, or nothing is proposed now', () => {
    expect(cellStatus({ ...proposal(3), metricValue: 81, metricText: '81.0 a month' }, decision(3, 1))).toBe('stale');
    expect(cellStatus({ ...proposal(3), period: 'Feb 2023 to Jan 2024' }, decision(3, 1))).toBe('stale');
    expect(cellStatus({ ...proposal(3), evidenceIssueId: 'robbery' }, decision(3, 1))).toBe('stale');
    expect(cellStatus(undefined, decision(3, 1))).toBe('stale');
    // Relabelling a scale level changes the wording, not the evidence.
    expect(cellStatus({ ...proposal(3), explanation: '79.0 a month → 3 (Moderate).' }, decision(3, 1))).toBe('accepted');
  });

  it('tells when the score was changed after the decision (by hand or by undo)', () => {
    expect(cellStatus(proposal(3), decision(3, 1), 3)).toBe('accepted');
    expect(cellStatus(proposal(3), decision(3, 1), 2)).toBe('edited');
    expect(cellStatus(proposal(3), decision(5, 1, 'Spike'), null)).toBe('edited');
  });
});

describe('cellEvidence', () => {
  it('gives each data-backed cell its proposal, the decision in force, its status and words', () => {
    const issues = [
      { id: 'i1', label: 'Burglary Dwelling' },
      { id: 'i2', label: 'Terrorism' },
    ];
    const scores = { i1: { likelihood: { value: 3 }, cost_impact: { value: 2 } } };
    const proposals = { i1: { likelihood: proposal(4), cost_impact: { ...proposal(null), criterionId: 'cost_impact', explanation: 'No cost-weighted volume.' } } };
    const cells = cellEvidence(issues, scores, proposals, []);
    expect([...cells.keys()]).toEqual(['i1|likelihood', 'i1|cost_impact']);
    expect(cells.get('i1|likelihood')).toMatchObject({ status: 'proposed', current: 3, text: 'Proposed 4 from 79.0 a month; current 3; not decided yet' });
    expect(cells.get('i1|cost_impact')).toMatchObject({ status: 'none', text: 'No proposal: No cost-weighted volume.' });

    const overridden = decision(3, 5, 'Town-centre hotspot cleared', proposal(4));
    const after = cellEvidence(issues, scores, proposals, [decision(4, 1, undefined, proposal(4)), overridden]).get('i1|likelihood')!;
    expect(after).toMatchObject({ status: 'overridden', decision: { id: 'd5' }, text: 'Overridden: proposed 4 from 79.0 a month; kept 3' });
    const changed = cellEvidence(issues, { i1: { likelihood: { value: 1 } } }, proposals, [overridden]).get('i1|likelihood')!;
    expect(changed.text).toBe('Score changed since the decision: proposed 4 from 79.0 a month; decided 3; current 1');
    const stale = cellEvidence(issues, scores, { i1: { likelihood: proposal(5) } }, [overridden]).get('i1|likelihood')!;
    expect(stale.text).toBe('Evidence changed since the decision: now proposes 5 from 79.0 a month; decided 3; current 3');
  });
});

describe('decisionStatuses', () => {
  it('marks superseded decisions, and the one in force as in force, stale or changed since', () => {
    const first = decision(3, 1);
    const second = decision(4, 2, 'Rising');
    const trail = [first, second];
    const scores = { i1: { likelihood: { value: 4 } } };
    expect([...decisionStatuses(trail, { i1: { likelihood: proposal(3) } }, scores).values()]).toEqual(['Superseded', 'In force']);
    expect(decisionStatuses(trail, null, scores).get('d2')).toBe('In force');
    expect(decisionStatuses(trail, { i1: { likelihood: proposal(5) } }, scores).get('d2')).toBe('Stale: the evidence has changed since');
    expect(decisionStatuses(trail, {}, scores).get('d2')).toBe('Stale: no longer proposed');
    expect(decisionStatuses(trail, { i1: { likelihood: proposal(3) } }, { i1: { likelihood: { value: 2 } } }).get('d2')).toBe('Score changed since (now 2)');
  });
});

describe('decisionCell and applyDecisionEdits', () => {
  it('writes the decision into the cell, keeping the analyst’s own rationale as a note but not an earlier decision’s', () => {
    const accepted = decision(3, 1);
    expect(decisionCell({ value: 2, rationale: 'Hotspot in Farley' }, accepted)).toEqual({
      value: 3,
      rationale: 'Accepted the proposed score. Evidence: 79.0 a month → 3. Analyst’s note: Hotspot in Farley',
    });
    const first = decisionCell({ value: 2, rationale: 'Hotspot in Farley' }, accepted);
    const again = decisionCell({ value: 3, rationale: first.rationale! }, decision(5, 2, 'Spike'));
    expect(again.rationale).toBe('Overrode the proposed 3: Spike. Evidence: 79.0 a month → 3. Analyst’s note: Hotspot in Farley');
    expect(decisionCell({ value: 3, rationale: 'Accepted the proposed score. Evidence: old.' }, accepted).rationale).toBe('Accepted the proposed score. Evidence: 79.0 a month → 3.');
    expect(decisionCell(undefined, accepted)).toEqual({ value: 3, rationale: 'Accepted the proposed score. Evidence: 79.0 a month → 3.' });
  });

  it('applies decisions to an assessment through setCell, keeping confidence, and refuses a score off the scale', () => {
    const a = seedAssessment('s', 1);
    const d = { ...decision(4, 1, 'Rising'), issueId: 'burglary-dwelling' };
    a.scores['burglary-dwelling']!['likelihood'] = { value: 3, confidence: 'Medium' };
    const next = applyDecisionEdits(a, [d]);
    expect(next.scores['burglary-dwelling']!['likelihood']).toEqual({ value: 4, confidence: 'Medium', rationale: 'Overrode the proposed 3: Rising. Evidence: 79.0 a month → 3.' });
    expect(a.scores['burglary-dwelling']!['likelihood']!.value).toBe(3);
    expect(() => applyDecisionEdits(a, [{ ...d, chosen: 7 }])).toThrow(EditError);
  });
});

describe('applyDecisions', () => {
  it('puts each cell’s latest decision into the grid and leaves other cells alone', () => {
    const grid = { i1: { likelihood: { value: 1, confidence: 'Low' as const }, harm: { value: 2 } } };
    const out = applyDecisions(grid, [decision(3, 1), decision(5, 2, 'Known spike')]);
    expect(out['i1']).toEqual({
      likelihood: { value: 5, confidence: 'Low', rationale: 'Overrode the proposed 3: Known spike. Evidence: 79.0 a month → 3.' },
      harm: { value: 2 },
    });
    expect(grid.i1.likelihood.value).toBe(1);
  });
});

describe('proposalsFor', () => {
  it('re-keys proposals by assessment issue', () => {
    const p = proposalsFor({ burglary: { likelihood: proposal(3, 'burglary') } }, { a1: 'burglary', a2: null });
    expect(Object.keys(p)).toEqual(['a1']);
    expect(p['a1']!['likelihood']!.issueId).toBe('a1');
  });
});
