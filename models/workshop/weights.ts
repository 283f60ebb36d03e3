import { csvCell, parseCsv } from '../csv';
import type { WeightSet } from '../risk-matrix/assessment';
import { EditError } from '../risk-matrix/edit-error';
import { weightedCriteria } from '../risk-matrix/explain';
import type { RiskModel } from '../risk-matrix/schema';
import { effectiveWeights } from '../risk-matrix/score';
import { median } from './agreement';
import type { SheetProblem } from './sheet';

/**
 * Partners' weight sets combined, and the range they span.
 *
 * Each partner's weights are first normalised to shares of the criteria that
 * carry weight (summing to 1), so a partner who weighs everything 1-5 and one
 * who weighs 10-50 count alike. The combined set is each criterion's mean or
 * median share, renormalised to sum to 1 (a median of shares need not sum to
 * 1). The range is each criterion's lowest and highest share across partners:
 * SMAA can sample within it.
 */

/** One partner's shares: criterion id → share (summing to 1 over the weighted criteria). */
export interface PartnerWeights {
  partner: string;
  /** Where they came from: a weight set's name or a file name. */
  source: string;
  shares: Map<string, number>;
}

/**
 * Weights as shares of the criteria that carry weight (missing weights: the model's).
 *
 * @example sharesOf(model, { likelihood: 2, cost_impact: 2 }) // Map { likelihood → 0.5, cost_impact → 0.5 } (two weighted criteria)
 */
export function sharesOf(model: RiskModel, weights: Record<string, number>): Map<string, number> {
  const ids = weightedCriteria(model).map((c) => c.id);
  const w = effectiveWeights(model, weights);
  const total = ids.reduce((t, id) => t + Math.max(0, w[id] ?? 0), 0);
  if (!(total > 0)) throw new EditError('these weights give no criterion any weight');
  return new Map(ids.map((id) => [id, Math.max(0, w[id] ?? 0) / total]));
}

/** A saved weight set as a partner's weights (the partner is the set's name). */
export const partnerFromSet = (model: RiskModel, set: WeightSet): PartnerWeights => ({ partner: set.name, source: `weight set “${set.name}”`, shares: sharesOf(model, set.weights) });

/**
 * Reads a weights sheet `scorer,criterion,weight` (one row per partner and
 * criterion; criteria by id or label, ignoring case). Every problem is named
 * by file, line and column; a partner with any bad row is left out whole, and
 * a partner who does not weigh every weighted criterion is left out too.
 *
 * @example readWeightsSheet('weights.csv', 'scorer,criterion,weight\nPolice,likelihood,3\n…', model).partners[0].partner // 'Police'
 */
