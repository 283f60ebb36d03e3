import { logGamma } from './gamma';

/**
 * Binomial tails, exact to double precision: the exact test of a change
 * between two Poisson counts (evidence/change.ts) rests on them.
 */

function logBinomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p), summed outward from k so that terms shrink
 * (exact to double precision; stops once terms no longer change the sum).
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // Sum the shorter, decreasing side: below k when k is under the mean, else 1 − P(X ≥ k + 1).
  if (k <= n * p) return sumDown(k, n, p);
  return Math.max(0, 1 - sumUp(k + 1, n, p));
}

/** P(X ≥ k). */
export function binomialSf(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (k >= n * p) return sumUp(k, n, p);
  return Math.max(0, 1 - sumDown(k - 1, n, p));
}

function sumDown(k: number, n: number, p: number): number {
  let term = Math.exp(logBinomialPmf(k, n, p));
  let sum = term;
  const ratio = (1 - p) / p;
  for (let j = k; j > 0; j--) {
    term *= (j / (n - j + 1)) * ratio; // pmf(j − 1) / pmf(j)
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

function sumUp(k: number, n: number, p: number): number {
  let term = Math.exp(logBinomialPmf(k, n, p));
  let sum = term;
  const ratio = p / (1 - p);
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * ratio; // pmf(j + 1) / pmf(j)
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return Math.min(1, sum);
}
