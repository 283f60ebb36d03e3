import { describe, expect, it } from 'vitest';
import { linearProblem } from '../../../models/sensitivity/problem';
import { Random } from '../../../models/stats/random';
import { runSmaa } from '../../../models/sensitivity/smaa';
import { smaaBasisWords } from '../../../models/sensitivity/smaa-words';
import { aroundSampler } from '../../../models/sensitivity/weight-sampler';
import { seedAssessment } from '../../fixtures/seed-matrix';

describe('aroundSampler', () => {
  it('keeps every ratio of two shares within [(1 − x)/(1 + x), (1 + x)/(1 − x)] of the chosen one, and shares sum to 1', () => {
    const shares = Float64Array.of(0.5, 0.3, 0.2);
    const draw = aroundSampler(new Random(1234, 0), shares, 0.25);
    const out = new Float64Array(3);
    const lo = 0.75 / 1.25;
    const hi = 1.25 / 0.75;
    for (let s = 0; s < 5_000; s++) {
      draw(out);
      expect(out.reduce((t, x) => t + x, 0)).toBeCloseTo(1, 12);
      for (const [a, b] of [
        [0, 1],
        [0, 2],
        [1, 2],
      ] as const) {
        const r = out[a]! / out[b]! / (shares[a]! / shares[b]!);
        expect(r).toBeGreaterThan(lo);
        expect(r).toBeLessThan(hi);
      }
    }
  });

  it('before rescaling, draws each factor uniformly in [1 − x, 1 + x]: with equal shares the mean share stays equal', () => {
    const draw = aroundSampler(new Random(7, 0), Float64Array.of(0.25, 0.25, 0.25, 0.25), 0.5);
    const out = new Float64Array(4);
    const mean = new Float64Array(4);
    for (let s = 0; s < 20_000; s++) {
      draw(out);
      out.forEach((x, j) => (mean[j]! += x / 20_000));
    }
    mean.forEach((x) => expect(x).toBeCloseTo(0.25, 2));
  });

  it('refuses a spread of 100% or more', () => expect(() => aroundSampler(new Random(1, 0), Float64Array.of(1), 1)).toThrow(/100%/));
});

describe('SMAA around the chosen weights on the seed matrix (±25%)', () => {
  const p = linearProblem(seedAssessment);
  const opts = { samples: 20_000, seed: 1234, around: 0.25, scoreSpread: null };

  it('is reproducible by seed, and another seed differs', () => {
    const a = runSmaa(p, opts);
    const b = runSmaa(p, opts);
    expect(b.rankCounts).toEqual(a.rankCounts);
    expect(b.above).toEqual(a.above);
    expect(a.sampler).toBe('around');
    expect(a.around).toBe(0.25);
    expect(runSmaa(p, { ...opts, seed: 99 }).rankCounts).not.toEqual(a.rankCounts);
  });

  it('stays nearer the chosen ranking than the uniform analysis: the chosen first issue ranks first more often', () => {
    const around = runSmaa(p, opts);
    const uniform = runSmaa(p, { ...opts, around: null });
    const shares = Array.from(p.shares);
    // The chosen ranking's first issue, by the weights in use.
    const totals = Array.from({ length: p.n }, (_, i) => shares.reduce((t, w, j) => t + w * p.scores[i * p.m + j]!, 0));
    const first = totals.indexOf(Math.max(...totals));
    expect(around.rankCounts[first]![0]!).toBeGreaterThan(uniform.rankCounts[first]![0]!);
  });

  it('says in words which analysis it is', () => {
    const r = runSmaa(p, { ...opts, samples: 1_000 });
    expect(smaaBasisWords(r)).toBe(
      'Around the weights in use: based on 1,000 weightings near the chosen weights (seed 1234), each weight varied at random within ±25% of its value and the weights then rescaled to add up to the same total. This tests how robust our ranking is if our weights are a little off; it is not the uniform analysis over every possible weighting.',
    );
  });
});
