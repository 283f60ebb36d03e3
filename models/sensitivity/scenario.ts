import { z } from 'zod';
import { Aggregation, RiskModel, ScoreGrid, Weights } from '../risk-matrix/schema';
import { effectiveWeights, rank, type RankedIssue } from '../risk-matrix/score';
import type { Assessment } from './problem';
import { own } from '../own';

/**
 * A named what-if: weights, score overrides and a choice of aggregation,
 * applied on top of an assessment. Stored as given, so the assessment can
 * change underneath and the scenario still means "these weights, these scores".
 */
export const Scenario = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Raw weights by criterion id; criteria not named keep the assessment's weight. */
  weights: Weights.default({}),
  /** Scores that replace the assessment's, by issue id then criterion id. */
  scoreOverrides: ScoreGrid.default({}),
  /** Another aggregation, or null to keep the model's. */
  aggregation: Aggregation.nullable().default(null),
  createdAt: z.number().optional(),
  updatedAt: z.number().optional(),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/**
 * The assessment as the scenario has it. Throws, naming the id, if the
 * scenario refers to a criterion or issue the assessment does not have.
 *
 * @example const a = applyScenario(seed, { id: 's', name: 'Community first', weights: { community_priority: 3 } });
 *          rank(a.model, a.issues, a.scores, a.weights)[0] // ASB (Personal), 42
 */
export function applyScenario(assessment: Assessment, scenarioInput: ScenarioInput): Assessment {
  const scenario = Scenario.parse(scenarioInput);
  const { model, issues } = assessment;
  const criterionIds = new Set(model.criteria.map((c) => c.id));
  for (const id of Object.keys(scenario.weights)) if (!criterionIds.has(id)) throw new Error(`scenario "${scenario.name}" weights criterion "${id}", which the model does not have`);
  const issueIds = new Set(issues.map((i) => i.id));
  const scores: ScoreGrid = { ...assessment.scores };
  for (const [issueId, row] of Object.entries(scenario.scoreOverrides)) {
    if (!issueIds.has(issueId)) throw new Error(`scenario "${scenario.name}" overrides scores of issue "${issueId}", which the assessment does not have`);
    for (const c of Object.keys(row)) if (!criterionIds.has(c)) throw new Error(`scenario "${scenario.name}" overrides criterion "${c}", which the model does not have`);
    scores[issueId] = { ...scores[issueId], ...row };
  }
  return {
    model: RiskModel.parse({ ...model, aggregation: scenario.aggregation ?? model.aggregation }),
    issues,
    scores,
    weights: { ...effectiveWeights(model, assessment.weights), ...scenario.weights },
  };
}

/** One thing that differs between two scenarios. */
export type ScenarioDifference =
  | { kind: 'weight'; criterionId: string; label: string; a: number; b: number }
  | { kind: 'score'; issueId: string; criterionId: string; a: number | null; b: number | null; confidenceA?: string; confidenceB?: string }
  | { kind: 'aggregation'; a: Aggregation['kind']; b: Aggregation['kind'] };

/**
 * What differs between two scenarios once applied to the same assessment:
 * weights in force, scores (value or confidence) and aggregation.
 *
 * @example diffScenarios(seed, base, community) // [{ kind: 'weight', criterionId: 'community_priority', a: 1, b: 3, ... }]
 */
export function diffScenarios(assessment: Assessment, a: ScenarioInput, b: ScenarioInput): ScenarioDifference[] {
  const A = applyScenario(assessment, a);
  const B = applyScenario(assessment, b);
  const out: ScenarioDifference[] = [];
  if (A.model.aggregation.kind !== B.model.aggregation.kind) out.push({ kind: 'aggregation', a: A.model.aggregation.kind, b: B.model.aggregation.kind });
  const wa = effectiveWeights(A.model, A.weights);
  const wb = effectiveWeights(B.model, B.weights);
  for (const c of assessment.model.criteria) if (wa[c.id] !== wb[c.id]) out.push({ kind: 'weight', criterionId: c.id, label: c.label, a: wa[c.id]!, b: wb[c.id]! });
  for (const issue of assessment.issues) {
    for (const c of assessment.model.criteria) {
      const sa = own(own(A.scores, issue.id), c.id);
      const sb = own(own(B.scores, issue.id), c.id);
      const va = sa?.value ?? null;
      const vb = sb?.value ?? null;
      if (va !== vb || sa?.confidence !== sb?.confidence) {
        out.push({
          kind: 'score',
          issueId: issue.id,
          criterionId: c.id,
          a: va,
          b: vb,
          ...(sa?.confidence ? { confidenceA: sa.confidence } : {}),
          ...(sb?.confidence ? { confidenceB: sb.confidence } : {}),
        });
      }
    }
  }
  return out;
}

/** Each issue's place under each of the compared scenarios. */
export interface ScenarioComparison {
  scenarios: { id: string; name: string }[];
  /** One row per issue, in assessment order. */
  rows: {
    issueId: string;
    label: string;
    /** Per scenario, in the order given. */
    places: Pick<RankedIssue, 'rank' | 'rankLabel' | 'total'>[];
    /** Places gained from the first scenario to each (positive = rises); the first is always 0. */
    change: number[];
  }[];
  /** Differences from the first scenario to each of the others. */
  differences: ScenarioDifference[][];
}

/**
 * Ranks the assessment under 2 to 4 scenarios side by side.
 *
 * @example compareScenarios(seed, [baseline, community]).rows[1].change[1] // ASB (Personal): +1 (from =2 to 1)
 */
export function compareScenarios(assessment: Assessment, scenarios: readonly ScenarioInput[]): ScenarioComparison {
  if (scenarios.length < 2 || scenarios.length > 4) throw new Error(`compare 2 to 4 scenarios, not ${scenarios.length}`);
  const parsed = scenarios.map((s) => Scenario.parse(s));
  const rankings = parsed.map((s) => {
    const a = applyScenario(assessment, s);
    return new Map(rank(a.model, a.issues, a.scores, a.weights).map((r) => [r.issueId, r]));
  });
  return {
    scenarios: parsed.map((s) => ({ id: s.id, name: s.name })),
    rows: assessment.issues.map((issue) => {
      const places = rankings.map((r) => {
        const x = r.get(issue.id)!;
        return { rank: x.rank, rankLabel: x.rankLabel, total: x.total };
      });
      return { issueId: issue.id, label: issue.label, places, change: places.map((p) => places[0]!.rank - p.rank) };
    }),
    differences: parsed.slice(1).map((s) => diffScenarios(assessment, parsed[0]!, s)),
  };
}
