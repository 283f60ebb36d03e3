import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { CrimeBatch, packCrimeIds } from '../../models/police-uk/crime-batch';
import { idPrefixes, summarisePart } from '../../models/crime-summary';
import { splitByAuthority } from '../../models/area-rows';

/**
 * Version history of the data database (`csp-workbench-data`). Each layout
 * the app has ever written, and what opening it with this version does:
 *
 * - **1a** (first release, 38fb785): `undo` holds whole undo entries; a crime
 *   batch keeps its IDs as one string per row (`crimeId: string[]`).
 * - **1b** (1712416 to 13637a4, still numbered 1): `undo` holds summaries and
 *   `undoData` the entries; crime IDs packed (`IdColumn`).
 * - **2**: layout 1b plus `legacy`, where a record an upgrade cannot convert
 *   is kept, as it was, for download (the Data page says so).
 * - **3**: layout 2 plus ONS population partitions (`kind: 'pop'` in `metas`
 *   and `data`, keyed `pop|<measure>|<origin>-<year>|<LAD name>`). Nothing is
 *   converted; the number goes up so that an older copy of the app, which
 *   cannot read those partitions, refuses to open the database rather than
 *   failing on every read.
 *
 * - **4**: layout 3 plus `summaries`: each crime partition's counts by crime
 *   type × LSOA, written at import. The upgrade counts every stored crime
 *   month once and writes its summary; a month it cannot count is left
 *   without one, and the crime engine counts it from its rows when read.
 * - **5**: layout 4 plus `areaRows`: each crime partition's rows split by
 *   local authority (the columns placement and hot spots read), keyed by
 *   [partition, authority] and written at import. The upgrade splits every
 *   stored crime month once; a month it cannot read is left without them, and
 *   the crime engine splits it from its rows when an authority's rows are asked for.
 * - **6**: an import writes each partition's rows under a data key of their
 *   own (`<key>@<importId>.<serial>`, named by the description's `dataKey`) as it reads
 *   them, and commits by pointing descriptions at them; undo steps keep old
 *   rows in place (`refs`) instead of copying them. Nothing is converted: rows
 *   stored before stay under their partition's key (a description without
 *   `dataKey`), and older undo steps keep their copies. The number goes up so
 *   that an older copy of the app, which would look for rows under the
 *   partition's key only, refuses to open the database. Also new: `ids`,
 *   each crime partition's ID prefixes for the repeated-ID check, keyed like
 *   the summaries; the upgrade writes them for every stored month.
 *
 * Layouts 1a and 1b share a number, so the upgrade from 1 looks at what is
 * there rather than trusting the number.
 */
export const DATA_DB_VERSION = 6;

/** A record an upgrade could not convert, kept as it was for download. */
export interface LegacyRecord {
  store: string;
  key: string;
  reason: string;
  value: unknown;
}

type AnyDb = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Creates or upgrades the data database; runs inside the versionchange transaction. */
export async function upgradeDataDb(db: AnyDb, oldVersion: number, tx: AnyTx): Promise<void> {
  // Every store of today's layout, created where missing (a layout of 1 may lack some).
  const ensure = (name: string, options: IDBObjectStoreParameters, indexes: string[] = []) => {
    if (db.objectStoreNames.contains(name)) return;
    const store = db.createObjectStore(name, options);
    for (const index of indexes) store.createIndex(index, index);
  };
  ensure('metas', { keyPath: 'key' }, ['datasetId', 'kind']);
  ensure('data', { keyPath: 'key' });
  ensure('datasets', { keyPath: 'id' });
  ensure('reports', { keyPath: 'id' }, ['startedAt']);
  ensure('undo', { keyPath: 'id' }, ['createdAt']);
  ensure('undoData', { keyPath: 'id' });
  ensure('kv', {});
  ensure('legacy', { autoIncrement: true });
  ensure('summaries', { keyPath: 'key' });
  ensure('areaRows', { keyPath: ['key', 'lad'] });
  ensure('ids', { keyPath: 'key' });
  if (oldVersion === 1) await fromVersion1(tx);
  // 2 → 3: population partitions are new records in the existing stores; nothing to convert.
  if (oldVersion > 0 && oldVersion < 6) await deriveStored(tx, { summaries: oldVersion < 4, areas: oldVersion < 5 });
}

