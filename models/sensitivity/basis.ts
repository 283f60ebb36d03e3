import type { Assessment as StoredAssessment } from '../risk-matrix/assessment';
import { scoreProblem } from '../risk-matrix/scale';
import type { ScoreGrid } from '../risk-matrix/schema';
import { effectiveWeights } from '../risk-matrix/score';
import type { Assessment } from './problem';
import { applyScenario, type Scenario } from './scenario';

/**
 * What the sensitivity views can analyse and compare, as scenarios: the draft
 * weights (those on the Priorities page), each named weight set, and each
 * saved scenario.
 */
export interface Comparable {
  /** 'draft', 'set:<weight set id>' or 'scenario:<scenario id>'. */
  key: string;
  kind: 'draft' | 'weight-set' | 'scenario';
  /** Unique among the comparables, as shown in tables and charts. */
  name: string;
  /** As a scenario, every weight written out and anything it names that the assessment no longer has left out. */
  scenario: Scenario;
  /** What was left out and why, in words (empty when nothing was). */
  notes: string[];
}

export const DRAFT_KEY = 'draft';

/**
 * Every comparable of an assessment: the draft, its weight sets, its scenarios.
 *
 * @example comparables(seed).map((c) => c.name) // ['Draft weights', 'Baseline (weight set)', 'Community first']
 */
export function comparables(a: StoredAssessment): Comparable[] {
  const out: Omit<Comparable, 'name'>[] = [];
  const draft = { id: DRAFT_KEY, name: 'Draft weights', weights: effectiveWeights(a.model, a.draftWeights), scoreOverrides: {}, aggregation: null };
  out.push({ key: DRAFT_KEY, kind: 'draft', scenario: draft, notes: [] });
  for (const w of a.weightSets)
    out.push({
      key: `set:${w.id}`,
      kind: 'weight-set',
      scenario: { id: `set:${w.id}`, name: `${w.name} (weight set)`, weights: effectiveWeights(a.model, w.weights), scoreOverrides: {}, aggregation: null },
      notes: [],
    });
  for (const s of a.scenarios ?? []) {
    const usable = usableScenario(a, s);
    out.push({ key: `scenario:${s.id}`, kind: 'scenario', scenario: { ...usable.scenario, weights: { ...effectiveWeights(a.model), ...usable.scenario.weights } }, notes: usable.notes });
  }
  const taken = new Set<string>();
  return out.map((c) => {
    let name = c.scenario.name;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${c.scenario.name} (${k})`;
    taken.add(name.toLowerCase());
    return { ...c, name, scenario: { ...c.scenario, id: c.key, name } };
  });
}

/** The comparable with this key, if the assessment has it. */
export function comparable(a: StoredAssessment, key: string): Comparable | undefined {
  return comparables(a).find((c) => c.key === key);
}

/**
 * The assessment as the comparable has it, ready for the analyses.
 *
 * @example linearProblem(engineInput(a, comparable(a, 'draft')!)) // the ranking on the Priorities page
 */
export function engineInput(a: StoredAssessment, c: Comparable): Assessment {
  return applyScenario({ model: a.model, issues: a.issues, scores: a.scores }, c.scenario);
}

/**
 * A stored scenario with whatever the assessment no longer has left out: weights
 * of removed criteria, scores of removed issues or criteria, scores off a
 * criterion's (since changed) scale, a harm × likelihood total whose likelihood
 * criterion has gone. The notes say what was left out.
 *
 * @example usableScenario(a, s).notes // ['1 score override ignored: its issue is no longer in the assessment.']
 */
export function usableScenario(a: StoredAssessment, s: Scenario): { scenario: Scenario; notes: string[] } {
  const criteria = new Map(a.model.criteria.map((c) => [c.id, c]));
  const issues = new Set(a.issues.map((i) => i.id));
  const notes: string[] = [];
  const weights = Object.fromEntries(Object.entries(s.weights).filter(([id]) => criteria.has(id)));
  const goneWeights = Object.keys(s.weights).length - Object.keys(weights).length;
  if (goneWeights > 0) notes.push(`${goneWeights === 1 ? '1 weight' : `${goneWeights} weights`} ignored: ${goneWeights === 1 ? 'its criterion is' : 'their criteria are'} no longer in the model.`);
  const reasons = { issue: 0, criterion: 0, scale: 0 };
  const scoreOverrides: ScoreGrid = {};
  for (const [issueId, row] of Object.entries(s.scoreOverrides)) {
    for (const [cid, cell] of Object.entries(row)) {
      const c = criteria.get(cid);
      if (!issues.has(issueId)) reasons.issue++;
      else if (c === undefined) reasons.criterion++;
      else if (cell.value !== null && scoreProblem(c, cell.value) !== undefined) reasons.scale++;
      else (scoreOverrides[issueId] ??= {})[cid] = cell;
    }
  }
  const said = {
    issue: ['its issue is no longer in the assessment', 'their issues are no longer in the assessment'],
    criterion: ['its criterion is no longer in the model', 'their criteria are no longer in the model'],
    scale: ['it is off the criterion’s scale', 'they are off their criteria’s scales'],
  } as const;
  for (const k of ['issue', 'criterion', 'scale'] as const) {
    const n = reasons[k];
    if (n > 0) notes.push(`${n === 1 ? '1 score override' : `${n} score overrides`} ignored: ${said[k][n === 1 ? 0 : 1]}.`);
  }
  let aggregation = s.aggregation;
  if (aggregation?.kind === 'harm-x-likelihood' && criteria.get(aggregation.likelihood)?.group !== 'Likelihood') {
    notes.push('Its harm × likelihood total is ignored: the likelihood criterion is no longer in the model; the model’s own total is used.');
    aggregation = null;
  }
  return { scenario: { ...s, weights, scoreOverrides, aggregation }, notes };
}

/** The aggregation a comparable totals by, in words. */
export function aggregationWords(kind: 'weighted-sum' | 'harm-x-likelihood' | 'normalised-average'): string {
  return { 'weighted-sum': 'weighted sum', 'harm-x-likelihood': 'harm × likelihood', 'normalised-average': 'normalised average (0–100)' }[kind];
}
