import { describe, expect, it } from 'vitest';
import { assessmentEvidence, evidenceSummary } from '../../../models/evidence/assessment-evidence';
import { DEFAULT_BANDING_RULES } from '../../../models/evidence/banding';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import type { EvidenceResult } from '../../../models/evidence/evidence';
import { cellEvidence } from '../../../models/evidence/grid';
import { createAssessment } from '../../../models/risk-matrix/assessment';
import { templateById } from '../../../models/risk-matrix/templates';
import { seedAssessment } from '../../../src/data/seed-assessment';
import { issueEvidence } from '../../fixtures/evidence';

const issue = (id: string, label: string, previous: number, current: number) => issueEvidence(previous, current, { id, label });
const evidence = {
  issues: [issue('burglary', 'Burglary', 867, 806), issue('shoplifting', 'Shoplifting', 938, 1132)],
  period: { current: { from: '2023-01', to: '2023-12' }, previous: { from: '2022-01', to: '2022-12' } },
} as unknown as EvidenceResult;
const setup = { catalogue: DEFAULT_CATALOGUE, banding: DEFAULT_BANDING_RULES };

describe('assessmentEvidence', () => {
  it('proposes for linked issues only, keyed by the assessment’s issue ids', () => {
    const seed = seedAssessment('seed', 1);
    const unconfirmed = assessmentEvidence(seed, evidence, setup, {});
    // Shoplifting is linked by name; Burglary Dwelling is only a suggestion until confirmed.
    expect(Object.keys(unconfirmed.proposals)).toEqual(['shoplifting']);
    const linked = assessmentEvidence(seed, evidence, setup, { 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 } });
    expect(Object.keys(linked.proposals).sort()).toEqual(['burglary-dwelling', 'shoplifting']);
    expect(linked.proposals['burglary-dwelling']!['likelihood']).toMatchObject({ issueId: 'burglary-dwelling', evidenceIssueId: 'burglary', value: 3, metricText: '67.2 a month' });
    expect(linked.rules.map((r) => r.criterionId)).toEqual(['likelihood', 'performance_deteriorating', 'cost_impact']);
    expect(linked.problems).toEqual([]);

    const cells = cellEvidence(seed.issues, seed.scores, linked.proposals, []);
    expect(evidenceSummary(linked.links, cells.values())).toEqual({
      linked: 7,
      suggested: 9,
      unlinked: 16,
      cells: { proposed: 4, accepted: 0, overridden: 0, stale: 0, edited: 0, none: 2 },
    });
  });

  it('leaves out rules for criteria the model lacks, and says when a rule’s scores are off the model’s scale', () => {
    const grid = createAssessment(templateById('impact-likelihood-4x4')!, { id: 'g', name: '4x4', now: 1 });
    const withIssue = { ...grid, issues: [{ id: 'burglary', label: 'Burglary' }] };
    const e = assessmentEvidence(withIssue, evidence, setup, {});
    expect(e.rules).toEqual([]);
    expect(e.problems).toEqual(['Likelihood: scores 5 are off its scale (1 to 4).']);
    expect(e.proposals).toEqual({ burglary: {} });
  });
});
