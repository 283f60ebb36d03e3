import { baselineWeights, type Assessment } from './assessment';
import { EditError } from './edit-error';
import { issueIdFor } from './ids';
import { effectiveWeights } from './score';
import type { Weights } from './schema';
import { MAX_WEIGHT } from './schema';

/**
 * Edits to the weights being tried (the draft), the named weight sets and the
 * baseline they are compared against. Each returns a new assessment.
 */

function checkWeight(w: number): number {
  if (!Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) throw new EditError(`a weight must be a number from 0 to ${MAX_WEIGHT}, not ${w}`);
  return w;
}

/** @example setDraftWeight(a, 'community_priority', 3).draftWeights // { community_priority: 3 } */
export function setDraftWeight(a: Assessment, criterionId: string, weight: number): Assessment {
  if (!a.model.criteria.some((c) => c.id === criterionId)) throw new EditError(`there is no criterion "${criterionId}"`);
  return { ...a, draftWeights: { ...a.draftWeights, [criterionId]: checkWeight(weight) } };
}

/** Puts the draft back to the baseline's weights. */
export function resetDraft(a: Assessment): Assessment {
  return { ...a, draftWeights: { ...baselineWeights(a) } };
}

/** Whether the draft weights differ from the baseline's (as the ranking sees them). */
export function draftDiffers(a: Assessment): boolean {
  const draft = effectiveWeights(a.model, a.draftWeights);
  const base = effectiveWeights(a.model, baselineWeights(a));
  return a.model.criteria.some((c) => draft[c.id] !== base[c.id]);
}

/**
 * Makes the draft the baseline: the baseline set takes the draft's weights
 * (every criterion written out, so later edits to model weights do not move it).
 *
 * @example saveDraftAsBaseline(a, Date.now())
 */
export function saveDraftAsBaseline(a: Assessment, now: number): Assessment {
  const weights: Weights = effectiveWeights(a.model, a.draftWeights);
  return {
    ...a,
    draftWeights: { ...weights },
    weightSets: a.weightSets.map((w) => (w.id === a.baselineWeightSetId ? { ...w, weights, savedAt: now } : w)),
  };
}

/**
 * Keeps the draft as a named weight set (a later scenario can refer to it).
 *
 * @example saveWeightSet(a, 'Community-led', Date.now()).weightSets.at(-1)!.name // 'Community-led'
 */
export function saveWeightSet(a: Assessment, name: string, now: number): Assessment {
  const clean = name.trim();
  if (clean === '') throw new EditError('a weight set needs a name');
  if (a.weightSets.some((w) => w.name.toLowerCase() === clean.toLowerCase())) throw new EditError(`there is already a weight set called “${clean}”`);
  const id = issueIdFor(clean, new Set(a.weightSets.map((w) => w.id)));
  return { ...a, weightSets: [...a.weightSets, { id, name: clean, weights: effectiveWeights(a.model, a.draftWeights), savedAt: now }] };
}

/** Loads a weight set into the draft. */
export function useWeightSet(a: Assessment, id: string): Assessment {
  const set = a.weightSets.find((w) => w.id === id);
  if (set === undefined) throw new EditError(`there is no weight set "${id}"`);
  return { ...a, draftWeights: { ...set.weights } };
}

/** Compares movements against another weight set from now on. */
export function setBaseline(a: Assessment, id: string): Assessment {
  if (!a.weightSets.some((w) => w.id === id)) throw new EditError(`there is no weight set "${id}"`);
  return { ...a, baselineWeightSetId: id };
}

/** Removes a weight set other than the baseline. */
export function removeWeightSet(a: Assessment, id: string): Assessment {
  if (id === a.baselineWeightSetId) throw new EditError('the baseline weight set cannot be removed; make another set the baseline first');
  return { ...a, weightSets: a.weightSets.filter((w) => w.id !== id) };
}

/** Sets how many top-ranked issues lie above the cut line (0 removes it). */
export function setCutLine(a: Assessment, n: number): Assessment {
  if (!Number.isInteger(n) || n < 0) throw new EditError(`the cut line must be a whole number of issues, not ${n}`);
  return { ...a, cutLine: n };
}
