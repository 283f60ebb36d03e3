import { describe, expect, it } from 'vitest';
import { changePercentText, describeChange, poissonChangeTest, relativeChange } from '../../../models/evidence/change';
import { binomialCdf, binomialSf } from '../../../models/stats/binomial';
import { logGamma } from '../../../models/stats/gamma';

describe('logGamma', () => {
  it('matches factorials and published values', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // scipy.special.gammaln
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 9);
    expect(logGamma(12345.678) / 103959.91990554606).toBeCloseTo(1, 12);
  });
});

/** Exact binomial tail with BigInt arithmetic, as an independent check. */
function exactTailHalf(k: number, n: number): number {
  let c = 1n;
  let sum = 0n;
  for (let j = 0; j <= k; j++) {
    sum += c;
    c = (c * BigInt(n - j)) / BigInt(j + 1);
  }
  const SCALE = 10n ** 30n;
  return Number((sum * SCALE) / 2n ** BigInt(n)) / 1e30;
}

describe('binomialCdf and binomialSf', () => {
  it('agree with exact rational sums', () => {
    for (const [k, n] of [
      [3, 10],
      [40, 100],
      [90, 200],
      [150, 301],
    ] as const) {
      expect(binomialCdf(k, n, 0.5)).toBeCloseTo(exactTailHalf(k, n), 12);
      expect(binomialSf(n - k, n, 0.5)).toBeCloseTo(exactTailHalf(k, n), 12);
    }
  });

  it('handles the ends', () => {
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialSf(0, 10, 0.5)).toBe(1);
    expect(binomialSf(11, 10, 0.5)).toBe(0);
  });
});

describe('poissonChangeTest', () => {
  // Reference p-values: scipy.stats.binomtest(current, previous + current, 0.5).pvalue
  it.each([
    [3, 7, 0.34375],
    [0, 5, 0.0625],
    [40, 60, 0.05688793364098089],
    [10, 22, 0.050102459732443094],
    [719, 948, 2.234857821175047e-8],
    [1849, 1700, 0.012968664850485805],
    [2030, 1957, 0.2541690175975835],
    [11813, 11901, 0.5721026478480166],
  ])('previous %i, current %i: p = %f', (previous, current, p) => {
    const t = poissonChangeTest(previous, current);
    expect(t.pValue / p).toBeCloseTo(1, 8);
    expect(t.words).toBe(p < 0.05 ? 'significant at 5%' : 'not significant');
  });

  it('gives p = 1 for no change and for nothing at all', () => {
    expect(poissonChangeTest(128, 128).pValue).toBe(1);
    expect(poissonChangeTest(0, 0).pValue).toBe(1);
  });

  it('accounts for unequal months with data (twice the smaller tail of Binomial(n, t2 / (t1 + t2)))', () => {
    // scipy: 2 * min(binom.cdf(k, n, p), binom.sf(k - 1, n, p))
    expect(poissonChangeTest(100, 60, { previous: 12, current: 6 }).pValue).toBeCloseTo(0.30126593833385146, 10);
    expect(poissonChangeTest(50, 10, { previous: 12, current: 3 }).pValue).toBeCloseTo(0.64680655037897, 10);
    // Violence against the person fell 8% on equal periods (significant), but with one month fewer stored it is flat per month.
    expect(poissonChangeTest(1849, 1700, { previous: 12, current: 11 }).pValue).toBeCloseTo(0.9421549023072875, 8);
  });
});

describe('relativeChange', () => {
  it('compares counts per month with data', () => {
    expect(relativeChange(719, 948)).toBeCloseTo(229 / 719, 12);
    expect(relativeChange(120, 55, { previous: 12, current: 6 })).toBeCloseTo(-1 / 12, 12);
    expect(relativeChange(0, 5)).toBeNull();
    expect(relativeChange(5, 5, { previous: 0, current: 12 })).toBeNull();
  });
});

describe('changePercentText', () => {
  it('rounds to a whole percent, with one decimal place below 1%', () => {
    expect(changePercentText(229 / 719)).toBe('32%');
    expect(changePercentText(-149 / 1849)).toBe('8%');
    expect(changePercentText(-11 / 269)).toBe('4%');
    expect(changePercentText(88 / 11813)).toBe('0.7%');
    expect(changePercentText(0.0096)).toBe('1%');
    expect(changePercentText(0.0004)).toBe('0%');
    expect(changePercentText(0)).toBe('0%');
  });
});

describe('describeChange', () => {
  it('writes the change as the Central Bedfordshire plan does', () => {
    expect(describeChange(719, 948)).toBe('Up 229 (32%)');
    expect(describeChange(269, 258)).toBe('Down 11 (4%)');
    expect(describeChange(128, 128)).toBe('No change');
    expect(describeChange(11813, 11901)).toBe('Up 88 (0.7%)');
    expect(describeChange(0, 5)).toBe('Up 5 (none the period before)');
  });

  it('compares per month when the periods have different months with data', () => {
    expect(describeChange(120, 66, { previous: 12, current: 6 })).toBe('Up 10% a month on average');
    expect(describeChange(120, 60, { previous: 12, current: 6 })).toBe('No change a month on average');
  });
});
