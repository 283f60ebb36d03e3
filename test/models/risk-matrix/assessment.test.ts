import { describe, expect, it } from 'vitest';
import { Assessment, createAssessment, summarise, upgradeAssessment } from '../../../models/risk-matrix/assessment';
import { addCriterion, moveCriterion, removeCriterion, setAggregation, setLevelLabel, updateCriterion } from '../../../models/risk-matrix/criteria-edit';
import { addIssue, cellText, moveIssue, removeIssue, renameIssue, replaceMatrix, setCell } from '../../../models/risk-matrix/issue-edit';
import { rank } from '../../../models/risk-matrix/score';
import { templateById } from '../../../models/risk-matrix/templates';
import { seedAssessment, seedTemplate } from './fixtures';

const deepFrozen = <T>(x: T): T => {
  if (x !== null && typeof x === 'object') {
    Object.values(x).forEach(deepFrozen);
    Object.freeze(x);
  }
  return x;
};

describe('createAssessment', () => {
  it('starts empty on a copy of the template, with the model’s weights as the baseline', () => {
    const t = templateById('morile-style')!;
    const a = createAssessment(t, { id: 'x', name: '2025 draft', now: 1 });
    expect(a).toMatchObject({ schemaVersion: 1, name: '2025 draft', templateId: 'morile-style', issues: [], scores: {}, draftWeights: {}, baselineWeightSetId: 'baseline' });
    expect(a.weightSets).toEqual([{ id: 'baseline', name: 'Baseline', weights: {}, savedAt: 1 }]);
    expect(a.model).toEqual(t);
    expect(a.model).not.toBe(t);
    expect(summarise(a)).toEqual({ id: 'x', name: '2025 draft', modelName: t.name, createdAt: 1, updatedAt: 1, issues: 0, criteria: 7 });
  });
});

