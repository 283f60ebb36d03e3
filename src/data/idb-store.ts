// Over 300 lines: the IndexedDB data store: partitions, datasets, staging and the commit of an import, undo
// (rows kept in place by reference) and settings, which share its transactions; upgrades are in ./idb-upgrade.ts.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { z } from 'zod';
import { Dataset, ImportReport, PartitionData, PartitionMeta, Settings, StoredAreaRows, StoredIds, StoredSummary, UndoEntry, UndoSummary, type PartitionKind } from './schema';
import { type DataStore, type ImportCommit, type Derived, type PartitionWrite, type StoreHealth, type StoreProblem } from './store';
import { bytesOf, dataKeyOf, importOfDataKey, stagedKey, STAGING_EXPIRY_MS } from './data-keys';
import { APP_DATABASES, ChangeAnnouncer, Version } from './changes';
import { checkNewest, newestStep, pushStep } from './undo-log';
import { DATA_DB_VERSION, upgradeDataDb, type LegacyRecord } from './idb-upgrade';
import { parseStored, StoreReadError } from './store-error';
import { approxBytes, sameData } from './same-data';

export const DATA_DB_NAME = APP_DATABASES.data;
/** How many destructive steps can be undone. */
const UNDO_DEPTH = 5;
/**
 * About how many bytes of old data the undo history may keep: older steps are
 * dropped once the newer ones hold this much (the newest step is always kept).
 */
export const UNDO_BYTES = 256 * 1024 * 1024;
/** Import reports kept (newest first); older ones are pruned on each import, so the store cannot grow without end. */
export const REPORTS_KEPT = 20;

interface DataDB extends DBSchema {
  metas: { key: string; value: PartitionMeta; indexes: { datasetId: string; kind: string } };
  data: { key: string; value: PartitionData };
  datasets: { key: string; value: Dataset };
  reports: { key: string; value: ImportReport; indexes: { startedAt: number } };
  /** Summaries only (id, time, label): cheap to list on the page. */
  undo: { key: string; value: UndoSummary; indexes: { createdAt: number } };
  /** What each undoable step needs to put back, which can be megabytes: read only when undoing. */
  undoData: { key: string; value: UndoEntry };
  kv: { key: string; value: unknown };
  /** Each crime partition's counts, written at import (see StoredSummary). */
  summaries: { key: string; value: StoredSummary };
  /** Each crime partition's rows by authority, written at import (see StoredAreaRows). */
  areaRows: { key: [string, string]; value: StoredAreaRows };
  /** Each crime partition's ID prefixes, written at import (see StoredIds). */
  ids: { key: string; value: StoredIds };
  /** Records an upgrade could not convert, kept for download (see idb-upgrade.ts). */
  legacy: { key: number; value: LegacyRecord };
}

/**
 * Opens the IndexedDB data store. Works on the main thread, in workers and in
 * Node with fake-indexeddb.
 *
 * @param options.undoBytes  the undo history's budget of old data ({@link UNDO_BYTES} unless a test sets it)
 * @example const store = await openDataStore(); const months = await store.partitions('crime');
 */
export async function openDataStore(name = DATA_DB_NAME, options: { undoBytes?: number } = {}): Promise<DataStore> {
  const db = await openDB<DataDB>(name, DATA_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // The history of layouts is typed loosely: old records do not match today's schema.
      return upgradeDataDb(db as unknown as Parameters<typeof upgradeDataDb>[0], oldVersion, tx as unknown as Parameters<typeof upgradeDataDb>[2]);
    },
    blocking() {
      // A newer version of the app wants to upgrade the database: step aside.
      db.close();
    },
  });
  return new IdbDataStore(db, name, options.undoBytes ?? UNDO_BYTES);
}

type Tx = IDBPTransaction<DataDB, StoreNames<DataDB>[], 'readwrite'>;

/** The kv record listing imports that are staging rows (see stageParts and sweep). */
const STAGING = 'staging';
const Staging = z.record(z.string(), z.number());

