import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromText } from '../../src/engines/import/source-file';
import type { DataStore } from '../../src/data/store';
import { UndoEntry } from '../../src/data/schema';
import { sameData, approxBytes, fingerprint } from '../../src/data/same-data';
import fc from 'fast-check';
import { streetCsv, streetRow } from '../fixtures/police-uk';

// Issue 13: re-importing months already stored must not grow the database by a copy of them,
// and the undo history is bounded by bytes as well as by steps.
let store: DataStore;
let n = 0;
afterEach(() => store.close());
const open = async (undoBytes?: number) => (store = await openDataStore(`undo-budget-${++n}-${Date.now()}`, undoBytes === undefined ? {} : { undoBytes }));

const jan = streetCsv([streetRow(), streetRow({ 'Crime type': 'Robbery' }), streetRow({ 'LSOA code': 'E01017541', 'LSOA name': 'Bedford 001B' })]);
const jan2 = streetCsv([streetRow(), streetRow({ 'Crime type': 'Shoplifting' })]);
const put = (name: string, text: string) => importFiles(store, [sourceFromText(name, text)], { source: 'import' });

async function undoEntries(): Promise<UndoEntry[]> {
  const all = await store.exportAll();
  return (all['undoData'] ?? []).map((r) => UndoEntry.parse((r as { value: unknown }).value));
}
const dataKeys = async () => ((await store.exportAll())['data'] ?? []).map((r) => (r as { key: string }).key).sort();
const crimeRows = async () => {
  const metas = await store.partitions('crime');
  const data = await store.partitionData(metas.map((m) => m.key));
  return data.flatMap((d) => (d.kind === 'crime' ? [d.batch.n] : []));
};

describe('undo of a re-import', () => {
  it('keeps no copy of a month re-imported unchanged, and undo still puts the earlier import back', async () => {
    await open();
    await put('2023-01-street.csv', jan);
    const again = await put('2023-01-street (again).csv', jan);
    const [step] = (await undoEntries()).filter((e) => e.id === again.undoId);
    expect(step!.restoreData).toEqual([]);
    expect(step!.keepData).toEqual(['crime|Bedfordshire Police|2023-01']);
    expect(step!.bytes).toBe(0);
    expect((await store.partitions('crime')).map((m) => m.fileName)).toEqual(['2023-01-street (again).csv']);
    await store.undo(again.undoId!);
    expect((await store.partitions('crime')).map((m) => m.fileName)).toEqual(['2023-01-street.csv']);
    expect(await crimeRows()).toEqual([3]);
  });

  it('keeps the old rows of a month whose rows changed in place (no copy), and undo puts them back', async () => {
    await open();
    await put('2023-01-street.csv', jan);
    const [first] = await store.partitions('crime');
    const changed = await put('2023-01-street (new).csv', jan2);
    const [step] = (await undoEntries()).filter((e) => e.id === changed.undoId);
    // Since data version 6 the step refers to the old rows where they are; before, it held a copy in restoreData.
    expect(step!.restoreData).toEqual([]);
    expect(step!.refs).toEqual([first!.dataKey]);
    expect(step!.keepData).toBeUndefined();
    expect(step!.bytes).toBeGreaterThan(0);
    expect(await crimeRows()).toEqual([2]);
    expect(await dataKeys()).toHaveLength(2);
    await store.undo(changed.undoId!);
    expect(await crimeRows()).toEqual([3]);
    // The undone import's rows, and what was derived from them, are gone.
    expect(await dataKeys()).toEqual([first!.dataKey]);
    expect((await store.exportAll())['summaries']!.map((r) => (r as { key: string }).key)).toEqual([first!.dataKey]);
  });

  it('deletes a dataset without copying its rows; the rows go once no undo step can put them back', async () => {
    await open();
    const one = await put('a.csv', jan);
    const [meta] = await store.partitions('crime');
    const del = await store.deleteDataset(one.datasetId!);
    expect((await undoEntries()).find((e) => e.id === del.id)!.refs).toEqual([meta!.dataKey]);
    expect(await dataKeys()).toEqual([meta!.dataKey]);
    await store.undo(del.id);
    expect(await crimeRows()).toEqual([3]);
    // Delete again, then let five later steps push the delete out of the history: its rows are deleted with it.
    await store.deleteDataset(one.datasetId!);
    for (const m of ['02', '03', '04', '05', '06']) await put(`2023-${m}-street.csv`, streetCsv([streetRow({ Month: `2023-${m}` })]));
    expect((await dataKeys()).filter((k) => k === meta!.dataKey)).toEqual([]);
    expect(await dataKeys()).toHaveLength(5);
  });

  it('drops older steps once the history holds more old data than its budget, keeping the newest', async () => {
    await open(1);
    await put('a.csv', jan);
    await put('b.csv', jan2);
    await put('c.csv', jan);
    const last = await put('d.csv', jan2);
    const steps = await undoEntries();
    expect(steps.map((s) => s.id)).toEqual([last.undoId]);
    await open();
    await put('a.csv', jan);
    await put('b.csv', jan2);
    await put('c.csv', jan);
    await put('d.csv', jan2);
    expect(await undoEntries()).toHaveLength(4);
  });
});

describe('sameData', () => {
  it('compares typed arrays by value and type, arrays in order and objects by key', () => {
    expect(sameData({ a: new Uint32Array([1, 2]), b: ['x'] }, { b: ['x'], a: new Uint32Array([1, 2]) })).toBe(true);
    expect(sameData(new Uint32Array([1, 2]), new Uint32Array([1, 3]))).toBe(false);
    expect(sameData(new Uint32Array([1]), new Int32Array([1]))).toBe(false);
    expect(sameData(new Float64Array([Number.NaN]), new Float64Array([Number.NaN]))).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
  it('estimates bytes from typed arrays and text', () => {
    expect(approxBytes({ a: new Float64Array(10), b: 'xy' })).toBe(2 + 80 + 2 + 4);
  });
});

describe('fingerprint', () => {
  it('is equal for the same values in any key order, and differs by type, order and value', async () => {
    const f = fingerprint;
    expect(await f({ a: new Uint32Array([1, 2]), b: ['x'] })).toBe(await f({ b: ['x'], a: new Uint32Array([1, 2]) }));
    expect(await f(new Uint32Array([1]))).not.toBe(await f(new Int32Array([1])));
    expect(await f(['1'])).not.toBe(await f([1]));
    expect(await f([1, 2])).not.toBe(await f([2, 1]));
    expect(await f({ a: 1 })).not.toBe(await f({ a: 1, b: undefined }));
    expect(await f(['ab', 'c'])).not.toBe(await f(['a', 'bc']));
    expect(await f(new Float64Array([Number.NaN]))).toBe(await f(new Float64Array([Number.NaN])));
  });

  it('agrees with sameData on generated records (seed 20261205)', async () => {
    const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.constant(null), fc.boolean());
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }).map((xs) => new Uint8Array(xs)),
      ),
    })).v;
    await fc.assert(
      fc.asyncProperty(value, value, async (a, b) => {
        expect((await fingerprint(a)) === (await fingerprint(b))).toBe(sameData(a, b));
        expect(await fingerprint(a)).toBe(await fingerprint(structuredClone(a)));
      }),
      { seed: 20261205, numRuns: 400 },
    );
  });
});
