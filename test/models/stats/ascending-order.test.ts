import { describe, expect, it } from 'vitest';
import { ascendingOrder } from '../../../models/stats/ascending-order';
import { Random } from '../../../models/stats/random';
import { rankScores } from '../../../models/need/composite';

describe('ascendingOrder', () => {
  it('orders keys as a stable Array.sort would, with negatives, fractions, ties, zeros and infinities', () => {
    const rnd = new Random(7);
    for (const n of [0, 1, 2, 17, 1000, 5000]) {
      const values = Array.from({ length: n }, () => Math.round((rnd.float() - 0.5) * 200) / 4);
      if (n > 10) values.splice(3, 4, -0, 0, Infinity, -Infinity);
      const expected = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
      // Stable: equal keys (−0 and 0 among them) keep their order.
      expect(Array.from(ascendingOrder(Float64Array.from(values)))).toEqual(expected.map((e) => e.i));
    }
  });
});

describe('rankScores on larger inputs', () => {
  it('orders by score, then ties and unscored areas by name', () => {
    const scores = Float64Array.of(NaN, 1, 2, NaN, 1, 3);
    const r = rankScores(scores, ['f', 'd', 'c', 'a', 'b', 'e']);
    expect(Array.from(r.order)).toEqual([5, 2, 4, 1, 3, 0]);
    expect(Array.from(r.rank)).toEqual([0, 3, 2, 0, 3, 1]);
  });
});