/**
 * What is derived from a partition's rows, answered under its description's
 * key and import: rows under a data key of their own never change, so what was
 * derived from them holds for whichever description points there. Rows stored
 * before version 6 keep the import that derived them, checked by the reader.
 */
async function derivedFor<T extends { key: string; importId: string }>(meta: PartitionMeta | undefined, get: (dataKey: string) => Promise<T | undefined>): Promise<T | undefined> {
  if (meta === undefined) return undefined;
  const derived = await get(dataKeyOf(meta));
  if (derived === undefined || meta.dataKey === undefined) return derived;
  return { ...derived, key: meta.key, importId: meta.importId };
}

class IdbDataStore implements DataStore {
  private readonly changes: ChangeAnnouncer;

  constructor(
    private readonly db: IDBPDatabase<DataDB>,
    name: string,
    private readonly undoBytes: number,
  ) {
    this.changes = new ChangeAnnouncer('data', name);
  }

  async partitions(kind?: PartitionKind): Promise<PartitionMeta[]> {
    const rows = kind === undefined ? await this.db.getAll('metas') : await this.db.getAllFromIndex('metas', 'kind', kind);
    return parseStored(z.array(PartitionMeta), rows, 'The list of stored months and tables');
  }

  async partitionData(keys: readonly string[]): Promise<PartitionData[]> {
    const tx = this.db.transaction(['metas', 'data']);
    const rows = await Promise.all(keys.map(async (k) => ({ key: k, row: await tx.objectStore('data').get(dataKeyOf((await tx.objectStore('metas').get(k)) ?? { key: k })) })));
    await tx.done;
    return rows.flatMap(({ key, row }) => (row === undefined ? [] : [parseStored(PartitionData, { ...row, key }, `Stored data ${key}`)]));
  }

  summaries(keys: readonly string[]): Promise<StoredSummary[]> {
    return this.readDerived(
      'summaries',
      keys,
      (dk) => dk,
      StoredSummary,
      (k) => `The summary of ${k}`,
    );
  }

  areaRows(lad: string, keys: readonly string[]): Promise<StoredAreaRows[]> {
    return this.readDerived(
      'areaRows',
      keys,
      (dk) => [dk, lad],
      StoredAreaRows,
      (k) => `The ${lad} rows of ${k}`,
    );
  }

  crimeIds(keys: readonly string[]): Promise<StoredIds[]> {
    return this.readDerived(
      'ids',
      keys,
      (dk) => dk,
      StoredIds,
      (k) => `The crime IDs of ${k}`,
    );
  }

  async stageParts(importId: string, parts: readonly PartitionWrite[]): Promise<(PartitionMeta & { dataKey: string })[]> {
    const tx = this.db.transaction(['metas', 'data', 'kv', 'summaries', 'areaRows', 'ids'], 'readwrite');
    const running = await this.staging(tx);
    const first = running[importId] === undefined;
    if (first) await tx.objectStore('kv').put({ ...running, [importId]: Date.now() }, STAGING);
    const out: (PartitionMeta & { dataKey: string })[] = [];
    for (const part of parts) out.push(await this.stageInto(tx, importId, part));
    await tx.done;
    // The import's first write: large caches of the stored rows can go before its memory comes on top of theirs.
    if (first) this.changes.starting('import');
    return out;
  }

  async dropStaged(importId: string, dataKeys?: readonly string[]): Promise<void> {
    const tx = this.db.transaction(['metas', 'data', 'undo', 'kv', 'summaries', 'areaRows', 'ids'], 'readwrite');
    const mine = (dataKeys ?? (await tx.objectStore('data').getAllKeys())).filter((k) => importOfDataKey(k) === importId);
    await this.freeData(tx, mine);
    if (dataKeys === undefined) {
      const { [importId]: _done, ...others } = await this.staging(tx);
      await tx.objectStore('kv').put(others, STAGING);
    }
    await tx.done;
  }

  async datasets(): Promise<Dataset[]> {
    return parseStored(z.array(Dataset), await this.db.getAll('datasets'), 'The list of datasets').sort((a, b) => a.createdAt - b.createdAt);
  }

