import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PointMemo } from '../../../models/need/point-memo';

// Checked against a Map keyed on the points' text (an independent, slower memo): same values, and
// the work done once per distinct point. Seed 20261204.
describe('PointMemo', () => {
  const coordinate = fc.oneof(fc.double({ noNaN: true, min: -180, max: 180 }), fc.constantFrom(0, -0, 51.879, 51.879000000000005, -0.417));

  it('returns what compute gives, computing each distinct point once, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 3000 }), (pool, picks) => {
        const memo = new PointMemo(4);
        const reference = new Map<string, number>();
        const text = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
        let calls = 0;
        for (const k of picks) {
          const [x, y] = pool[k % pool.length]!;
          const key = `${text(x)},${text(y)}`;
          const value = memo.get(x, y, () => (calls++, reference.size));
          if (!reference.has(key)) reference.set(key, value);
          expect(value).toBe(reference.get(key));
        }
        expect(calls).toBe(reference.size);
        expect(memo.size).toBe(reference.size);
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });

  it('keeps two points one bit apart apart', () => {
    const memo = new PointMemo();
    expect(memo.get(-0.417, 51.879, () => 1)).toBe(1);
    expect(memo.get(-0.417, 51.879000000000005, () => 2)).toBe(2);
    expect(memo.get(-0.417, 51.879, () => 3)).toBe(1);
    expect(memo.get(-1, -2, () => -3)).toBe(-3);
    expect(memo.get(-1, -2, () => 9)).toBe(-3);
  });
});
