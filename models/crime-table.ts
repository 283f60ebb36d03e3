import { table, type ColumnTable } from 'arquero';
import { ladOfLsoaName } from './area';
import { crimeIdAt, type CrimeBatch, type DictColumn } from './police-uk/crime-batch';

/** A stored force-month with where it came from. */
export interface CrimePart {
  key: string;
  month: string;
  force: string;
  fileName: string;
  batch: CrimeBatch;
}

/**
 * Flattens stored force-months into one arquero table, one row per police.uk
 * row, keeping the source file and line of each so any figure can be traced
 * back to the rows it counts.
 *
 * Columns: month, force, crimeType, lsoaCode, lsoaName, lad, longitude,
 * latitude, location, outcome, crimeId, file, line. Crime IDs are decoded only
 * when asked for (`crimeIds`, the default); without them the column is empty
 * strings, which saves a string per row where nothing reads them.
 *
 * @example crimeTable(parts).params({ area: 'Luton' }).filter((d, $) => d.lad === $.area).numRows()
 */
export function crimeTable(parts: readonly CrimePart[], { crimeIds = true }: { crimeIds?: boolean } = {}): ColumnTable {
  const n = parts.reduce((s, p) => s + p.batch.n, 0);
  const month = new Array<string>(n);
  const force = new Array<string>(n);
  const file = new Array<string>(n);
  const line = new Uint32Array(n);
  const longitude = new Float64Array(n);
  const latitude = new Float64Array(n);
  const crimeId = new Array<string>(n);
  const crimeType = new Array<string>(n);
  const lsoaCode = new Array<string>(n);
  const lsoaName = new Array<string>(n);
  const lad = new Array<string>(n);
  const location = new Array<string>(n);
  const outcome = new Array<string>(n);
  let at = 0;
  for (const p of parts) {
    const b = p.batch;
    const ladValues = b.lsoaName.values.map(ladOfLsoaName);
    fill(crimeType, at, b.crimeType);
    fill(lsoaCode, at, b.lsoaCode);
    fill(lsoaName, at, b.lsoaName);
    fill(location, at, b.location);
    fill(outcome, at, b.outcome);
    fill(lad, at, { values: ladValues, codes: b.lsoaName.codes });
    for (let i = 0; i < b.n; i++) {
      month[at + i] = p.month;
      force[at + i] = p.force;
      file[at + i] = p.fileName;
      crimeId[at + i] = crimeIds ? crimeIdAt(b.crimeId, i) : '';
    }
    line.set(b.line, at);
    longitude.set(b.longitude, at);
    latitude.set(b.latitude, at);
    at += b.n;
  }
  return table({ month, force, crimeType, lsoaCode, lsoaName, lad, longitude, latitude, location, outcome, crimeId, file, line });
}

function fill(out: string[], at: number, col: DictColumn): void {
  const { values, codes } = col;
  for (let i = 0; i < codes.length; i++) out[at + i] = values[codes[i]!]!;
}
