import { formatDate } from '../format';
import type { WeightProvenance } from './provenance';
import { SAATY_WORDS } from './pairwise';
import { RANKING_METHODS } from './ranking';

/**
 * How a weight set was reached, in one sentence.
 *
 * @example provenanceWords(p, label) // 'Agreed by ranking (rank-order centroid weights) on 04/12/2026: Likelihood, then Cost impact, then …'
 */
export function provenanceWords(p: WeightProvenance, label: (id: string) => string): string {
  const when = `on ${formatDate(p.date)}${p.by ? ` by ${p.by}` : ''}`;
  if (p.method === 'ranking') return `Agreed by ranking (${RANKING_METHODS[p.variant]} weights) ${when}, most important first: ${p.order.map(label).join(', then ')}.`;
  if (p.method === 'swing') {
    const sorted = [...p.points].sort((x, y) => y[1] - x[1]);
    return `Agreed by swing weighting ${when}: ${sorted.map(([id, pts]) => `${label(id)} ${pts} points`).join('; ')} (the most important swing is 100).`;
  }
  if (p.method === 'partners') {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const each = p.partners.map((q) => `${q.partner} (${q.shares.map(([id, v]) => `${label(id)} ${pct(v)}`).join(', ')}; from ${q.source})`);
    return `Combined ${when} from ${p.partners.length} partners’ weights, the ${p.how} of each criterion’s share: ${each.join('; ')}.`;
  }
  const said = p.judgements.map((j) => {
    if (j.strength === 1) return `${label(j.a)} and ${label(j.b)} equally important`;
    const [more, less] = j.favours === 'a' ? [j.a, j.b] : [j.b, j.a];
    return `${label(more)} ${SAATY_WORDS[j.strength]} than ${label(less)} (${j.strength})`;
  });
  return `Agreed by pairwise comparison ${when} (consistency ratio ${p.cr.toFixed(2)}${p.cr > 0.1 ? ', above 0.10: some judgements contradict others' : ''}): ${said.join('; ')}.`;
}

/** The method alone, for a short label. @example methodWords(p) // 'ranking' */
export const methodWords = (p: WeightProvenance): string => ({ ranking: 'ranking', swing: 'swing weighting', pairwise: 'pairwise comparison', partners: 'partners’ weights combined' })[p.method];
