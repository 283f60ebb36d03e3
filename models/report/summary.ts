import type { DashboardRow } from '../dashboard/dashboard';
import { RAG_LABELS } from '../dashboard/rag';
import type { EvidenceResult, IssueEvidence } from '../evidence/evidence';
import { windowLabel } from '../evidence/period';
import { formatCount, formatRate, plural } from '../format';
import type { TopAreas } from '../need/top-areas';
import type { IssueLinks } from '../project/schema';
import type { Assessment } from '../risk-matrix/assessment';
import { formatScore } from '../risk-matrix/explain';
import { cutLineTie, movementText } from '../risk-matrix/movement';
import { countsTowardsTotal, type RankedIssue } from '../risk-matrix/score';
import type { SmaaResult } from '../sensitivity/smaa';
import { topNShare } from '../sensitivity/summary';
import { listWords, share } from '../sensitivity/words';
import type { ChangeSummary } from './changes';
import { own } from '../own';

/**
 * The executive summary: the top N priorities, each with a one-line
 * rationale (what scores it highly, how confident the scores are, the
 * evidence behind it, how robust its place is, where it happens), what
 * changed against a previous ranking, where need is greatest, and the
 * caveats on the data. Every figure is taken from results the app computes
 * elsewhere (evidence, dashboard, SMAA, need matrix), never recomputed here.
 */

/** Where need is greatest (the need matrix) and where each evidence issue's crime is. */
export interface WhereInput {
  /** 'wards' or 'LSOAs (2021)'. */
  levelLabel: string;
  /** The need matrix's top areas, best first. */
  top: { name: string; rank: number }[];
  /** The matrix's method in words (indicators, standardisation). */
  method: string;
  /** Catalogue issue id → its busiest areas. */
  byIssue: Readonly<Record<string, TopAreas>>;
}

export interface SummaryInput {
  assessment: Assessment;
  /** The ranking under the weights in force. */
  ranked: readonly RankedIssue[];
  n: number;
  changes: ChangeSummary | null;
  /** Evidence for the analyst's period, and the dashboard (12 months). */
  evidence: EvidenceResult | null;
  dashboard: readonly DashboardRow[] | null;
  links: IssueLinks;
  robustness: SmaaResult | null;
  where: WhereInput | null;
}

export interface PriorityLine {
  issueId: string;
  rankLabel: string;
  label: string;
  total: number;
  scores: string;
  confidence: string;
  evidence: string;
  robustness: string | null;
  where: string | null;
  movement: string | null;
  /** Everything above as one line. */
  line: string;
}

export interface ExecutiveSummary {
  intro: string;
  priorities: PriorityLine[];
  changes: string | null;
  where: string | null;
}

function scoresText(a: Assessment, r: RankedIssue): string {
  const row = own(a.scores, r.issueId) ?? {};
  const top = a.model.criteria
    .filter(countsTowardsTotal)
    .map((c) => ({ c, part: own(r.contributions, c.id) ?? 0, value: own(row, c.id)?.value ?? null }))
    .filter((x) => x.part > 0 && x.value !== null)
    .sort((x, y) => y.part - x.part)
    .slice(0, 3);
  if (top.length === 0) return 'no criterion adds to its total';
  return `${listWords(top.map((x) => `${x.c.label} (${formatScore(x.value!)})`))} ${top.length === 1 ? 'contributes' : 'contribute'} most after weighting`;
}

