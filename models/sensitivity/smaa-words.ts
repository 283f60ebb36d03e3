import { formatCount } from '../format';
import type { SmaaResult } from './smaa';
import { orderByMeanRank, pairwiseShares, rankAcceptability, topNShare } from './summary';
import { listWords, share } from './words';
import { own } from '../own';

/**
 * Plain words for a SMAA result, for the sentences beside the rank-acceptability
 * table and chart, the pairwise chart and the central weights.
 */

/**
 * What the figures are based on.
 *
 * @example smaaBasisWords(result) // 'Based on 10,000 plausible weightings drawn at random (seed 1234), every one equally likely.'
 */
export function smaaBasisWords(r: SmaaResult): string {
  if (r.sampler === 'partners') {
    const scores = r.uncertainCells > 0 ? ` Scores given with Medium or Low confidence were varied too (${formatCount(r.uncertainCells)} scores).` : '';
    const partial = r.samples < r.requested ? ` The run was stopped after ${formatCount(r.samples)} of ${formatCount(r.requested)}.` : '';
    return `Within the range the partners gave: based on ${formatCount(r.samples)} weightings (seed ${r.seed}), each weight between the lowest and highest share any of the partners (${listWords(r.partners ?? [])}) gave it, every such weighting equally likely. This tests whether our ranking holds across the partners’ views of the weights; it is not the uniform analysis over every possible weighting.${scores}${partial}`;
  }
  if (r.sampler === 'around') {
    const scores = r.uncertainCells > 0 ? ` Scores given with Medium or Low confidence were varied too (${formatCount(r.uncertainCells)} scores).` : '';
    const partial = r.samples < r.requested ? ` The run was stopped after ${formatCount(r.samples)} of ${formatCount(r.requested)}.` : '';
    return `Around the weights in use: based on ${formatCount(r.samples)} weightings near the chosen weights (seed ${r.seed}), each weight varied at random within ±${Math.round((r.around ?? 0) * 100)}% of its value and the weights then rescaled to add up to the same total. This tests how robust our ranking is if our weights are a little off; it is not the uniform analysis over every possible weighting.${scores}${partial}`;
  }
  const how =
    r.sampler === 'simplex'
      ? 'every one equally likely'
      : r.sampler === 'ordered-simplex'
        ? 'every weighting that keeps the stated order of importance equally likely'
        : 'every weighting within the stated limits equally likely';
  const scores = r.uncertainCells > 0 ? ` Scores given with Medium or Low confidence were varied too (${formatCount(r.uncertainCells)} scores).` : '';
  const partial = r.samples < r.requested ? ` The run was stopped after ${formatCount(r.samples)} of ${formatCount(r.requested)}.` : '';
  return `Based on ${formatCount(r.samples)} plausible weightings drawn at random (seed ${r.seed}), ${how}.${scores}${partial} This is the uniform analysis: the weights now in use play no part.`;
}

/**
 * One issue's place across the plausible weightings.
 *
 * @example smaaIssueWords(result, 'i0', 5) // 'Domestic Abuse is in the top 5 in 71.9% of plausible weightings and ranks first in 26.4%.' (seed, 10,000 samples)
 */
export function smaaIssueWords(r: SmaaResult, issueId: string, topN: number, label?: string): string {
  const i = r.issueIds.indexOf(issueId);
  if (i < 0) throw new Error(`no issue "${issueId}" in this result`);
  const name = label ?? r.issueLabels[i]!;
  const top = topNShare(r, topN)[i]!;
  const first = rankAcceptability(r)[i]![0]!;
  const inTop = top === 1 ? `is in the top ${topN} in every plausible weighting` : top === 0 ? `is never in the top ${topN}` : `is in the top ${topN} in ${share(top)} of plausible weightings`;
  if (topN === 1) return `${name} ${inTop}.`;
  const firstPart = first === 0 ? 'never ranks first' : first === 1 ? 'always ranks first' : `ranks first in ${share(first)}`;
  return `${name} ${inTop} and ${firstPart}.`;
}

/**
 * The headline: who is most often first, and which issues are (nearly) sure of the top N.
 *
 * @example smaaHeadlineWords(result, 5)
 * // 'Terrorism is most often first (29.1% of plausible weightings). No issue is in the top 5 in as many as 9 in 10 plausible weightings.'
 */
