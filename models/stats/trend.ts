import { z } from 'zod';
import { normalTwoSided, Z975 } from './gamma';

/**
 * The long-run trend of a monthly count series: a Poisson log-linear
 * regression of the count on time (in years) with a month-of-year effect,
 * fitted by iteratively reweighted least squares (IRLS),
 *
 *   log E[count] = a + b · years + s(month of year),
 *
 * so exp(b) − 1 is the annual rate of change after allowing for the season.
 * The dispersion φ is Pearson's χ² over the residual degrees of freedom; when
 * it is above 1 (counts vary more than Poisson) the standard error of b is
 * multiplied by √φ (quasi-Poisson), so the 95% interval widens accordingly.
 *
 * Months without data are left out, never read as zero. The month-of-year
 * effect is fitted only with at least 24 months (two of most calendar
 * months); with 6 to 23 months the model is trend only.
 */

export const TrendFit = z.object({
  /** Months fitted. */
  months: z.number().int(),
  first: z.string(),
  last: z.string(),
  seasonal: z.boolean(),
  /** Residual degrees of freedom (months − parameters). */
  df: z.number().int(),
  /** Pearson χ² ÷ df: 1 is Poisson variation, above 1 overdispersed. */
  dispersion: z.number(),
  /** True when the interval allows for dispersion above 1. */
  quasi: z.boolean(),
  /** Slope on the log scale, per year, and its standard error (quasi-Poisson when `quasi`). */
  slope: z.number(),
  se: z.number(),
  /** Annual rate of change as a fraction (exp(slope) − 1) and its 95% interval. */
  annualChange: z.number(),
  lower: z.number(),
  upper: z.number(),
  /** Two-sided p-value of no trend (Wald). */
  pValue: z.number(),
  /** The fitted count of every month fitted. */
  fitted: z.array(z.object({ month: z.string(), count: z.number(), fitted: z.number() })),
});
export type TrendFit = z.infer<typeof TrendFit>;

const SEASONAL_MIN = 24;
const TREND_MIN = 6;

/**
 * Fits the trend (see the module comment); null when there are too few months
 * or no counts at all.
 *
 * @example poissonTrend(series)?.annualChange // -0.062 (6.2% a year down)
 */
export function poissonTrend(series: readonly { month: string; count: number | null }[]): TrendFit | null {
  const data = series.filter((s): s is { month: string; count: number } => s.count !== null);
  const n = data.length;
  if (n < TREND_MIN || data.every((d) => d.count === 0)) return null;
  const first = data[0]!.month;
  const index = (m: string) => 12 * (Number(m.slice(0, 4)) - Number(first.slice(0, 4))) + Number(m.slice(5, 7)) - Number(first.slice(5, 7));
  const years = data.map((d) => index(d.month) / 12);
  const moy = data.map((d) => Number(d.month.slice(5, 7)));
  const seasonal = n >= SEASONAL_MIN;
  // One column per calendar month present after the first present (the reference).
  const levels = seasonal ? [...new Set(moy)].sort((a, b) => a - b).slice(1) : [];
  const p = 2 + levels.length;
  if (n - p < 1) return null;
  const X = data.map((_, i) => [1, years[i]!, ...levels.map((l) => (moy[i] === l ? 1 : 0))]);
  const y = data.map((d) => d.count);

  const mean = y.reduce((a, b) => a + b, 0) / n;
  let mu = y.map((v) => (v + mean) / 2 + 0.1);
  let eta = mu.map(Math.log);
  let beta: number[] = new Array<number>(p).fill(0);
  let deviance = Infinity;
  for (let iter = 0; iter < 25; iter++) {
    const z = eta.map((e, i) => e + (y[i]! - mu[i]!) / mu[i]!);
    const info = crossProduct(X, mu);
    const rhs = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) rhs[j]! += X[i]![j]! * mu[i]! * z[i]!;
    beta = solve(info, rhs);
    eta = X.map((row) => row.reduce((s, x, j) => s + x * beta[j]!, 0));
    mu = eta.map(Math.exp);
    const dev = 2 * y.reduce((s, v, i) => s + (v > 0 ? v * Math.log(v / mu[i]!) : 0) - (v - mu[i]!), 0);
    // R glm.control: |Δdeviance| ÷ (|deviance| + 0.1) < 1e-8; one more step after that is within 1e-12 of the limit in practice.
    if (Math.abs(dev - deviance) < 1e-9 * (Math.abs(dev) + 0.1) || iter === 24) break;
    deviance = dev;
  }
  const info = crossProduct(X, mu);
  const df = n - p;
  const dispersion = y.reduce((s, v, i) => s + (v - mu[i]!) ** 2 / mu[i]!, 0) / df;
  const quasi = dispersion > 1;
  const unit = new Array<number>(p).fill(0);
  unit[1] = 1;
  const varSlope = solve(info, unit)[1]!;
  const se = Math.sqrt(varSlope * (quasi ? dispersion : 1));
  const slope = beta[1]!;
  return {
    months: n,
    first,
    last: data[n - 1]!.month,
    seasonal,
    df,
    dispersion,
    quasi,
    slope,
    se,
    annualChange: Math.expm1(slope),
    lower: Math.expm1(slope - Z975 * se),
    upper: Math.expm1(slope + Z975 * se),
    pValue: normalTwoSided(slope / se),
    fitted: data.map((d, i) => ({ month: d.month, count: d.count, fitted: mu[i]! })),
  };
}

/** X'WX with weights w. */
function crossProduct(X: readonly number[][], w: readonly number[]): number[][] {
  const p = X[0]!.length;
  const out = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    for (let j = 0; j < p; j++) {
      const a = row[j]! * w[i]!;
      if (a === 0) continue;
      for (let k = j; k < p; k++) out[j]![k]! += a * row[k]!;
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) out[j]![k] = out[k]![j]!;
  return out;
}

/** Solves A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solve(A: readonly number[][], b: readonly number[]): number[] {
  const p = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const d = M[c]![c]!;
    for (let r = c + 1; r < p; r++) {
      const f = M[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= p; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    let s = M[r]![p]!;
    for (let k = r + 1; k < p; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

/**
 * The trend in words.
 *
 * @example trendWords(fit) // 'down 6.2% a year (95% interval 2.1% to 10.1% down), Jan 2021 to Dec 2023'
 */
export function trendWords(t: Pick<TrendFit, 'annualChange' | 'lower' | 'upper'>): string {
  const pct = (x: number) => `${Math.abs(x * 100).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
  const signed = (x: number) => `${x < 0 ? '−' : x > 0 ? '+' : ''}${pct(x)}`;
  const dir = t.annualChange >= 0 ? 'up' : 'down';
  const clear = t.lower > 0 || t.upper < 0;
  return `${dir} ${pct(t.annualChange)} a year (95% interval ${signed(t.lower)} to ${signed(t.upper)}${clear ? '' : ', so no clear trend'})`;
}
