import { describe, expect, it } from 'vitest';
import { createAssessment } from '../../../models/risk-matrix/assessment';
import { totalFormula, weightedCriteria, formatScore } from '../../../models/risk-matrix/explain';
import { bandOf, harmBands, harmLikelihoodAxes, harmLikelihoodPoints } from '../../../models/risk-matrix/harm-likelihood';
import { templateById } from '../../../models/risk-matrix/templates';
import { seedAssessment } from './fixtures';

const a = seedAssessment();

describe('harmLikelihoodAxes', () => {
  it('finds the seed’s Likelihood criterion and its four Harm criteria', () => {
    const axes = harmLikelihoodAxes(a.model);
    if (!axes.ok) throw new Error(axes.reason);
    expect(axes.likelihood.id).toBe('likelihood');
    expect(axes.harm.map((c) => c.id)).toEqual(['harm_to_property', 'physical_harm_to_victim', 'psychological_harm_to_victim', 'generator_of_fear_worry']);
  });

  it('says why a model without Harm or Likelihood criteria has no grid', () => {
    const m = { ...a.model, criteria: a.model.criteria.filter((c) => c.group !== 'Likelihood') };
    expect(harmLikelihoodAxes(m)).toEqual({ ok: false, reason: expect.stringMatching(/no criterion in the Likelihood group/) });
    const n = { ...a.model, criteria: a.model.criteria.filter((c) => c.group !== 'Harm') };
    expect(harmLikelihoodAxes(n)).toEqual({ ok: false, reason: expect.stringMatching(/no criteria in the Harm group/) });
  });
});

describe('harmLikelihoodPoints', () => {
  it('places every issue: harm = weighted sum of the Harm criteria, likelihood = its score', () => {
    const axes = harmLikelihoodAxes(a.model);
    if (!axes.ok) throw new Error();
    const points = harmLikelihoodPoints(a.model, axes, a.issues, a.scores);
    expect(points).toHaveLength(32);
    expect(points[0]).toEqual({ issueId: 'domestic-abuse', label: 'Domestic Abuse', harm: 14, likelihood: 5, unscored: false });
    expect(harmLikelihoodPoints(a.model, axes, a.issues, a.scores, { physical_harm_to_victim: 2 })[0]!.harm).toBe(19);
    const bands = harmBands(a.model, axes);
    expect(bands.map((b) => b.label)).toEqual(['16–20', '12–15', '8–11', '4–7', '0–3']);
    // Domestic Abuse harm 14 (12–15), ASB (Personal) 10 (8–11), Terrorism 20 (16–20).
    expect(points.map((p) => bandOf(bands, p.harm)).slice(0, 3)).toEqual([1, 2, 0]);
  });

  it('uses one row per harm value on a 4×4 grid, and equal bands for fractional weights', () => {
    const g = createAssessment(templateById('impact-likelihood-4x4')!, { id: 'g', name: 'g', now: 0 });
    const axes = harmLikelihoodAxes(g.model);
    if (!axes.ok) throw new Error();
    expect(harmBands(g.model, axes).map((b) => b.label)).toEqual(['4', '3', '2', '1']);
    expect(harmBands(g.model, axes, { impact: 1.5 }).map((b) => b.label)).toEqual(['5.1–6', '4.2 to under 5.1', '3.3 to under 4.2', '2.4 to under 3.3', '1.5 to under 2.4']);
  });
});

describe('totalFormula', () => {
  it('spells out the seed’s plain sum and any weights in force', () => {
    expect(totalFormula(a.model)).toMatch(/^Total = Performance issue – deteriorating \+ .* \+ Likelihood \(weighted sum; every weight 1\)\.$/);
    expect(totalFormula(a.model, { community_priority: 3 })).toContain('3 × Community priority');
  });

  it('explains harm × likelihood and what it leaves out', () => {
    const m = templateById('morile-style')!;
    expect(totalFormula(m)).toBe(
      'Total = (Physical harm + Psychological harm + Financial harm + Community harm) × Likelihood (harm × likelihood). Confidence, Organisational position are shown separately and not counted.',
    );
    expect(weightedCriteria(m).map((c) => c.id)).toEqual(['physical_harm', 'psychological_harm', 'financial_harm', 'community_harm']);
    expect(weightedCriteria(a.model)).toHaveLength(9);
  });

  it('formats scores in British English', () => {
    expect([formatScore(33), formatScore(1234.5), formatScore(2 / 3)]).toEqual(['33', '1,234.5', '0.67']);
  });
});
