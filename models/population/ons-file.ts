import { z } from 'zod';
import { parseCsv } from '../csv';
import type { RowProblem } from '../row-problem';

/** What an ONS population file counts. */
export const PopulationMeasure = z.enum(['residents', 'households']);
export type PopulationMeasure = z.infer<typeof PopulationMeasure>;

/** Where the figures come from: ONS mid-year estimates, or Census 2021 (TS001 residents, TS041 households). */
export const PopulationOrigin = z.enum(['mid-year', 'census']);
export type PopulationOrigin = z.infer<typeof PopulationOrigin>;

export const PopulationRecord = z.object({
  lsoa21cd: z.string(),
  ladcd: z.string().nullable(),
  ladnm: z.string(),
  value: z.number().int().nonnegative(),
});
export type PopulationRecord = z.infer<typeof PopulationRecord>;

export type OnsPopulationKind = 'ons-mid-year' | 'census-ts001' | 'census-ts041';

export type OnsPopulationParse =
  | { ok: true; kind: OnsPopulationKind; measure: PopulationMeasure; origin: PopulationOrigin; year: number; rows: PopulationRecord[]; problems: RowProblem[] }
  | { ok: false; kind: OnsPopulationKind; reason: string };

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');
const LSOA21 = /^[EW]01\d{6}$/;
const LAD = /^[EWSN]\d{8}$/;

/** Which ONS population layout a header is, by its column names; undefined for anything else. */
export function sniffPopulationHeader(header: readonly string[]): OnsPopulationKind | undefined {
  const names = header.map(norm);
  if (names.includes('geography code') && names.some((h) => h.startsWith('residence type: total'))) return 'census-ts001';
  if (names.includes('geography code') && names.some((h) => h.startsWith('number of households: total'))) return 'census-ts041';
  if (names.some((h) => /^lsoa 20\d{2} code$/.test(h) || h === 'lsoa code' || h === 'lsoa21cd') && names.some((h) => h === 'total' || h === 'all ages')) return 'ons-mid-year';
  return undefined;
}

/** The year a file name gives ("…mid2022…", "sapelsoa_mid-2021.csv" → 2021), or null. */
export function yearOfFileName(name: string): number | null {
  const m = /(?:^|[^0-9])(20[0-4]\d)(?![0-9])/.exec(name);
  return m === null ? null : Number(m[1]);
}

/** The local authority name in a 2021 LSOA name ("Luton 001A" → "Luton"). */
export const ladOfLsoaName = (name: string) => name.trim().replace(/\s+\d{3}[A-Z]$/, '');

/**
 * Reads an ONS population file as published: mid-year LSOA estimates
 * ("LAD 2021 Code", "LAD 2021 Name", "LSOA 2021 Code", "LSOA 2021 Name",
 * "Total", then ages), Census 2021 TS001 (usual residents) or TS041
 * (households). Each bad row is reported by line and column; the rest are kept.
 * A mid-year file names no year inside it, so the year comes from its file name.
 *
 * @example parseOnsPopulation(text, 'lsoa-mid-2022.csv') // { ok: true, measure: 'residents', origin: 'mid-year', year: 2022, rows: [...] }
 */
