import { z } from 'zod';
import { Issue, RiskModel, ScoreGrid, Weights } from './schema';
import { scoreProblem } from './scale';
import { Scenario } from '../sensitivity/scenario';
import { SensitivitySettings } from '../sensitivity/settings';
import { own } from '../own';
import { WeightProvenance } from '../elicitation/provenance';
import { BriefDetails } from '../report/brief-details';

/**
 * An assessment: one partnership's risk matrix for one year — the model
 * (criteria, scales, aggregation), the issues, their scores with rationales
 * and confidence, and the weight sets tried on it. Stored whole in IndexedDB
 * and validated with this schema on every read.
 *
 * How later work fits (additions are optional fields; `schemaVersion` stays 1
 * for additions and is raised only for a change old records cannot satisfy,
 * with an upgrade step in `upgradeAssessment`):
 * - Evidence-derived proposed scores (issue 4) key their audit trail
 *   (`models/evidence/audit.ts` ScoreDecision: proposed, chosen, reason, time)
 *   and the links from issues to the evidence catalogue (`models/evidence/links.ts`)
 *   by this assessment's `id`, issue ids and criterion ids, which never change
 *   on a rename (a matrix import keeps the id of an issue whose name it
 *   keeps). Both live in the evidence store (`csp-workbench-evidence`:
 *   `decisions(id)`, `links(id)`), not in this record; applying a decision
 *   writes `scores` through `setCell` (`models/evidence/grid.ts`
 *   `applyDecisionEdits`), so `scores` stays the board's decision and `rank()` is unchanged.
 * - Scenarios (issue 5, `models/sensitivity/scenario.ts`: weights, score
 *   overrides, aggregation) are kept in the optional `scenarios` array, edited
 *   through `scenario-edit.ts` so every step can be undone. A scenario may
 *   name an issue or criterion that has since been removed: such references
 *   are ignored when it is used (`models/sensitivity/basis.ts` says which),
 *   never a reason to refuse the record. The sensitivity analyses take
 *   `{ model, issues, scores, weights: draftWeights }` or a scenario applied
 *   to `{ model, issues, scores }`; their set-up (top N, SMAA seed, samples,
 *   score spreads, importance order, weight limits) is the optional
 *   `sensitivity` field.
 */

export const ASSESSMENT_SCHEMA_VERSION = 1;

/** A named set of weights (criterion id → weight); criteria it does not list keep the model's weight. */
export const WeightSet = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  weights: Weights,
  savedAt: z.number(),
  /** How the weights were elicited (ranking, swing, pairwise), when they were. */
  provenance: WeightProvenance.optional(),
});
export type WeightSet = z.infer<typeof WeightSet>;

/** Where the issues and scores came from, when a matrix file was imported. */
export const MatrixImportRecord = z.object({
  fileName: z.string(),
  importedAt: z.number(),
  issues: z.number().int().nonnegative(),
  /** Rows whose `total` column disagreed with the computed total. */
  totalMismatches: z.number().int().nonnegative(),
});
export type MatrixImportRecord = z.infer<typeof MatrixImportRecord>;

