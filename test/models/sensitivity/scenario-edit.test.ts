import { describe, expect, it } from 'vitest';
import { Assessment, upgradeAssessment } from '../../../models/risk-matrix/assessment';
import { removeCriterion } from '../../../models/risk-matrix/criteria-edit';
import { removeIssue } from '../../../models/risk-matrix/issue-edit';
import { rank } from '../../../models/risk-matrix/score';
import { saveWeightSet, setDraftWeight } from '../../../models/risk-matrix/weights-edit';
import { comparable, comparables, engineInput, usableScenario } from '../../../models/sensitivity/basis';
import { addScenario, removeScenario, scenarioFromDraft, scenarioFromWeightSet, tryWeights, updateScenario } from '../../../models/sensitivity/scenario-edit';
import { compareScenarios } from '../../../models/sensitivity/scenario';
import { linearProblem } from '../../../models/sensitivity/problem';
import { constraintsFor } from '../../../models/sensitivity/settings';
import { runSmaa } from '../../../models/sensitivity/smaa';
import { seedAssessment } from '../risk-matrix/fixtures';

const community = (a = seedAssessment()) => scenarioFromDraft(setDraftWeight(a, 'community_priority', 3), 'Community first', 5);
const top = (a: ReturnType<typeof engineInput>) => rank(a.model, a.issues, a.scores, a.weights)[0]!;

describe('scenario edits', () => {
  it('saves the draft weights as a scenario, every weight written out, and the record still validates', () => {
    const a = community();
    const s = a.scenarios![0]!;
    expect(s).toMatchObject({ id: 'community-first', name: 'Community first', aggregation: null, scoreOverrides: {}, createdAt: 5, updatedAt: 5 });
    expect(Object.keys(s.weights)).toHaveLength(9);
    expect(s.weights['community_priority']).toBe(3);
    expect(Assessment.parse(a)).toEqual(a);
    // The seed with Community priority weighing 3: ASB (Personal) first with 42.
    expect(top(engineInput(a, comparable(a, 'scenario:community-first')!))).toMatchObject({ label: 'ASB (Personal)', total: 42 });
  });

  it('refuses an empty or repeated name, unknown criteria and issues, off-scale scores and all-zero weights', () => {
    const a = community();
    expect(() => scenarioFromDraft(a, '  ', 1)).toThrow('a scenario needs a name');
    expect(() => scenarioFromDraft(a, 'community FIRST', 1)).toThrow('there is already a scenario called “Community first”');
    const f = { name: 'X', weights: {}, scoreOverrides: {}, aggregation: null };
    expect(() => addScenario(a, { ...f, weights: { nope: 1 } }, 1)).toThrow('there is no criterion "nope" to weight');
    expect(() => addScenario(a, { ...f, weights: { likelihood: -1 } }, 1)).toThrow('Likelihood: a weight must be a number of 0 or more, not -1');
    expect(() => addScenario(a, { ...f, scoreOverrides: { gone: { likelihood: { value: 1 } } } }, 1)).toThrow('there is no issue "gone" to score');
    expect(() => addScenario(a, { ...f, scoreOverrides: { 'adult-offending': { likelihood: { value: 9 } } } }, 1)).toThrow('Adult Offending, Likelihood: 9 must be a whole number from 0 to 5');
    expect(() => addScenario(a, { ...f, aggregation: { kind: 'harm-x-likelihood', likelihood: 'cost_impact' } }, 1)).toThrow('harm × likelihood needs a criterion in the Likelihood group');
    const zero = Object.fromEntries(a.model.criteria.map((c) => [c.id, 0]));
    expect(() => addScenario(a, { ...f, weights: zero }, 1)).toThrow(/every weight that counts towards the total is zero/);
  });

  it('overrides scores and changes the total; renames and edits keep the id; removes', () => {
    let a = community();
    a = addScenario(
      a,
      { name: 'Adult Offending worse', weights: {}, scoreOverrides: { 'adult-offending': { likelihood: { value: 5, confidence: 'Low' } } }, aggregation: { kind: 'normalised-average' } },
      7,
    );
    const c = comparable(a, 'scenario:adult-offending-worse')!;
    const input = engineInput(a, c);
    expect(input.model.aggregation.kind).toBe('normalised-average');
    expect(input.scores['adult-offending']!['likelihood']).toEqual({ value: 5, confidence: 'Low' });
    a = updateScenario(a, 'adult-offending-worse', { name: 'Adult Offending rising', description: ' From the 2024 count. ' }, 9);
    expect(a.scenarios![1]).toMatchObject({ id: 'adult-offending-worse', name: 'Adult Offending rising', description: 'From the 2024 count.', createdAt: 7, updatedAt: 9 });
    expect(() => updateScenario(a, 'adult-offending-worse', { name: 'Community first' }, 9)).toThrow('there is already a scenario called “Community first”');
    expect(updateScenario(a, 'adult-offending-worse', { name: 'adult offending RISING' }, 9).scenarios![1]!.name).toBe('adult offending RISING');
    a = removeScenario(a, 'community-first');
    expect(a.scenarios!.map((s) => s.id)).toEqual(['adult-offending-worse']);
    expect(() => removeScenario(a, 'community-first')).toThrow('there is no scenario "community-first"');
  });

  it('saves a weight set as a scenario and tries weights as the draft', () => {
    let a = saveWeightSet(setDraftWeight(seedAssessment(), 'likelihood', 2), 'Likely first', 3);
    a = scenarioFromWeightSet(setDraftWeight(a, 'likelihood', 1), 'likely-first', 'Likely first', 4);
    expect(a.scenarios![0]!).toMatchObject({ name: 'Likely first', description: 'From the weight set “Likely first”.' });
    expect(a.scenarios![0]!.weights['likelihood']).toBe(2);
    const b = tryWeights(a, { community_priority: 1.25 });
    expect(b.draftWeights).toMatchObject({ community_priority: 1.25, likelihood: 1 });
    expect(() => tryWeights(a, { community_priority: Number.NaN })).toThrow('Community priority: a weight must be a number of 0 or more, not NaN');
  });
});

