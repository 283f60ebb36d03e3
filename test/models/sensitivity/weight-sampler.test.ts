import { describe, expect, it } from 'vitest';
import { resolveConstraints, type WeightConstraintsInput } from '../../../models/sensitivity/constraints';
import { linearProblem } from '../../../models/sensitivity/problem';
import { Random } from '../../../models/stats/random';
import { defaultHitAndRun, hitAndRunSampler, interiorPoint, orderedSimplexSampler, sampleSimplex, type WeightSampler } from '../../../models/sensitivity/weight-sampler';
import { toyAssessment } from '../../fixtures/toy-assessment';

/** Means of each share and of an indicator, over `count` draws. */
function draws(sampler: WeightSampler, m: number, count: number, event: (w: Float64Array) => boolean) {
  const w = new Float64Array(m);
  const mean = new Float64Array(m);
  let hits = 0;
  let worstSum = 0;
  let minShare = Infinity;
  for (let k = 0; k < count; k++) {
    sampler(w);
    let s = 0;
    for (let j = 0; j < m; j++) {
      mean[j]! += w[j]! / count;
      s += w[j]!;
      minShare = Math.min(minShare, w[j]!);
    }
    worstSum = Math.max(worstSum, Math.abs(s - 1));
    if (event(w)) hits++;
  }
  return { mean: Array.from(mean), p: hits / count, worstSum, minShare };
}

const problem = (m: number) => linearProblem(toyAssessment([Array(m).fill(1), Array(m).fill(0)]));
const constraints = (m: number, c: WeightConstraintsInput) => resolveConstraints(problem(m), c);

describe('sampleSimplex', () => {
  it('draws share vectors summing to 1 with the flat Dirichlet marginal P(w₁ > x) = (1 − x)^(m−1)', () => {
    const rng = new Random(1234);
    const r = draws(
      (w) => void sampleSimplex(rng, w),
      3,
      100_000,
      (w) => w[0]! > 0.5,
    );
    expect(r.worstSum).toBeLessThan(1e-12);
    expect(r.minShare).toBeGreaterThan(0);
    // m = 3: P(w₁ > ½) = ¼ exactly; standard error √(¼ · ¾ / 100,000) ≈ 0.00137.
    expect(Math.abs(r.p - 0.25)).toBeLessThan(5 * 0.00137);
    for (const x of r.mean) expect(Math.abs(x - 1 / 3)).toBeLessThan(0.004);
  });
});

describe('orderedSimplexSampler', () => {
  it('keeps the stated order and is uniform on it (m = 2: w₁ ~ U(½, 1), mean ¾)', () => {
    const rng = new Random(1234);
    const r = draws(orderedSimplexSampler(rng, 2, [0, 1]), 2, 100_000, (w) => w[0]! >= w[1]!);
    expect(r.p).toBe(1);
    // sd of U(½, 1) is 0.144; standard error over 100,000 ≈ 0.00046.
    expect(Math.abs(r.mean[0]! - 0.75)).toBeLessThan(5 * 0.00046);
  });

  it('orders only the criteria named, leaving the others free', () => {
    const rng = new Random(5);
    const r = draws(orderedSimplexSampler(rng, 4, [3, 1]), 4, 50_000, (w) => w[3]! >= w[1]!);
    expect(r.p).toBe(1);
    // The criteria left out of the order keep the flat marginal (mean ¼); the ordered pair keeps its order.
    expect(Math.abs(r.mean[0]! - 0.25)).toBeLessThan(0.004);
    expect(Math.abs(r.mean[2]! - 0.25)).toBeLessThan(0.004);
    expect(r.mean[3]!).toBeGreaterThan(r.mean[1]!);
  });
});

describe('hitAndRunSampler', () => {
  it('matches the exact ordered sampler when an order is stated as a pair', () => {
    const m = 3;
    const rc = constraints(m, { atLeast: [['c0', 'c1']] });
    expect(rc.chainOnly).toBe(false);
    const har = draws(hitAndRunSampler(new Random(1), rc, interiorPoint(rc), defaultHitAndRun(m)), m, 60_000, (w) => w[0]! > 0.5);
    const exact = draws(orderedSimplexSampler(new Random(2), m, [0, 1]), m, 60_000, (w) => w[0]! > 0.5);
    for (let j = 0; j < m; j++) expect(Math.abs(har.mean[j]! - exact.mean[j]!)).toBeLessThan(0.01);
    // Exact: P(w₁ > ½ | w₁ ≥ w₂) = ¼ / ½ = ½ (the region w₁ > ½ lies wholly inside w₁ ≥ w₂).
    expect(Math.abs(har.p - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(exact.p - 0.5)).toBeLessThan(0.01);
  });

  it('is uniform within share bounds (m = 3, w₁ ≥ ½: P(w₁ > ¾) = ¼, mean of w₁ = ⅔)', () => {
    const rc = constraints(3, { shareBounds: { c0: { min: 0.5 } } });
    const r = draws(hitAndRunSampler(new Random(11), rc, interiorPoint(rc), defaultHitAndRun(3)), 3, 60_000, (w) => w[0]! > 0.75);
    expect(r.minShare).toBeGreaterThanOrEqual(0);
    expect(Math.abs(r.p - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(r.mean[0]! - 2 / 3)).toBeLessThan(0.01);
    expect(r.worstSum).toBeLessThan(1e-12);
  });

  it('never leaves the polytope', () => {
    const rc = constraints(5, {
      atLeast: [
        ['c0', 'c1'],
        ['c1', 'c2'],
      ],
      shareBounds: { c3: { min: 0.1, max: 0.3 }, c4: { max: 0.15 } },
    });
    const sampler = hitAndRunSampler(new Random(3), rc, interiorPoint(rc), { burnIn: 100, thin: 2 });
    const r = draws(sampler, 5, 20_000, (w) => w[0]! >= w[1]! - 1e-12 && w[1]! >= w[2]! - 1e-12 && w[3]! >= 0.1 - 1e-12 && w[3]! <= 0.3 + 1e-12 && w[4]! <= 0.15 + 1e-12);
    expect(r.p).toBe(1);
    expect(r.minShare).toBeGreaterThanOrEqual(-1e-12);
  });

  it('uses the hitandrun package’s burn-in rule ⌈ln(d + 1)/4 · d³⌉ and thins by 3d', () => {
    // m = 20: d = 19, ln 20 / 4 × 6,859 = 5,136.9 → 5,137; 3 × 19 = 57.
    expect(defaultHitAndRun(20)).toEqual({ burnIn: 5137, thin: 57 });
  });
});

describe('interiorPoint', () => {
  it('finds the point furthest inside the constraints', () => {
    const p = interiorPoint(constraints(2, { atLeast: [['c0', 'c1']] }));
    // w₁ − w₂ ≥ r, w₂ ≥ r, sum 1: the margin is largest (⅓) at (⅔, ⅓).
    expect(p[0]).toBeCloseTo(2 / 3, 9);
    expect(p[1]).toBeCloseTo(1 / 3, 9);
  });

  it('names impossible or degenerate constraints', () => {
    expect(() => interiorPoint(constraints(3, { shareBounds: { c0: { min: 0.6 }, c1: { min: 0.6 } } }))).toThrow(/cannot all hold/);
    expect(() =>
      interiorPoint(
        constraints(3, {
          atLeast: [
            ['c0', 'c1'],
            ['c1', 'c0'],
          ],
        }),
      ),
    ).toThrow(/no room/);
  });
});
