import { csvCell, parseCsv } from '../csv';
import { scoreProblem } from '../risk-matrix/scale';
import type { Criterion, Issue, RiskModel, ScoreGrid } from '../risk-matrix/schema';

/**
 * A partner's scoring sheet: the matrix CSV with a scorer column,
 *
 *   scorer,issue,<criterion id>…
 *
 * one row per issue (blank cells: not scored). Issues are matched by name or
 * id and criteria by id or label, ignoring case. Every mismatch is reported by
 * file, line and column; a row with any problem is left out whole, and a
 * header with an unknown or missing criterion rejects the file.
 */

export interface SheetProblem {
  file: string;
  line: number;
  column: string;
  reason: string;
}

/** One scorer's scores: issue id → criterion id → score (null: not scored). */
export interface ScorerSheet {
  scorer: string;
  file: string;
  scores: Map<string, Map<string, number | null>>;
}

export interface SheetRead {
  sheets: ScorerSheet[];
  problems: SheetProblem[];
}

/**
 * A blank (or pre-filled) sheet for a named scorer.
 *
 * @example scoringSheet(model, issues, 'Fire service').split('\r\n')[0] // 'scorer,issue,performance_deteriorating,…'
 */
export function scoringSheet(model: RiskModel, issues: readonly Issue[], scorer: string, prefill?: ScoreGrid): string {
  const rows = [['scorer', 'issue', ...model.criteria.map((c) => c.id)].map(csvCell).join(',')];
  for (const i of issues) rows.push([scorer, i.label, ...model.criteria.map((c) => prefill?.[i.id]?.[c.id]?.value ?? '')].map((v) => csvCell(v)).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * Reads one partner's sheet against the assessment's model and issues.
 *
 * @example readScoringSheet('police.csv', text, model, issues).problems[0] // { file: 'police.csv', line: 7, column: 'issue', reason: 'no issue called “ASB”' }
 */
export function readScoringSheet(file: string, text: string, model: RiskModel, issues: readonly Issue[]): SheetRead {
  const problems: SheetProblem[] = [];
  const say = (line: number, column: string, reason: string) => problems.push({ file, line, column, reason });
  const { records, malformed } = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const m of malformed) say(m.line, '', m.reason);
  const [head, ...rows] = records;
  if (head === undefined) return { sheets: [], problems: [...problems, { file, line: 1, column: '', reason: 'the file is empty' }] };
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const scorerAt = names.indexOf('scorer');
  const issueAt = names.indexOf('issue');
  if (scorerAt < 0) say(head.line, 'scorer', 'no “scorer” column');
  if (issueAt < 0) say(head.line, 'issue', 'no “issue” column');
  const criterionAt = new Map<number, Criterion>();
  names.forEach((name, k) => {
    if (k === scorerAt || k === issueAt || name === 'total' || name === '') return;
    const c = model.criteria.find((x) => x.id === name || x.label.toLowerCase() === name);
    if (c === undefined) say(head.line, head.fields[k]!, `no criterion “${head.fields[k]!.trim()}” in ${model.name}`);
    else criterionAt.set(k, c);
  });
  for (const c of model.criteria) if (![...criterionAt.values()].includes(c)) say(head.line, c.id, `no column for the criterion “${c.label}”`);
  if (problems.length > 0 && problems.some((p) => p.line === head.line)) return { sheets: [], problems };

  const byScorer = new Map<string, ScorerSheet>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    const before = problems.length;
    const scorer = (r.fields[scorerAt] ?? '').trim();
    const name = (r.fields[issueAt] ?? '').trim();
    if (scorer === '') say(r.line, 'scorer', 'no scorer named');
    const issue = issues.find((i) => i.label.toLowerCase() === name.toLowerCase() || i.id === name);
    if (issue === undefined) say(r.line, 'issue', name === '' ? 'no issue named' : `no issue called “${name}” in the assessment`);
    const row = new Map<string, number | null>();
    for (const [k, c] of criterionAt) {
      const raw = (r.fields[k] ?? '').trim();
      if (raw === '') {
        row.set(c.id, null);
        continue;
      }
      const v = Number(raw);
      const problem = Number.isFinite(v) ? scoreProblem(c, v) : 'is not a number';
      if (problem !== undefined) say(r.line, c.id, `“${raw}” ${problem}`);
      else row.set(c.id, v);
    }
    const key = `${scorer.toLowerCase()}\u0000${issue?.id ?? ''}`;
    if (issue !== undefined && scorer !== '' && seen.has(key)) say(r.line, 'issue', `${scorer} scores “${issue.label}” twice; the first row is kept`);
    if (problems.length > before) continue;
    seen.add(key);
    let sheet = byScorer.get(scorer.toLowerCase());
    if (sheet === undefined) byScorer.set(scorer.toLowerCase(), (sheet = { scorer, file, scores: new Map() }));
    sheet.scores.set(issue!.id, row);
  }
  return { sheets: [...byScorer.values()], problems };
}
