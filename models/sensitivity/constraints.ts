import { z } from 'zod';
import type { LinearProblem } from './problem';

/**
 * What a partnership may state about its weights, as shares of the total
 * weight: an importance order ("community concern matters at least as much as
 * cost"), and bounds on a criterion's share ("physical harm carries between
 * 10% and 30% of the weight").
 */
export const WeightConstraints = z.object({
  /** Criterion ids from most to least important: each weighs at least as much as the next (may name only some criteria). */
  order: z.array(z.string()).default([]),
  /** Further pairs [more, less]: the first weighs at least as much as the second. */
  atLeast: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Bounds on criteria's shares of the total weight, 0 to 1. */
  shareBounds: z.record(z.string(), z.object({ min: z.number().min(0).max(1).default(0), max: z.number().min(0).max(1).default(1) })).default({}),
});
export type WeightConstraints = z.infer<typeof WeightConstraints>;
export type WeightConstraintsInput = z.input<typeof WeightConstraints>;

/** Constraints by criterion index: lo ≤ share ≤ hi, and share[a] ≥ share[b] for each pair. */
export interface ResolvedConstraints {
  lo: Float64Array;
  hi: Float64Array;
  pairs: [number, number][];
  /** The stated order as indices (a chain), kept separately because it can be sampled exactly. */
  chain: number[];
  /** True when only a chain is stated: weights can then be sampled exactly by sorting. */
  chainOnly: boolean;
  /** True when nothing is stated. */
  none: boolean;
}

/**
 * Checks stated constraints against a problem's criteria and turns ids into indices.
 *
 * @example resolveConstraints(p, { order: ['physical_harm_to_victim', 'cost_impact'] }).chainOnly // true
 */
export function resolveConstraints(p: LinearProblem, input: WeightConstraintsInput | undefined): ResolvedConstraints {
  const c = WeightConstraints.parse(input ?? {});
  const index = (id: string): number => {
    const j = p.criteria.findIndex((x) => x.id === id);
    if (j >= 0) return j;
    const ig = p.ignored.find((x) => x.id === id);
    throw new Error(ig ? `criterion "${ig.label}" carries no weight here (${ig.reason})` : `no criterion "${id}" in this model`);
  };
  const chain = c.order.map(index);
  if (new Set(chain).size !== chain.length) throw new Error('the importance order names a criterion twice');
  const pairs: [number, number][] = chain.slice(1).map((b, k) => [chain[k]!, b]);
  for (const [more, less] of c.atLeast) {
    if (more === less) throw new Error(`"${more}" cannot be stated as more important than itself`);
    pairs.push([index(more), index(less)]);
  }
  const lo = new Float64Array(p.m);
  const hi = new Float64Array(p.m).fill(1);
  for (const [id, b] of Object.entries(c.shareBounds)) {
    const j = index(id);
    if (b.min > b.max) throw new Error(`the lowest share for "${p.criteria[j]!.label}" is above the highest`);
    lo[j] = b.min;
    hi[j] = b.max;
  }
  const bounded = lo.some((x) => x > 0) || hi.some((x) => x < 1);
  return { lo, hi, pairs, chain, chainOnly: !bounded && c.atLeast.length === 0 && chain.length > 1, none: !bounded && pairs.length === 0 };
}

/** Whether a share vector meets the constraints (to a tolerance). */
export function meetsConstraints(rc: ResolvedConstraints, shares: ArrayLike<number>, tol = 1e-9): boolean {
  for (let j = 0; j < rc.lo.length; j++) if (shares[j]! < rc.lo[j]! - tol || shares[j]! > rc.hi[j]! + tol) return false;
  return rc.pairs.every(([a, b]) => shares[a]! >= shares[b]! - tol);
}
