import { z } from 'zod';
import { Judgement } from './pairwise';

/**
 * How a weight set was agreed: the elicitation method, the answers given and
 * when. Kept with the weight set in the assessment, so "whose weights are
 * these and how were they reached?" can always be answered.
 */
export const WeightProvenance = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('ranking'),
    /** Rank-order centroid or rank sum. */
    variant: z.enum(['roc', 'rank-sum']),
    /** Criterion ids, most important first. */
    order: z.array(z.string()).min(1),
    date: z.number(),
    by: z.string().optional(),
  }),
  z.object({
    method: z.literal('swing'),
    /** [criterion id, points 0-100]; the most important swing has 100. */
    points: z.array(z.tuple([z.string(), z.number().min(0).max(100)])).min(1),
    date: z.number(),
    by: z.string().optional(),
  }),
  z.object({
    method: z.literal('pairwise'),
    criteria: z.array(z.string()).min(2),
    judgements: z.array(Judgement),
    /** The consistency ratio when the set was saved. */
    cr: z.number().nonnegative(),
    date: z.number(),
    by: z.string().optional(),
  }),
  z.object({
    /** Partners' weight sets combined (models/workshop/weights.ts). */
    method: z.literal('partners'),
    how: z.enum(['mean', 'median']),
    /** Each partner, where their weights came from, and their shares [criterion id, share]. */
    partners: z.array(z.object({ partner: z.string(), source: z.string(), shares: z.array(z.tuple([z.string(), z.number().min(0).max(1)])) })).min(2),
    date: z.number(),
    by: z.string().optional(),
  }),
]);
export type WeightProvenance = z.infer<typeof WeightProvenance>;
