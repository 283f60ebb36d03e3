import type { LinearProblem } from './problem';
import { competitionRanks, isAbove } from './ranks';

/**
 * One weight moving, the others held: criterion j's raw weight becomes x and
 * every other raw weight stays as it is (so the others keep their proportions
 * to each other while j's share rises or falls). Each issue's total is then a
 * straight line in x, y_i(x) = base_i + slope_i × x (up to a positive factor
 * that never changes the order), and the ranking can only change where two
 * lines cross: the breakpoints.
 */
export interface OneWayLines {
  criterion: number;
  /** The raw weight now. */
  current: number;
  /** Σ of the other raw weights: criterion j's share at weight x is x / (x + rest). */
  rest: number;
  base: Float64Array;
  slope: Float64Array;
  /** Every x > 0 where two issues' lines cross, ascending, without repeats. */
  breakpoints: number[];
}

/**
 * The lines and breakpoints for criterion `j`.
 *
 * @example oneWayLines(seed, 2).breakpoints.includes(1.25) // Domestic Abuse (32 + x) meets ASB (Personal) (27 + 5x)
 */
export function oneWayLines(p: LinearProblem, j: number): OneWayLines {
  const { n, m, effective, rawWeights } = p;
  const base = new Float64Array(n);
  const slope = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let l = 0; l < m; l++) if (l !== j) b += rawWeights[l]! * effective[i * m + l]!;
    base[i] = b;
    slope[i] = effective[i * m + j]!;
  }
  const points: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const ds = slope[a]! - slope[b]!;
      if (ds === 0) continue;
      const x = (base[b]! - base[a]!) / ds;
      if (x > 0 && Number.isFinite(x)) points.push(x);
    }
  }
  points.sort((x, y) => x - y);
  const breakpoints = points.filter((x, k) => k === 0 || x - points[k - 1]! > 1e-12 * Math.max(1, x));
  const current = rawWeights[j]!;
  return { criterion: j, current, rest: rawWeights.reduce((s, w) => s + w, 0) - current, base, slope, breakpoints };
}

/** Every issue's shared rank when the criterion's raw weight is `x`. */
export function ranksAt(lines: OneWayLines, x: number): Int32Array {
  const y = new Float64Array(lines.base.length);
  for (let i = 0; i < y.length; i++) y[i] = lines.base[i]! + lines.slope[i]! * x;
  return competitionRanks(y);
}

/** One issue's shared rank when the criterion's raw weight is `x` (O(n), for scans over many points). */
export function rankOfAt(lines: OneWayLines, i: number, x: number): number {
  const yi = lines.base[i]! + lines.slope[i]! * x;
  let r = 1;
  for (let k = 0; k < lines.base.length; k++) if (isAbove(lines.base[k]! + lines.slope[k]! * x, yi)) r++;
  return r;
}

/** The criterion's share of the total weight when its raw weight is `x` (others held). */
export const shareAt = (lines: OneWayLines, x: number): number => (x + lines.rest > 0 ? x / (x + lines.rest) : 1);

/** A point strictly between breakpoint `x` and the next one above it (or beyond the last). */
export function justAbove(lines: OneWayLines, x: number): number {
  const next = lines.breakpoints.find((b) => b > x * (1 + 1e-12) + 1e-15);
  return next === undefined ? (x === 0 ? 1 : x * 2) + 1 : (x + next) / 2;
}

/** A point strictly between breakpoint `x` and the one below it (or 0). */
export function justBelow(lines: OneWayLines, x: number): number {
  let prev = 0;
  for (const b of lines.breakpoints) if (b < x * (1 - 1e-12)) prev = b;
  return (prev + x) / 2;
}