export function smaaHeadlineWords(r: SmaaResult, topN: number, labels?: Readonly<Record<string, string>>): string {
  const name = (i: number) => labels?.[r.issueIds[i]!] ?? r.issueLabels[i]!;
  const acc = rankAcceptability(r);
  const leader = r.issueIds.map((_, i) => i).reduce((a, b) => (acc[b]![0]! > acc[a]![0]! ? b : a));
  const top = topNShare(r, topN);
  const secure = orderByMeanRank(r).filter((i) => top[i]! >= 0.9);
  const lead = `${name(leader)} is most often first (${share(acc[leader]![0]!)} of plausible weightings).`;
  const sure =
    secure.length === 0
      ? ` No issue is in the top ${topN} in as many as 9 in 10 plausible weightings.`
      : ` ${secure.length === 1 ? '1 issue is' : `${secure.length} issues are`} in the top ${topN} in at least 9 in 10: ${listWords(secure.map(name))}.`;
  return lead + sure;
}

/**
 * How often one issue ranks above another.
 *
 * @example pairwiseWords(result, 'i0', 'i2') // 'Domestic Abuse ranks above Terrorism in 56.9% of plausible weightings.' (seed, 10,000 samples)
 */
export function pairwiseWords(r: SmaaResult, a: string, b: string, labels?: Readonly<Record<string, string>>): string {
  const i = r.issueIds.indexOf(a);
  const k = r.issueIds.indexOf(b);
  if (i < 0 || k < 0) throw new Error(`no issue "${i < 0 ? a : b}" in this result`);
  const name = (x: number) => labels?.[r.issueIds[x]!] ?? r.issueLabels[x]!;
  const pw = pairwiseShares(r);
  const tie = 1 - pw[i]![k]! - pw[k]![i]!;
  const level = tie > 0.0005 ? ` (level in ${share(tie)})` : '';
  return `${name(i)} ranks above ${name(k)} in ${share(pw[i]![k]!)} of plausible weightings${level}.`;
}

/**
 * The typical weights behind an issue coming first (its central weight vector).
 *
 * @example centralWeightWords(result, 'i0')
 * // 'When Domestic Abuse ranks first, the weights average: Likelihood 16.4%, Physical harm to victim 15.7% and Cost impact 13.5% and less for the rest (an even split would give each 11.1%).'
 */
export function centralWeightWords(r: SmaaResult, issueId: string, labels?: Readonly<Record<string, string>>): string {
  const i = r.issueIds.indexOf(issueId);
  if (i < 0) throw new Error(`no issue "${issueId}" in this result`);
  const name = own(labels, issueId) ?? r.issueLabels[i]!;
  const cw = r.centralWeights[i];
  if (cw === null || cw === undefined) return `${name} never ranks first, so there are no typical weights behind it coming first.`;
  const top = cw
    .map((w, j) => ({ w, label: r.criterionLabels[j]! }))
    .sort((x, y) => y.w - x.w)
    .slice(0, 3);
  return `When ${name} ranks first, the weights average: ${listWords(top.map((t) => `${t.label} ${share(t.w)}`))}${cw.length > 3 ? ' and less for the rest' : ''} (an even split would give each ${share(1 / cw.length)}).`;
}

/**
 * The leading issues, in order of mean rank, each against the next: how
 * settled the order at the top is.
 *
 * @example adjacentPairsWords(result, 3)
 * // 'In order of mean rank, each leading issue ranks above the next in: Domestic Abuse above Terrorism 56.9%, Terrorism above ASB (Personal) 61.0% of plausible weightings.'
 */
export function adjacentPairsWords(r: SmaaResult, count = 5, labels?: Readonly<Record<string, string>>): string {
  const order = orderByMeanRank(r).slice(0, Math.max(2, count));
  if (order.length < 2) return '';
  const name = (i: number) => labels?.[r.issueIds[i]!] ?? r.issueLabels[i]!;
  const pw = pairwiseShares(r);
  const pairs = order.slice(1).map((b, k) => `${name(order[k]!)} above ${name(b)} ${share(pw[order[k]!]![b]!)}`);
  return `In order of mean rank, each leading issue ranks above the next in: ${pairs.join(', ')} of plausible weightings.`;
}
