import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { crimeDataLoader } from '../../src/engines/crime-source';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromText } from '../../src/engines/import/source-file';
import type { DataStore } from '../../src/data/store';
import { summarisePart } from '../../models/crime-summary';
import { streetCsv, streetRow } from '../fixtures/police-uk';
import { openDB } from 'idb';
import { dataKeyOf } from '../../src/data/data-keys';

// Issue 13: counts come from the summaries written at import, so pages that need counts never read rows.
let store: DataStore;
let dbName = '';
let n = 0;
afterEach(() => store.close());

/** The store, counting how many partitions' rows were read. */
async function openCounting() {
  dbName = `crime-source-${++n}-${Date.now()}`;
  store = await openDataStore(dbName);
  const reads = { rows: 0, areaRows: 0, ids: 0 };
  const partitionData = store.partitionData.bind(store);
  store.partitionData = (keys) => {
    reads.rows += keys.length;
    return partitionData(keys);
  };
  const crimeIds = store.crimeIds.bind(store);
  store.crimeIds = (keys) => {
    reads.ids += keys.length;
    return crimeIds(keys);
  };
  const areaRows = store.areaRows.bind(store);
  store.areaRows = (lad, keys) => {
    reads.areaRows += keys.length;
    return areaRows(lad, keys);
  };
  return reads;
}

const jan = streetCsv([streetRow(), streetRow({ 'Crime type': 'Robbery' }), streetRow({ 'LSOA code': 'E01017541', 'LSOA name': 'Bedford 001B' })]);
const feb = streetCsv([streetRow({ Month: '2023-02', 'Crime ID': 'x1' }), streetRow({ Month: '2023-02', 'Crime ID': 'x1' })]);
const put = (name: string, text: string) => importFiles(store, [sourceFromText(name, text)], { source: 'import' });

/**
 * Deletes what was derived from the first stored month's rows, as for a month
 * an upgrade could not count (an undone delete used to do this too; since data
 * version 6 it keeps them).
 */
async function forgetDerived() {
  const [meta] = await store.partitions('crime');
  const key = dataKeyOf(meta!);
  const db = await openDB(dbName);
  await db.delete('summaries', key);
  await db.delete('ids', key);
  await db.delete('areaRows', IDBKeyRange.bound([key], [key, []]));
  db.close();
}

