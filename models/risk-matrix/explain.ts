import { countsTowardsTotal, effectiveWeights } from './score';
import type { RiskModel, Weights } from './schema';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * A score or total for display: whole numbers as they are, others to two decimals.
 *
 * @example formatScore(33) // '33'; formatScore(12.345) // '12.35'
 */
export const formatScore = (n: number): string =>
  // Whole scores 0-999 written directly: the report of 3,000 issues × 200 criteria formats 600,000 of them.
  Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : number.format(n);

/**
 * The total's formula in words, with the weights in force, so every total on
 * screen can be checked by hand.
 *
 * @example totalFormula(seed) // 'Total = Performance issue – deteriorating + PCC priority / national priority + … (weighted sum; every weight 1)'
 */
export function totalFormula(model: RiskModel, weights?: Weights): string {
  const w = effectiveWeights(model, weights);
  const term = (id: string, label: string) => (w[id] === 1 ? label : `${formatScore(w[id]!)} × ${label}`);
  const counted = model.criteria.filter(countsTowardsTotal);
  const left = model.criteria.filter((c) => !countsTowardsTotal(c)).map((c) => c.label);
  const outside = left.length > 0 ? ` ${left.join(', ')} ${left.length === 1 ? 'is' : 'are'} shown separately and not counted.` : '';
  const agg = model.aggregation;
  if (agg.kind === 'weighted-sum') {
    const all1 = counted.every((c) => w[c.id] === 1);
    return `Total = ${counted.map((c) => term(c.id, c.label)).join(' + ')} (weighted sum${all1 ? '; every weight 1' : ''}).${outside}`;
  }
  if (agg.kind === 'normalised-average') {
    return `Total = 100 × Σ weight × (score − scale minimum) ÷ (scale range) ÷ Σ weight, over ${counted.map((c) => `${c.label} (weight ${formatScore(w[c.id]!)})`).join(', ')} (normalised weighted average, 0–100).${outside}`;
  }
  const likelihood = model.criteria.find((c) => c.id === agg.likelihood)!;
  const harm = counted.filter((c) => c.group === 'Harm');
  const harmText = harm.length === 0 ? '0 (no Harm criteria)' : `(${harm.map((c) => term(c.id, c.label)).join(' + ')})`;
  return `Total = ${harmText} × ${likelihood.label} (harm × likelihood).${outside}${
    counted.some((c) => c.group !== 'Harm' && c.id !== likelihood.id) ? ' Criteria outside the Harm group do not change this total.' : ''
  }`;
}

/**
 * The criteria whose weight can change the total: all counted criteria for a
 * sum or average; only the Harm criteria for harm × likelihood (the likelihood
 * multiplies, it is not weighted).
 *
 * @example weightedCriteria(morile).map((c) => c.id) // ['physical_harm', 'psychological_harm', 'financial_harm', 'community_harm']
 */
export function weightedCriteria(model: RiskModel) {
  const counted = model.criteria.filter(countsTowardsTotal);
  return model.aggregation.kind === 'harm-x-likelihood' ? counted.filter((c) => c.group === 'Harm') : counted;
}