export function parseOnsPopulation(text: string, fileName: string): OnsPopulationParse | undefined {
  const { records, malformed } = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = records[0]?.fields ?? [];
  const kind = sniffPopulationHeader(header);
  if (kind === undefined) return undefined;
  const names = header.map(norm);
  const col = (test: (h: string) => boolean) => names.findIndex(test);
  const problems: RowProblem[] = malformed.map((m) => ({ line: m.line, column: '(whole row)', reason: m.reason, value: '' }));
  const rows: PopulationRecord[] = [];
  const measure: PopulationMeasure = kind === 'census-ts041' ? 'households' : 'residents';
  const origin: PopulationOrigin = kind === 'ons-mid-year' ? 'mid-year' : 'census';

  let lsoaCol: number,
    valueCol: number,
    ladCol = -1,
    ladNameCol = -1,
    lsoaNameCol: number,
    dateCol = -1;
  if (kind === 'ons-mid-year') {
    lsoaCol = col((h) => /^lsoa 20\d{2} code$/.test(h) || h === 'lsoa code' || h === 'lsoa21cd');
    lsoaNameCol = col((h) => /^lsoa 20\d{2} name$/.test(h) || h === 'lsoa name' || h === 'lsoa21nm');
    ladCol = col((h) => /^lad 20\d{2} code$/.test(h) || h === 'lad code' || /^lad\d{2}cd$/.test(h));
    ladNameCol = col((h) => /^lad 20\d{2} name$/.test(h) || h === 'lad name' || /^lad\d{2}nm$/.test(h));
    valueCol = col((h) => h === 'total' || h === 'all ages');
  } else {
    lsoaCol = col((h) => h === 'geography code');
    lsoaNameCol = col((h) => h === 'geography');
    dateCol = col((h) => h === 'date');
    valueCol = col((h) => (kind === 'census-ts001' ? h.startsWith('residence type: total') : h.startsWith('number of households: total')));
  }
  const columnName = (i: number) => header[i]!.trim();
  if (lsoaNameCol < 0 && ladNameCol < 0)
    return { ok: false, kind, reason: `it has no LSOA name or local authority name column (expected “${kind === 'ons-mid-year' ? 'LSOA 2021 Name' : 'geography'}”)` };

  let year: number | null = kind === 'ons-mid-year' ? yearOfFileName(fileName) : null;
  if (kind === 'ons-mid-year' && year === null)
    return { ok: false, kind, reason: 'a mid-year estimate file names no year inside it, so its file name must give the year (for example “lsoa-population-mid-2022.csv”)' };

  const seen = new Set<string>();
  for (const { fields, line } of records.slice(1)) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    const problem = (column: number, reason: string) =>
      problems.push({ line, column: column < 0 ? '(whole row)' : columnName(column), reason, value: (column < 0 ? fields.join(',') : (fields[column] ?? '')).slice(0, 200) });
    if (fields.length !== header.length) {
      problem(-1, `has ${fields.length} fields where the header has ${header.length}`);
      continue;
    }
    const lsoa = fields[lsoaCol]!.trim();
    if (!LSOA21.test(lsoa)) {
      problem(lsoaCol, 'not a 2021 LSOA code (E01 or W01 and six digits)');
      continue;
    }
    if (seen.has(lsoa)) {
      problem(lsoaCol, 'this LSOA appears earlier in the file; the first row is kept');
      continue;
    }
    const raw = fields[valueCol]!.trim().replace(/,/g, '');
    const value = Number(raw);
    if (raw === '' || !Number.isInteger(value) || value < 0) {
      problem(valueCol, 'not a whole number of zero or more');
      continue;
    }
    let ladcd: string | null = null;
    if (ladCol >= 0) {
      ladcd = fields[ladCol]!.trim();
      if (!LAD.test(ladcd)) {
        problem(ladCol, 'not a local authority code (a letter and eight digits)');
        continue;
      }
    }
    if (dateCol >= 0) {
      const y = Number(fields[dateCol]!.trim().slice(0, 4));
      if (!Number.isInteger(y) || y < 2000) {
        problem(dateCol, 'not a year');
        continue;
      }
      year ??= y;
      if (y !== year) {
        problem(dateCol, `a different year from the file’s first row (${year})`);
        continue;
      }
    }
    const ladnm = ladNameCol >= 0 ? fields[ladNameCol]!.trim() : ladOfLsoaName(fields[lsoaNameCol]!);
    if (ladnm === '') {
      problem(ladNameCol >= 0 ? ladNameCol : lsoaNameCol, 'empty');
      continue;
    }
    seen.add(lsoa);
    rows.push({ lsoa21cd: lsoa, ladcd, ladnm, value });
  }
  if (year === null) return { ok: false, kind, reason: 'no row gives a year' };
  return { ok: true, kind, measure, origin, year, rows, problems };
}

/** How a source is named beside every rate: "mid-2021 (ONS)", "Census 2021". */
export function populationSourceLabel(origin: PopulationOrigin, year: number): string {
  return origin === 'mid-year' ? `mid-${year}` : `Census ${year}`;
}
