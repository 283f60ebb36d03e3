import { describe, expect, it } from 'vitest';
import { rank } from '../../../models/risk-matrix/score';
import { dominators, whatWouldItTake } from '../../../models/sensitivity/inverse';
import { linearProblem, sharesTotals } from '../../../models/sensitivity/problem';
import { Random } from '../../../models/stats/random';
import { competitionRanks } from '../../../models/sensitivity/ranks';
import { sampleSimplex } from '../../../models/sensitivity/weight-sampler';
import { toyAssessment } from '../../fixtures/toy-assessment';
import { seedAssessment, seedId, seedIssues, seedModel, seedScores } from '../../fixtures/seed-matrix';

const seed = linearProblem(seedAssessment);
const rankWith = (issue: string, weights: Record<string, number>) => rank(seedModel, seedIssues, seedScores, weights).find((r) => r.issueId === issue)!.rank;
const moved = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, j) => s + Math.abs(x - b[j]!), 0) / 2;

describe('whatWouldItTake: closed form', () => {
  // A = (1, 0), B = (0, 2), weights 1 and 1. A is first when s₁ ≥ 2 s₂, i.e. s₁ ≥ ⅔: from ½ that moves ⅙ of the weight.
  const p = linearProblem(
    toyAssessment([
      [1, 0],
      [0, 2],
    ]),
  );

  it('finds the least change to one weight and across all weights', () => {
    const a = whatWouldItTake(p, 'A', 1);
    expect(a.rankNow).toBe(2);
    expect(a.bestSingle!.criterionId).toBe('c0');
    expect(a.bestSingle!.weight).toBeCloseTo(2, 12); // raw weight 2 against 1: share ⅔
    expect(a.bestSingle!.shareChange).toBeCloseTo(1 / 6, 12);
    expect(a.bestSingle!.tied).toBe(true); // 2 × 1 = 1 × 2: it draws level
    expect(a.singleWeight[1]!.weight).toBeCloseTo(0.5, 12); // or lower c1 to ½: share ⅓, the same change
    expect(a.allWeights!.weightMoved).toBeCloseTo(1 / 6, 12);
    expect(a.allWeights!.shares['c0']).toBeCloseTo(2 / 3, 12);
    expect(a.bestSingle!.shareRanges).toEqual([{ from: 2 / 3, to: 1 }]);
  });

  it('explains when a stated importance order rules it out', () => {
    const a = whatWouldItTake(p, 'A', 1, { constraints: { order: ['c1', 'c0'] } });
    expect(a.allWeights).toBeNull();
    expect(a.bestPossibleRank).toBe(2);
    expect(a.settled).toBe(true);
  });

  it('keeps stated limits: with c0 at most 60% of the weight, neither single change nor any weighting will do', () => {
    const a = whatWouldItTake(p, 'A', 1, { constraints: { shareBounds: { c0: { max: 0.6 } } } });
    expect(a.singleWeight.map((s) => [s.possible, s.keepsConstraints])).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(a.bestSingle).toBeNull();
    expect(a.allWeights).toBeNull();
    // At 70% it can: the least change is still ⅙ of the weight.
    const b = whatWouldItTake(p, 'A', 1, { constraints: { shareBounds: { c0: { max: 0.7 } } } });
    expect(b.bestSingle!.keepsConstraints).toBe(true);
    expect(b.allWeights!.weightMoved).toBeCloseTo(1 / 6, 12);
  });

  it('names the dominating issues', () => {
    const q = linearProblem(
      toyAssessment([
        [2, 3],
        [2, 1],
        [3, 3],
        [1, 4],
      ]),
    );
    expect(dominators(q, 1).map((k) => q.issueIds[k])).toEqual(['A', 'C']);
    const a = whatWouldItTake(q, 'B', 1);
    expect(a.allWeights).toBeNull();
    expect(a.dominatedBy).toEqual(['A', 'C']);
  });
});

