import { chiSquare1Sf } from '../stats/gamma';
import { poissonChangeTest, SIGNIFICANCE_LEVEL, type ChangeTest } from './change';

/**
 * The change test allowing for overdispersion (quasi-Poisson).
 *
 * Monthly crime counts usually vary more than Poisson: the variance is φ
 * times the mean, with φ (the dispersion) estimated from the monthly
 * series around its trend and season (models/stats/trend). Under equal
 * monthly rates the likelihood-ratio statistic for two Poisson counts n1, n2
 * over exposures t1, t2,
 *
 *   G = 2 Σ nᵢ log(nᵢ ÷ eᵢ),  eᵢ = (n1 + n2) tᵢ ÷ (t1 + t2),
 *
 * is χ² with 1 degree of freedom; with dispersion φ the quasi-likelihood
 * statistic is G ÷ φ (McCullagh and Nelder, Generalized Linear Models, 2nd
 * edition, §9.2), referred to χ²₁. When φ ≤ 1 (no overdispersion) the exact
 * conditional Poisson test is used as before; `exact-poisson` always uses it.
 */

export const CHANGE_TESTS = ['quasi-poisson', 'exact-poisson'] as const;
export type ChangeTestChoice = (typeof CHANGE_TESTS)[number];

export interface DispersedChangeTest extends ChangeTest {
  test: ChangeTestChoice;
  /** The dispersion used (null: none estimated). */
  dispersion: number | null;
  /** The exact Poisson p-value, always given for comparison. */
  exactPValue: number;
}

/**
 * @example quasiPoissonChangeTest(120, 150, { previous: 12, current: 12 }, 2.5).pValue // 0.2036…
 */
export function quasiPoissonChangeTest(
  previous: number,
  current: number,
  exposure: { previous: number; current: number },
  dispersion: number | null,
  choice: ChangeTestChoice = 'quasi-poisson',
): DispersedChangeTest {
  const exact = poissonChangeTest(previous, current, exposure);
  if (choice === 'exact-poisson' || dispersion === null || !(dispersion > 1)) return { ...exact, test: 'exact-poisson', dispersion, exactPValue: exact.pValue };
  const n = previous + current;
  const t = exposure.previous + exposure.current;
  const term = (k: number, e: number) => (k > 0 ? k * Math.log(k / e) : 0);
  const g = n === 0 ? 0 : 2 * (term(previous, (n * exposure.previous) / t) + term(current, (n * exposure.current) / t));
  const pValue = Math.min(1, chiSquare1Sf(Math.max(0, g) / dispersion));
  const significant = pValue < SIGNIFICANCE_LEVEL;
  return { pValue, significant, words: significant ? 'significant at 5%' : 'not significant', test: 'quasi-poisson', dispersion, exactPValue: exact.pValue };
}
