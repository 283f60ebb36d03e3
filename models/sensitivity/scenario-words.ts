import type { ScenarioComparison, ScenarioDifference } from './scenario';
import { listWords, ordinal, weightWords } from './words';
import { own } from '../own';

/**
 * Plain words for a scenario comparison: what moved between the first scenario
 * and another, and what differs between them.
 */

/**
 * How the ranking changes from the first scenario to scenario `index`.
 *
 * @example scenarioChangeWords(cmp, 1, 5) // seed, Community priority weighing 3
 * // 'From Baseline to Community first, 29 issues change rank. Arson/Deliberate Fires rises most (=14th to =9th); Rape/Attempted Rape falls most
 * //  (=12th to 18th). Distraction Burglary and ASB (Environmental) join the top 5; Domestic Abuse and Terrorism leave it.'
 */
export function scenarioChangeWords(cmp: ScenarioComparison, index: number, topN = 5): string {
  const from = cmp.scenarios[0]!.name;
  const to = cmp.scenarios[index]?.name;
  if (to === undefined || index === 0) throw new Error(`no scenario ${index} to compare with the first`);
  const place = (p: { rank: number; rankLabel: string }) => `${p.rankLabel.startsWith('=') ? '=' : ''}${ordinal(p.rank)}`;
  const moved = cmp.rows.filter((r) => r.change[index] !== 0);
  if (moved.length === 0) return `From ${from} to ${to}, no issue changes rank.`;
  const riser = [...moved].sort((a, b) => b.change[index]! - a.change[index]!)[0]!;
  const faller = [...moved].sort((a, b) => a.change[index]! - b.change[index]!)[0]!;
  const parts = [`From ${from} to ${to}, ${moved.length === 1 ? '1 issue changes' : `${moved.length} issues change`} rank.`];
  const rise = riser.change[index]! > 0 ? `${riser.label} rises most (${place(riser.places[0]!)} to ${place(riser.places[index]!)})` : '';
  const fall = faller.change[index]! < 0 ? `${faller.label} falls most (${place(faller.places[0]!)} to ${place(faller.places[index]!)})` : '';
  parts.push(`${[rise, fall].filter((x) => x !== '').join('; ')}.`);
  const inTop = (k: number) => new Set(cmp.rows.filter((r) => r.places[k]!.rank <= topN).map((r) => r.label));
  const a = inTop(0);
  const b = inTop(index);
  const joins = [...b].filter((x) => !a.has(x));
  const leaves = [...a].filter((x) => !b.has(x));
  if (joins.length + leaves.length === 0) parts.push(`The top ${topN} is the same.`);
  else {
    const j = joins.length > 0 ? `${listWords(joins)} ${joins.length === 1 ? 'joins' : 'join'} the top ${topN}` : '';
    const l = leaves.length > 0 ? `${listWords(leaves)} ${leaves.length === 1 ? 'leaves' : 'leave'} it` : '';
    parts.push(`${[j, l].filter((x) => x !== '').join('; ')}.`);
  }
  return parts.join(' ');
}

/**
 * What differs between two scenarios, in words (weights and aggregation in
 * full; score changes counted, with up to three named).
 *
 * @example differenceWords(cmp.differences[0], labels) // 'Community priority weighs 3 instead of 1.'
 */
export function differenceWords(diffs: readonly ScenarioDifference[], labels: { issues: Readonly<Record<string, string>>; criteria: Readonly<Record<string, string>> }): string {
  if (diffs.length === 0) return 'The two scenarios are the same.';
  const agg = { 'weighted-sum': 'a weighted sum', 'harm-x-likelihood': 'harm × likelihood', 'normalised-average': 'a normalised average' } as const;
  const out: string[] = [];
  for (const d of diffs) {
    if (d.kind === 'aggregation') out.push(`Totals are ${agg[d.b]} instead of ${agg[d.a]}.`);
    if (d.kind === 'weight') out.push(`${own(labels.criteria, d.criterionId) ?? d.label} weighs ${weightWords(d.b)} instead of ${weightWords(d.a)}.`);
  }
  const scores = diffs.filter((d): d is Extract<ScenarioDifference, { kind: 'score' }> => d.kind === 'score');
  if (scores.length > 0) {
    const named = scores
      .slice(0, 3)
      .map((d) => `${own(labels.issues, d.issueId) ?? d.issueId} on ${own(labels.criteria, d.criterionId) ?? d.criterionId} (${d.a ?? 'unscored'} → ${d.b ?? 'unscored'})`);
    out.push(`${scores.length === 1 ? '1 score differs' : `${scores.length} scores differ`}: ${listWords(named)}${scores.length > 3 ? ' and others' : ''}.`);
  }
  return out.join(' ');
}
