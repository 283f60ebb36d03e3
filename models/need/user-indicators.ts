import { z } from 'zod';
import { readTable, type ColumnSpec } from '../tabular';
import type { RowProblem } from '../row-problem';
import type { UserIndicator } from './schema';

/**
 * A user's own area indicators: a CSV with one row per area and indicator,
 * `area code, indicator, value`, for example
 *
 *   area code,indicator,value
 *   E05014742,Youth service referrals per 1000,12.4
 *
 * Area codes must be wards or LSOAs of the loaded boundaries.
 */

export const USER_INDICATOR_COLUMNS: readonly ColumnSpec<'areaCode' | 'indicator' | 'value'>[] = [
  { field: 'areaCode', header: 'area code' },
  { field: 'indicator', header: 'indicator' },
  { field: 'value', header: 'value' },
];

const Row = z.object({
  areaCode: z
    .string()
    .min(1, { error: 'area code is empty' })
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[EW]0[15]\d{6}$/, { error: (i) => `not a ward (E05…) or LSOA (E01…) code: "${String(i.input)}"` })),
  indicator: z.string().min(1, { error: 'indicator name is empty' }).max(100, { error: 'indicator name is longer than 100 characters' }),
  value: z.string().transform((s, ctx) => {
    const clean = s.replace(/,/g, '').replace(/%$/, '');
    const v = clean === '' ? NaN : Number(clean);
    if (!Number.isFinite(v)) {
      ctx.addIssue({ code: 'custom', message: s === '' ? 'value is empty' : `value must be a number, found "${s}"` });
      return z.NEVER;
    }
    return v;
  }),
});

export type UserIndicatorRead = { ok: false; reason: string; missing?: string[] } | { ok: true; indicators: UserIndicator[]; problems: RowProblem[]; rows: number };

/**
 * Reads and checks an area-indicator CSV. Rows with a bad code, name or
 * value, an area code not among `knownCodes`, or a second value for the same
 * area and indicator are reported with their line and column; the rest are
 * kept.
 *
 * @example readUserIndicators('area code,indicator,value\nE05014742,Referrals,12', 'x.csv', new Set(['E05014742']), now)
 */
export function readUserIndicators(text: string, fileName: string, knownCodes: ReadonlySet<string>, importedAt: number): UserIndicatorRead {
  const t = readTable(text.replace(/^\uFEFF/, ''), USER_INDICATOR_COLUMNS, Row);
  if (!t.ok) {
    return t.reason === 'empty'
      ? { ok: false, reason: 'The file is empty.' }
      : { ok: false, reason: `Not an area-indicator file: it lacks the columns ${t.missing.join(', ')} (found ${t.header.join(', ') || 'no header'}).`, missing: t.missing };
  }
  const problems = [...t.problems];
  const byName = new Map<string, UserIndicator>();
  for (const { line, row } of t.rows) {
    if (!knownCodes.has(row.areaCode)) {
      problems.push({ line, column: 'area code', reason: 'not a ward or LSOA of the loaded boundaries', value: row.areaCode });
      continue;
    }
    const ind = byName.get(row.indicator) ?? { name: row.indicator, fileName, importedAt, values: {}, lines: {} };
    byName.set(row.indicator, ind);
    const earlier = ind.lines[row.areaCode];
    if (earlier !== undefined) {
      problems.push({ line, column: 'area code', reason: `${row.areaCode} already has a value for “${row.indicator}” on line ${earlier}`, value: row.areaCode });
      continue;
    }
    ind.values[row.areaCode] = row.value;
    ind.lines[row.areaCode] = line;
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, indicators: [...byName.values()], problems, rows: t.rows.length + t.problems.length };
}