export const Assessment = z
  .object({
    schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
    id: z.string().min(1),
    name: z.string().trim().min(1),
    createdAt: z.number(),
    updatedAt: z.number(),
    /** The template it was created from (its model may since have been edited). */
    templateId: z.string().optional(),
    model: RiskModel,
    /** In assessment order: the tie-break order of the ranking. */
    issues: z.array(Issue),
    scores: ScoreGrid,
    weightSets: z.array(WeightSet).min(1),
    /** The weight set movements are measured against. */
    baselineWeightSetId: z.string(),
    /** The weights being tried now (overrides of the model's weights). */
    draftWeights: Weights,
    /** How many top-ranked issues the board takes forward (the cut line); unset means none drawn. */
    cutLine: z.number().int().nonnegative().optional(),
    lastImport: MatrixImportRecord.optional(),
    /** Named what-ifs: weights, score overrides and a choice of aggregation (issue 5). */
    scenarios: z.array(Scenario).optional(),
    /** How the sensitivity analyses are set up for this assessment (issue 5). */
    sensitivity: SensitivitySettings.optional(),
    /** The executive brief's title block, status, marking and recommendations (issue 12). */
    brief: BriefDetails.optional(),
  })
  .superRefine((a, ctx) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    a.issues.forEach((issue, i) => {
      if (ids.has(issue.id)) ctx.addIssue({ code: 'custom', path: ['issues', i, 'id'], message: `issue id "${issue.id}" is used twice` });
      if (labels.has(issue.label.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['issues', i, 'label'], message: `issue "${issue.label}" appears twice` });
      ids.add(issue.id);
      labels.add(issue.label.toLowerCase());
    });
    if (!a.weightSets.some((w) => w.id === a.baselineWeightSetId)) {
      ctx.addIssue({ code: 'custom', path: ['baselineWeightSetId'], message: `no weight set "${a.baselineWeightSetId}" to use as the baseline` });
    }
    const scenarioIds = new Set<string>();
    const scenarioNames = new Set<string>();
    (a.scenarios ?? []).forEach((sc, i) => {
      if (scenarioIds.has(sc.id)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `scenario id "${sc.id}" is used twice` });
      if (scenarioNames.has(sc.name.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'name'], message: `scenario “${sc.name}” appears twice` });
      scenarioIds.add(sc.id);
      scenarioNames.add(sc.name.toLowerCase());
    });
    for (const c of a.model.criteria) {
      for (const issue of a.issues) {
        const v = own(own(a.scores, issue.id), c.id)?.value;
        if (v === undefined || v === null) continue;
        const problem = scoreProblem(c, v);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['scores', issue.id, c.id], message: `${issue.label}, ${c.label}: ${v} ${problem}` });
      }
    }
  });
export type Assessment = z.infer<typeof Assessment>;

/** Enough to list assessments without reading their scores. */
export interface AssessmentSummary {
  id: string;
  name: string;
  modelName: string;
  createdAt: number;
  updatedAt: number;
  issues: number;
  criteria: number;
}

/** @example summarise(a) // { id, name: '2025 draft', modelName: '…', issues: 32, criteria: 9, … } */
export function summarise(a: Assessment): AssessmentSummary {
  return { id: a.id, name: a.name, modelName: a.model.name, createdAt: a.createdAt, updatedAt: a.updatedAt, issues: a.issues.length, criteria: a.model.criteria.length };
}

export const BASELINE_WEIGHT_SET_ID = 'baseline';

/**
 * A new, empty assessment on a template's model: no issues yet, one weight set
 * ("Baseline", the model's own weights) and no draft changes.
 *
 * @example createAssessment(templateById('impact-likelihood-4x4')!, { id: crypto.randomUUID(), name: '2025 draft', now: Date.now() })
 */
export function createAssessment(template: RiskModel, opts: { id: string; name: string; now: number }): Assessment {
  return Assessment.parse({
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    id: opts.id,
    name: opts.name,
    createdAt: opts.now,
    updatedAt: opts.now,
    templateId: template.id,
    model: structuredClone(template),
    issues: [],
    scores: {},
    weightSets: [{ id: BASELINE_WEIGHT_SET_ID, name: 'Baseline', weights: {}, savedAt: opts.now }],
    baselineWeightSetId: BASELINE_WEIGHT_SET_ID,
    draftWeights: {},
  });
}

/**
 * Reads a stored record, upgrading older schema versions. Throws with the
 * validation problems when the record cannot be read.
 *
 * @example upgradeAssessment(await db.get('assessments', id))
 */
export function upgradeAssessment(raw: unknown): Assessment {
  const version = z.object({ schemaVersion: z.number() }).safeParse(raw);
  if (version.success && version.data.schemaVersion > ASSESSMENT_SCHEMA_VERSION) {
    throw new Error(`this assessment was saved by a newer version of the workbench (schema ${version.data.schemaVersion}); reload the page to update`);
  }
  return Assessment.parse(raw);
}

/** The baseline weight set. @example baselineWeights(a) // { community_priority: 1, … } or {} for the model's own */
export function baselineWeights(a: Assessment): Weights {
  return a.weightSets.find((w) => w.id === a.baselineWeightSetId)!.weights;
}