describe('Assessment schema', () => {
  it('refuses repeated issues, a missing baseline and out-of-scale scores', () => {
    const a = seedAssessment();
    const bad = { ...a, issues: [...a.issues, { id: 'x', label: 'domestic abuse' }], baselineWeightSetId: 'gone', scores: { ...a.scores, 'domestic-abuse': { likelihood: { value: 9 } } } };
    const messages = Assessment.safeParse(bad).error!.issues.map((i) => i.message);
    expect(messages).toEqual(['issue "domestic abuse" appears twice', 'no weight set "gone" to use as the baseline', 'Domestic Abuse, Likelihood: 9 must be a whole number from 0 to 5']);
  });

  it('reads stored records and refuses ones from a newer version', () => {
    const a = seedAssessment();
    expect(upgradeAssessment(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(() => upgradeAssessment({ ...a, schemaVersion: 2 })).toThrow(/newer version of the workbench \(schema 2\)/);
  });
});

describe('criteria edits', () => {
  const a = deepFrozen(seedAssessment());

  it('adds a criterion with an id from its label and the first criterion’s scale', () => {
    const b = addCriterion(a, { label: 'Repeat victimisation', group: 'Harm' });
    expect(b.model.criteria.at(-1)).toEqual({ id: 'repeat_victimisation', label: 'Repeat victimisation', description: '', group: 'Harm', scale: a.model.criteria[0]!.scale, weight: 1 });
    expect(rank(b.model, b.issues, b.scores)[0]!.unscored).toEqual(['repeat_victimisation']);
    expect(() => addCriterion(a, { label: ' likelihood ', group: 'Harm' })).toThrow('there is already a criterion called “Likelihood”');
  });

  it('renames, regroups and reweights without changing the id', () => {
    const b = updateCriterion(a, 'poc_national_priority', { label: 'National priority', weight: 2, group: 'Other' });
    expect(b.model.criteria[1]).toMatchObject({ id: 'poc_national_priority', label: 'National priority', weight: 2, group: 'Other' });
    expect(rank(b.model, b.issues, b.scores)[0]).toMatchObject({ label: 'Domestic Abuse', total: 38 });
    expect(() => updateCriterion(a, 'likelihood', { weight: -1 })).toThrow('a weight must be a number of 0 or more, not -1');
    expect(() => updateCriterion(a, 'likelihood', { label: '' })).toThrow('a criterion needs a name');
  });

  it('names and un-names scale points', () => {
    const b = setLevelLabel(a, 'likelihood', 4, 'Medium–high');
    expect(b.model.criteria[8]!.scale.levels.map((l) => `${l.value} ${l.label}`)).toEqual(['0 N/A', '1 Low', '3 Medium', '4 Medium–high', '5 High']);
    expect(setLevelLabel(b, 'likelihood', 0, '').model.criteria[8]!.scale.levels.map((l) => l.value)).toEqual([1, 3, 4, 5]);
    expect(() => setLevelLabel(a, 'likelihood', 6, 'Extreme')).toThrow('6 is not a point on the 0–5 scale of “Likelihood”');
  });

  it('removes a criterion with its scores and weights', () => {
    const withWeight = { ...a, draftWeights: { cost_impact: 2, likelihood: 1 } };
    const b = removeCriterion(withWeight, 'cost_impact');
    expect(b.model.criteria.map((c) => c.id)).not.toContain('cost_impact');
    expect(b.scores['domestic-abuse']).not.toHaveProperty('cost_impact');
    expect(b.draftWeights).toEqual({ likelihood: 1 });
    // Without Cost impact: Domestic Abuse 33 − 5 = 28, Burglary Dwelling 31 − 2 = 29 leads.
    const r = rank(b.model, b.issues, b.scores);
    expect(r[0]).toMatchObject({ label: 'Burglary Dwelling', total: 29 });
    expect(r.find((x) => x.label === 'Domestic Abuse')!.total).toBe(28);
  });

  it('protects the likelihood of a harm × likelihood model', () => {
    const m = createAssessment(templateById('impact-likelihood-4x4')!, { id: 'g', name: 'Grid', now: 0 });
    expect(() => removeCriterion(m, 'likelihood')).toThrow(/is the likelihood the harm × likelihood total multiplies by/);
    expect(() => updateCriterion(m, 'likelihood', { group: 'Harm' })).toThrow(/is the likelihood/);
    expect(() => removeCriterion(removeCriterion(m, 'impact'), 'likelihood')).toThrow();
  });

  it('switches aggregation, needing a Likelihood criterion for harm × likelihood', () => {
    const b = setAggregation(a, { kind: 'harm-x-likelihood', likelihood: 'likelihood' });
    // Domestic Abuse: harm 3+5+5+1 = 14, likelihood 5.
    expect(rank(b.model, b.issues, b.scores).find((r) => r.label === 'Domestic Abuse')!.total).toBe(70);
    expect(() => setAggregation(a, { kind: 'harm-x-likelihood', likelihood: 'cost_impact' })).toThrow('harm × likelihood needs a criterion in the Likelihood group to multiply by');
  });

  it('moves criteria left and right', () => {
    expect(
      moveCriterion(a, 'likelihood', -1)
        .model.criteria.slice(7)
        .map((c) => c.id),
    ).toEqual(['likelihood', 'cost_impact']);
    expect(moveCriterion(a, 'likelihood', 1)).toBe(a);
  });
});

describe('issue and score edits', () => {
  const a = deepFrozen(seedAssessment());

  it('adds, renames, moves and removes issues', () => {
    const b = addIssue(a, '  Knife crime ');
    expect(b.issues.at(-1)).toEqual({ id: 'knife-crime', label: 'Knife crime' });
    expect(() => addIssue(a, 'nte')).toThrow('there is already an issue called “NTE”');
    expect(renameIssue(a, 'nte', 'Night-time economy').issues[24]).toEqual({ id: 'nte', label: 'Night-time economy' });
    expect(
      moveIssue(a, 'terrorism', -1)
        .issues.slice(0, 3)
        .map((i) => i.id),
    ).toEqual(['domestic-abuse', 'terrorism', 'asb-personal']);
    const c = removeIssue(a, 'domestic-abuse');
    expect(c.issues).toHaveLength(31);
    expect(c.scores).not.toHaveProperty('domestic-abuse');
    expect(rank(c.model, c.issues, c.scores)[0]).toMatchObject({ label: 'ASB (Personal)', rankLabel: '=1' });
  });

  it('moving an issue settles the order of a tie', () => {
    const b = moveIssue(a, 'terrorism', -1);
    expect(
      rank(b.model, b.issues, b.scores)
        .slice(1, 3)
        .map((r) => r.label),
    ).toEqual(['Terrorism', 'ASB (Personal)']);
  });

  it('sets a score, a rationale and a confidence, and clears them', () => {
    const b = setCell(a, 'terrorism', 'likelihood', { value: 2, rationale: ' National threat level raised ', confidence: 'Low' });
    expect(b.scores['terrorism']!['likelihood']).toEqual({ value: 2, rationale: 'National threat level raised', confidence: 'Low' });
    expect(cellText(b, 'terrorism', 'likelihood')).toBe('2');
    expect(cellText(b, 'terrorism', 'harm_to_property')).toBe('5 (High)');
    const c = setCell(b, 'terrorism', 'likelihood', { value: null, rationale: '', confidence: null });
    expect(c.scores['terrorism']!['likelihood']).toEqual({ value: null });
    expect(cellText(c, 'terrorism', 'likelihood')).toBe('not scored');
    expect(() => setCell(a, 'terrorism', 'likelihood', { value: 6 })).toThrow('Terrorism, Likelihood: the score must be a whole number from 0 to 5');
  });

  it('replaces the matrix, keeping the ids of issues it already had', () => {
    const renamed = renameIssue(a, 'nte', 'Night-time economy');
    const b = replaceMatrix(
      renamed,
      [
        { id: 'x1', label: 'NTE' },
        { id: 'x2', label: 'domestic abuse' },
      ],
      { x1: { likelihood: { value: 1 } }, x2: {} },
    );
    expect(b.issues).toEqual([
      { id: 'nte-2', label: 'NTE' },
      { id: 'domestic-abuse', label: 'domestic abuse' },
    ]);
    expect(b.scores).toEqual({ 'nte-2': { likelihood: { value: 1 } }, 'domestic-abuse': {} });
  });

  it('never changes the assessment it is given', () => {
    expect(Object.isFrozen(a.scores)).toBe(true);
    expect(() => setCell(a, 'nte', 'likelihood', { value: 1 })).not.toThrow();
    expect(a).toEqual(seedAssessment());
    expect(seedTemplate().criteria).toHaveLength(9);
  });
});

describe('edits that change nothing', () => {
  it('return the assessment itself, so no step is recorded', () => {
    const a = seedAssessment();
    expect(setCell(a, 'nte', 'likelihood', { value: 3 })).toBe(a);
    expect(setCell(a, 'nte', 'likelihood', { rationale: '  ' })).toBe(a);
    expect(renameIssue(a, 'nte', ' NTE ')).toBe(a);
    expect(updateCriterion(a, 'likelihood', { weight: 1, label: 'Likelihood' })).toBe(a);
  });
});
