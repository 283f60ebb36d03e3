import { describe, expect, it } from 'vitest';
import { RiskModel, type Issue, type ScoreGrid } from '../../../models/risk-matrix/schema';
import { totals } from '../../../models/risk-matrix/score';
import { linearProblem, sharesTotals, sharesToWeights } from '../../../models/sensitivity/problem';
import { seedAssessment } from '../../fixtures/seed-matrix';

const scale = (min: number, max: number) => ({ min, max, levels: [{ value: min, label: 'Low' }] });
const model = (aggregation: RiskModel['aggregation']) =>
  RiskModel.parse({
    id: 'm',
    name: 'Mixed',
    criteria: [
      { id: 'harm', label: 'Harm', description: '', group: 'Harm', scale: scale(1, 4), weight: 2 },
      { id: 'fear', label: 'Fear', description: '', group: 'Harm', scale: scale(0, 5), weight: 0.5 },
      { id: 'community', label: 'Community', description: '', group: 'Priority', scale: scale(0, 5), weight: 3 },
      { id: 'likely', label: 'Likelihood', description: '', group: 'Likelihood', scale: scale(1, 5), weight: 1 },
      { id: 'capacity', label: 'Capacity', description: '', group: 'Capacity', scale: scale(0, 5), weight: 4 },
    ],
    aggregation,
  });
const issues: Issue[] = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
];
const scores: ScoreGrid = {
  a: { harm: { value: 3 }, fear: { value: 5 }, community: { value: 1 }, likely: { value: 4 }, capacity: { value: 5 } },
  b: { harm: { value: 4 }, fear: { value: null }, community: { value: 5 }, likely: { value: 2 } },
  c: { harm: { value: 1 }, fear: { value: 2 }, community: { value: 3 } },
};

describe('linearProblem', () => {
  for (const aggregation of [{ kind: 'weighted-sum' }, { kind: 'normalised-average' }, { kind: 'harm-x-likelihood', likelihood: 'likely' }] as const) {
    it(`reproduces the contract's totals for ${aggregation.kind}`, () => {
      const mdl = model(aggregation);
      const p = linearProblem({ model: mdl, issues, scores, weights: { fear: 1.5 } });
      const ours = Array.from(sharesTotals(p, p.shares), (t) => t * p.totalScale);
      const theirs = totals(mdl, issues, scores, { fear: 1.5 }).map((t) => t.total);
      ours.forEach((t, i) => expect(t).toBeCloseTo(theirs[i]!, 10));
    });
  }

  it('leaves out Capacity, and under harm × likelihood everything but Harm, saying why', () => {
    const p = linearProblem({ model: model({ kind: 'harm-x-likelihood', likelihood: 'likely' }), issues, scores });
    expect(p.criteria.map((c) => c.id)).toEqual(['harm', 'fear']);
    expect(p.ignored.map((c) => c.id)).toEqual(['community', 'likely', 'capacity']);
    expect(p.ignored.find((c) => c.id === 'likely')!.reason).toMatch(/likelihood score multiplies/);
    expect(Array.from(p.likelihoodScores!)).toEqual([4, 2, 1]); // unscored likelihood counts as the scale minimum
  });

  it('works in shares of the total weight and converts back to raw weights', () => {
    const p = linearProblem(seedAssessment);
    expect(p.m).toBe(9);
    expect(Array.from(p.shares).every((s) => Math.abs(s - 1 / 9) < 1e-15)).toBe(true);
    expect(sharesToWeights(p, p.shares)['cost_impact']).toBeCloseTo(1, 12);
  });

  it('refuses a model whose counted weights are all zero', () => {
    expect(() => linearProblem({ model: model({ kind: 'weighted-sum' }), issues, scores, weights: { harm: 0, fear: 0, community: 0, likely: 0 } })).toThrow(/every weight that counts/);
  });
});
