import { describe, expect, it } from 'vitest';
import { sortPairs } from '../../../models/need/sort-pairs';
import { seededRandom } from '../../../models/need/random';
import { rankScores } from '../../../models/need/composite';

describe('sortPairs', () => {
  it('sorts keys and carries the index along, with many ties, as Array.sort would', () => {
    const rnd = seededRandom(7);
    for (const n of [0, 1, 2, 17, 1000, 5000]) {
      const values = Array.from({ length: n }, () => Math.floor(rnd() * 50) - 25);
      const keys = Float64Array.from(values);
      const index = Uint32Array.from(values.keys());
      sortPairs(keys, index);
      expect(Array.from(keys)).toEqual([...values].sort((a, b) => a - b));
      expect(Array.from(index, (i) => values[i])).toEqual(Array.from(keys));
      expect(new Set(index).size).toBe(n);
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