/**
 * Layouts 3 → 4, 4 → 5 and 5 → 6: writes what is derived from each stored
 * crime month (its summary, when `summaries`; its rows by authority, when
 * `areas`; its ID prefixes), so pages read counts, their own authority's rows
 * or IDs, not every month's rows.
 */
async function deriveStored(tx: AnyTx, what: { summaries: boolean; areas: boolean }): Promise<void> {
  const metas = tx.objectStore('metas');
  const summaries = tx.objectStore('summaries');
  const areaRows = tx.objectStore('areaRows');
  const ids = tx.objectStore('ids');
  let cursor = await tx.objectStore('data').openCursor();
  while (cursor !== null) {
    const value = cursor.value as { key?: unknown; kind?: unknown; batch?: unknown };
    const meta = (await metas.get(cursor.key)) as { key: string; importId?: unknown; month?: unknown; force?: unknown; fileName?: unknown } | undefined;
    const batch = CrimeBatch.safeParse(value.batch);
    if (value.kind === 'crime' && meta !== undefined && typeof meta.importId === 'string' && batch.success) {
      const part = { key: meta.key, month: String(meta.month ?? ''), force: String(meta.force ?? ''), fileName: String(meta.fileName ?? ''), batch: batch.data };
      if (what.summaries) await summaries.put({ key: meta.key, importId: meta.importId, summary: summarisePart(part) });
      if (what.areas) for (const rows of splitByAuthority(batch.data)) await areaRows.put({ key: meta.key, lad: rows.lad, importId: meta.importId, rows });
      await ids.put({ key: meta.key, importId: meta.importId, ids: idPrefixes(batch.data) });
    }
    cursor = await cursor.continue();
  }
}

/** Layout 1a or 1b → 2: packs string crime IDs; splits whole undo entries into summary and payload. */
async function fromVersion1(tx: AnyTx): Promise<void> {
  const legacy = tx.objectStore('legacy');
  const keep = (store: string, key: unknown, reason: string, value: unknown) => legacy.add({ store, key: String(key), reason, value } satisfies LegacyRecord);

  let cursor = await tx.objectStore('data').openCursor();
  while (cursor !== null) {
    const converted = convertPartition(cursor.value);
    if (converted === null) {
      await keep('data', cursor.key, 'crime IDs in an unknown layout', cursor.value);
      await cursor.delete();
      await tx.objectStore('metas').delete(cursor.key);
    } else if (converted !== cursor.value) await cursor.update(converted);
    cursor = await cursor.continue();
  }

  const undoData = tx.objectStore('undoData');
  let undo = await tx.objectStore('undo').openCursor();
  while (undo !== null) {
    const entry = undo.value as Record<string, unknown>;
    if (Array.isArray(entry['restoreMetas'])) {
      const data = Array.isArray(entry['restoreData']) ? entry['restoreData'] : [];
      const restoreData = data.map(convertPartition);
      if (restoreData.includes(null)) {
        // An undo step that cannot be converted is dropped from undo, kept for download.
        await keep('undo', undo.key, 'an undo step in an unknown layout', entry);
        await undo.delete();
      } else {
        await undoData.put({ ...entry, restoreData });
        await undo.update({ id: entry['id'], createdAt: entry['createdAt'], label: entry['label'] });
      }
    }
    undo = await undo.continue();
  }
}

/** A stored partition in today's layout: the same object if nothing changes, null if it cannot be read. */
function convertPartition(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { kind?: unknown; batch?: { crimeId?: unknown } };
  if (record.kind !== 'crime') return value;
  const ids = record.batch?.crimeId;
  if (!Array.isArray(ids)) return value;
  if (!ids.every((id) => typeof id === 'string')) return null;
  return { ...record, batch: { ...record.batch, crimeId: packCrimeIds(ids as string[]) } };
}
