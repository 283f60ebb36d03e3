import { describe, expect, it } from 'vitest';
import { rankSumWeights, rocWeights, weightsFromOrder } from '../../../models/elicitation/ranking';

// Closed form of the rank-order centroid (Barron & Barrett 1996): w_i = (1/n) Σ_{k=i..n} 1/k.
// Pinned as exact fractions computed independently with python3's fractions module:
//   from fractions import Fraction as F
//   [sum(F(1,k) for k in range(i,n+1))/n for i in range(1,n+1)]
const ROC: Record<number, [number, number][]> = {
  3: [
    [11, 18],
    [5, 18],
    [1, 9],
  ],
  5: [
    [137, 300],
    [77, 300],
    [47, 300],
    [9, 100],
    [1, 25],
  ],
  9: [
    [7129, 22680],
    [4609, 22680],
    [3349, 22680],
    [2509, 22680],
    [1879, 22680],
    [275, 4536],
    [191, 4536],
    [17, 648],
    [1, 81],
  ],
};

describe('rocWeights', () => {
  for (const n of [3, 5, 9]) {
    it(`equals the closed form for ${n} criteria`, () => {
      const w = rocWeights(n);
      expect(w).toHaveLength(n);
      ROC[n]!.forEach(([p, q], i) => expect(w[i]).toBeCloseTo(p / q, 14));
      expect(w.reduce((t, x) => t + x, 0)).toBeCloseTo(1, 14);
    });
  }
  it('refuses an empty order', () => expect(() => rocWeights(0)).toThrow(/at least one/));
});

describe('rankSumWeights', () => {
  it('falls in equal steps: 4 criteria give 4/10, 3/10, 2/10, 1/10', () => {
    rankSumWeights(4).forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.3, 0.2, 0.1][i]!, 14));
  });
});

describe('weightsFromOrder', () => {
  it('gives the first criterion the largest weight', () => {
    const w = weightsFromOrder(['harm', 'cost', 'trend'], 'roc');
    expect(w.get('harm')).toBeCloseTo(11 / 18, 14);
    expect(w.get('trend')).toBeCloseTo(1 / 9, 14);
  });
  it('refuses an order naming a criterion twice', () => expect(() => weightsFromOrder(['a', 'a'], 'rank-sum')).toThrow(/twice/));
});
