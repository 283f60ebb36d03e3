import { z } from 'zod';
import type { LinearProblem } from './problem';

/**
 * How far a score may plausibly lie from the one given, in whole scale levels,
 * by the confidence recorded with it. Default: High ±0, Medium ±1, Low ±2;
 * a score with no confidence recorded is taken as given (±0).
 */
export const ConfidenceSpread = z.object({
  High: z.number().int().min(0).max(100).default(0),
  Medium: z.number().int().min(0).max(100).default(1),
  Low: z.number().int().min(0).max(100).default(2),
  unstated: z.number().int().min(0).max(100).default(0),
});
export type ConfidenceSpread = z.infer<typeof ConfidenceSpread>;
export type ConfidenceSpreadInput = z.input<typeof ConfidenceSpread>;

export const DEFAULT_SPREAD: ConfidenceSpread = ConfidenceSpread.parse({});

/**
 * The cells whose scores are uncertain, as flat arrays for the sampler.
 * `target` 0 is a weighted criterion's cell (index into the n × m grid),
 * 1 is an issue's likelihood score (index = issue).
 */
export interface UncertainCells {
  count: number;
  target: Uint8Array;
  index: Int32Array;
  /** Lowest plausible level and how many levels there are (uniform over lo .. lo + levels − 1). */
  lo: Float64Array;
  levels: Int32Array;
}

/**
 * A score given as s with spread k may be any whole level from s − k to s + k
 * that lies on the scale, each equally likely. Whole levels, not a continuous
 * range, because the scale has only whole levels: an assessor could have
 * given 2, 3 or 4, never 3.4. Clipping keeps the levels that exist (5 ± 2 on a
 * 0-5 scale is 3, 4 or 5, each a third), rather than piling the excess on the
 * end of the scale.
 *
 * @example plausibleLevels(5, 2, 0, 5) // { lo: 3, levels: 3 }
 */
export function plausibleLevels(score: number, spread: number, min: number, max: number): { lo: number; levels: number } {
  const lo = Math.max(min, Math.ceil(score - spread));
  const hi = Math.min(max, Math.floor(score + spread));
  return { lo, levels: Math.max(1, hi - lo + 1) };
}

/** Every cell with more than one plausible level under the given spreads. */
export function uncertainCells(p: LinearProblem, spread: ConfidenceSpread): UncertainCells {
  const target: number[] = [];
  const index: number[] = [];
  const lo: number[] = [];
  const levels: number[] = [];
  const k = (conf: string | undefined) => (conf === 'High' || conf === 'Medium' || conf === 'Low' ? spread[conf] : spread.unstated);
  for (let i = 0; i < p.n; i++) {
    for (let j = 0; j < p.m; j++) {
      const c = p.criteria[j]!;
      const r = plausibleLevels(p.scores[i * p.m + j]!, k(p.confidence[i * p.m + j]), c.min, c.max);
      if (r.levels > 1) {
        target.push(0);
        index.push(i * p.m + j);
        lo.push(r.lo);
        levels.push(r.levels);
      }
    }
    if (p.likelihood !== null && p.likelihoodScores !== null) {
      const r = plausibleLevels(p.likelihoodScores[i]!, k(p.likelihoodConfidence?.[i]), p.likelihood.min, p.likelihood.max);
      if (r.levels > 1) {
        target.push(1);
        index.push(i);
        lo.push(r.lo);
        levels.push(r.levels);
      }
    }
  }
  return { count: target.length, target: Uint8Array.from(target), index: Int32Array.from(index), lo: Float64Array.from(lo), levels: Int32Array.from(levels) };
}
