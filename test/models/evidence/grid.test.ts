import { describe, expect, it } from 'vitest';
import { decide, type ScoreDecision } from '../../../models/evidence/audit';
import type { Proposal } from '../../../models/evidence/banding';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { applyDecisions, cellStatus, matchIssues, proposalsFor } from '../../../models/evidence/grid';

const proposal = (value: number | null, issueId = 'i1'): Proposal => ({
  issueId,
  criterionId: 'likelihood',
  criterionLabel: 'Likelihood',
  value,
  valueLabel: null,
  metric: 'monthlyMean',
  metricValue: 79,
  metricText: '79.0 a month',
  band: null,
  thresholds: [],
  scores: [],
  explanation: '79.0 a month → 3.',
});
const decision = (chosen: number, at: number, reason?: string): ScoreDecision => {
  const r = decide({ id: `d${at}`, assessmentId: 'a', proposal: proposal(3), chosen, at, ...(reason === undefined ? {} : { reason }) });
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
