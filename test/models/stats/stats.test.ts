import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../models/stats/fdr';
import { chiSquare1Sf, normalTwoSided } from '../../../models/stats/gamma';
import { poissonTrend, trendWords } from '../../../models/stats/trend';
import { quasiPoissonChangeTest } from '../../../models/evidence/overdispersion';
import { poissonChangeTest } from '../../../models/evidence/change';
import { addMonths } from '../../../models/months';

// Reference values: test/models/stats/reference.py (python3 + numpy/scipy, written separately):
// BH by hand (sorted, p·m/rank, running minimum from the top, as R's p.adjust "BH"); the quasi-Poisson
// change p-value as scipy.stats.chi2.sf(G / φ, 1) with G the two-count likelihood-ratio statistic; the
// trend by an IRLS loop in numpy (np.linalg.solve on X'WX, month-of-year dummies with January or the
// first month as reference), Pearson χ²/df, se × √φ when φ > 1, 95% interval with z = 1.959963984540054.

const series = (start: string, counts: readonly (number | null)[]) => counts.map((count, i) => ({ month: addMonths(start, i), count }));

describe('benjaminiHochberg', () => {
  it('matches a hand-written BH (R p.adjust "BH")', () => {
    const got = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.001, 0.5, 0.049]);
    const want = [0.035, 0.0686, 0.0686, 0.23333333333333336, 0.007, 0.5, 0.0686];
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 14));
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
  });
});

describe('chi-square and normal tails', () => {
  it('give the textbook 5% points', () => {
    expect(chiSquare1Sf(3.841458820694124)).toBeCloseTo(0.05, 12);
    expect(normalTwoSided(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(normalTwoSided(0)).toBe(1);
  });
});

describe('quasiPoissonChangeTest', () => {
  it('scales the likelihood-ratio statistic by the dispersion (scipy chi2.sf(G/φ, 1))', () => {
    expect(quasiPoissonChangeTest(120, 150, { previous: 12, current: 12 }, 2.5).pValue).toBeCloseTo(0.24772460266906005, 12);
    expect(quasiPoissonChangeTest(719, 948, { previous: 12, current: 12 }, 3.1).pValue).toBeCloseTo(0.0014197204281049317, 12);
    const unequal = quasiPoissonChangeTest(40, 25, { previous: 11, current: 12 }, 1.7);
    expect(unequal).toMatchObject({ test: 'quasi-poisson', dispersion: 1.7, significant: false });
    expect(unequal.pValue).toBeCloseTo(0.0888678717377508, 12);
  });

  it('keeps the exact Poisson test when there is no overdispersion or when asked', () => {
    const exact = poissonChangeTest(120, 150, { previous: 12, current: 12 });
    expect(quasiPoissonChangeTest(120, 150, { previous: 12, current: 12 }, 0.8)).toMatchObject({ test: 'exact-poisson', pValue: exact.pValue });
    expect(quasiPoissonChangeTest(120, 150, { previous: 12, current: 12 }, 2.5, 'exact-poisson')).toMatchObject({ test: 'exact-poisson', pValue: exact.pValue, exactPValue: exact.pValue });
    expect(quasiPoissonChangeTest(0, 0, { previous: 12, current: 12 }, 2)).toMatchObject({ pValue: 1 });
  });
});

describe('poissonTrend', () => {
  it('fits a seasonal Poisson trend like an independent numpy IRLS (36 months, underdispersed)', () => {
    const counts = [52, 47, 55, 61, 58, 66, 70, 64, 59, 57, 50, 49, 48, 45, 51, 57, 60, 62, 66, 60, 55, 52, 47, 44, 44, 41, 49, 52, 55, 58, 61, 57, 50, 49, 44, 40];
    const t = poissonTrend(series('2021-01', counts))!;
    expect(t).toMatchObject({ months: 36, seasonal: true, df: 23, quasi: false });
    expect(t.slope).toBeCloseTo(-0.06827003289767708, 9);
    expect(t.dispersion).toBeCloseTo(0.02575502731434044, 9);
    expect(t.annualChange).toBeCloseTo(-0.06599177342662421, 9);
    expect(t.lower).toBeCloseTo(-0.1156510298493972, 9);
    expect(t.upper).toBeCloseTo(-0.013543977827916234, 9);
    expect(t.pValue).toBeCloseTo(0.01431852704545952, 9);
    expect(trendWords(t)).toBe('down 6.6% a year (95% interval −11.6% to −1.4%)');
  });

  it('widens the interval by √φ when the counts are overdispersed (starting in April)', () => {
    const counts = [30, 62, 41, 75, 38, 80, 52, 90, 35, 70, 44, 58, 60, 33, 85, 47, 92, 40, 70, 55, 88, 36, 64, 50, 72, 45, 95, 52, 99, 48, 81, 60, 97, 41, 77, 66];
    const t = poissonTrend(series('2021-04', counts))!;
    expect(t).toMatchObject({ df: 23, quasi: true });
    expect(t.dispersion).toBeCloseTo(7.239555871228908, 9);
    expect(t.se).toBeCloseTo(0.07001250900673811, 9);
    expect(t.annualChange).toBeCloseTo(0.1124610048569057, 9);
    expect(t.lower).toBeCloseTo(-0.03018244566559574, 9);
    expect(t.upper).toBeCloseTo(0.2760848489452153, 9);
    expect(t.pValue).toBeCloseTo(0.12795310260016665, 9);
    expect(trendWords(t)).toBe('up 11.2% a year (95% interval −3.0% to +27.6%, so no clear trend)');
  });

  it('fits trend only under 24 months, leaving out a month without data', () => {
    const t = poissonTrend(series('2023-01', [10, 12, 9, 14, null, 13, 15, 11, 16, 18, 14, 17]))!;
    expect(t).toMatchObject({ months: 11, seasonal: false, df: 9 });
    expect(t.slope).toBeCloseTo(0.518644280396854, 9);
    expect(t.dispersion).toBeCloseTo(0.29504418924439973, 9);
    expect(t.lower).toBeCloseTo(-0.028692797024651953, 9);
    expect(t.upper).toBeCloseTo(1.904906034304291, 9);
  });

  it('gives no trend with too few months or no counts', () => {
    expect(poissonTrend(series('2023-01', [1, 2, 3]))).toBeNull();
    expect(poissonTrend(series('2023-01', [0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});

describe('the two normal tails agree', () => {
  it('the fast erfc form (hot spots) is within 1.2e-7 relative of the incomplete-gamma form', async () => {
    const { twoSidedP } = await import('../../../models/stats/normal');
    for (let z = -8; z <= 8; z += 0.0625) expect(Math.abs(twoSidedP(z) - normalTwoSided(z)) / normalTwoSided(z)).toBeLessThan(1.2e-7);
  });
});
