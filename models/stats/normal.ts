/**
 * The normal tail by a fast closed form, for the hot-spot engine's tens of
 * thousands of cells a month. `normalTwoSided` in ./gamma is the exact form
 * (through the incomplete gamma) used where a handful of tests are reported;
 * the two agree to the 1.2e-7 relative error below.
 */

/**
 * erfc(x) by the Chebyshev fit of Numerical Recipes (Press et al., 2nd ed.,
 * §6.2, `erfcc`): fractional error below 1.2e-7 everywhere, so tail
 * probabilities keep their precision far out (z = 10 gives 1.5e-23).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal z. @example twoSidedP(1.959964) // 0.05 */
export const twoSidedP = (z: number): number => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
