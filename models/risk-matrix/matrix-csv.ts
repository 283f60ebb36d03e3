import { createCsvTokenizer, csvText, formatCsv } from '../csv';
import type { RowProblem } from '../row-problem';
import { issueIdAllocator } from './ids';
import { scoreProblem } from './scale';
import { totals } from './score';
import { Confidence, type Criterion, type Issue, type RiskModel, type Score, type ScoreGrid } from './schema';
import { dict, own } from '../own';

/**
 * Matrix files: one row per issue, one column per criterion.
 *
 *   issue,<criterion id or label>...[,total][,<criterion id>.rationale][,<criterion id>.confidence]...
 *
 * The seed (Central Bedfordshire 2014) reads as it is. Blank score cells are
 * "not scored". A `total` column is checked against the computed total and any
 * difference reported by row. Any error (unknown column, a value that is not a
 * number or lies outside the scale, a repeated issue, a short row) rejects the
 * whole file, so a bad file never half-replaces a matrix.
 */

/** A row whose `total` column disagrees with the total computed from its scores (with the model's own weights). */
export interface TotalMismatch {
  line: number;
  issue: string;
  inFile: number;
  computed: number;
}

export type MatrixRead =
  | { ok: false; problems: RowProblem[] }
  | {
      ok: true;
      issues: Issue[];
      scores: ScoreGrid;
      mismatches: TotalMismatch[];
      /** Things the user should know that did not stop the import (criteria without a column, blank cells). */
      notes: string[];
    };

/** Problems beyond this many are counted, not listed. */
const MAX_PROBLEMS = 100;
const TOLERANCE = 1e-6;
/** Characters read between two progress reports. */
const PROGRESS_SLICE = 64 * 1024;

type Column = { kind: 'issue' } | { kind: 'score' | 'rationale' | 'confidence'; criterion: Criterion } | { kind: 'total' };

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/\s+/g, ' ');