function confidenceText(a: Assessment, issueId: string): string {
  const row = own(a.scores, issueId) ?? {};
  const cells = a.model.criteria.filter(countsTowardsTotal).map((c) => own(row, c.id)?.confidence);
  const stated = cells.filter((c) => c !== undefined);
  if (stated.length === 0) return 'confidence not recorded';
  const count = (k: string) => cells.filter((c) => c === k).length;
  const parts = (['High', 'Medium', 'Low'] as const).filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`);
  if (stated.length < cells.length) parts.push(`${cells.length - stated.length} not stated`);
  return `confidence ${parts.join(', ')}`;
}

/** The evidence behind an assessment issue, in words, from its linked catalogue issue. */
export function evidenceText(e: IssueEvidence | undefined, row: DashboardRow | undefined, period: EvidenceResult['period']): string {
  if (e === undefined) return 'no evidence issue linked';
  const name = `${e.label} (${e.source === 'police-uk' ? 'police.uk' : 'local counts'})`;
  if (!e.hasData || e.volume === null) return `no data yet for ${name}`;
  const when = period === null ? '' : ` in ${windowLabel(period.current)}`;
  const change = e.change === null ? 'no earlier period to compare' : `${e.change.text.replace(/^Up|^Down|^No/, (w) => w.toLowerCase())}, ${e.change.words}`;
  const rate = e.ratePer1000 === null ? '' : `; ${formatRate(e.ratePer1000)}`;
  const rag = row === undefined ? '' : `; dashboard ${RAG_LABELS[row.rag.rag]}`;
  return `evidence: ${name} ${formatCount(e.volume)}${when}, ${change}${rate}${rag}`;
}

function robustnessText(r: SmaaResult | null, issueId: string, n: number): string | null {
  if (r === null) return null;
  const i = r.issueIds.indexOf(issueId);
  if (i < 0) return null;
  const s = topNShare(r, n)[i]!;
  if (s === 1) return `in the top ${n} in every plausible weighting`;
  if (s === 0) return `never in the top ${n} across plausible weightings`;
  return `in the top ${n} in ${share(s)} of plausible weightings`;
}

function whereText(t: TopAreas | undefined, levelLabel: string): string | null {
  if (t === undefined || t.areas.length === 0) return null;
  const span = t.first === '' ? '' : `, ${windowLabel({ from: t.first, to: t.last })}`;
  return `most in ${listWords(t.areas.map((a) => `${a.name} (${formatCount(a.count)})`))} of ${formatCount(t.total)} placed in ${levelLabel}${span}`;
}

/**
 * The executive summary from results already computed.
 *
 * @example executiveSummary({ assessment, ranked, n: 5, … }).priorities[0].line
 * // 'Domestic Abuse (1, total 33): … contribute most after weighting; confidence not recorded; no data yet for Domestic abuse (local counts)'
 */
export function executiveSummary(x: SummaryInput): ExecutiveSummary {
  const a = x.assessment;
  const byId = new Map(x.evidence?.issues.map((i) => [i.id, i]) ?? []);
  const rows = new Map(x.dashboard?.map((r) => [r.issueId, r]) ?? []);
  const moves = new Map(x.changes?.top.map((r) => [r.issueId, r]) ?? []);
  const priorities = x.ranked.slice(0, x.n).map((r): PriorityLine => {
    const link = own(x.links, r.issueId) ?? null;
    const e = link === null ? undefined : byId.get(link);
    const move = moves.get(r.issueId);
    const scores = scoresText(a, r);
    const confidence = confidenceText(a, r.issueId);
    const evidence = evidenceText(e, link === null ? undefined : rows.get(link), x.evidence?.period ?? null);
    const robustness = robustnessText(x.robustness, r.issueId, x.n);
    const where = link === null || x.where === null ? null : whereText(x.where.byIssue[link], x.where.levelLabel);
    const movement = move === undefined || x.changes === null || move.movement.kind === 'same' ? null : `${movementText(move.movement).words} on ${x.changes.against}`;
    const line = [`${r.label} (${r.rankLabel}, total ${formatScore(r.total)}): ${scores}`, confidence, evidence, robustness, where, movement].filter((p) => p !== null).join('; ');
    return { issueId: r.issueId, rankLabel: r.rankLabel, label: r.label, total: r.total, scores, confidence, evidence, robustness, where, movement, line: `${line}.` };
  });
  const area = x.evidence?.area ?? null;
  const intro = `“${a.name}” ranks ${plural(a.issues.length, 'issue')} on ${plural(a.model.criteria.length, 'criterion', 'criteria')} (${a.model.name}; the formula and weights are under Priorities). The top ${x.n}${area === null ? '' : ` for ${area}`}: ${listWords(priorities.map((p) => p.label))}.`;
  const where =
    x.where === null || x.where.top.length === 0
      ? null
      : `Need is greatest in ${listWords(x.where.top.map((t) => t.name))} (the top ${x.where.top.length} ${x.where.levelLabel} of the community need matrix: ${x.where.method}).`;
  return { intro, priorities, changes: x.changes?.sentence ?? null, where };
}

export interface CaveatInput {
  assessment: Assessment;
  ranked: readonly RankedIssue[];
  n: number;
  links: IssueLinks;
  /** Data-quality notes (overview, evidence), most important first; duplicates by id are dropped. */
  notes: readonly { id: string; severity: 'info' | 'warning'; text: string }[];
  /** What the need matrix lacks (need set-up's missing sentences). */
  needMissing: readonly string[];
}

/**
 * The caveats a reader should know before relying on the ranking: data
 * gaps and quality notes, unscored criteria, a cut line that splits a tie,
 * low-confidence scores and priorities with no linked evidence.
 *
 * @example caveats({ assessment, ranked, n: 5, links, notes, needMissing: [] })
 */
export function caveats(x: CaveatInput): { severity: 'info' | 'warning'; text: string }[] {
  const out: { severity: 'info' | 'warning'; text: string }[] = [];
  const seen = new Set<string>();
  for (const note of x.notes) {
    if (seen.has(note.id)) continue;
    seen.add(note.id);
    out.push({ severity: note.severity, text: note.text });
  }
  for (const m of x.needMissing) out.push({ severity: 'info', text: m });
  const unscored = x.ranked.filter((r) => r.unscored.length > 0);
  if (unscored.length > 0) {
    out.push({
      severity: 'warning',
      text: `${plural(unscored.length, 'issue')} ${unscored.length === 1 ? 'has' : 'have'} criteria not yet scored, counted as the scale minimum: ${listWords(unscored.map((r) => r.label))}.`,
    });
  }
  const tie = cutLineTie(x.ranked, x.n);
  if (tie !== undefined)
    out.push({
      severity: 'warning',
      text: `The top ${x.n} splits a tie at ${formatScore(tie.total)} (${tie.rankLabel}): ${listWords(tie.issues)}. Which of them fall in the top ${x.n} is only their order in the assessment.`,
    });
  const top = x.ranked.slice(0, x.n);
  const low = top.filter((r) => Object.values(own(x.assessment.scores, r.issueId) ?? {}).some((s) => s.confidence === 'Low'));
  // Caveats about the top N themselves are warnings: they bear on the priorities the summary recommends.
  if (low.length > 0) out.push({ severity: 'warning', text: `Some scores of ${listWords(low.map((r) => r.label))} are given with Low confidence.` });
  const unlinked = top.filter((r) => (own(x.links, r.issueId) ?? null) === null);
  if (unlinked.length > 0) {
    out.push({
      severity: 'warning',
      text: `No evidence issue is linked to ${listWords(unlinked.map((r) => r.label))}, so the report shows no figures from the data for ${unlinked.length === 1 ? 'it' : 'them'}; their scores rest on the analysts’ judgement and local sources.`,
    });
  }
  return out;
}
