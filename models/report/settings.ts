import { z } from 'zod';
import { DashboardSettings, DEFAULT_DASHBOARD_SETTINGS } from '../dashboard/dashboard';

/** What the executive summary compares the ranking with: the baseline weights, another stored assessment, or nothing. */
export const Comparison = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('baseline') }),
  z.object({ kind: z.literal('assessment'), id: z.string().min(1) }),
  z.object({ kind: z.literal('none') }),
]);
export type Comparison = z.infer<typeof Comparison>;

export const ReportSettings = z.object({
  /** How many priorities the summary names; null: the assessment's cut line, or 5 without one. */
  topN: z.number().int().min(1).max(50).nullable(),
  comparison: Comparison,
  /** Quote how robust each priority's place is (SMAA on the sensitivity worker). */
  robustness: z.boolean(),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export const DEFAULT_REPORT_SETTINGS: ReportSettings = { topN: null, comparison: { kind: 'baseline' }, robustness: true };

/** The settings of the dashboard and the report, kept together. */
export const OutputSettings = z.object({ dashboard: DashboardSettings, report: ReportSettings });
export type OutputSettings = z.infer<typeof OutputSettings>;

export const DEFAULT_OUTPUT_SETTINGS: OutputSettings = { dashboard: DEFAULT_DASHBOARD_SETTINGS, report: DEFAULT_REPORT_SETTINGS };

/** The number of priorities to name. @example topCount(DEFAULT_REPORT_SETTINGS, 32, 4) // 4 */
export function topCount(s: ReportSettings, issues: number, cutLine: number | undefined): number {
  const n = s.topN ?? (cutLine !== undefined && cutLine > 0 ? cutLine : 5);
  return Math.max(0, Math.min(n, issues));
}
