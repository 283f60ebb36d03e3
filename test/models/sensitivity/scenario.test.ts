import { describe, expect, it } from 'vitest';
import { rank } from '../../../models/risk-matrix/score';
import { applyScenario, compareScenarios, diffScenarios, Scenario } from '../../../models/sensitivity/scenario';
import { differenceWords, scenarioChangeWords } from '../../../models/sensitivity/scenario-words';
import { labelsOf } from '../../../models/sensitivity/weight-words';
import { seedAssessment, seedId } from '../../fixtures/seed-matrix';

const baseline = { id: 'base', name: 'Baseline' };
const community = { id: 'community', name: 'Community first', weights: { community_priority: 3 } };

describe('Scenario', () => {
  it('fills in empty weights, overrides and aggregation', () => {
    expect(Scenario.parse(baseline)).toEqual({ id: 'base', name: 'Baseline', weights: {}, scoreOverrides: {}, aggregation: null });
    expect(() => Scenario.parse({ id: 'x', name: '' })).toThrow();
  });
});

describe('applyScenario', () => {
  it('puts ASB (Personal) first with 42 when Community priority weighs 3', () => {
    const a = applyScenario(seedAssessment, community);
    const ranked = rank(a.model, a.issues, a.scores, a.weights);
    expect([ranked[0]!.label, ranked[0]!.total]).toEqual(['ASB (Personal)', 42]);
  });

  it('overrides scores and the aggregation, leaving the assessment as it was', () => {
    const a = applyScenario(seedAssessment, {
      id: 's',
      name: 'Terrorism less likely, normalised',
      scoreOverrides: { [seedId('Terrorism')]: { likelihood: { value: 0, confidence: 'Low' } } },
      aggregation: { kind: 'normalised-average' },
    });
    expect(a.scores[seedId('Terrorism')]!['likelihood']).toEqual({ value: 0, confidence: 'Low' });
    expect(a.scores[seedId('Terrorism')]!['cost_impact']).toEqual({ value: 5 });
    expect(a.model.aggregation.kind).toBe('normalised-average');
    expect(seedAssessment.scores[seedId('Terrorism')]!['likelihood']).toEqual({ value: 1 });
    expect(seedAssessment.model.aggregation.kind).toBe('weighted-sum');
  });

  it('names what it does not know', () => {
    expect(() => applyScenario(seedAssessment, { id: 'x', name: 'X', weights: { reoffending: 2 } })).toThrow(/criterion "reoffending"/);
    expect(() => applyScenario(seedAssessment, { id: 'x', name: 'X', scoreOverrides: { nope: { likelihood: { value: 1 } } } })).toThrow(/issue "nope"/);
    expect(() => applyScenario(seedAssessment, { id: 'x', name: 'X', aggregation: { kind: 'harm-x-likelihood', likelihood: 'nope' } })).toThrow(/likelihood/);
  });
});

describe('diffScenarios', () => {
  it('lists weights, scores and aggregation that differ', () => {
    const other = {
      id: 'o',
      name: 'Other',
      weights: { community_priority: 3, cost_impact: 1 },
      scoreOverrides: { [seedId('NTE')]: { cost_impact: { value: 5 } } },
      aggregation: { kind: 'normalised-average' as const },
    };
    expect(diffScenarios(seedAssessment, baseline, other)).toEqual([
      { kind: 'aggregation', a: 'weighted-sum', b: 'normalised-average' },
      { kind: 'weight', criterionId: 'community_priority', label: 'community_priority', a: 1, b: 3 },
      { kind: 'score', issueId: seedId('NTE'), criterionId: 'cost_impact', a: 3, b: 5 },
    ]);
    expect(diffScenarios(seedAssessment, baseline, baseline)).toEqual([]);
  });
});

describe('compareScenarios', () => {
  const cmp = compareScenarios(seedAssessment, [baseline, community]);

  it('gives each issue its place under each scenario and the places it gains', () => {
    const asbp = cmp.rows.find((r) => r.label === 'ASB (Personal)')!;
    expect(asbp.places.map((p) => p.rankLabel)).toEqual(['=2', '1']);
    expect(asbp.change).toEqual([0, 1]);
    const da = cmp.rows.find((r) => r.label === 'Domestic Abuse')!;
    // Community 3 adds 2 × the community score: DA 33 + 2 = 35, behind ASB (P) 32 + 10 = 42, ASB (N) 31 + 10 = 41,
    // ASB (Env) 29 + 10 = 39, Burglary Dwelling 31 + 6 = 37 and Distraction Burglary 30 + 6 = 36: 6th.
    expect(da.places[1]!.rank).toBe(6);
    expect(da.change[1]).toBe(-5);
    expect(cmp.differences).toHaveLength(1);
  });

  it('takes 2 to 4 scenarios', () => {
    expect(() => compareScenarios(seedAssessment, [baseline])).toThrow(/2 to 4/);
    expect(compareScenarios(seedAssessment, [baseline, community, baseline, community]).scenarios).toHaveLength(4);
  });

  it('says in plain words what moved and what differs', () => {
    const words = scenarioChangeWords(cmp, 1, 5);
    expect(words).toMatch(/^From Baseline to Community first, \d+ issues change rank\. /);
    expect(words).toContain('Distraction Burglary and ASB (Environmental) join the top 5; Domestic Abuse and Terrorism leave it.');
    expect(differenceWords(cmp.differences[0]!, labelsOf(seedAssessment))).toBe('community_priority weighs 3 instead of 1.');
  });
});
