import { z } from 'zod';
import { createCsvTokenizer } from './csv';
import type { RowProblem } from './row-problem';

/**
 * Reading small validated CSV tables (IMD files, local counts, area
 * indicators, matrices): match the header by column names, validate each row
 * with a zod schema, and report every bad row by line and column.
 */

/** A column the file must have. `header` matches case-insensitively, exactly or as a prefix. */
export interface ColumnSpec<F extends string = string> {
  readonly field: F;
  readonly header: string;
  readonly prefix?: boolean;
}

export type ColumnMatch<F extends string> = { ok: true; index: Record<F, number>; width: number } | { ok: false; missing: string[] };

export function matchColumns<F extends string>(header: readonly string[], specs: readonly ColumnSpec<F>[]): ColumnMatch<F> {
  const names = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<F, number>;
  const missing: string[] = [];
  for (const s of specs) {
    const want = s.header.toLowerCase();
    const at = names.findIndex((h) => (s.prefix ? h.startsWith(want) : h === want));
    if (at < 0) missing.push(s.header);
    else index[s.field] = at;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index, width: header.length };
}

export type TableResult<T> =
  { ok: false; reason: 'empty' } | { ok: false; reason: 'wrong-columns'; missing: string[]; header: string[] } | { ok: true; rows: { line: number; row: T }[]; problems: RowProblem[] };

/**
 * Reads a whole CSV text into validated rows.
 *
 * @example
 *   readTable('issue,month,count\nASB,2023-01,12', [{ field: 'issue', header: 'issue' }, ...], schema)
 */
export function readTable<F extends string, S extends z.ZodType>(text: string, specs: readonly ColumnSpec<F>[], schema: S): TableResult<z.infer<S>> {
  let match: ColumnMatch<F> | undefined;
  let header: string[] = [];
  const rows: { line: number; row: z.infer<S> }[] = [];
  const problems: RowProblem[] = [];
  const headerOf = Object.fromEntries(specs.map((s) => [s.field, s.header])) as Record<string, string>;
  const t = createCsvTokenizer({
    record(fields, line) {
      if (match === undefined) {
        header = fields.slice();
        match = matchColumns(fields, specs);
        return;
      }
      if (!match.ok) return;
      if (fields.length !== match.width) {
        problems.push({ line, column: '(whole row)', reason: `expected ${match.width} fields, found ${fields.length}`, value: fields.join(',') });
        return;
      }
      const input: Record<string, string> = {};
      for (const s of specs) input[s.field] = fields[match.index[s.field]]!.trim();
      const parsed = schema.safeParse(input);
      if (parsed.success) rows.push({ line, row: parsed.data });
      else {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        problems.push({ line, column: headerOf[field] ?? '(whole row)', reason: issue.message, value: input[field] ?? '' });
      }
    },
    malformed(line, reason, text) {
      problems.push({ line, column: '(whole row)', reason, value: text.slice(0, 200) });
    },
  });
  t.push(text);
  t.end();
  if (match === undefined) return { ok: false, reason: 'empty' };
  if (!match.ok) return { ok: false, reason: 'wrong-columns', missing: match.missing, header };
  return { ok: true, rows, problems };
}

/** A whole number that may be written with thousands separators ("29,174"). */
export function countField(label: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z.string().transform((s, ctx) => {
    const clean = s.replace(/,/g, '');
    if (!/^-?\d+$/.test(clean)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a whole number, found "${s}"` });
      return z.NEVER;
    }
    const v = Number(clean);
    if (v < min || v > max) {
      ctx.addIssue({ code: 'custom', message: `${label} must be between ${min} and ${max}, found ${s}` });
      return z.NEVER;
    }
    return v;
  });
}