export function readWeightsSheet(file: string, text: string, model: RiskModel): { partners: PartnerWeights[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const say = (line: number, column: string, reason: string) => problems.push({ file, line, column, reason });
  const { records, malformed } = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const m of malformed) say(m.line, '', m.reason);
  const [head, ...rows] = records;
  if (head === undefined) return { partners: [], problems: [...problems, { file, line: 1, column: '', reason: 'the file is empty' }] };
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const at = { scorer: names.indexOf('scorer'), criterion: names.indexOf('criterion'), weight: names.indexOf('weight') };
  for (const [k, v] of Object.entries(at)) if (v < 0) say(head.line, k, `no “${k}” column`);
  if (problems.some((p) => p.line === head.line)) return { partners: [], problems };
  const weighted = weightedCriteria(model);
  const byPartner = new Map<string, { name: string; weights: Map<string, number>; bad: boolean; firstLine: number }>();
  for (const r of rows) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    const before = problems.length;
    const scorer = (r.fields[at.scorer] ?? '').trim();
    const crit = (r.fields[at.criterion] ?? '').trim();
    const raw = (r.fields[at.weight] ?? '').trim();
    if (scorer === '') say(r.line, 'scorer', 'no scorer named');
    const c = model.criteria.find((x) => x.id === crit.toLowerCase() || x.label.toLowerCase() === crit.toLowerCase());
    if (c === undefined) say(r.line, 'criterion', crit === '' ? 'no criterion named' : `no criterion “${crit}” in ${model.name}`);
    else if (!weighted.includes(c)) say(r.line, 'criterion', `“${c.label}” carries no weight in ${model.name}`);
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) say(r.line, 'weight', raw === '' ? 'no weight given' : `“${raw}” is not a number`);
    else if (v < 0) say(r.line, 'weight', `“${raw}” is below 0`);
    if (scorer === '') continue;
    let p = byPartner.get(scorer.toLowerCase());
    if (p === undefined) byPartner.set(scorer.toLowerCase(), (p = { name: scorer, weights: new Map(), bad: false, firstLine: r.line }));
    if (c !== undefined && p.weights.has(c.id)) say(r.line, 'criterion', `${scorer} weighs “${c.label}” twice`);
    if (problems.length > before) {
      p.bad = true;
      continue;
    }
    p.weights.set(c!.id, v);
  }
  const partners: PartnerWeights[] = [];
  for (const p of byPartner.values()) {
    if (p.bad) continue;
    const missing = weighted.filter((c) => !p.weights.has(c.id));
    if (missing.length > 0) {
      say(p.firstLine, 'criterion', `${p.name} gives no weight for ${missing.map((c) => `“${c.label}”`).join(', ')}; ${p.name} is left out`);
      continue;
    }
    const total = [...p.weights.values()].reduce((t, v) => t + v, 0);
    if (!(total > 0)) {
      say(p.firstLine, 'weight', `${p.name}’s weights are all 0; ${p.name} is left out`);
      continue;
    }
    partners.push({ partner: p.name, source: file, shares: new Map(weighted.map((c) => [c.id, p.weights.get(c.id)! / total])) });
  }
  return { partners, problems };
}

/** A blank weights sheet for the model's weighted criteria. */
export function weightsSheet(model: RiskModel, scorer: string): string {
  const rows = [['scorer', 'criterion', 'weight'].join(',')];
  for (const c of weightedCriteria(model)) rows.push([scorer, c.id, ''].map((v) => csvCell(v)).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * The combined shares: each criterion's mean or median share across partners, renormalised to sum to 1.
 *
 * @example combineShares([police, council, fire], 'median').get('likelihood')
 */
export function combineShares(partners: readonly PartnerWeights[], how: 'mean' | 'median'): Map<string, number> {
  if (partners.length < 2) throw new EditError('combining weights needs two or more partners');
  const ids = [...partners[0]!.shares.keys()];
  const raw = ids.map((id) => {
    const xs = partners.map((p) => p.shares.get(id) ?? 0);
    return how === 'median' ? median(xs) : xs.reduce((t, v) => t + v, 0) / xs.length;
  });
  const total = raw.reduce((t, v) => t + v, 0);
  if (!(total > 0)) throw new EditError('the combined weights give no criterion any weight');
  return new Map(ids.map((id, k) => [id, raw[k]! / total]));
}

/**
 * Each criterion's lowest and highest share across the partners: the range SMAA can sample within.
 *
 * @example partnerBounds([police, council]).likelihood // { min: 0.1, max: 0.3 }
 */
export function partnerBounds(partners: readonly PartnerWeights[]): Record<string, { min: number; max: number }> {
  if (partners.length < 2) throw new EditError('a range of weights needs two or more partners');
  const out: Record<string, { min: number; max: number }> = {};
  for (const id of partners[0]!.shares.keys()) {
    const xs = partners.map((p) => p.shares.get(id) ?? 0);
    out[id] = { min: Math.min(...xs), max: Math.max(...xs) };
  }
  return out;
}

/** The provenance record of a combined set: who, how, and each partner's shares. */
export const combinedProvenance = (partners: readonly PartnerWeights[], how: 'mean' | 'median', date: number) => ({
  method: 'partners' as const,
  how,
  partners: partners.map((p) => ({ partner: p.partner, source: p.source, shares: [...p.shares] as [string, number][] })),
  date,
});
