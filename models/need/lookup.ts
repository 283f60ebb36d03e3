import { z } from 'zod';
import { readTable, type ColumnSpec } from '../tabular';
import type { RowProblem } from '../row-problem';
import type { WardLookup } from './schema';

/**
 * An LSOA → ward lookup: a CSV with the columns `lsoa code, ward code`, or an
 * ONS lookup file (columns such as LSOA11CD / LSOA21CD and WD24CD; the first
 * of each is used).
 */

const Row = z.object({
  lsoa: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[EW]01\d{6}$/, { error: (i) => `not an LSOA code (E01…): "${String(i.input)}"` })),
  ward: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[EW]05\d{6}$/, { error: (i) => `not a ward code (E05…): "${String(i.input)}"` })),
});

export type LookupRead = { ok: false; reason: string; missing?: string[] } | { ok: true; lookup: WardLookup; problems: RowProblem[]; rows: number };

/**
 * Reads and checks a lookup CSV. An LSOA given two different wards is
 * reported at its second line (the first is kept); repeats of the same pair
 * are accepted.
 *
 * @example readLookup('lsoa code,ward code\nE01015693,E05014735', 'lookup.csv', now).lookup.pairs // { E01015693: 'E05014735' }
 */
export function readLookup(text: string, fileName: string, importedAt: number): LookupRead {
  const clean = text.replace(/^\uFEFF/, '');
  let t = readTable(clean, columns('lsoa code', 'ward code'), Row);
  if (!t.ok && t.reason === 'wrong-columns') {
    const lsoa = t.header.find((h) => /^lsoa\d{2}cd$/i.test(h.trim()));
    const ward = t.header.find((h) => /^wd\d{2}cd$/i.test(h.trim()));
    if (lsoa !== undefined && ward !== undefined) t = readTable(clean, columns(lsoa.trim(), ward.trim()), Row);
  }
  if (!t.ok) {
    return t.reason === 'empty'
      ? { ok: false, reason: 'The file is empty.' }
      : {
          ok: false,
          reason: `Not an LSOA-to-ward lookup: it lacks the columns ${t.missing.join(', ')} (or ONS columns like LSOA11CD and WD24CD); found ${t.header.join(', ') || 'no header'}.`,
          missing: t.missing,
        };
  }
  const problems = [...t.problems];
  const lookup: WardLookup = { fileName, importedAt, pairs: {}, lines: {} };
  for (const { line, row } of t.rows) {
    const earlier = lookup.pairs[row.lsoa];
    if (earlier === undefined) {
      lookup.pairs[row.lsoa] = row.ward;
      lookup.lines[row.lsoa] = line;
    } else if (earlier !== row.ward) {
      problems.push({ line, column: 'ward code', reason: `${row.lsoa} is already given ward ${earlier} on line ${lookup.lines[row.lsoa]}`, value: row.ward });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, lookup, problems, rows: t.rows.length + t.problems.length };
}

function columns(lsoa: string, ward: string): ColumnSpec<'lsoa' | 'ward'>[] {
  return [
    { field: 'lsoa', header: lsoa },
    { field: 'ward', header: ward },
  ];
}
