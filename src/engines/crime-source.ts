import type { ColumnTable } from 'arquero';
import { crimeTable, type CrimePart } from '../../models/crime-table';
import type { MonthMeta } from '../../models/overview';
import type { DataStore } from '../data/store';

export interface CrimeData {
  version: number;
  metas: MonthMeta[];
  parts: CrimePart[];
  table: ColumnTable;
}

/**
 * Loads every stored force-month as one arquero table, once per store version:
 * analysis workers call this on every request and get the cached table until
 * something is imported, replaced or deleted. Only a worker that reads crime
 * IDs (the data view's duplicate check) asks for them.
 */
export function crimeDataLoader(store: DataStore, options: { crimeIds?: boolean } = {}): () => Promise<CrimeData> {
  let cached: Promise<CrimeData> | undefined;
  let cachedVersion = -1;
  return async () => {
    const version = await store.version();
    if (cached === undefined || version !== cachedVersion) {
      cachedVersion = version;
      cached = load(store, version, options.crimeIds ?? false);
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
}

async function load(store: DataStore, version: number, crimeIds: boolean): Promise<CrimeData> {
  const metas = (await store.partitions('crime')).sort((a, b) => a.key.localeCompare(b.key));
  const data = await store.partitionData(metas.map((m) => m.key));
  const byKey = new Map(data.map((d) => [d.key, d]));
  const parts: CrimePart[] = [];
  for (const m of metas) {
    const d = byKey.get(m.key);
    if (d?.kind !== 'crime') continue;
    parts.push({ key: m.key, month: m.month ?? '', force: m.force ?? '', fileName: m.fileName, batch: d.batch });
  }
  return {
    version,
    metas: metas.map((m) => ({ month: m.month ?? '', force: m.force ?? '', rows: m.rows, rejected: m.rejected, ladCounts: m.ladCounts ?? {} })),
    parts,
    table: crimeTable(parts, { crimeIds }),
  };
}
