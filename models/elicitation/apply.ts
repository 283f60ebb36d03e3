import type { Assessment } from '../risk-matrix/assessment';
import { EditError } from '../risk-matrix/edit-error';
import { weightedCriteria } from '../risk-matrix/explain';
import { issueIdFor } from '../risk-matrix/ids';
import type { Weights } from '../risk-matrix/schema';
import { updateSensitivitySettings } from '../sensitivity/settings';
import { WeightProvenance } from './provenance';

/**
 * Elicited shares (summing to 1) as weights for the assessment: every
 * criterion that counts towards the total gets share × (number of such
 * criteria), so the weights average 1 like the seed's and totals stay on a
 * familiar scale; the ranking depends only on the shares.
 *
 * @example weightsFromShares(seed, new Map([['likelihood', 0.5], …])) // { likelihood: 4.5, … }
 */
export function weightsFromShares(a: Pick<Assessment, 'model'>, shares: ReadonlyMap<string, number>): Weights {
  const counted = weightedCriteria(a.model);
  const missing = counted.filter((c) => !shares.has(c.id));
  if (missing.length > 0) throw new EditError(`no weight was elicited for ${missing.map((c) => c.label).join(', ')}`);
  const out: Weights = Object.create(null) as Weights;
  for (const c of counted) out[c.id] = shares.get(c.id)! * counted.length;
  return { ...out };
}

/**
 * Tries elicited weights as the draft weights (as on the Priorities page).
 *
 * @example tryElicited(a, shares).draftWeights
 */
export function tryElicited(a: Assessment, shares: ReadonlyMap<string, number>): Assessment {
  return { ...a, draftWeights: { ...a.draftWeights, ...weightsFromShares(a, shares) } };
}

/**
 * Keeps elicited weights as a named weight set with how they were reached.
 *
 * @example saveElicited(a, 'Board ranking', shares, { method: 'ranking', variant: 'roc', order, date }).weightSets.at(-1)!.provenance!.method // 'ranking'
 */
export function saveElicited(a: Assessment, name: string, shares: ReadonlyMap<string, number>, provenance: WeightProvenance): Assessment {
  const clean = name.trim();
  if (clean === '') throw new EditError('a weight set needs a name');
  if (a.weightSets.some((w) => w.name.toLowerCase() === clean.toLowerCase())) throw new EditError(`there is already a weight set called “${clean}”`);
  const id = issueIdFor(clean, new Set(a.weightSets.map((w) => w.id)));
  const p = WeightProvenance.parse(provenance);
  return { ...a, weightSets: [...a.weightSets, { id, name: clean, weights: weightsFromShares(a, shares), savedAt: p.date, provenance: p }] };
}

/** The id of the weight set `saveElicited` would create for a name. */
export const elicitedSetId = (a: Assessment, name: string): string => issueIdFor(name.trim(), new Set(a.weightSets.map((w) => w.id)));

/**
 * Uses an order as SMAA's importance order (each criterion weighs at least as much as the next).
 *
 * @example useOrderForSmaa(a, ['physical_harm_to_victim', 'cost_impact']).sensitivity!.constraints.order
 */
export function useOrderForSmaa(a: Assessment, order: readonly string[]): Assessment {
  return updateSensitivitySettings(a, { constraints: { ...a.sensitivity?.constraints, order: [...order] } });
}
