import type { Assessment as StoredAssessment } from '../risk-matrix/assessment';
import { EditError } from '../risk-matrix/edit-error';
import { issueIdFor } from '../risk-matrix/ids';
import { scoreProblem } from '../risk-matrix/scale';
import { Aggregation, RiskModel, type ScoreGrid, type Weights } from '../risk-matrix/schema';
import { effectiveWeights } from '../risk-matrix/score';
import { linearProblem } from './problem';
import { applyScenario, type Scenario } from './scenario';

/**
 * Edits to an assessment's scenarios. Each returns a new assessment (the
 * controller saves it as an undoable step) or throws an EditError the user
 * can act on.
 */

/** What a user sets on a scenario. */
export interface ScenarioFields {
  name: string;
  description?: string;
  /** Raw weights by criterion id (criteria not named keep the model's weight). */
  weights: Weights;
  scoreOverrides: ScoreGrid;
  /** Another aggregation, or null to keep the model's. */
  aggregation: Aggregation | null;
}

const scenariosOf = (a: StoredAssessment): Scenario[] => a.scenarios ?? [];

function checkName(a: StoredAssessment, name: string, self?: string): string {
  const clean = name.trim();
  if (clean === '') throw new EditError('a scenario needs a name');
  const clash = scenariosOf(a).find((s) => s.id !== self && s.name.toLowerCase() === clean.toLowerCase());
  if (clash !== undefined) throw new EditError(`there is already a scenario called “${clash.name}”`);
  return clean;
}

/** Refuses weights, overrides or an aggregation the assessment cannot use, naming the bad value. */
function checkFields(a: StoredAssessment, f: Omit<ScenarioFields, 'name'>): void {
  const criteria = new Map(a.model.criteria.map((c) => [c.id, c]));
  const issues = new Map(a.issues.map((i) => [i.id, i]));
  for (const [id, w] of Object.entries(f.weights)) {
    const c = criteria.get(id);
    if (c === undefined) throw new EditError(`there is no criterion "${id}" to weight`);
    if (!Number.isFinite(w) || w < 0) throw new EditError(`${c.label}: a weight must be a number of 0 or more, not ${w}`);
  }
  for (const [issueId, row] of Object.entries(f.scoreOverrides)) {
    const issue = issues.get(issueId);
    if (issue === undefined) throw new EditError(`there is no issue "${issueId}" to score`);
    for (const [id, cell] of Object.entries(row)) {
      const c = criteria.get(id);
      if (c === undefined) throw new EditError(`there is no criterion "${id}" to score`);
      const problem = cell.value === null ? undefined : scoreProblem(c, cell.value);
      if (problem !== undefined) throw new EditError(`${issue.label}, ${c.label}: ${cell.value} ${problem}`);
    }
  }
  if (f.aggregation !== null) {
    const agg = Aggregation.safeParse(f.aggregation);
    if (!agg.success) throw new EditError('the scenario’s total is not one the workbench knows');
    if (agg.data.kind === 'harm-x-likelihood' && criteria.get(agg.data.likelihood)?.group !== 'Likelihood') {
      throw new EditError('harm × likelihood needs a criterion in the Likelihood group to multiply by');
    }
  }
  const applied = applyScenario({ model: RiskModel.parse(a.model), issues: a.issues, scores: a.scores }, { id: 'check', name: 'check', ...f });
  try {
    linearProblem(applied);
  } catch (e) {
    throw new EditError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Saves a new scenario; its id is made from its name and never changes.
 *
 * @example addScenario(a, { name: 'Community first', weights: { community_priority: 3 }, scoreOverrides: {}, aggregation: null }, Date.now())
 */
export function addScenario(a: StoredAssessment, f: ScenarioFields, now: number): StoredAssessment {
  const name = checkName(a, f.name);
  checkFields(a, f);
  const id = issueIdFor(name, new Set(scenariosOf(a).map((s) => s.id)));
  const description = f.description?.trim();
  const scenario: Scenario = {
    id,
    name,
    ...(description ? { description } : {}),
    weights: { ...f.weights },
    scoreOverrides: structuredClone(f.scoreOverrides),
    aggregation: f.aggregation,
    createdAt: now,
    updatedAt: now,
  };
  return { ...a, scenarios: [...scenariosOf(a), scenario] };
}

/**
 * A scenario with the draft weights (every criterion written out, so a later
 * change to the model's weights does not move it), no overrides, the model's total.
 *
 * @example scenarioFromDraft(a, 'Community-led', Date.now()).scenarios!.at(-1)!.weights // { community_priority: 3, … }
 */
export function scenarioFromDraft(a: StoredAssessment, name: string, now: number): StoredAssessment {
  return addScenario(a, { name, weights: effectiveWeights(a.model, a.draftWeights), scoreOverrides: {}, aggregation: null }, now);
}

/** A scenario with a weight set's weights. */
export function scenarioFromWeightSet(a: StoredAssessment, setId: string, name: string, now: number): StoredAssessment {
  const set = a.weightSets.find((w) => w.id === setId);
  if (set === undefined) throw new EditError(`there is no weight set "${setId}"`);
  return addScenario(a, { name, description: `From the weight set “${set.name}”.`, weights: effectiveWeights(a.model, set.weights), scoreOverrides: {}, aggregation: null }, now);
}

function find(a: StoredAssessment, id: string): Scenario {
  const s = scenariosOf(a).find((x) => x.id === id);
  if (s === undefined) throw new EditError(`there is no scenario "${id}"`);
  return s;
}

/**
 * Changes a scenario's name, description, weights, overrides or total (its id stays).
 *
 * @example updateScenario(a, 'community-first', { name: 'Community led' }, Date.now())
 */
export function updateScenario(a: StoredAssessment, id: string, patch: Partial<ScenarioFields>, now: number): StoredAssessment {
  const old = find(a, id);
  const name = patch.name === undefined ? old.name : checkName(a, patch.name, id);
  const fields = {
    weights: patch.weights ?? old.weights,
    scoreOverrides: patch.scoreOverrides ?? old.scoreOverrides,
    aggregation: patch.aggregation === undefined ? old.aggregation : patch.aggregation,
  };
  checkFields(a, fields);
  const description = (patch.description ?? old.description)?.trim();
  const { description: _old, ...rest } = old;
  const next: Scenario = {
    ...rest,
    ...(description ? { description } : {}),
    name,
    weights: { ...fields.weights },
    scoreOverrides: structuredClone(fields.scoreOverrides),
    aggregation: fields.aggregation,
    updatedAt: now,
  };
  return { ...a, scenarios: scenariosOf(a).map((s) => (s.id === id ? next : s)) };
}

/** Removes a scenario. */
export function removeScenario(a: StoredAssessment, id: string): StoredAssessment {
  find(a, id);
  return { ...a, scenarios: scenariosOf(a).filter((s) => s.id !== id) };
}

/**
 * Makes these raw weights the draft (for example an answer to "what would it
 * take", to try on the Priorities page). Criteria not named keep their draft weight.
 *
 * @example tryWeights(a, { community_priority: 1.25 }).draftWeights.community_priority // 1.25
 */
export function tryWeights(a: StoredAssessment, weights: Weights): StoredAssessment {
  checkFields(a, { weights, scoreOverrides: {}, aggregation: null });
  const next = { ...effectiveWeights(a.model, a.draftWeights), ...weights };
  if (!Object.values(next).some((w) => w > 0)) throw new EditError('at least one weight must be above 0');
  return { ...a, draftWeights: next };
}
