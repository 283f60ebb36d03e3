import { describe, expect, it } from 'vitest';
import { robustness } from '../../../models/need/robustness';

// Already on 0..1, so min-max leaves them as they are. With equal weights A and
// B score 0.5 and C 0.55, so C leads; any one weight change by ±50% lets A or B
// overtake it (worked by hand in the comments below).
const input = {
  values: [
    [1, 0, 0.55],
    [0, 1, 0.55],
  ],
  directions: ['higher', 'higher'] as const,
  weights: [1, 1],
  method: 'minmax' as const,
  names: ['A', 'B', 'C'],
  topN: 1,
};

describe('robustness', () => {
  it('lists the top N under each weight changed by ±50%, one at a time', () => {
    const r = robustness({ ...input, runs: 200 });
    expect(r.top).toEqual([2]);
    // w1 × 0.5: A 0.5/1.5 = 0.33, B 1/1.5 = 0.67, C 0.825/1.5 = 0.55 → B
    // w1 × 1.5: A 1.5/2.5 = 0.6, B 0.4, C 1.375/2.5 = 0.55 → A; and mirrored for w2
    expect(r.weightChanges.map((c) => [c.indicator, c.factor, c.top])).toEqual([
      [0, 0.5, [1]],
      [0, 1.5, [0]],
      [1, 0.5, [0]],
      [1, 1.5, [1]],
    ]);
    expect(r.weightChanges.every((c) => c.changed)).toBe(true);
    expect(r.inTopOfChanges).toEqual([2, 2, 0]);
  });

  it('gives each area its share of seeded Monte Carlo runs in the top N, the same every time', () => {
    const a = robustness({ ...input, runs: 500 });
    const b = robustness({ ...input, runs: 500 });
    expect(a.seed).toBe(1234);
    expect(a.monteCarloShare).toEqual(b.monteCarloShare);
    expect(a.monteCarloShare.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    // C leads while f1 / (f1 + f2) stays within 0.45..0.55: a minority of runs, but some.
    expect(a.monteCarloShare[2]).toBeGreaterThan(0.05);
    expect(a.monteCarloShare[2]).toBeLessThan(0.5);
    expect(robustness({ ...input, runs: 500, seed: 99 }).monteCarloShare).not.toEqual(a.monteCarloShare);
  });

  it('keeps an area that leads on every indicator at the top in every run and method', () => {
    const r = robustness({
      ...input,
      values: [
        [3, 1, 2],
        [9, 1, 5],
      ],
      topN: 1,
    });
    expect(r.monteCarloShare).toEqual([1, 0, 0]);
    expect(Object.values(r.byMethod).map((m) => m.top)).toEqual([[0], [0], [0]]);
    expect(r.weightChanges.some((c) => c.changed)).toBe(false);
  });

  it('puts areas tied at the boundary all in the top N', () => {
    const r = robustness({ ...input, values: [[1, 1, 0]], directions: ['higher'], weights: [1], topN: 1, runs: 10 });
    expect(r.top).toEqual([0, 1]);
  });
});