function headerColumns(header: string[], model: RiskModel, line: number): { columns: Column[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const byName = new Map<string, Criterion>();
  for (const c of model.criteria) {
    byName.set(c.id, c);
    byName.set(norm(c.label), c);
  }
  const columns: Column[] = [];
  const seen = new Map<string, string>();
  header.forEach((raw, i) => {
    const name = norm(raw);
    let col: Column | undefined;
    if (i === 0) {
      if (name === 'issue') col = { kind: 'issue' };
      else problems.push({ line, column: raw, reason: `the first column must be headed “issue”, found “${raw}”`, value: raw });
    } else if (name === 'total') col = { kind: 'total' };
    else {
      const m = /^(.*)\.(rationale|confidence)$/.exec(name);
      const c = byName.get(m === null ? name : m[1]!);
      if (c !== undefined) col = { kind: m === null ? 'score' : (m[2] as 'rationale' | 'confidence'), criterion: c };
    }
    if (col === undefined) {
      if (i > 0) {
        const expected = ['issue', ...model.criteria.map((c) => c.id), 'total'].join(', ');
        problems.push({ line, column: raw, reason: `unknown column “${raw}”: it is not a criterion of “${model.name}” (expected ${expected})`, value: raw });
      }
      columns.push({ kind: 'total' });
      return;
    }
    const key = col.kind === 'issue' || col.kind === 'total' ? col.kind : `${col.kind}:${col.criterion.id}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line, column: raw, reason: `column “${raw}” repeats column “${first}”`, value: raw });
    seen.set(key, raw);
    columns.push(col);
  });
  return { columns, problems };
}

/**
 * Reads a matrix file against a model, linear in its rows; `onProgress`
 * hears how many characters of the text have been read.
 *
 * @example
 *   const r = readMatrixCsv(await file.text(), templateById('central-beds-2014')!);
 *   if (r.ok) rank(model, r.issues, r.scores)[0] // { label: 'Domestic Abuse', total: 33, … }
 *   else r.problems[0] // { line: 5, column: 'likelihood', reason: '“7” must be a whole number from 0 to 5', value: '7' }
 */
export function readMatrixCsv(text: string, model: RiskModel, onProgress?: (done: number, total: number) => void): MatrixRead {
  const problems: RowProblem[] = [];
  let dropped = 0;
  const problem = (p: RowProblem) => (problems.length < MAX_PROBLEMS ? problems.push({ ...p, value: p.value.slice(0, 200) }) : dropped++);
  let header: { columns: Column[]; names: string[]; ok: boolean } | undefined;
  const issues: Issue[] = [];
  const scores: ScoreGrid = {};
  const nextId = issueIdAllocator();
  const fileTotals: { id: string; line: number; total: number }[] = [];
  const firstLine = new Map<string, number>();
  let blanks = 0;

  const t = createCsvTokenizer({
    record(fields, line) {
      if (header === undefined) {
        const h = headerColumns(fields, model, line);
        h.problems.forEach(problem);
        header = { columns: h.columns, names: fields.map((f) => f.trim()), ok: h.problems.length === 0 };
        return;
      }
      // Rows cannot be read against a header that is wrong; its problems say why.
      if (!header.ok) return;
      if (fields.length !== header.columns.length) {
        problem({ line, column: '(whole row)', reason: `expected ${header.columns.length} fields, found ${fields.length}`, value: fields.join(',') });
        return;
      }
      const label = csvText(fields[0]!.trim());
      if (label === '') {
        problem({ line, column: header.names[0]!, reason: 'the issue has no name', value: '' });
        return;
      }
      const seenAt = firstLine.get(label.toLowerCase());
      if (seenAt !== undefined) {
        problem({ line, column: header.names[0]!, reason: `“${label}” appears twice (first on line ${seenAt})`, value: label });
        return;
      }
      firstLine.set(label.toLowerCase(), line);
      const row = dict<Score>();
      const cell = (c: Criterion) => (row[c.id] ??= { value: null });
      let ok = true;
      let total: number | undefined;
      header.columns.forEach((col, i) => {
        const raw = fields[i]!.trim();
        const column = header!.names[i]!;
        if (col.kind === 'issue') return;
        if (col.kind === 'total') {
          if (raw === '') return;
          const v = Number(raw);
          if (!/^-?\d+(\.\d+)?$/.test(raw)) {
            problem({ line, column, reason: `the total “${raw}” is not a number`, value: raw });
            ok = false;
          } else total = v;
        } else if (col.kind === 'score') {
          if (raw === '') {
            cell(col.criterion);
            blanks++;
            return;
          }
          const v = Number(raw);
          const why = /^-?\d+(\.\d+)?$/.test(raw) ? scoreProblem(col.criterion, v) : `is not a number (${col.criterion.label} is scored ${col.criterion.scale.min} to ${col.criterion.scale.max})`;
          if (why !== undefined) {
            problem({ line, column, reason: `“${raw}” ${why}`, value: raw });
            ok = false;
          } else cell(col.criterion).value = v;
        } else if (col.kind === 'rationale') {
          if (raw !== '') cell(col.criterion).rationale = csvText(raw);
        } else if (raw !== '') {
          const conf = Confidence.options.find((o) => o.toLowerCase() === raw.toLowerCase());
          if (conf === undefined) {
            problem({ line, column, reason: `confidence must be High, Medium or Low, found “${raw}”`, value: raw });
            ok = false;
          } else cell(col.criterion).confidence = conf;
        }
      });
      if (!ok) return;
      // An id is given only to a row that is kept, as before.
      const id = nextId(label);
      if (total !== undefined) fileTotals.push({ id, line, total });
      issues.push({ id, label });
      scores[id] = row;
    },
    malformed(line, reason, text) {
      problem({ line, column: '(whole row)', reason, value: text });
    },
  });
  // In slices, so a long file can say how far it has got (characters read of all).
  for (let at = 0; at < text.length; at += PROGRESS_SLICE) {
    t.push(text.slice(at, at + PROGRESS_SLICE));
    onProgress?.(Math.min(text.length, at + PROGRESS_SLICE), text.length);
  }
  t.end();

  if (header === undefined) return { ok: false, problems: [{ line: 1, column: '(whole file)', reason: 'the file is empty', value: '' }] };
  if (problems.length === 0 && issues.length === 0) return { ok: false, problems: [{ line: 1, column: '(whole file)', reason: 'the file has a header but no issues', value: '' }] };
  if (problems.length > 0) {
    if (dropped > 0) problems.push({ line: problems.at(-1)!.line, column: '(whole file)', reason: `and ${dropped} more problems`, value: '' });
    return { ok: false, problems };
  }

  const computed = totals(model, issues, scores);
  const index = new Map(issues.map((issue, i) => [issue.id, i]));
  const mismatches: TotalMismatch[] = [];
  for (const f of fileTotals) {
    const i = index.get(f.id)!;
    const c = computed[i]!.total;
    if (Math.abs(c - f.total) > TOLERANCE * Math.max(1, Math.abs(c))) mismatches.push({ line: f.line, issue: issues[i]!.label, inFile: f.total, computed: c });
  }
  const notes: string[] = [];
  const named = new Set(header.columns.flatMap((c) => (c.kind === 'score' ? [c.criterion.id] : [])));
  const missing = model.criteria.filter((c) => !named.has(c.id));
  if (missing.length > 0) notes.push(`No column for ${missing.map((c) => `“${c.label}”`).join(', ')}: left unscored.`);
  if (blanks > 0) notes.push(`${blanks} blank ${blanks === 1 ? 'cell is' : 'cells are'} left unscored.`);
  return { ok: true, issues, scores, mismatches, notes };
}

/**
 * Writes a matrix file that `readMatrixCsv` reads back unchanged: scores, the
 * total (model weights), then rationale and confidence columns for criteria
 * that have any. Text a spreadsheet would run as a formula is neutralised.
 *
 * @example formatMatrixCsv(model, issues, scores).split('\r\n')[0] // 'issue,performance_deteriorating,…,likelihood,total'
 */
export function formatMatrixCsv(model: RiskModel, issues: readonly Issue[], scores: ScoreGrid): string {
  const t = totals(model, issues, scores);
  const has = (c: Criterion, key: 'rationale' | 'confidence') => issues.some((i) => own(own(scores, i.id), c.id)?.[key] !== undefined);
  const extra = model.criteria.flatMap((c) => [...(has(c, 'rationale') ? [{ c, key: 'rationale' as const }] : []), ...(has(c, 'confidence') ? [{ c, key: 'confidence' as const }] : [])]);
  const header = ['issue', ...model.criteria.map((c) => c.id), 'total', ...extra.map((e) => `${e.c.id}.${e.key}`)];
  const rows = issues.map((issue, i) => [
    issue.label,
    ...model.criteria.map((c) => own(own(scores, issue.id), c.id)?.value ?? null),
    Number(t[i]!.total.toFixed(6)),
    ...extra.map((e) => own(own(scores, issue.id), e.c.id)?.[e.key] ?? null),
  ]);
  return formatCsv([header, ...rows]);
}
