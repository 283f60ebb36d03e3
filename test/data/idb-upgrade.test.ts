import { splitByAuthority } from '../../models/area-rows';
import { idPrefixes, summarisePart } from '../../models/crime-summary';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromText } from '../../src/engines/import/source-file';
import { decodeIds, packCrimeIds } from '../../models/police-uk/crime-batch';
import type { PartitionData } from '../../src/data/schema';
import { streetCsv, streetRow } from '../fixtures/police-uk';

const HEX = 'ab'.repeat(32);
let n = 0;
const dbName = () => `upgrade-${++n}-${Date.now()}`;

/** Opens a raw IndexedDB database at a version, creating stores with `create`, then runs `fill` in a readwrite transaction. */
function writeRaw(name: string, version: number, create: (db: IDBDatabase) => void, fill: (tx: IDBTransaction) => void, stores: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => create(req.result);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** The first release's layout (commit 38fb785): no undoData, whole undo entries, crime IDs as strings. */
function createFirstRelease(db: IDBDatabase): void {
  const metas = db.createObjectStore('metas', { keyPath: 'key' });
  metas.createIndex('datasetId', 'datasetId');
  metas.createIndex('kind', 'kind');
  db.createObjectStore('data', { keyPath: 'key' });
  db.createObjectStore('datasets', { keyPath: 'id' });
  db.createObjectStore('reports', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
  db.createObjectStore('undo', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
  db.createObjectStore('kv');
}
const FIRST_STORES = ['metas', 'data', 'datasets', 'reports', 'undo', 'kv'];

/** A crime month as today's importer builds it, then written with string crime IDs as the first release did. */
async function oldMonth(month: string, ids: string[]) {
  const scratch = await openDataStore(dbName());
  const rows = ids.map((id) => streetRow({ 'Crime ID': id, Month: month }));
  await importFiles(scratch, [sourceFromText(`${month}-luton-street.csv`, streetCsv(rows))], { source: 'import' });
  const [meta] = await scratch.partitions('crime');
  const [data] = (await scratch.partitionData([meta!.key])) as [Extract<PartitionData, { kind: 'crime' }>];
  scratch.close();
  const batch = { ...data.batch, crimeId: decodeIds(data.batch.crimeId) };
  // Layouts before 6 kept rows under the partition's own key, with no dataKey or bytes on the description.
  const { dataKey: _where, bytes: _size, ...old } = meta!;
  return { meta: { ...old, datasetId: 'ds-old', importId: 'imp-old' }, data: { ...data, batch } };
}

const oldReport = (id: string, startedAt: number) => ({
  id,
  source: 'import',
  datasetId: 'ds-old',
  startedAt,
  finishedAt: startedAt + 1,
  files: [{ name: 'x.csv', size: 10, kind: 'police-uk-street', status: 'imported', message: 'ok', accepted: 3, rejected: 0 }],
  parts: [],
  problems: [],
  problemsDropped: 0,
  undoId: 'undo-1',
});

describe('opening a data store written by the first release', () => {
  it('converts crime IDs and undo entries, keeps every figure, and can import and undo after', async () => {
    const name = dbName();
    const jan = await oldMonth('2023-01', [HEX, '', 'not-hex']);
    const dec = await oldMonth('2022-12', [HEX, HEX]);
    await writeRaw(
      name,
      1,
      createFirstRelease,
      (tx) => {
        tx.objectStore('metas').put(jan.meta);
        tx.objectStore('data').put(jan.data);
        tx.objectStore('datasets').put({ id: 'ds-old', label: 'Old import', source: 'import', createdAt: 1, importId: 'imp-old', fileNames: ['x.csv'] });
        tx.objectStore('reports').put(oldReport('r1', 1000));
        // The import replaced a December month; its undo entry carries the old December whole.
        tx.objectStore('undo').put({
          id: 'undo-1',
          createdAt: 2000,
          label: 'Import x.csv',
          restoreMetas: [dec.meta],
          restoreData: [dec.data],
          restoreDatasets: [],
          removeKeys: [],
          removeDatasetIds: [],
        });
        tx.objectStore('kv').put({ area: 'Luton', sampleLoaded: true }, 'settings');
        tx.objectStore('kv').put(7, 'version');
      },
      FIRST_STORES,
    );

    const store = await openDataStore(name);
    expect(await store.health()).toEqual({ problems: [], legacy: [] });
    const metas = await store.partitions('crime');
    expect(metas.map((m) => [m.month, m.rows])).toEqual([['2023-01', 3]]);
    const [data] = await store.partitionData([metas[0]!.key]);
    expect(data!.kind === 'crime' && decodeIds(data!.batch.crimeId)).toEqual([HEX, '', 'not-hex']);
    expect((await store.reports()).map((r) => r.id)).toEqual(['r1']);
    expect(await store.settings()).toEqual({ area: 'Luton', sampleLoaded: true });
    expect(await store.version()).toBe(7);

    // Undo from the old history puts December back, with its IDs readable.
    const last = await store.lastUndo();
    expect(last).toEqual({ id: 'undo-1', createdAt: 2000, label: 'Import x.csv' });
    await store.undo('undo-1');
    const after = await store.partitions('crime');
    expect(after.map((m) => m.month).sort()).toEqual(['2022-12', '2023-01']);
    const [restored] = await store.partitionData(['crime|Bedfordshire Police|2022-12']);
    expect(restored!.kind === 'crime' && decodeIds(restored!.batch.crimeId)).toEqual([HEX, HEX]);

    // And a new import goes through (it needs undoData, which the first release lacked).
    const feb = streetCsv([streetRow({ Month: '2023-02' })]);
    const report = await importFiles(store, [sourceFromText('2023-02-luton-street.csv', feb)], { source: 'import' });
    expect(report.parts.map((p) => [p.month, p.status])).toEqual([['2023-02', 'added']]);
    expect(await store.lastUndo()).toEqual(expect.objectContaining({ id: report.undoId }));
    store.close();
  });

  it('keeps a record it cannot convert for download and says so, instead of failing every read', async () => {
    const name = dbName();
    const jan = await oldMonth('2023-01', [HEX]);
    const broken = { ...jan.data, batch: { ...jan.data.batch, crimeId: [42] } };
    await writeRaw(
      name,
      1,
      createFirstRelease,
      (tx) => {
        tx.objectStore('metas').put(jan.meta);
        tx.objectStore('data').put(broken);
      },
      FIRST_STORES,
    );
    const store = await openDataStore(name);
    const health = await store.health();
    expect(health.problems).toEqual([]);
    expect(health.legacy).toEqual([{ store: 'data', key: jan.meta.key, reason: 'crime IDs in an unknown layout' }]);
    expect(await store.partitions()).toEqual([]);
    const dump = await store.exportAll();
    expect(dump['legacy']).toHaveLength(1);
    store.close();
  });

  it('names an unreadable record in plain words, not a schema dump', async () => {
    const name = dbName();
    await writeRaw(
      name,
      1,
      createFirstRelease,
      (tx) => {
        tx.objectStore('datasets').put({ id: 'x', label: 5 });
      },
      FIRST_STORES,
    );
    const store = await openDataStore(name);
    await expect(store.datasets()).rejects.toThrow(/^The list of datasets was saved in a layout this version cannot read/);
    const health = await store.health();
    expect(health.problems).toEqual([{ what: 'The list of datasets', detail: expect.stringMatching(/^0\.label/) }]);
    store.close();
  });
});

/** Layout 2 (before population partitions): layout 1b plus undoData and legacy. */
function createVersion2(db: IDBDatabase): void {
  createFirstRelease(db);
  db.createObjectStore('undoData', { keyPath: 'id' });
  db.createObjectStore('legacy', { autoIncrement: true });
}

describe('opening a data store of version 2', () => {
  it('keeps what was stored, then imports ONS population and undoes it', async () => {
    const name = dbName();
    const jan = await oldMonth('2023-01', [HEX]);
    const batch = { ...jan.data.batch, crimeId: packCrimeIds(jan.data.batch.crimeId as string[]) };
    await writeRaw(
      name,
      2,
      createVersion2,
      (tx) => {
        tx.objectStore('metas').put(jan.meta);
        tx.objectStore('data').put({ ...jan.data, batch });
        tx.objectStore('datasets').put({ id: 'ds-old', label: 'Old import', source: 'import', createdAt: 1, importId: 'imp-old', fileNames: ['x.csv'] });
        tx.objectStore('kv').put({ area: 'Luton', sampleLoaded: true }, 'settings');
      },
      [...FIRST_STORES, 'undoData', 'legacy'],
    );
    const store = await openDataStore(name);
    expect(await store.health()).toEqual({ problems: [], legacy: [] });
    expect((await store.partitions('crime')).map((m) => m.month)).toEqual(['2023-01']);
    // Version 4: the upgrade wrote each crime month's summary, standing for the stored import, equal to counting its rows.
    const [meta] = await store.partitions('crime');
    const [data] = await store.partitionData([meta!.key]);
    const [stored] = await store.summaries([meta!.key]);
    expect(stored!.importId).toBe(meta!.importId);
    if (data?.kind !== 'crime') throw new Error('no crime data');
    expect(stored!.summary).toEqual(summarisePart({ key: meta!.key, month: '2023-01', force: meta!.force ?? '', fileName: meta!.fileName, batch: data.batch }));
    // Version 5: and its rows by authority, equal to splitting its rows.
    const [luton] = await store.areaRows('Luton', [meta!.key]);
    expect(luton!.importId).toBe(meta!.importId);
    expect(luton!.rows).toEqual(splitByAuthority(data.batch).find((r) => r.lad === 'Luton'));
    const csv = 'LAD 2021 Code,LAD 2021 Name,LSOA 2021 Code,LSOA 2021 Name,Total\nE06000032,Luton,E01015693,Luton 007A,1800\nE06000032,Luton,E01015694,Luton 007B,1700\n';
    const report = await importFiles(store, [sourceFromText('lsoa-mid-2022.csv', csv)], { source: 'import' });
    expect(report.parts.map((p) => [p.key, p.stored])).toEqual([['pop|residents|mid-year-2022|Luton', 2]]);
    const [pop] = await store.partitionData(['pop|residents|mid-year-2022|Luton']);
    expect(pop!.kind === 'pop' && pop!.rows.reduce((s, r) => s + r.value, 0)).toBe(3500);
    await store.undo(report.undoId!);
    expect(await store.partitions('pop')).toEqual([]);
    expect((await store.partitions('crime')).map((m) => m.month)).toEqual(['2023-01']);
    store.close();
  });
});

describe('opening a data store of version 4', () => {
  it('splits each stored month by authority and leaves its summary as it was', async () => {
    const name = dbName();
    const jan = await oldMonth('2023-01', [HEX, HEX.replace('a', 'c')]);
    const batch = { ...jan.data.batch, crimeId: packCrimeIds(jan.data.batch.crimeId as string[]) };
    // A summary marked as written by version 4 (one cell): the upgrade to 5 must not rewrite it.
    const summary = { key: jan.meta.key, month: '2023-01', force: jan.meta.force, crimeType: ['Burglary'], lsoaCode: ['E01015693'], lsoaName: ['Luton 007A'], lad: ['Luton'], n: [2] };
    await writeRaw(
      name,
      4,
      (db) => {
        createVersion2(db);
        db.createObjectStore('summaries', { keyPath: 'key' });
      },
      (tx) => {
        tx.objectStore('metas').put(jan.meta);
        tx.objectStore('data').put({ ...jan.data, batch });
        tx.objectStore('summaries').put({ key: jan.meta.key, importId: jan.meta.importId, summary });
        tx.objectStore('datasets').put({ id: 'ds-old', label: 'Old import', source: 'import', createdAt: 1, importId: 'imp-old', fileNames: ['x.csv'] });
      },
      [...FIRST_STORES, 'undoData', 'legacy', 'summaries'],
    );
    const store = await openDataStore(name);
    const [meta] = await store.partitions('crime');
    expect((await store.summaries([meta!.key]))[0]!.summary).toEqual(summary);
    const [luton] = await store.areaRows('Luton', [meta!.key]);
    expect(luton!.importId).toBe(meta!.importId);
    expect(luton!.rows.n).toBe(2);
    expect(luton!.rows).toEqual(splitByAuthority(batch).find((r) => r.lad === 'Luton'));
    expect(await store.areaRows('Bedford', [meta!.key])).toEqual([]);
    // Version 6: each month's ID prefixes, for the repeated-ID check.
    const [ids] = await store.crimeIds([meta!.key]);
    expect(ids!.importId).toBe(meta!.importId);
    expect(ids!.ids).toEqual(idPrefixes(batch));
    store.close();
  });
});
