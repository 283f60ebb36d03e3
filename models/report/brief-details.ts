import { z } from 'zod';

/** Protective markings a brief can carry (Government Security Classifications; 'none' prints nothing). */
export const MARKINGS = ['none', 'OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export const Marking = z.enum(MARKINGS);
export type Marking = z.infer<typeof Marking>;

export const BRIEF_STATUS = { draft: 'Draft', final: 'Final' } as const;
export const BriefStatus = z.enum(['draft', 'final']);
export type BriefStatus = z.infer<typeof BriefStatus>;

/** What the partnership will do about one priority, written by the user. */
export const Recommendation = z.object({ recommendation: z.string(), leadPartner: z.string() });
export type Recommendation = z.infer<typeof Recommendation>;

/**
 * The brief's own details, kept with the assessment (its optional `brief`
 * field), so they travel in the project file and every export: title block,
 * status and marking, the override of the publishing checks, and a
 * recommendation and lead partner per priority (keyed by issue id, never by
 * a name). Every field has a default, so `BriefDetails.parse({})` is a new brief.
 */
export const BriefDetails = z.object({
  partnership: z.string().default(''),
  version: z.string().default('0.1'),
  status: BriefStatus.default('draft'),
  preparedBy: z.string().default(''),
  marking: Marking.default('none'),
  /** Why the brief is Final although a publishing check fails (null: no override). */
  override: z.string().nullable().default(null),
  recommendations: z.record(z.string(), Recommendation).default({}),
});
export type BriefDetails = z.infer<typeof BriefDetails>;

export const NEW_BRIEF: BriefDetails = BriefDetails.parse({});

/** The marking as printed ('' for none). */
export const markingText = (m: Marking): string => (m === 'none' ? '' : m);

/**
 * The assessment with its brief details changed (a new record; nothing mutated).
 *
 * @example setBrief(a, { marking: 'OFFICIAL' }).brief.marking // 'OFFICIAL'
 */
export function setBrief<A extends { brief?: BriefDetails | undefined }>(a: A, patch: Partial<Omit<BriefDetails, 'recommendations'>>): A {
  return { ...a, brief: { ...(a.brief ?? NEW_BRIEF), ...patch } };
}

/**
 * The assessment with one priority's recommendation or lead partner changed.
 *
 * @example setRecommendation(a, 'i0', { leadPartner: 'Police' }).brief.recommendations.i0 // { recommendation: '', leadPartner: 'Police' }
 */
export function setRecommendation<A extends { brief?: BriefDetails | undefined }>(a: A, issueId: string, patch: Partial<Recommendation>): A {
  const b = a.brief ?? NEW_BRIEF;
  const now = b.recommendations[issueId] ?? { recommendation: '', leadPartner: '' };
  return { ...a, brief: { ...b, recommendations: { ...b.recommendations, [issueId]: { ...now, ...patch } } } };
}
