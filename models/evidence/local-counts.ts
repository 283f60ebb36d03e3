import { z } from 'zod';
import { readTable, type ColumnSpec } from '../tabular';
import type { RowProblem } from '../row-problem';
import { isMonth } from '../police-uk/street-row';
import type { Catalogue } from './catalogue';

/**
 * Local monthly counts for issues police.uk does not cover (domestic abuse,
 * hate crime, exploitation, re-offending…), from a CSV with columns
 * `issue, month, count` or typed in. One count per issue and month: loading a
 * count for an issue-month already held replaces it, never adds to it.
 */

export const LocalCountSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), file: z.string(), line: z.number().int().positive(), at: z.number() }),
  z.object({ kind: z.literal('typed'), at: z.number() }),
]);
export type LocalCountSource = z.infer<typeof LocalCountSource>;

/**
 * Largest count of incidents one issue can have in one month: far above any
 * partnership's (all of England records about 500,000 crimes a month), and
 * small enough that any total over years and issues stays an exact integer
 * (well under 2^53 − 1).
 */
export const MAX_MONTHLY_COUNT = 1_000_000;

export const LocalCount = z.object({
  issueId: z.string().min(1),
  month: z.string().refine(isMonth, { error: 'a month is written YYYY-MM' }),
  count: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_MONTHLY_COUNT, { error: `a month’s count is at most ${MAX_MONTHLY_COUNT.toLocaleString('en-GB')}` }),
  source: LocalCountSource,
});
export type LocalCount = z.infer<typeof LocalCount>;

/** The storage key: one count per issue-month. */
export const localCountKey = (c: Pick<LocalCount, 'issueId' | 'month'>): string => `${c.issueId}|${c.month}`;

const COLUMNS: readonly ColumnSpec<'issue' | 'month' | 'count'>[] = [
  { field: 'issue', header: 'issue' },
  { field: 'month', header: 'month' },
  { field: 'count', header: 'count' },
];

const CsvRow = z.object({
  issue: z.string().min(1, { error: 'the issue is empty' }),
  month: z.string().refine(isMonth, { error: (i) => `month must be YYYY-MM, found "${String(i.input)}"` }),
  count: z.string().transform((s, ctx) => {
    const clean = s.replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(clean)) {
      ctx.addIssue({ code: 'custom', message: `count must be a whole number, found "${s}"` });
      return z.NEVER;
    }
    const v = Number(clean);
    if (v < 0) {
      ctx.addIssue({ code: 'custom', message: `count cannot be negative, found ${s}` });
      return z.NEVER;
    }
    if (!Number.isInteger(v)) {
      ctx.addIssue({ code: 'custom', message: `count must be a whole number, found ${s}` });
      return z.NEVER;
    }
    if (v > MAX_MONTHLY_COUNT) {
      ctx.addIssue({ code: 'custom', message: `count is too large to be a month’s incidents (at most ${MAX_MONTHLY_COUNT.toLocaleString('en-GB')}), found ${s.slice(0, 30)}` });
      return z.NEVER;
    }
    return v;
  }),
});

export type LocalCountsRead = { ok: false; reason: 'empty' } | { ok: false; reason: 'wrong-columns'; missing: string[]; header: string[] } | { ok: true; counts: LocalCount[]; problems: RowProblem[] };

/**
 * Reads a local counts CSV (`issue, month, count`; the issue by its name or
 * id). Rejects, by line and column: an unknown issue, an issue counted from
 * police.uk, a month not written YYYY-MM, a negative or fractional count, and
 * a second row for an issue-month already in the file (the first is kept).
 *
 * @example readLocalCounts('issue,month,count\nDomestic abuse,2023-01,41\n', 'da.csv', catalogue, now)
 */
export function readLocalCounts(text: string, file: string, catalogue: Catalogue, at: number): LocalCountsRead {
  const read = readTable(text, COLUMNS, CsvRow);
  if (!read.ok) return read;
  const byName = new Map<string, Catalogue['issues'][number]>();
  for (const i of catalogue.issues) {
    byName.set(i.id.toLowerCase(), i);
    byName.set(i.label.trim().toLowerCase(), i);
  }
  const problems: RowProblem[] = [...read.problems];
  const counts: LocalCount[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, row } of read.rows) {
    const issue = byName.get(row.issue.trim().toLowerCase());
    if (issue === undefined) {
      problems.push({ line, column: 'issue', reason: `no issue called “${row.issue}” in the catalogue; add it first or correct the name`, value: row.issue, month: row.month });
      continue;
    }
    if (issue.source !== 'local') {
      problems.push({ line, column: 'issue', reason: `“${issue.label}” is counted from police.uk data; local counts are for issues police.uk does not cover`, value: row.issue, month: row.month });
      continue;
    }
    const key = localCountKey({ issueId: issue.id, month: row.month });
    const first = firstLine.get(key);
    if (first !== undefined) {
      problems.push({
        line,
        column: '(whole row)',
        reason: `duplicate of line ${first} (${issue.label}, ${row.month}): the first is kept and this row is rejected`,
        value: `${row.issue},${row.month},${row.count}`,
        month: row.month,
      });
      continue;
    }
    firstLine.set(key, line);
    counts.push({ issueId: issue.id, month: row.month, count: row.count, source: { kind: 'file', file, line, at } });
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, counts, problems };
}

export interface LocalCountsMerge {
  counts: LocalCount[];
  added: number;
  /** Issue-months whose earlier count was replaced. */
  replaced: { issueId: string; month: string; before: number; after: number }[];
}

/**
 * Adds incoming counts, replacing any held for the same issue-month (never
 * adding to them). Returns a new list sorted by issue then month.
 *
 * @example mergeLocalCounts([jan41], [jan45]).replaced // [{ issueId: 'domestic-abuse', month: '2023-01', before: 41, after: 45 }]
 */
export function mergeLocalCounts(existing: readonly LocalCount[], incoming: readonly LocalCount[]): LocalCountsMerge {
  const held = new Map(existing.map((c) => [localCountKey(c), c]));
  let added = 0;
  const replaced: LocalCountsMerge['replaced'] = [];
  for (const c of incoming) {
    const key = localCountKey(c);
    const before = held.get(key);
    if (before === undefined) added++;
    else replaced.push({ issueId: c.issueId, month: c.month, before: before.count, after: c.count });
    held.set(key, c);
  }
  const counts = [...held.values()].sort((a, b) => a.issueId.localeCompare(b.issueId) || a.month.localeCompare(b.month));
  return { counts, added, replaced };
}