describe('crimeDataLoader', () => {
  it('counts from the summaries written at import without reading any rows, and reads rows only when asked', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    await put('2023-02-street.csv', feb);
    const data = await crimeDataLoader(store)();
    expect(reads.rows).toBe(0);
    expect(data.summaries.map((s) => s.n.reduce((a, b) => a + b, 0))).toEqual([3, 2]);
    expect(data.knownDuplicates()).toBeNull();
    // The fixture's January rows share one ID, and February's two rows another.
    expect(await data.duplicates()).toEqual({ ids: 2, sameMonth: 2 });
    // The check reads each month's ID prefixes, written at import, and no rows.
    expect(reads.ids).toBe(2);
    expect(reads.rows).toBe(0);
    // The summaries equal counting the rows again.
    expect(data.summaries).toEqual((await data.parts()).map(summarisePart));
    expect(reads.rows).toBe(2);
    // The check's answer is kept: asking again reads nothing.
    expect(await data.duplicates()).toEqual({ ids: 2, sameMonth: 2 });
    expect(reads.ids).toBe(2);
    expect(reads.rows).toBe(2);
  });

  it('lets go of its row columns and the engines’ caches on release (an import has begun), and builds them again when asked', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    await put('2023-02-street.csv', feb);
    const loader = crimeDataLoader(store);
    let released = 0;
    loader.onRelease(() => released++);
    const data = await loader();
    const cols = await data.columns();
    const area = await data.areaColumns('Bedford');
    expect(await data.columns()).toBe(cols);
    expect(await data.duplicates()).toEqual({ ids: 2, sameMonth: 2 });
    const before = { ...reads };
    loader.release();
    await Promise.resolve();
    expect(released).toBe(1);
    // Built again from the store: the same values, new arrays; counts and the repeated-ID answer are kept.
    const again = await (await loader()).columns();
    expect(again).not.toBe(cols);
    expect(again).toEqual(cols);
    expect(reads.rows).toBe(before.rows + 2);
    expect(await (await loader()).areaColumns('Bedford')).toEqual(area);
    expect(reads.areaRows).toBe(before.areaRows + 1);
    expect((await loader()).knownDuplicates()).toEqual({ ids: 2, sameMonth: 2 });
    expect(reads.ids).toBe(before.ids);
  });

  it('counts a month from its rows when its summary is missing (one an upgrade could not count)', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    await forgetDerived();
    const data = await crimeDataLoader(store)();
    expect(reads.rows).toBe(1);
    expect(data.summaries).toEqual((await data.parts()).map(summarisePart));
  });

  it('reads only the month that lacks a summary, not every month', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    await put('2023-02-street.csv', feb);
    await forgetDerived();
    const data = await crimeDataLoader(store)();
    expect(reads.rows).toBe(1);
    expect(data.summaries.map((s) => s.month)).toEqual(['2023-01', '2023-02']);
  });

  it('checks repeated IDs of a month without stored ID prefixes from its rows, with the same answer', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    await put('2023-02-street.csv', feb);
    const stored = await crimeDataLoader(store)().then((d) => d.duplicates());
    await forgetDerived();
    const data = await crimeDataLoader(store)();
    reads.rows = 0;
    expect(await data.duplicates()).toEqual(stored);
    expect(reads.rows).toBe(1);
  });

  it('keeps the summary and rows by authority of a deleted month for its undo, reading no rows', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    const [dataset] = await store.datasets();
    const undo = await store.deleteDataset(dataset!.id);
    await store.undo(undo.id);
    const data = await crimeDataLoader(store)();
    expect(data.summaries[0]!.n.reduce((a, b) => a + b, 0)).toBe(3);
    expect((await data.areaColumns('Luton')).file).toEqual(['2023-01-street.csv', '2023-01-street.csv']);
    expect(reads.rows).toBe(0);
  });

  it('keeps a summary valid through a re-import of the same rows and its undo, reading no rows', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    const again = await put('2023-01-street (again).csv', jan);
    await store.undo(again.undoId!);
    const data = await crimeDataLoader(store)();
    expect(reads.rows).toBe(0);
    expect(data.summaries[0]!.n.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('re-counts only the month a new import replaced', async () => {
    await openCounting();
    await put('2023-01-street.csv', jan);
    await put('2023-02-street.csv', feb);
    const load = crimeDataLoader(store);
    const before = await load();
    await put('2023-02-street (new).csv', streetCsv([streetRow({ Month: '2023-02' })]));
    const after = await load();
    expect(after.summaries[0]).toBe(before.summaries[0]);
    expect(after.summaries[1]!.n).toEqual([1]);
  });

  it('keeps its data, the repeated-ID answer included, through a change that leaves every crime month as it was', async () => {
    const reads = await openCounting();
    await put('2023-01-street.csv', jan);
    const load = crimeDataLoader(store);
    const before = await load();
    await before.duplicates();
    expect(reads.ids).toBe(1);
    await store.updateSettings({ area: 'Bedford' });
    const after = await load();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.knownDuplicates()).toEqual({ ids: 1, sameMonth: 1 });
    await after.duplicates();
    expect(reads.ids).toBe(1);
    // A new month is new data: the check runs again.
    await put('2023-02-street.csv', feb);
    const third = await load();
    expect(third.knownDuplicates()).toBeNull();
    expect(await third.duplicates()).toEqual({ ids: 2, sameMonth: 2 });
  });

  describe('areaColumns', () => {
    const mar = streetCsv([streetRow({ Month: '2023-03', 'Crime ID': 'm1', 'LSOA code': 'E01017541', 'LSOA name': 'Bedford 001B' }), streetRow({ Month: '2023-03', 'Crime ID': 'm2' })]);

    it('reads an authority’s rows split at import, skipping months without any, and never the whole months', async () => {
      const reads = await openCounting();
      await put('2023-01-street.csv', jan);
      await put('2023-02-street.csv', feb);
      await put('2023-03-street.csv', mar);
      const data = await crimeDataLoader(store)();
      const bedford = await data.areaColumns('Bedford');
      expect(reads.rows).toBe(0);
      // February has no Bedford rows (its summary says so): two months read, not three.
      expect(reads.areaRows).toBe(2);
      expect(bedford.month).toEqual(['2023-01', '2023-03']);
      expect(bedford.lsoaName).toEqual(['Bedford 001B', 'Bedford 001B']);
      // The same rows, in the same order, as the whole months filtered by authority.
      const all = await data.columns();
      const keep = all.lad.map((l, i) => (l === 'Bedford' ? i : -1)).filter((i) => i >= 0);
      expect([...bedford.line]).toEqual(keep.map((i) => all.line[i]));
      expect(bedford.file).toEqual(keep.map((i) => all.file[i]));
    });

    it('splits a month whose rows by authority are missing (one an upgrade could not split) from its rows, that month only', async () => {
      const reads = await openCounting();
      await put('2023-01-street.csv', jan);
      await put('2023-03-street.csv', mar);
      await forgetDerived();
      const data = await crimeDataLoader(store)();
      reads.rows = 0;
      const luton = await data.areaColumns('Luton');
      expect(reads.rows).toBe(1);
      expect(luton.month).toEqual(['2023-01', '2023-01', '2023-03']);
    });

    it('keeps the rows by authority valid through a re-import of the same rows and its undo', async () => {
      const reads = await openCounting();
      await put('2023-01-street.csv', jan);
      const again = await put('2023-01-street (again).csv', jan);
      expect((await store.areaRows('Luton', [(await store.partitions('crime'))[0]!.key]))[0]?.importId).toBe((await store.partitions('crime'))[0]!.importId);
      await store.undo(again.undoId!);
      const data = await crimeDataLoader(store)();
      expect((await data.areaColumns('Luton')).file).toEqual(['2023-01-street.csv', '2023-01-street.csv']);
      expect(reads.rows).toBe(0);
    });
  });
});