  /** What is derived from each partition's rows, found through its description (see derivedFor), in the order asked. */
  private async readDerived<N extends 'summaries' | 'areaRows' | 'ids', T>(
    name: N,
    keys: readonly string[],
    keyOf: (dataKey: string) => DataDB[N]['key'],
    schema: z.ZodType<T>,
    what: (key: string) => string,
  ): Promise<T[]> {
    const tx = this.db.transaction(['metas', name]);
    const rows = await Promise.all(keys.map(async (k) => derivedFor(await tx.objectStore('metas').get(k), (dk) => tx.objectStore(name).get(keyOf(dk)) as Promise<DataDB[N]['value'] | undefined>)));
    await tx.done;
    return rows.flatMap((r) => (r === undefined ? [] : [parseStored(schema, r, what(r.key))]));
  }

  async commitImport(c: ImportCommit): Promise<ImportReport> {
    const tx = this.db.transaction(['metas', 'data', 'datasets', 'reports', 'undo', 'undoData', 'kv', 'summaries', 'areaRows', 'ids'], 'readwrite');
    const report: ImportReport = structuredClone(c.report);
    const now = c.report.finishedAt;
    const undo: UndoEntry = {
      id: crypto.randomUUID(),
      createdAt: now,
      label: c.undoLabel,
      restoreMetas: [],
      restoreData: [],
      refs: [],
      bytes: 0,
      restoreDatasets: [],
      removeKeys: [],
      removeDatasetIds: [c.dataset.id],
      reportId: report.id,
    };
    const touched = new Set<string>();
    for (const part of c.parts) {
      const { meta } = part;
      if ((await tx.objectStore('data').count(meta.dataKey)) === 0) {
        throw new Error(`the rows of ${meta.key} are no longer stored (another window changed the data during the import); import the files again`);
      }
      const old = await tx.objectStore('metas').get(meta.key);
      if (old !== undefined) {
        undo.restoreMetas.push(old);
        const same = dataKeyOf(old) === meta.dataKey;
        if (same) {
          // The same rows again (a re-import of an unchanged month): they stay where they are, and undo needs no copy.
          (undo.keepData ??= []).push(meta.key);
          if (old.dataKey === undefined) await this.restampDerived(tx, meta.dataKey, meta.importId);
        } else {
          // The old rows stay in place, kept by this step until it is undone or dropped.
          undo.refs!.push(dataKeyOf(old));
          undo.bytes! += bytesOf(old);
        }
        touched.add(old.datasetId);
        const outcome = report.parts.find((p) => p.key === meta.key && p.status === 'added');
        if (outcome !== undefined) {
          outcome.status = 'replaced';
          outcome.replaced = { fileName: old.fileName, rows: old.rows, importedAt: old.importedAt };
          if (same) outcome.unchanged = true;
        }
      }
      await tx.objectStore('metas').put(meta);
      undo.removeKeys.push({ key: meta.key, importId: meta.importId });
    }
    if (c.parts.length > 0) {
      await tx.objectStore('datasets').put(c.dataset);
      await this.dropEmptyDatasets(tx, touched, undo);
      await this.pushUndo(tx, undo);
      report.undoId = undo.id;
      report.datasetId = c.dataset.id;
    }
    await tx.objectStore('reports').put(report);
    const reportKeys = await tx.objectStore('reports').index('startedAt').getAllKeys();
    for (const k of reportKeys.slice(0, Math.max(0, reportKeys.length - REPORTS_KEPT))) await tx.objectStore('reports').delete(k);
    if (c.settings !== undefined) {
      const current = Settings.parse((await tx.objectStore('kv').get('settings')) ?? {});
      await tx.objectStore('kv').put({ ...current, ...c.settings }, 'settings');
    }
    await this.sweep(tx, report.id);
    await this.changes.commit(tx, tx.objectStore('kv'));
    return report;
  }

