import { describe, expect, it } from 'vitest';
import { CR_LIMIT, type Judgement, judgementMatrix, pairsOf, pairwiseWeights, randomIndex } from '../../../models/elicitation/pairwise';

const j = (a: string, b: string, aOverB: number): Judgement => (aOverB >= 1 ? { a, b, favours: 'a', strength: aOverB } : { a, b, favours: 'b', strength: Math.round(1 / aOverB) });

describe('pairwiseWeights', () => {
  // Saaty (1990), "How to make a decision: the Analytic Hierarchy Process", European Journal of
  // Operational Research 48, 9-26: the house-buying example, houses A, B, C compared on "size of
  // house" (the same matrix in Saaty 1980, ch. 2): A vs B 6, A vs C 8, B vs C 4. Published:
  // priorities .754, .181, .065; λmax 3.136; C.I. .068; C.R. .117.
  // Checked independently with python3 (standard library, 1,000 power-iteration steps):
  //   A=[[1,6,8],[1/6,1,4],[1/8,1/4,1]]; w=[1/3]*3
  //   repeat: v=[sum(A[i][k]*w[k] for k in range(3)) for i in range(3)]; w=[x/sum(v) for x in v]
  //   lam=mean((A·w)_i/w_i) → w = [0.7535538990, 0.1811354645, 0.0653106365], lam = 3.1356108447,
  //   CI = 0.0678054223, CR = CI/0.58 = 0.1169059006
  const size = pairwiseWeights(['A', 'B', 'C'], [j('A', 'B', 6), j('A', 'C', 8), j('B', 'C', 4)]);

  it('reproduces Saaty’s published weights for the size-of-house matrix', () => {
    expect(size.weights.map((w) => Number(w.toFixed(3)))).toEqual([0.754, 0.181, 0.065]);
    expect(size.weights[0]).toBeCloseTo(0.753553899, 8);
    expect(size.weights[1]).toBeCloseTo(0.1811354645, 8);
    expect(size.weights[2]).toBeCloseTo(0.0653106365, 8);
  });

  it('reproduces its λmax, consistency index and consistency ratio', () => {
    expect(size.lambdaMax.toFixed(3)).toBe('3.136');
    expect(size.ci.toFixed(3)).toBe('0.068');
    expect(size.cr.toFixed(3)).toBe('0.117');
    expect(size.cr).toBeCloseTo(0.1169059006, 8);
    expect(size.cr).toBeGreaterThan(CR_LIMIT);
  });

  it('finds exact weights and CR 0 for consistent judgements', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const w0 = [8, 4, 2, 1];
    const r = pairwiseWeights(
      ids,
      pairsOf([0, 1, 2, 3]).map(([x, y]) => j(ids[x]!, ids[y]!, w0[x]! / w0[y]!)),
    );
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(w0[i]! / 15, 12));
    expect(r.cr).toBeCloseTo(0, 12);
    expect(r.inconsistencies[0]!.deviation).toBeCloseTo(0, 10);
  });

  it('names the reversed judgement first when one of a consistent set is turned round', () => {
    // Weights 8:4:2:1 with a vs d given as 1/8 instead of 8. python3, as above (2,000 steps):
    // λmax = 6.7346476016, CR = (λ−4)/3/0.90 = 1.0128324450; |ln(given/implied)| is largest for
    // (a, d): 1.6634330556, then (b, d) and (c, d): 1.4756716862.
    const ids = ['a', 'b', 'c', 'd'];
    const w0 = [8, 4, 2, 1];
    const given = pairsOf([0, 1, 2, 3]).map(([x, y]) => (x === 0 && y === 3 ? j('a', 'd', 1 / 8) : j(ids[x]!, ids[y]!, w0[x]! / w0[y]!)));
    const r = pairwiseWeights(ids, given);
    expect(r.lambdaMax).toBeCloseTo(6.7346476016, 8);
    expect(r.cr).toBeCloseTo(1.012832445, 8);
    expect([r.inconsistencies[0]!.a, r.inconsistencies[0]!.b]).toEqual(['a', 'd']);
    expect(r.inconsistencies[0]!.deviation).toBeCloseTo(1.6634330556, 8);
  });
});

describe('randomIndex', () => {
  it('is Saaty’s table', () => expect([3, 4, 5, 9, 10].map(randomIndex)).toEqual([0.58, 0.9, 1.12, 1.45, 1.49]));
});

describe('judgementMatrix', () => {
  it('says which pair is missing', () => expect(() => judgementMatrix(['a', 'b', 'c'], [j('a', 'b', 3)])).toThrow(/"a" and "c" have not been compared/));
  it('refuses a pair compared twice', () => expect(() => judgementMatrix(['a', 'b'], [j('a', 'b', 3), j('b', 'a', 2)])).toThrow(/twice/));
});
