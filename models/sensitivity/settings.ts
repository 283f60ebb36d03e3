import { z } from 'zod';
import { EditError } from '../risk-matrix/edit-error';
import { WeightConstraints, type WeightConstraintsInput } from './constraints';
import { DEFAULT_SEED } from '../stats/random';
import { PartnersRange, SmaaOptions, type SmaaOptionsInput } from './smaa';
import { ConfidenceSpread } from './uncertainty';

/**
 * How the partnership has set up its sensitivity analyses for one assessment:
 * the N of "top N", the tornado's weight change, and the SMAA run (samples,
 * seed, score uncertainty, importance order and weight limits). Kept with the
 * assessment (its optional `sensitivity` field) so the set-up survives a reload.
 */
export const SensitivitySettings = z.object({
  /** The N of the top-N views; unset follows the cut line (or 5 when none is drawn). */
  topN: z.number().int().min(1).optional(),
  /** The tornado's relative weight change, 0.5 for ±50%. */
  tornadoChange: z.number().min(0).max(1).default(0.5),
  samples: SmaaOptions.shape.samples,
  seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_SEED),
  /** Whether scores given with Medium or Low confidence are varied in SMAA. */
  varyScores: z.boolean().default(true),
  /** Scale levels a score may move by, by its confidence. */
  spread: ConfidenceSpread.prefault({}),
  /** SMAA around the weights in use: each weight within ±this share of itself (0.25 for ±25%); null samples every weighting (uniform). */
  around: z.number().min(0).max(0.95).nullable().default(null),
  /** The partners' range of weights (from the Partners' workshop), kept for SMAA; null until combined. */
  partnersRange: PartnersRange.nullable().default(null),
  /** Whether SMAA samples within the partners' range (needs `partnersRange`; takes precedence over `around`). */
  usePartnersRange: z.boolean().default(false),
  /** Importance order and weight limits for SMAA (and, when asked, for "what would it take"). */
  constraints: WeightConstraints.prefault({}),
});
export type SensitivitySettings = z.infer<typeof SensitivitySettings>;
export type SensitivitySettingsInput = z.input<typeof SensitivitySettings>;

/**
 * What these functions read of a stored assessment (`models/risk-matrix/assessment.ts`,
 * which holds a SensitivitySettings): said structurally so the two modules do not import each other.
 */
interface WithSettings {
  sensitivity?: SensitivitySettings | undefined;
}

/**
 * The assessment's settings with every default filled in.
 *
 * @example sensitivitySettings(a).seed // 1234 until the user sets another
 */
export function sensitivitySettings(a: WithSettings): SensitivitySettings {
  return SensitivitySettings.parse(a.sensitivity ?? {});
}

/**
 * The N the top-N views use: the stated N, else the cut line, else 5, never
 * more than the issues there are (and at least 1).
 *
 * @example topNOf(seed) // 5 (no cut line drawn)
 */
export function topNOf(a: WithSettings & { cutLine?: number | undefined; issues: readonly unknown[] }): number {
  const stated = a.sensitivity?.topN ?? (a.cutLine !== undefined && a.cutLine > 0 ? a.cutLine : 5);
  return Math.max(1, Math.min(stated, Math.max(1, a.issues.length)));
}

/**
 * Changes some settings; refuses values the analyses cannot use, naming them.
 *
 * @example updateSensitivitySettings(a, { seed: 42 }).sensitivity!.seed // 42
 */
export function updateSensitivitySettings<A extends WithSettings>(a: A, patch: SensitivitySettingsInput): A {
  const parsed = SensitivitySettings.safeParse({ ...sensitivitySettings(a), ...patch });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new EditError(`${first.path.join(' ') || 'setting'}: ${first.message}`);
  }
  return { ...a, sensitivity: parsed.data };
}

/**
 * The stated constraints reduced to the criteria that carry weight in the
 * problem at hand (a scenario may total differently, and criteria may have
 * been removed since the constraints were stated), with what was left out.
 *
 * @example constraintsFor({ order: ['likelihood', 'cost_impact'] }, ['cost_impact']) // { constraints: { order: ['cost_impact'], … }, dropped: ['likelihood'] }
 */
export function constraintsFor(input: WeightConstraintsInput, weighted: readonly string[]): { constraints: WeightConstraints; dropped: string[] } {
  const c = WeightConstraints.parse(input);
  const keep = new Set(weighted);
  const dropped = new Set<string>();
  const ok = (id: string) => keep.has(id) || (dropped.add(id), false);
  const order = c.order.filter(ok);
  const atLeast = c.atLeast.filter(([a, b]) => ok(a) && ok(b));
  const shareBounds = Object.fromEntries(Object.entries(c.shareBounds).filter(([id]) => ok(id)));
  return { constraints: { order: order.length > 1 ? order : [], atLeast, shareBounds }, dropped: [...dropped] };
}

/** Whether any constraint is stated. */
export const hasConstraints = (c: WeightConstraints): boolean => c.order.length > 1 || c.atLeast.length > 0 || Object.values(c.shareBounds).some((b) => b.min > 0 || b.max < 1);

/**
 * The SMAA run these settings ask for on a model: samples, seed, score
 * spreads (or none), and the constraints that apply to its weighted criteria.
 *
 * @example smaaOptionsOf(sensitivitySettings(a), weightedCriteria(a.model).map((c) => c.id)).options // { samples: 10000, seed: 1234, … }
 */
export function smaaOptionsOf(s: SensitivitySettings, weighted: readonly string[]): { options: SmaaOptionsInput; dropped: string[] } {
  const { constraints, dropped } = constraintsFor(s.constraints, weighted);
  return {
    options: { samples: s.samples, seed: s.seed, constraints, scoreSpread: s.varyScores ? s.spread : null, around: s.around, partnersRange: s.usePartnersRange ? s.partnersRange : null },
    dropped,
  };
}
