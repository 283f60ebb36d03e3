import { z } from 'zod';

/**
 * Weights are 0 to 1,000: only their ratios matter, and this keeps every
 * total finite (a project file weight of 1e308 made every total ∞).
 */
export const MAX_WEIGHT = 1000;

/**
 * The risk-matrix model: criteria with scales and weights, the issues being
 * compared, their scores, and how scores are aggregated into a ranking.
 *
 * The seed is the Central Bedfordshire Partnership Strategic Assessment Risk
 * Matrix (CSP Plan 2014-15, Appendix A): 9 criteria scored 0-5 (0 N/A, 1 Low,
 * 3 Medium, 5 High; 2 and 4 also used), every weight 1, total = plain sum.
 */

/** A named point on a criterion's scale, e.g. { value: 3, label: 'Medium' }. */
export const ScaleLevel = z.object({
  value: z.number(),
  label: z.string().min(1),
  description: z.string().optional(),
});
export type ScaleLevel = z.infer<typeof ScaleLevel>;

/**
 * A criterion's scale. Scores are whole numbers from `min` to `max`; `levels`
 * name some or all of them (the seed names 0, 1, 3 and 5 and also uses 2 and 4).
 */
export const Scale = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    levels: z.array(ScaleLevel).min(1),
  })
  .refine((s) => s.max > s.min, { message: 'a scale needs max above min' })
  .refine((s) => s.levels.every((l) => l.value >= s.min && l.value <= s.max), { message: 'every labelled level must lie within the scale' });
export type Scale = z.infer<typeof Scale>;

/**
 * How a criterion is used. Harm and Likelihood drive the harm × likelihood
 * aggregation; Capacity (MoRiLE's organisational position, a separate axis)
 * and Confidence (how sure the scores are) never enter a total; the others
 * are groups for display.
 */
export const CriterionGroup = z.enum(['Harm', 'Likelihood', 'Priority', 'Cost', 'Performance', 'Confidence', 'Capacity', 'Other']);
export type CriterionGroup = z.infer<typeof CriterionGroup>;

export const Criterion = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'criterion ids are lower_snake_case' }),
  label: z.string().min(1),
  description: z.string(),
  group: CriterionGroup,
  scale: Scale,
  /** Non-negative; the seed gives every criterion weight 1. */
  weight: z
    .number()
    .nonnegative()
    .max(MAX_WEIGHT, { error: `a weight is at most ${MAX_WEIGHT}` }),
});
export type Criterion = z.infer<typeof Criterion>;

/**
 * How criterion scores become one total:
 * - `weighted-sum`: Σ weight × score (the seed, with every weight 1);
 * - `harm-x-likelihood`: (Σ weight × score over the Harm criteria) × the score of the likelihood criterion;
 * - `normalised-average`: Σ weight × (score − min)/(max − min) / Σ weight, on 0-100.
 * Criteria in the Capacity group (a separate axis) and the Confidence group (how sure the
 * scores are) never enter the total.
 */
export const Aggregation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weighted-sum') }),
  z.object({ kind: z.literal('harm-x-likelihood'), likelihood: z.string() }),
  z.object({ kind: z.literal('normalised-average') }),
]);
export type Aggregation = z.infer<typeof Aggregation>;

export const RiskModel = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    description: z.string().optional(),
    criteria: z.array(Criterion).min(1),
    aggregation: Aggregation,
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    for (const c of m.criteria) {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['criteria'], message: `criterion id "${c.id}" is used twice` });
      ids.add(c.id);
    }
    if (m.aggregation.kind === 'harm-x-likelihood' && !ids.has(m.aggregation.likelihood)) {
      ctx.addIssue({ code: 'custom', path: ['aggregation', 'likelihood'], message: `no criterion "${m.aggregation.likelihood}" to use as likelihood` });
    }
  });
export type RiskModel = z.infer<typeof RiskModel>;

export const Issue = z.object({
  // Objects keyed by issue id lose a "__proto__" key when read (it sets the prototype), so that one id is refused.
  id: z
    .string()
    .min(1)
    .refine((id) => id !== '__proto__', { error: 'the issue id "__proto__" cannot be used: give the issue another id' }),
  label: z.string().min(1),
});
export type Issue = z.infer<typeof Issue>;

export const Confidence = z.enum(['High', 'Medium', 'Low']);
export type Confidence = z.infer<typeof Confidence>;

/** One cell of the grid. `value` null means not yet scored (counts as the scale minimum, and is flagged). */
export const Score = z.object({
  value: z.number().nullable(),
  rationale: z.string().optional(),
  confidence: Confidence.optional(),
});
export type Score = z.infer<typeof Score>;

/** Scores by issue id, then criterion id. */
export const ScoreGrid = z.record(z.string(), z.record(z.string(), Score));
export type ScoreGrid = z.infer<typeof ScoreGrid>;

/** Weights by criterion id (overrides the model's own weights, for what-ifs). */
export const Weights = z.record(
  z.string(),
  z
    .number()
    .nonnegative()
    .max(MAX_WEIGHT, { error: `a weight is at most ${MAX_WEIGHT}` }),
);
export type Weights = z.infer<typeof Weights>;