describe('Assessment records with scenarios', () => {
  it('reads records saved before scenarios existed', () => {
    const old = JSON.parse(JSON.stringify(seedAssessment()));
    expect(old.scenarios).toBeUndefined();
    expect(upgradeAssessment(old).scenarios).toBeUndefined();
  });

  it('refuses two scenarios with one id or one name, and keeps scenarios that name removed issues or criteria', () => {
    const a = community();
    const twice = { ...a, scenarios: [...a.scenarios!, { ...a.scenarios![0]!, name: 'Other' }, { ...a.scenarios![0]!, id: 'other', name: 'COMMUNITY FIRST' }] };
    expect(Assessment.safeParse(twice).error!.issues.map((i) => i.message)).toEqual(['scenario id "community-first" is used twice', 'scenario “COMMUNITY FIRST” appears twice']);
    const withOverride = addScenario(a, { name: 'B', weights: {}, scoreOverrides: { 'adult-offending': { likelihood: { value: 5 } } }, aggregation: null }, 1);
    const trimmed = removeCriterion(removeIssue(withOverride, 'adult-offending'), 'community_priority');
    expect(Assessment.parse(trimmed).scenarios).toHaveLength(2);
  });
});

describe('comparables', () => {
  it('lists the draft, each weight set and each scenario, with unique names', () => {
    const a = scenarioFromDraft(community(), 'Baseline (weight set)', 6);
    expect(comparables(a).map((c) => [c.key, c.name])).toEqual([
      ['draft', 'Draft weights'],
      ['set:baseline', 'Baseline (weight set)'],
      ['scenario:community-first', 'Community first'],
      ['scenario:baseline-weight-set', 'Baseline (weight set) (2)'],
    ]);
  });

  it('analyses a harm × likelihood scenario on the Harm weights only, leaving out constraints on the others', () => {
    const a = addScenario(seedAssessment(), { name: 'HxL', weights: {}, scoreOverrides: {}, aggregation: { kind: 'harm-x-likelihood', likelihood: 'likelihood' } }, 1);
    const p = linearProblem(engineInput(a, comparable(a, 'scenario:hxl')!));
    const harm = a.model.criteria.filter((c) => c.group === 'Harm').map((c) => c.id);
    expect(p.criteria.map((c) => c.id)).toEqual(harm);
    const { constraints, dropped } = constraintsFor(
      { order: ['likelihood', harm[0]!, harm[1]!] },
      p.criteria.map((c) => c.id),
    );
    expect(dropped).toEqual(['likelihood']);
    const r = runSmaa(p, { samples: 2000, constraints });
    expect(r.sampler).toBe('ordered-simplex');
    expect(r.rankCounts.every((row) => row.reduce((x, y) => x + y, 0) === 2000)).toBe(true);
  });

  it('leaves out what the assessment no longer has, and says so', () => {
    let a = addScenario(
      community(),
      { name: 'B', weights: { likelihood: 2 }, scoreOverrides: { 'adult-offending': { likelihood: { value: 5 } }, 'domestic-abuse': { cost_impact: { value: 1 } } }, aggregation: null },
      1,
    );
    a = removeCriterion(removeIssue(a, 'adult-offending'), 'likelihood');
    const u = usableScenario(a, a.scenarios![1]!);
    expect(u.scenario.weights).toEqual({});
    expect(u.scenario.scoreOverrides).toEqual({ 'domestic-abuse': { cost_impact: { value: 1 } } });
    expect(u.notes).toEqual(['1 weight ignored: its criterion is no longer in the model.', '1 score override ignored: its issue is no longer in the assessment.']);
    // The comparison still runs on what is left.
    const cmp = compareScenarios(
      { model: a.model, issues: a.issues, scores: a.scores },
      comparables(a)
        .slice(2)
        .map((c) => c.scenario),
    );
    expect(cmp.rows).toHaveLength(31);
  });
});
