import { describe, expect, it } from 'vitest';
import { baselineWeights } from '../../../models/risk-matrix/assessment';
import { cutLineTie, movements, movementText } from '../../../models/risk-matrix/movement';
import { rankedCsv } from '../../../models/risk-matrix/ranked-csv';
import { rank } from '../../../models/risk-matrix/score';
import { draftDiffers, removeWeightSet, resetDraft, saveDraftAsBaseline, saveWeightSet, setBaseline, setCutLine, setDraftWeight, useWeightSet } from '../../../models/risk-matrix/weights-edit';
import { seedAssessment } from './fixtures';

const a = seedAssessment();
const ranked = (x: typeof a, w = x.draftWeights) => rank(x.model, x.issues, x.scores, w);

describe('weights', () => {
  it('tries a draft weight against the baseline: Community priority 3 puts ASB (Personal) first with 42', () => {
    const b = setDraftWeight(a, 'community_priority', 3);
    expect(draftDiffers(b)).toBe(true);
    const now = ranked(b);
    expect(now[0]).toMatchObject({ label: 'ASB (Personal)', total: 42 });
    const moved = movements(ranked(b, baselineWeights(b)), now);
    expect(moved.get('asb-personal')).toEqual({ kind: 'up', places: 1 });
    // 42 ASB (Personal), 41 ASB (Nuisance), 39 ASB (Environmental), 37 Burglary Dwelling, 36 Distraction Burglary, 35 Domestic Abuse, 34 Terrorism.
    expect(now.slice(0, 7).map((r) => r.total)).toEqual([42, 41, 39, 37, 36, 35, 34]);
    expect(moved.get('domestic-abuse')).toEqual({ kind: 'down', places: 5 });
    expect(moved.get('terrorism')).toEqual({ kind: 'down', places: 5 });
    expect(moved.get('asb-environmental')).toEqual({ kind: 'up', places: 4 });
  });

  it('saves the draft as the baseline, every criterion written out', () => {
    const b = saveDraftAsBaseline(setDraftWeight(a, 'community_priority', 3), 5);
    expect(baselineWeights(b)).toMatchObject({ community_priority: 3, likelihood: 1 });
    expect(Object.keys(baselineWeights(b))).toHaveLength(9);
    expect(b.weightSets[0]!.savedAt).toBe(5);
    expect(draftDiffers(b)).toBe(false);
  });

  it('keeps named weight sets, loads them, and compares with any of them', () => {
    const b = saveWeightSet(setDraftWeight(a, 'cost_impact', 0), 'No cost', 7);
    expect(b.weightSets.map((w) => [w.id, w.name])).toEqual([
      ['baseline', 'Baseline'],
      ['no-cost', 'No cost'],
    ]);
    expect(() => saveWeightSet(b, 'no cost', 8)).toThrow('there is already a weight set called “no cost”');
    const c = useWeightSet(resetDraft(b), 'no-cost');
    expect(c.draftWeights['cost_impact']).toBe(0);
    const d = setBaseline(c, 'no-cost');
    expect(draftDiffers(d)).toBe(false);
    expect(() => removeWeightSet(d, 'no-cost')).toThrow(/baseline weight set cannot be removed/);
    expect(removeWeightSet(d, 'baseline').weightSets.map((w) => w.id)).toEqual(['no-cost']);
  });

  it('refuses negative and non-numeric weights', () => {
    expect(() => setDraftWeight(a, 'likelihood', -0.5)).toThrow('a weight must be a number from 0 to 1000, not -0.5');
    expect(() => setDraftWeight(a, 'likelihood', Number.NaN)).toThrow();
    expect(() => setCutLine(a, 2.5)).toThrow();
    expect(setCutLine(a, 3).cutLine).toBe(3);
  });
});

describe('movements', () => {
  it('counts places by competition rank, so reordering inside a tie is no movement, and marks new issues', () => {
    const base = ranked(a);
    const withoutTerrorism = rank(
      a.model,
      a.issues.filter((i) => i.id !== 'terrorism'),
      a.scores,
    );
    const m = movements(withoutTerrorism, base);
    expect(m.get('terrorism')).toEqual({ kind: 'new' });
    expect(m.get('asb-personal')).toEqual({ kind: 'same' });
    expect(m.get('asb-nuisance')).toEqual({ kind: 'down', places: 1 });
  });

  it('says it in symbols and words', () => {
    expect(movementText({ kind: 'up', places: 1 })).toEqual({ symbol: '▲1', words: 'up 1 place' });
    expect(movementText({ kind: 'down', places: 3 })).toEqual({ symbol: '▼3', words: 'down 3 places' });
    expect(movementText({ kind: 'same' })).toEqual({ symbol: '=', words: 'no change' });
    expect(movementText({ kind: 'new' }).symbol).toBe('new');
  });
});

describe('cutLineTie', () => {
  it('warns when the cut line splits a tie', () => {
    const r = ranked(a);
    expect(cutLineTie(r, 3)).toBeUndefined();
    expect(cutLineTie(r, 4)).toEqual({ rankLabel: '=4', total: 31, issues: ['ASB (Nuisance)', 'Burglary Dwelling'] });
    expect(cutLineTie(r, 2)).toEqual({ rankLabel: '=2', total: 32, issues: ['ASB (Personal)', 'Terrorism'] });
    expect(cutLineTie(r, 0)).toBeUndefined();
    expect(cutLineTie(r, 32)).toBeUndefined();
  });
});

describe('rankedCsv', () => {
  it('writes the ranking with ties, movements in words and the weights in force', () => {
    const b = setDraftWeight(a, 'community_priority', 3);
    const now = ranked(b);
    const text = rankedCsv(b.model, now, movements(ranked(b, baselineWeights(b)), now), b.scores, { ...b.draftWeights });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'rank,movement,issue,total,Performance issue – deteriorating (weight 1),PCC priority / national priority (weight 1),Community priority (weight 3),Harm to property (weight 1),Physical harm to victim (weight 1),Psychological harm to victim (weight 1),Generator of fear/worry (weight 1),Cost impact (weight 1),Likelihood (weight 1)',
    );
    expect(lines[1]).toBe('1,up 1 place,ASB (Personal),42,3,5,5,3,1,5,1,4,5');
    expect(lines[6]).toBe('6,down 5 places,Domestic Abuse,35,3,5,1,3,5,5,1,5,5');
  });

  it('ends each row with the brief’s recommendation and lead partner when they are given', () => {
    const now = ranked(a);
    const da = a.issues.find((i) => i.label === 'Domestic Abuse')!.id;
    const text = rankedCsv(
      a.model,
      now,
      movements(now, now),
      a.scores,
      { ...a.draftWeights },
      { [da]: { recommendation: 'Commission a second IDVA, for high-risk cases', leadPartner: '=Luton Council' } },
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/,Likelihood \(weight 1\),recommendation,lead partner$/);
    // A comma is quoted; a leading "=" is neutralised so a spreadsheet does not run it (formatCsv).
    expect(lines[1]).toBe(`1,no change,Domestic Abuse,33,3,5,1,3,5,5,1,5,5,"Commission a second IDVA, for high-risk cases",'=Luton Council`);
    expect(lines[2]).toMatch(/^'=2,no change,ASB \(Personal\),32,(\d,){9},$/);
  });
});
