import { z } from 'zod';
import { ScoreDecision } from '../evidence/audit';
import { IssueLink } from '../evidence/links';
import { EvidenceSetup } from '../evidence/setup';
import { NeedSettings } from '../need/schema';
import { Assessment } from '../risk-matrix/assessment';
import { OutputSettings } from '../report/settings';

/**
 * The project file: one assessment with everything needed to carry it to
 * another browser or keep it with the papers, as one JSON file.
 *
 * Versioning: `format` names the file kind and `version` its layout. A
 * change that adds an optional field keeps the version; anything an older
 * reader could not understand raises it, and readers refuse versions newer
 * than theirs (with a message) rather than guess. The assessment inside
 * carries its own `schemaVersion` (see models/risk-matrix/assessment.ts) and
 * is read by the same rule.
 */

export const PROJECT_FORMAT = 'csp-workbench-project';
export const PROJECT_VERSION = 1;

/** Which data the assessment was made with: what was loaded when the file was saved. */
export const DataDescription = z.object({
  /** The partnership area. */
  area: z.string().nullable(),
  crime: z.object({
    /** Stored police.uk months, sorted. */
    months: z.array(z.string()),
    rows: z.number().int().nonnegative(),
    forces: z.array(z.string()),
  }),
  /** Every stored partition: police.uk force-months, IMD files, boundaries. */
  partitions: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      fileName: z.string(),
      rows: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      importedAt: z.number(),
    }),
  ),
  datasets: z.array(z.object({ label: z.string(), source: z.enum(['sample', 'import']), createdAt: z.number(), fileNames: z.array(z.string()) })),
  need: z.object({
    userIndicators: z.array(z.object({ name: z.string(), fileName: z.string(), importedAt: z.number() })),
    lookup: z.object({ fileName: z.string(), importedAt: z.number() }).nullable(),
  }),
});
export type DataDescription = z.infer<typeof DataDescription>;

/** The links in force from an assessment's issues to evidence catalogue issues (null: none). */
export const IssueLinks = z.record(z.string(), z.string().nullable());
export type IssueLinks = z.infer<typeof IssueLinks>;

export const ProjectFile = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    /** Milliseconds since 1970 (UTC). */
    exportedAt: z.number(),
    generator: z.string(),
    /** The assessment record exactly as stored: model, issues, scores with rationales and confidence, weight sets, baseline, draft weights, cut line, scenarios. */
    assessment: Assessment,
    evidence: z.object({
      setup: EvidenceSetup,
      /** The assessment's audit trail of accepted and overridden proposed scores. */
      decisions: z.array(ScoreDecision),
      /** The analyst's stored links from the assessment's issues to catalogue issues (the evidence store's). */
      links: z.record(z.string(), IssueLink),
    }),
    /** Need matrix settings for the partnership area (null: none stored). */
    need: z.object({ area: z.string(), settings: NeedSettings }).nullable(),
    outputs: OutputSettings,
    data: DataDescription,
  })
  .superRefine((p, ctx) => {
    p.evidence.decisions.forEach((d, i) => {
      if (d.assessmentId !== p.assessment.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', 'decisions', i, 'assessmentId'],
          message: `decision ${d.id} belongs to assessment "${d.assessmentId}", not to the one in the file ("${p.assessment.id}")`,
        });
      }
    });
  });
export type ProjectFile = z.infer<typeof ProjectFile>;

/** The settings a project file can restore, after the user agrees (and the ones they replace, kept for undo). */
export const SettingsSnapshot = z.object({
  evidence: EvidenceSetup,
  /** The need settings of one area (null: none). */
  need: z.object({ area: z.string(), settings: NeedSettings }).nullable(),
  area: z.string().nullable(),
  outputs: OutputSettings,
});
export type SettingsSnapshot = z.infer<typeof SettingsSnapshot>;

/** The settings carried by a project file. */
export const fileSettings = (p: ProjectFile): SettingsSnapshot => ({ evidence: p.evidence.setup, need: p.need, area: p.data.area, outputs: p.outputs });
