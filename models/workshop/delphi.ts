import { csvCell, parseCsv } from '../csv';
import { scoreProblem } from '../risk-matrix/scale';
import type { Issue, RiskModel } from '../risk-matrix/schema';
import type { CellAgreement } from './agreement';
import type { ScorerSheet, SheetProblem } from './sheet';

/**
 * A second (Delphi) round on the flagged cells: each scorer who scored one sees the group
 * median and their own round 1 score for every cell where scorers differed by
 * 2 or more levels, and may give a revised score. Round 2 replaces round 1 for
 * those cells only; the agreement is then recomputed on the revised sheets.
 *
 *   scorer,issue,criterion,group median,round 1,round 2
 */

/** One revised score. */
export interface Revision {
  scorer: string;
  issueId: string;
  criterionId: string;
  value: number;
}

const HEAD = ['scorer', 'issue', 'criterion', 'group median', 'round 1', 'round 2'];

/**
 * The round 2 sheet: a row per scorer and flagged cell, round 2 left blank.
 *
 * @example delphiSheet(issues, cells, sheets).split('\r\n')[0] // 'scorer,issue,criterion,group median,round 1,round 2'
 */
export function delphiSheet(issues: readonly Issue[], cells: readonly CellAgreement[], sheets: readonly ScorerSheet[]): string {
  const label = new Map(issues.map((i) => [i.id, i.label]));
  const rows = [HEAD.join(',')];
  for (const s of sheets.map((x, k) => [x, k] as const))
    for (const c of cells.filter((x) => x.flagged && x.scores[s[1]] !== null))
      rows.push([s[0].scorer, label.get(c.issueId) ?? c.issueId, c.criterionId, c.median ?? '', c.scores[s[1]] ?? '', ''].map((v) => csvCell(v)).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * Reads a round 2 sheet: scorers must be among those of round 1, and only
 * flagged cells can be revised. A blank round 2 keeps the round 1 score.
 *
 * @example readDelphiSheet('fire-r2.csv', text, model, issues, cells, sheets).revisions[0] // { scorer: 'Fire', issueId: 'i0', criterionId: 'likelihood', value: 3 }
 */
export function readDelphiSheet(
  file: string,
  text: string,
  model: RiskModel,
  issues: readonly Issue[],
  cells: readonly CellAgreement[],
  sheets: readonly ScorerSheet[],
): { revisions: Revision[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const say = (line: number, column: string, reason: string) => problems.push({ file, line, column, reason });
  const { records, malformed } = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const m of malformed) say(m.line, '', m.reason);
  const [head, ...rows] = records;
  if (head === undefined) return { revisions: [], problems: [...problems, { file, line: 1, column: '', reason: 'the file is empty' }] };
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const at = (n: string) => names.indexOf(n);
  for (const n of ['scorer', 'issue', 'criterion', 'round 2']) if (at(n) < 0) say(head.line, n, `no “${n}” column`);
  if (problems.some((p) => p.line === head.line)) return { revisions: [], problems };
  const flagged = new Set(cells.filter((c) => c.flagged).map((c) => `${c.issueId}\u0000${c.criterionId}`));
  const revisions: Revision[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    const get = (n: string) => (r.fields[at(n)] ?? '').trim();
    const before = problems.length;
    const scorer = sheets.find((s) => s.scorer.toLowerCase() === get('scorer').toLowerCase());
    if (scorer === undefined) say(r.line, 'scorer', get('scorer') === '' ? 'no scorer named' : `“${get('scorer')}” did not score round 1`);
    const issue = issues.find((i) => i.label.toLowerCase() === get('issue').toLowerCase() || i.id === get('issue'));
    if (issue === undefined) say(r.line, 'issue', `no issue called “${get('issue')}” in the assessment`);
    const c = model.criteria.find((x) => x.id === get('criterion').toLowerCase() || x.label.toLowerCase() === get('criterion').toLowerCase());
    if (c === undefined) say(r.line, 'criterion', `no criterion “${get('criterion')}” in ${model.name}`);
    if (problems.length > before) continue;
    if (!flagged.has(`${issue!.id}\u0000${c!.id}`)) {
      say(r.line, 'criterion', `“${issue!.label}” × “${c!.label}” was not flagged for a second round`);
      continue;
    }
    const k = sheets.indexOf(scorer!);
    if ((cells.find((x) => x.issueId === issue!.id && x.criterionId === c!.id)?.scores[k] ?? null) === null) {
      say(r.line, 'scorer', `${scorer!.scorer} did not score “${issue!.label}” × “${c!.label}” in round 1`);
      continue;
    }
    const raw = get('round 2');
    if (raw === '') continue;
    const v = Number(raw);
    const problem = Number.isFinite(v) ? scoreProblem(c!, v) : 'is not a number';
    if (problem !== undefined) {
      say(r.line, 'round 2', `“${raw}” ${problem}`);
      continue;
    }
    const key = `${scorer!.scorer}\u0000${issue!.id}\u0000${c!.id}`;
    if (seen.has(key)) {
      say(r.line, 'round 2', `${scorer!.scorer} revises “${issue!.label}” × “${c!.label}” twice; the first is kept`);
      continue;
    }
    seen.add(key);
    revisions.push({ scorer: scorer!.scorer, issueId: issue!.id, criterionId: c!.id, value: v });
  }
  return { revisions, problems };
}

/**
 * The sheets with round 2 replacing round 1 for the revised cells (new objects; round 1 is kept as it was).
 *
 * @example cellAgreement(model, ids, applyRound2(sheets, revisions)) // the agreement after round 2
 */
export function applyRound2(sheets: readonly ScorerSheet[], revisions: readonly Revision[]): ScorerSheet[] {
  return sheets.map((s) => {
    const mine = revisions.filter((r) => r.scorer === s.scorer);
    if (mine.length === 0) return s;
    const scores = new Map([...s.scores].map(([id, row]) => [id, new Map(row)]));
    // Only cells the scorer scored in round 1 are revised (readDelphiSheet refuses others).
    for (const r of mine) scores.get(r.issueId)?.set(r.criterionId, r.value);
    return { ...s, scores };
  });
}
