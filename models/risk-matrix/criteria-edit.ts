import type { Assessment } from './assessment';
import { EditError } from './edit-error';
import { criterionIdFor } from './ids';
import { RiskModel, type Aggregation, type Criterion, type CriterionGroup, type Scale } from './schema';

/**
 * Edits to an assessment's model. Each returns a new assessment and leaves its
 * input alone; an edit that would break the model throws an EditError.
 */

function withModel(a: Assessment, model: RiskModel): Assessment {
  const parsed = RiskModel.safeParse(model);
  if (!parsed.success) throw new EditError(parsed.error.issues[0]!.message);
  return { ...a, model: parsed.data };
}

function criterion(a: Assessment, id: string): Criterion {
  const c = a.model.criteria.find((x) => x.id === id);
  if (c === undefined) throw new EditError(`there is no criterion "${id}"`);
  return c;
}

function checkLabel(a: Assessment, label: string, except?: string): string {
  const clean = label.trim();
  if (clean === '') throw new EditError('a criterion needs a name');
  const clash = a.model.criteria.find((c) => c.id !== except && c.label.toLowerCase() === clean.toLowerCase());
  if (clash !== undefined) throw new EditError(`there is already a criterion called “${clash.label}”`);
  return clean;
}

function likelihoodId(a: Assessment): string | undefined {
  return a.model.aggregation.kind === 'harm-x-likelihood' ? a.model.aggregation.likelihood : undefined;
}

export interface NewCriterion {
  label: string;
  group: CriterionGroup;
  description?: string;
  weight?: number;
  /** Defaults to the scale of the model's first criterion. */
  scale?: Scale;
}

/**
 * Adds a criterion at the end; its id is made from its label (lower_snake_case).
 *
 * @example addCriterion(a, { label: 'Repeat victimisation', group: 'Harm' }).model.criteria.at(-1)!.id // 'repeat_victimisation'
 */
export function addCriterion(a: Assessment, c: NewCriterion): Assessment {
  const label = checkLabel(a, c.label);
  const id = criterionIdFor(label, new Set(a.model.criteria.map((x) => x.id)));
  const scale = structuredClone(c.scale ?? a.model.criteria[0]?.scale ?? { min: 0, max: 5, levels: [{ value: 0, label: 'N/A' }] });
  const added: Criterion = { id, label, description: c.description ?? '', group: c.group, scale, weight: c.weight ?? 1 };
  return withModel(a, { ...a.model, criteria: [...a.model.criteria, added] });
}

/**
 * Renames a criterion, or changes its description, group or weight. The id stays.
 *
 * @example updateCriterion(a, 'community_priority', { weight: 2 })
 */
export function updateCriterion(a: Assessment, id: string, patch: Partial<Pick<Criterion, 'label' | 'description' | 'group' | 'weight'>>): Assessment {
  const old = criterion(a, id);
  const next: Criterion = { ...old };
  if (patch.label !== undefined) next.label = checkLabel(a, patch.label, id);
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.group !== undefined) {
    if (id === likelihoodId(a) && patch.group !== 'Likelihood') {
      throw new EditError(`“${old.label}” is the likelihood the harm × likelihood total multiplies by; choose another likelihood criterion or aggregation first`);
    }
    next.group = patch.group;
  }
  if (patch.weight !== undefined) {
    if (!Number.isFinite(patch.weight) || patch.weight < 0) throw new EditError(`a weight must be a number of 0 or more, not ${patch.weight}`);
    next.weight = patch.weight;
  }
  if ((Object.keys(next) as (keyof Criterion)[]).every((k) => next[k] === old[k])) return a;
  return withModel(a, { ...a.model, criteria: a.model.criteria.map((c) => (c.id === id ? next : c)) });
}

/**
 * Names (or, with an empty label, un-names) one point of a criterion's scale.
 *
 * @example setLevelLabel(a, 'likelihood', 4, 'Medium–high')
 */
export function setLevelLabel(a: Assessment, id: string, value: number, label: string): Assessment {
  const c = criterion(a, id);
  if (!Number.isInteger(value) || value < c.scale.min || value > c.scale.max) throw new EditError(`${value} is not a point on the ${c.scale.min}–${c.scale.max} scale of “${c.label}”`);
  const clean = label.trim();
  const others = c.scale.levels.filter((l) => l.value !== value);
  if (clean === '' && others.length === 0) throw new EditError(`the scale of “${c.label}” needs at least one named point`);
  const old = c.scale.levels.find((l) => l.value === value);
  if ((old?.label ?? '') === clean) return a;
  const levels = clean === '' ? others : [...others, { ...old, value, label: clean }].sort((x, y) => x.value - y.value);
  return withModel(a, { ...a.model, criteria: a.model.criteria.map((x) => (x.id === id ? { ...x, scale: { ...x.scale, levels } } : x)) });
}

/**
 * Removes a criterion with its scores and weights. The last criterion, and the
 * likelihood a harm × likelihood total multiplies by, cannot be removed.
 *
 * @example removeCriterion(a, 'cost_impact').model.criteria.length // 8
 */
export function removeCriterion(a: Assessment, id: string): Assessment {
  const c = criterion(a, id);
  if (a.model.criteria.length === 1) throw new EditError('an assessment needs at least one criterion');
  if (id === likelihoodId(a)) throw new EditError(`“${c.label}” is the likelihood the harm × likelihood total multiplies by; choose another aggregation first`);
  const drop = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== id));
  return {
    ...withModel(a, { ...a.model, criteria: a.model.criteria.filter((x) => x.id !== id) }),
    scores: Object.fromEntries(Object.entries(a.scores).map(([issue, row]) => [issue, drop(row)])),
    weightSets: a.weightSets.map((w) => ({ ...w, weights: drop(w.weights) })),
    draftWeights: drop(a.draftWeights),
  };
}

/**
 * Moves a criterion left (-1) or right (+1) in the grid and tables.
 *
 * @example moveCriterion(a, 'likelihood', -1)
 */
export function moveCriterion(a: Assessment, id: string, delta: -1 | 1): Assessment {
  const from = a.model.criteria.findIndex((c) => c.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= a.model.criteria.length) return a;
  const criteria = [...a.model.criteria];
  [criteria[from], criteria[to]] = [criteria[to]!, criteria[from]!];
  return { ...a, model: { ...a.model, criteria } };
}

/**
 * Changes how scores become a total. Harm × likelihood needs a criterion in the
 * Likelihood group to multiply by.
 *
 * @example setAggregation(a, { kind: 'normalised-average' })
 */
export function setAggregation(a: Assessment, aggregation: Aggregation): Assessment {
  if (aggregation.kind === 'harm-x-likelihood') {
    const l = a.model.criteria.find((c) => c.id === aggregation.likelihood);
    if (l === undefined || l.group !== 'Likelihood') throw new EditError('harm × likelihood needs a criterion in the Likelihood group to multiply by');
  }
  return withModel(a, { ...a.model, aggregation });
}