  async deleteDataset(id: string): Promise<UndoSummary> {
    const tx = this.db.transaction(['metas', 'data', 'datasets', 'undo', 'undoData', 'kv', 'summaries', 'areaRows', 'ids'], 'readwrite');
    const dataset = await tx.objectStore('datasets').get(id);
    if (dataset === undefined) throw new Error(`no dataset ${id}`);
    const metas = await tx.objectStore('metas').index('datasetId').getAll(id);
    // The rows stay in place, kept by the undo step; they go when the step is dropped.
    const undo: UndoEntry = {
      id: crypto.randomUUID(),
      createdAt: Date.now(),
      label: `Delete “${dataset.label}”`,
      restoreMetas: metas,
      restoreData: [],
      refs: metas.map(dataKeyOf),
      bytes: metas.reduce((n, m) => n + bytesOf(m), 0),
      restoreDatasets: [dataset],
      removeKeys: [],
      removeDatasetIds: [],
    };
    for (const m of metas) await tx.objectStore('metas').delete(m.key);
    await tx.objectStore('datasets').delete(id);
    await this.pushUndo(tx, undo);
    await this.changes.commit(tx, tx.objectStore('kv'));
    return { id: undo.id, createdAt: undo.createdAt, label: undo.label };
  }

  async lastUndo(): Promise<UndoSummary | undefined> {
    const step = await newestStep(this.db.transaction('undo').store);
    return step === undefined ? undefined : parseStored(UndoSummary, step, 'The undo history');
  }

  async undo(id: string): Promise<void> {
    const tx = this.db.transaction(['metas', 'data', 'datasets', 'reports', 'undo', 'undoData', 'kv', 'summaries', 'areaRows', 'ids'], 'readwrite');
    await checkNewest(tx.objectStore('undo'), id);
    const raw = await tx.objectStore('undoData').get(id);
    if (raw === undefined) throw new Error(`nothing to undo with id ${id}`);
    const entry = parseStored(UndoEntry, raw, 'The undo step');
    const kept = new Set(entry.keepData ?? []);
    // Rows that may be left with nothing referring to them: deleted at the end if so.
    const released = [...(entry.refs ?? [])];
    for (const { key, importId } of entry.removeKeys) {
      const current = await tx.objectStore('metas').get(key);
      // Only take back what this step put there; a later import's data stays.
      if (current?.importId === importId) {
        await tx.objectStore('metas').delete(key);
        released.push(dataKeyOf(current));
      }
    }
    for (const dsId of entry.removeDatasetIds) {
      if ((await tx.objectStore('metas').index('datasetId').count(dsId)) === 0) await tx.objectStore('datasets').delete(dsId);
    }
    for (const m of entry.restoreMetas) {
      if ((await tx.objectStore('metas').get(m.key)) !== undefined) continue;
      await tx.objectStore('metas').put(m);
      // Rows stored before version 6 and left in place: what was derived from them now stands for the restored import.
      if (kept.has(m.key) && m.dataKey === undefined) await this.restampDerived(tx, m.key, m.importId);
      // A step written before version 6 carries a copy of the old rows: they go back under the partition's own key.
      const d = entry.restoreData.find((x) => x.key === m.key);
      if (d !== undefined) {
        await this.dropDerived(tx, m.key);
        await tx.objectStore('data').put(d);
      }
    }
    for (const ds of entry.restoreDatasets) await tx.objectStore('datasets').put(ds);
    // The import this step made (if any) says it was undone, so its outcome is not shown as in force.
    const report = entry.reportId === undefined ? undefined : await tx.objectStore('reports').get(entry.reportId);
    if (report !== undefined) await tx.objectStore('reports').put({ ...report, undoneAt: Date.now() });
    await tx.objectStore('undo').delete(id);
    await tx.objectStore('undoData').delete(id);
    await this.freeData(tx, released);
    await this.changes.commit(tx, tx.objectStore('kv'));
  }

