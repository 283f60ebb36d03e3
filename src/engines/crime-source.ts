import { table, type ColumnTable } from 'arquero';
import { ladOfLsoaName } from '../../models/area';
import type { CrimePart } from '../../models/crime-table';
import { duplicateIds, summarisePart, type DuplicateIds, type PartSummary } from '../../models/crime-summary';
import type { MonthMeta } from '../../models/overview';
import type { DataStore } from '../data/store';

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

/**
 * Every stored force-month, as the crime engine holds it: the stored column
 * batches, each month's counts by crime type × LSOA (worked out once per
 * imported month and kept while that month is unchanged), and the row-level
 * views built only when something asks for rows (placement, hot spots, traces).
 */
export interface CrimeData {
  version: number;
  metas: MonthMeta[];
  parts: CrimePart[];
  /** One per part, in the same (key) order. */
  summaries: PartSummary[];
  /** Repeated crime IDs across every stored month (worked out on first call). */
  duplicates(): DuplicateIds;
  /** Row columns (built on first call). */
  columns(): RowColumns;
  /** The rows as an arquero table for traces (built on first call, on the same arrays as {@link columns}). */
  table(): ColumnTable;
}

/**
 * Loads every stored force-month once per store version: the crime engine
 * calls this on every request and gets the cached data until something is
 * imported, replaced or deleted. A month's summary is reused while its import
 * is unchanged, so replacing one month re-counts only that month.
 */
export function crimeDataLoader(store: DataStore): () => Promise<CrimeData> {
  let cached: Promise<CrimeData> | undefined;
  let cachedVersion = -1;
  let summaries = new Map<string, PartSummary>();
  return async () => {
    const version = await store.version();
    if (cached === undefined || version !== cachedVersion) {
      cachedVersion = version;
      cached = load(store, version, summaries).then((d) => {
        summaries = d.reuse;
        return d.data;
      });
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
}

async function load(store: DataStore, version: number, previous: ReadonlyMap<string, PartSummary>): Promise<{ data: CrimeData; reuse: Map<string, PartSummary> }> {
  const metas = (await store.partitions('crime')).sort((a, b) => a.key.localeCompare(b.key));
  const data = await store.partitionData(metas.map((m) => m.key));
  const byKey = new Map(data.map((d) => [d.key, d]));
  const parts: CrimePart[] = [];
  const summaries: PartSummary[] = [];
  const reuse = new Map<string, PartSummary>();
  for (const m of metas) {
    const d = byKey.get(m.key);
    if (d?.kind !== 'crime') continue;
    const part = { key: m.key, month: m.month ?? '', force: m.force ?? '', fileName: m.fileName, batch: d.batch };
    parts.push(part);
    const id = `${m.key}|${m.importId}`;
    const s = previous.get(id) ?? summarisePart(part);
    reuse.set(id, s);
    summaries.push(s);
  }
  let dupes: DuplicateIds | undefined;
  let cols: RowColumns | undefined;
  let rows: ColumnTable | undefined;
  const columns = () => (cols ??= rowColumns(parts));
  return {
    reuse,
    data: {
      version,
      metas: metas.map((m) => ({ month: m.month ?? '', force: m.force ?? '', rows: m.rows, rejected: m.rejected, ladCounts: m.ladCounts ?? {} })),
      parts,
      summaries,
      duplicates: () => (dupes ??= duplicateIds(parts)),
      columns,
      table: () => (rows ??= rowTable(columns())),
    },
  };
}

/** Row columns of stored months in part order, text as references to each month's dictionary strings. */
export function rowColumns(parts: readonly CrimePart[]): RowColumns {
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
function rowTable(c: RowColumns): ColumnTable {
  return table({ month: c.month, crimeType: c.crimeType, lsoaCode: c.lsoaCode, lsoaName: c.lsoaName, lad: c.lad, file: c.file, line: c.line });
}
