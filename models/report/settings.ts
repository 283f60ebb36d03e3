import { z } from 'zod';
import { DashboardSettings, DEFAULT_DASHBOARD_SETTINGS } from '../dashboard/dashboard';
import { HotspotSettings } from '../hotspots/schema';
import type { Assessment } from '../risk-matrix/assessment';
import { topNOf } from '../sensitivity/settings';

/** What the executive summary compares the ranking with: the baseline weights, another stored assessment, or nothing. */
export const Comparison = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('baseline') }),
  z.object({ kind: z.literal('assessment'), id: z.string().min(1) }),
  z.object({ kind: z.literal('none') }),
]);
export type Comparison = z.infer<typeof Comparison>;

export const ReportSettings = z.object({
  /** How many priorities the summary names; null: the N of the Sensitivity page (its stated N, else the cut line, else 5). */
  topN: z.number().int().min(1).max(50).nullable(),
  comparison: Comparison,
  /** Quote how robust each priority's place is (SMAA on the sensitivity worker). */
  robustness: z.boolean(),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export const DEFAULT_REPORT_SETTINGS: ReportSettings = { topN: null, comparison: { kind: 'baseline' }, robustness: true };

/** The settings of the dashboard, the report and the Hot spots page (absent until first changed), kept together. */
export const OutputSettings = z.object({ dashboard: DashboardSettings, report: ReportSettings, hotspots: HotspotSettings.optional() });
export type OutputSettings = z.infer<typeof OutputSettings>;

export const DEFAULT_OUTPUT_SETTINGS: OutputSettings = { dashboard: DEFAULT_DASHBOARD_SETTINGS, report: DEFAULT_REPORT_SETTINGS };

/**
 * The number of priorities the report names: its own setting, else the N the
 * sensitivity views use (their stated N, else the cut line, else 5).
 *
 * @example topCount(DEFAULT_REPORT_SETTINGS, seed) // 5
 */
export function topCount(s: ReportSettings, a: Pick<Assessment, 'sensitivity' | 'cutLine' | 'issues'>): number {
  return Math.max(0, Math.min(s.topN ?? topNOf(a), a.issues.length));
}