  async reports(limit = 20): Promise<ImportReport[]> {
    const out: ImportReport[] = [];
    let cursor = await this.db.transaction('reports').store.index('startedAt').openCursor(null, 'prev');
    while (cursor !== null && out.length < limit) {
      out.push(parseStored(ImportReport, cursor.value, 'An import report'));
      cursor = await cursor.continue();
    }
    return out;
  }

  async settings(): Promise<Settings> {
    return parseStored(Settings, (await this.db.get('kv', 'settings')) ?? {}, 'The settings');
  }

  async health(): Promise<StoreHealth> {
    const problems: StoreProblem[] = [];
    const check = async (read: () => Promise<unknown>) => {
      try {
        await read();
      } catch (e) {
        if (!(e instanceof StoreReadError)) throw e;
        problems.push({ what: e.what, detail: e.detail });
      }
    };
    await check(() => this.partitions());
    await check(() => this.datasets());
    await check(() => this.settings());
    await check(() => this.reports(5));
    await check(() => this.lastUndo());
    const legacy = await this.db.getAll('legacy');
    return { problems, legacy: legacy.map(({ store, key, reason }) => ({ store, key, reason })) };
  }

  async exportAll(): Promise<Record<string, unknown[]>> {
    const names = [...this.db.objectStoreNames];
    const tx = this.db.transaction(names);
    const out: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
    for (const name of names) {
      const store = tx.objectStore(name);
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
      out[name] = keys.map((key, i) => ({ key, value: values[i] }));
    }
    await tx.done;
    return out;
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const tx = this.db.transaction('kv', 'readwrite');
    const next = Settings.parse({ ...Settings.parse((await tx.store.get('settings')) ?? {}), ...patch });
    await tx.store.put(next, 'settings');
    await this.changes.commit(tx, tx.store);
    return next;
  }

  async version(): Promise<number> {
    return Version.parse((await this.db.get('kv', 'version')) ?? 0);
  }

  close(): void {
    this.changes.close();
    this.db.close();
  }

  private async dropEmptyDatasets(tx: Tx, ids: Iterable<string>, undo: UndoEntry): Promise<void> {
    const metas = tx.objectStore('metas');
    const datasets = tx.objectStore('datasets');
    for (const id of ids) {
      if ((await metas.index('datasetId').count(id)) > 0) continue;
      const ds = await datasets.get(id);
      if (ds === undefined) continue;
      undo.restoreDatasets.push(ds);
      await datasets.delete(id);
    }
  }

  private async pushUndo(tx: Tx, entry: UndoEntry): Promise<void> {
    entry.bytes ??= approxBytes(entry.restoreData);
    const step = { id: entry.id, createdAt: entry.createdAt, label: entry.label, bytes: entry.bytes, ...(entry.refs === undefined ? {} : { refs: entry.refs }) };
    // Newest first: keep at most UNDO_DEPTH steps, and stop once the kept ones hold UNDO_BYTES of old data.
    let bytes = 0;
    const dropped = await pushStep(tx.objectStore('undo'), step, (s, i) => (bytes += s.bytes ?? 0) <= this.undoBytes && i < UNDO_DEPTH);
    entry.createdAt = step.createdAt;
    await tx.objectStore('undoData').put(entry);
    for (const s of dropped) await tx.objectStore('undoData').delete(s.id);
    await this.freeData(
      tx,
      dropped.flatMap((s) => s.refs ?? []),
    );
  }

  /**
   * Deletes the rows under each data key (and what was derived from them) that
   * no description and no kept undo step refers to any more.
   */
  private async freeData(tx: Tx, dataKeys: readonly string[]): Promise<void> {
    if (dataKeys.length === 0) return;
    const inUse = new Set((await tx.objectStore('metas').getAll()).map(dataKeyOf));
    for (const step of await tx.objectStore('undo').getAll()) for (const k of step.refs ?? []) inUse.add(k);
    for (const k of new Set(dataKeys)) {
      if (inUse.has(k)) continue;
      await tx.objectStore('data').delete(k);
      await this.dropDerived(tx, k);
    }
  }

