import { table, type ColumnTable } from 'arquero';
import { ladOfLsoaName } from '../../models/area';
import type { CrimePart } from '../../models/crime-table';
import type { CrimeBatch } from '../../models/police-uk/crime-batch';

/*
 * The crime rows as the crime engine lists and places them: one entry per row
 * per column, text as references to each stored month's dictionary strings,
 * and the arquero table traces filter (built on the same arrays).
 */

/** The crime rows column by column, one entry per row (text columns share the stored dictionary's strings). */
export interface RowColumns {
  month: string[];
  crimeType: string[];
  lsoaCode: string[];
  lsoaName: string[];
  lad: string[];
  location: string[];
  file: string[];
  line: Uint32Array;
  longitude: Float64Array;
  latitude: Float64Array;
}

/** The columns of a stored month (or one authority's share of it) that rows are listed and placed by. */
export type RowPart = Pick<CrimePart, 'month' | 'fileName'> & { batch: Pick<CrimeBatch, 'n' | 'line' | 'longitude' | 'latitude' | 'crimeType' | 'lsoaCode' | 'lsoaName' | 'location'> };

/** Row columns of stored months in part order, text as references to each month's dictionary strings. */
export function rowColumns(parts: readonly RowPart[]): RowColumns {
  const n = parts.reduce((s, p) => s + p.batch.n, 0);
  const out: RowColumns = {
    month: new Array<string>(n),
    crimeType: new Array<string>(n),
    lsoaCode: new Array<string>(n),
    lsoaName: new Array<string>(n),
    lad: new Array<string>(n),
    location: new Array<string>(n),
    file: new Array<string>(n),
    line: new Uint32Array(n),
    longitude: new Float64Array(n),
    latitude: new Float64Array(n),
  };
  let at = 0;
  for (const p of parts) {
    const b = p.batch;
    const fill = (col: string[], values: readonly string[], codes: Uint32Array) => {
      for (let i = 0; i < b.n; i++) col[at + i] = values[codes[i]!]!;
    };
    fill(out.crimeType, b.crimeType.values, b.crimeType.codes);
    fill(out.lsoaCode, b.lsoaCode.values, b.lsoaCode.codes);
    fill(out.lsoaName, b.lsoaName.values, b.lsoaName.codes);
    fill(out.lad, b.lsoaName.values.map(ladOfLsoaName), b.lsoaName.codes);
    fill(out.location, b.location.values, b.location.codes);
    out.month.fill(p.month, at, at + b.n);
    out.file.fill(p.fileName, at, at + b.n);
    out.line.set(b.line, at);
    out.longitude.set(b.longitude, at);
    out.latitude.set(b.latitude, at);
    at += b.n;
  }
  return out;
}

/** The columns traces filter and list, as an arquero table over the same arrays. */
export function rowTable(c: RowColumns): ColumnTable {
  return table({ month: c.month, crimeType: c.crimeType, lsoaCode: c.lsoaCode, lsoaName: c.lsoaName, lad: c.lad, file: c.file, line: c.line });
}