describe('whatWouldItTake on the seed matrix', () => {
  it('ASB (Personal) to first: Community priority to 1.25 alone, or 1/72 of the weight moved from Physical harm to Community priority', () => {
    // One weight: ASB (Personal) 27 + 5x meets Domestic Abuse 32 + x at x = 1.25 (share 1.25/9.25, up 0.0240);
    // lowering Physical harm instead (DA 28 + 5x, ASB (P) 31 + x) needs x = 0.75 (share 0.75/8.75, down 0.0254).
    // All weights: DA leads by 1 point in 9, i.e. 1/9 in shares; moving δ from Physical harm (DA +4) to
    // Community priority (ASB (P) +4) closes 8δ, the fastest closing, so δ = 1/72.
    const a = whatWouldItTake(seed, seedId('ASB (Personal)'), 1);
    expect(a.bestSingle!.criterionId).toBe('community_priority');
    expect(a.bestSingle!.weight).toBeCloseTo(1.25, 12);
    expect(a.bestSingle!.shareChange).toBeCloseTo(1.25 / 9.25 - 1 / 9, 12);
    expect(a.singleWeight.find((s) => s.criterionId === 'physical_harm_to_victim')!.weight).toBeCloseTo(0.75, 12);
    expect(a.allWeights!.weightMoved).toBeCloseTo(1 / 72, 12);
    expect(a.allWeights!.shares['physical_harm_to_victim']).toBeCloseTo(7 / 72, 12);
    expect(a.allWeights!.shares['community_priority']).toBeCloseTo(9 / 72, 12);
    expect(rankWith(seedId('ASB (Personal)'), a.allWeights!.weights)).toBe(1);
  });

  it('Adult Offending into the top 3: verified by re-ranking, and no random weighting does it with less change', () => {
    const id = seedId('Adult Offending');
    const a = whatWouldItTake(seed, id, 3);
    expect(a.rankNow).toBe(12);
    expect(a.allWeights).not.toBeNull();
    const w = a.allWeights!;
    expect(rankWith(id, w.weights)).toBeLessThanOrEqual(3);
    expect(moved(Object.values(w.shares), seed.shares)).toBeCloseTo(w.weightMoved, 12);
    // Every single-weight answer, where there is one, also re-ranks into the top 3.
    for (const s of a.singleWeight.filter((x) => x.possible)) expect(rankWith(id, { [s.criterionId]: s.weight! })).toBeLessThanOrEqual(3);
    // 100,000 random weightings: any that puts it in the top 3 moves at least as much weight.
    const rng = new Random(77);
    const s = new Float64Array(seed.m);
    let reached = 0;
    for (let k = 0; k < 100_000; k++) {
      sampleSimplex(rng, s);
      if (competitionRanks(sharesTotals(seed, s))[seed.issueIds.indexOf(id)]! <= 3) {
        reached++;
        expect(moved(s, seed.shares)).toBeGreaterThanOrEqual(w.weightMoved - 1e-12);
      }
    }
    expect(reached).toBeGreaterThan(0);
  });

  it('Other Theft cannot come first: it names the issues that dominate it and the best rank any weighting gives', () => {
    const id = seedId('Other Theft');
    const a = whatWouldItTake(seed, id, 1);
    expect(a.allWeights).toBeNull();
    expect(a.bestSingle).toBeNull();
    expect(a.dominatedBy).toContain(seedId('Domestic Abuse'));
    expect(a.dominatedBy).toContain(seedId('Shoplifting'));
    expect(a.bestPossibleRank).not.toBeNull();
    expect(rankWith(id, a.bestPossible!.weights)).toBe(a.bestPossibleRank);
    // No random weighting does better than the best rank claimed.
    const rng = new Random(5);
    const s = new Float64Array(seed.m);
    let best = Infinity;
    for (let k = 0; k < 50_000; k++) best = Math.min(best, competitionRanks(sharesTotals(seed, sampleSimplex(rng, s)))[seed.issueIds.indexOf(id)]!);
    expect(best).toBeGreaterThanOrEqual(a.bestPossibleRank!);
  });

  it('works under harm × likelihood and the normalised average: answers re-rank as claimed with the contract', async () => {
    const { RiskModel } = await import('../../../models/risk-matrix/schema');
    for (const aggregation of [{ kind: 'harm-x-likelihood', likelihood: 'likelihood' }, { kind: 'normalised-average' }] as const) {
      const model = RiskModel.parse({ ...seedModel, aggregation });
      const p = linearProblem({ model, issues: seedIssues, scores: seedScores });
      for (const label of ['Adult Offending', 'Hate Crime', 'Child Exploitation']) {
        const id = seedId(label);
        const a = whatWouldItTake(p, id, 2);
        const rankUnder = (w: Record<string, number>) => rank(model, seedIssues, seedScores, w).find((r) => r.issueId === id)!.rank;
        if (a.allWeights) expect(rankUnder(a.allWeights.weights), label).toBeLessThanOrEqual(2);
        for (const s of a.singleWeight.filter((x) => x.possible)) expect(rankUnder({ [s.criterionId]: s.weight! }), `${label} ${s.criterionId}`).toBeLessThanOrEqual(2);
        if (a.bestSingle && a.allWeights) expect(a.allWeights.weightMoved).toBeLessThanOrEqual(Math.abs(a.bestSingle.shareChange!) + 1e-12);
      }
    }
  });

  it('answers at once when the issue is already there', () => {
    const a = whatWouldItTake(seed, seedId('Terrorism'), 3);
    expect(a.alreadyThere).toBe(true);
    expect(a.allWeights!.weightMoved).toBe(0);
    expect(a.bestSingle!.shareChange).toBe(0);
  });

  it('refuses unknown issues and impossible targets', () => {
    expect(() => whatWouldItTake(seed, 'nope', 1)).toThrow(/no issue "nope"/);
    expect(() => whatWouldItTake(seed, seedId('Terrorism'), 0)).toThrow(/at least 1/);
  });
});