  /**
   * Deletes rows staged by imports that never committed (a window closed
   * mid-import) once their staging is over a day old; imports still running
   * elsewhere keep theirs. This import's own staging entry ends here.
   */
  private async sweep(tx: Tx, importId: string): Promise<void> {
    const { [importId]: _done, ...running } = await this.staging(tx);
    const cutoff = Date.now() - STAGING_EXPIRY_MS;
    const live = Object.fromEntries(Object.entries(running).filter(([, at]) => at > cutoff));
    await tx.objectStore('kv').put(live, STAGING);
    const stale = (await tx.objectStore('data').getAllKeys()).filter((k) => {
      const owner = importOfDataKey(k);
      return owner !== undefined && owner !== importId && live[owner] === undefined;
    });
    await this.freeData(tx, stale);
  }

  /** Imports staging rows now, by id, with when each began. */
  private async staging(tx: Tx): Promise<Record<string, number>> {
    return Staging.parse((await tx.objectStore('kv').get(STAGING)) ?? {});
  }

  /**
   * Writes a part's rows, and what is derived from them, under a data key of
   * this import's; rows equal to those stored for the key are not written
   * again, and the description points at them.
   */
  private async stageInto(tx: Tx, importId: string, part: PartitionWrite): Promise<PartitionMeta & { dataKey: string }> {
    const old = await tx.objectStore('metas').get(part.meta.key);
    if (old !== undefined && (await this.sameRows(tx, old, part))) return { ...part.meta, dataKey: dataKeyOf(old), bytes: bytesOf(old) };
    const dataKey = stagedKey(part.meta.key, importId, crypto.randomUUID().slice(0, 8));
    await tx.objectStore('data').put({ ...part.data, key: dataKey });
    await this.putDerived(tx, dataKey, part.meta.importId, part.derive?.() ?? {});
    return { ...part.meta, dataKey, bytes: approxBytes(part.data) };
  }

  /** Whether a part carries exactly the rows stored for its key: by fingerprint when both have one, else by reading them. */
  private async sameRows(tx: Tx, old: PartitionMeta, part: PartitionWrite): Promise<boolean> {
    if (old.fingerprint !== undefined && part.meta.fingerprint !== undefined) return old.fingerprint === part.meta.fingerprint;
    const oldData = await tx.objectStore('data').get(dataKeyOf(old));
    return oldData !== undefined && sameData({ ...oldData, key: part.data.key }, part.data);
  }

  /** Writes what is derived from a crime partition's rows (summary, rows by authority, ID prefixes) under their new data key. */
  private async putDerived(tx: Tx, dataKey: string, importId: string, derived: Derived): Promise<void> {
    if (derived.summary !== undefined) await tx.objectStore('summaries').put({ key: dataKey, importId, summary: derived.summary });
    for (const rows of derived.areas ?? []) await tx.objectStore('areaRows').put({ key: dataKey, lad: rows.lad, importId, rows });
    if (derived.ids !== undefined) await tx.objectStore('ids').put({ key: dataKey, importId, ids: derived.ids });
  }

  private async dropDerived(tx: Tx, dataKey: string): Promise<void> {
    await tx.objectStore('summaries').delete(dataKey);
    await tx.objectStore('areaRows').delete(IDBKeyRange.bound([dataKey], [dataKey, []]));
    await tx.objectStore('ids').delete(dataKey);
  }

  /** Rows stored before version 6 now stand for another import: what was derived from them holds, under that import's id. */
  private async restampDerived(tx: Tx, key: string, importId: string): Promise<void> {
    const summary = await tx.objectStore('summaries').get(key);
    if (summary !== undefined) await tx.objectStore('summaries').put({ ...summary, importId });
    for (const rows of await tx.objectStore('areaRows').getAll(IDBKeyRange.bound([key], [key, []]))) await tx.objectStore('areaRows').put({ ...rows, importId });
    const ids = await tx.objectStore('ids').get(key);
    if (ids !== undefined) await tx.objectStore('ids').put({ ...ids, importId });
  }
}
