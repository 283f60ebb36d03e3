import { formatCount } from '../format';
import { binomialCdf, binomialSf } from '../stats/binomial';

/**
 * Change between two periods' counts, and whether it is more than chance.
 *
 * The test: crime counts are treated as Poisson. For two Poisson counts n1
 * (previous) and n2 (current) over exposures t1 and t2 (months stored), the
 * conditional distribution of n2 given n1 + n2 is Binomial(n1 + n2, t2 / (t1
 * + t2)) when the underlying monthly rates are equal, so equal rates are
 * tested exactly with a binomial test on n2 (Przyborowski and Wilenski,
 * Biometrika 31, 1940; the "C-test" of Krishnamoorthy and Thomson, Journal of
 * Statistical Planning and Inference 119, 2004). The two-sided p-value is
 * twice the smaller tail, capped at 1; with equal periods (p = 0.5, a
 * symmetric distribution) this is the same p-value as R's binom.test.
 */

/** Significance level used for the words "significant at 5%". */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface ChangeTest {
  /** Two-sided p-value of equal monthly rates. */
  pValue: number;
  significant: boolean;
  /** "significant at 5%" or "not significant". */
  words: string;
}

/**
 * Tests whether the current period's monthly rate differs from the previous
 * one's (exact conditional test for two Poisson counts, two-sided).
 *
 * @param previous count in the previous period
 * @param current count in the current period
 * @param exposure months stored in each period (equal by default)
 * @example poissonChangeTest(719, 948).words // 'significant at 5%'
 */
export function poissonChangeTest(previous: number, current: number, exposure: { previous: number; current: number } = { previous: 1, current: 1 }): ChangeTest {
  const n = previous + current;
  const p = exposure.current / (exposure.previous + exposure.current);
  const pValue = n === 0 ? 1 : Math.min(1, 2 * Math.min(binomialCdf(current, n, p), binomialSf(current, n, p)));
  const significant = pValue < SIGNIFICANCE_LEVEL;
  return { pValue, significant, words: significant ? 'significant at 5%' : 'not significant' };
}

/**
 * Relative change as a fraction, comparing counts per stored month (so a
 * period with a missing month is not read as a fall). Null when the previous
 * period has nothing to compare with.
 *
 * @example relativeChange(719, 948) // 0.3185 (a 31.85% rise)
 */
export function relativeChange(previous: number, current: number, exposure: { previous: number; current: number } = { previous: 1, current: 1 }): number | null {
  if (exposure.previous <= 0 || exposure.current <= 0) return null;
  const before = previous / exposure.previous;
  const after = current / exposure.current;
  if (before === 0) return null;
  return (after - before) / before;
}

/**
 * A percentage as the Central Bedfordshire plan prints one: whole percent,
 * unsigned (the words say up or down), and one decimal place below 1% (the
 * plan's "Up 88 (0.7%)" for 0.745%; every larger change is a whole percent).
 *
 * @example changePercentText(0.3185) // '32%'
 * @example changePercentText(-0.0409) // '4%'
 * @example changePercentText(0.00745) // '0.7%'
 */
export function changePercentText(fraction: number): string {
  const pct = Math.abs(fraction) * 100;
  const tenths = Math.round(pct * 10) / 10;
  if (tenths < 1 && pct > 0) return `${tenths.toLocaleString('en-GB')}%`;
  return `${Math.round(pct).toLocaleString('en-GB')}%`;
}

/**
 * The change in words, as the Central Bedfordshire plan's crime-change table
 * writes it.
 *
 * @example describeChange(719, 948) // 'Up 229 (32%)'
 * @example describeChange(1849, 1700) // 'Down 149 (8%)'
 * @example describeChange(128, 128) // 'No change'
 */
export function describeChange(previous: number, current: number, exposure: { previous: number; current: number } = { previous: 1, current: 1 }): string {
  const equal = exposure.previous === exposure.current;
  const rel = relativeChange(previous, current, exposure);
  if (equal) {
    const diff = current - previous;
    if (diff === 0) return 'No change';
    const pct = rel === null ? 'none the period before' : changePercentText(rel);
    return `${diff > 0 ? 'Up' : 'Down'} ${formatCount(Math.abs(diff))} (${pct})`;
  }
  // Unequal periods (months missing): compare per stored month.
  if (rel === null) return previous === 0 && current > 0 ? 'Up (none the period before)' : 'No comparison';
  if (rel === 0) return 'No change a month on average';
  return `${rel > 0 ? 'Up' : 'Down'} ${changePercentText(rel)} a month on average`;
}
