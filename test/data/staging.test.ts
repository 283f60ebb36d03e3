import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles, type ImportOptions } from '../../src/engines/import/importer';
import { sourceFromText } from '../../src/engines/import/source-file';
import type { DataStore, ImportCommit } from '../../src/data/store';
import { streetCsv, streetRow } from '../fixtures/police-uk';
import { listenForStarts, type Starting } from '../../src/data/changes';

// Issue 13: an import writes each file's rows as it reads them (data version 6), so it holds one file's rows at a
// time; nothing of it is visible before its commit, and nothing of a failed or cancelled import stays.
let store: DataStore;
let name = '';
let n = 0;
afterEach(() => store.close());
const open = async () => (store = await openDataStore((name = `staging-${++n}-${Date.now()}`)));

const month = (m: string, rows = 1) => streetCsv(Array.from({ length: rows }, (_, i) => streetRow({ Month: `2023-${m}`, 'Crime ID': `id-${m}-${i}` })));
const file = (m: string, rows = 1) => sourceFromText(`2023-${m}-street.csv`, month(m, rows));
const dataKeys = async (s: DataStore = store) => ((await s.exportAll())['data'] ?? []).map((r) => (r as { key: string }).key).sort();

/** The store with some methods replaced, the rest passed through. */
function withOverrides(over: Partial<DataStore>): DataStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop in over) return over[prop as keyof DataStore];
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('staged import', () => {
  it('writes each file’s rows as it is read, and commits descriptions only', async () => {
    await open();
    const staged: number[] = [];
    let committed: ImportCommit['parts'] = [];
    const counting = withOverrides({
      stageParts: (id, parts) => {
        staged.push(parts.length);
        return store.stageParts(id, parts);
      },
      commitImport: (c) => {
        committed = c.parts;
        return store.commitImport(c);
      },
    });
    await importFiles(counting, [file('01'), file('02'), file('03')], { source: 'import' });
    expect(staged).toEqual([1, 1, 1]);
    expect(committed.every((p) => 'staged' in p && !('data' in p))).toBe(true);
    expect((await store.partitions('crime')).map((m) => m.rows)).toEqual([1, 1, 1]);
    expect(await dataKeys()).toHaveLength(3);
  });

  it('says an import has begun at its first write, once, before anything is visible', async () => {
    await open();
    const starts: Starting[] = [];
    const stop = listenForStarts((s) => starts.push(s), { data: name });
    let visibleAtStart: number | undefined;
    const watching = withOverrides({
      stageParts: async (id, parts) => {
        const out = await store.stageParts(id, parts);
        await new Promise((r) => setTimeout(r, 10));
        visibleAtStart ??= starts.length === 1 ? (await store.partitions('crime')).length : -1;
        return out;
      },
    });
    await importFiles(watching, [file('01'), file('02')], { source: 'import' });
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(starts).toEqual([{ store: 'data', db: name, starting: 'import' }]);
    expect(visibleAtStart).toBe(0);
  });

  it('shows nothing of an import before its commit', async () => {
    await open();
    let seen: string[] | undefined;
    const peeking = withOverrides({
      commitImport: async (c) => {
        seen = (await store.partitions()).map((m) => m.key);
        return store.commitImport(c);
      },
    });
    await importFiles(peeking, [file('01'), file('02')], { source: 'import' });
    expect(seen).toEqual([]);
    expect(await store.partitions('crime')).toHaveLength(2);
  });

  it('deletes the staged rows of a month another file of the import displaced', async () => {
    await open();
    const report = await importFiles(store, [sourceFromText('a.csv', month('01', 1)), sourceFromText('b.csv', month('01', 2))], { source: 'import' });
    expect(report.parts.map((p) => [p.fileName, p.status])).toEqual([
      ['a.csv', 'superseded'],
      ['b.csv', 'added'],
    ]);
    const [meta] = await store.partitions('crime');
    expect(await dataKeys()).toEqual([meta!.dataKey]);
  });

  it('leaves no staged rows when the commit fails, and keeps what was stored', async () => {
    await open();
    await importFiles(store, [file('01')], { source: 'import' });
    const before = await dataKeys();
    const full = withOverrides({ commitImport: () => Promise.reject(new DOMException('', 'QuotaExceededError')) });
    await expect(importFiles(full, [file('02'), file('03')], { source: 'import' })).rejects.toThrow(/no room left/);
    expect(await dataKeys()).toEqual(before);
    expect((await store.partitions('crime')).map((m) => m.month)).toEqual(['2023-01']);
  });

  it('leaves no staged rows when the import is cancelled after some files were written', async () => {
    await open();
    let stagedOnce = false;
    const s = withOverrides({
      stageParts: (id, parts) => {
        stagedOnce = true;
        return store.stageParts(id, parts);
      },
    });
    const options: ImportOptions = { source: 'import', cancelled: () => stagedOnce };
    await expect(importFiles(s, [file('01', 50), file('02', 50)], options)).rejects.toThrow(/cancelled/);
    expect(stagedOnce).toBe(true);
    expect(await dataKeys()).toEqual([]);
  });

  it('sweeps rows a closed window staged once they are a day old, but not those of an import still running', async () => {
    await open();
    // Two imports that never finish (their window closed): their rows and staging entries stay behind.
    const abandoned = withOverrides({ commitImport: () => Promise.reject(new Error('window closed')), dropStaged: () => Promise.resolve() });
    await importFiles(abandoned, [file('01')], { source: 'import' }).catch(() => undefined);
    await importFiles(abandoned, [file('02')], { source: 'import' }).catch(() => undefined);
    const left = await dataKeys();
    expect(left).toHaveLength(2);
    // The first began two days ago; the second is still "running" in another window.
    const db = await openDB(name);
    const running = (await db.get('kv', 'staging')) as Record<string, number>;
    const oldest = left.find((k) => k.startsWith('crime|Bedfordshire Police|2023-01@'))!;
    const oldId = oldest.slice(oldest.indexOf('@') + 1, oldest.lastIndexOf('.'));
    await db.put('kv', { ...running, [oldId]: Date.now() - 2 * 24 * 3600 * 1000 }, 'staging');
    db.close();
    await importFiles(store, [file('03')], { source: 'import' });
    const keys = await dataKeys();
    expect(keys).not.toContain(oldest);
    expect(keys.filter((k) => k.startsWith('crime|Bedfordshire Police|2023-02@'))).toHaveLength(1);
    expect(keys).toHaveLength(2);
  });

  it('tells a re-import of the same rows by their fingerprint, without reading the stored rows', async () => {
    await open();
    await importFiles(store, [file('01', 3)], { source: 'import' });
    const [before] = await store.partitions('crime');
    expect(before!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Spoil the stored rows behind the store's back: only a read would notice.
    const db = await openDB(name);
    const row = (await db.get('data', before!.dataKey!)) as Record<string, unknown>;
    await db.put('data', { ...row, spoiled: true });
    db.close();
    const again = await importFiles(store, [file('01', 3)], { source: 'import' });
    const [after] = await store.partitions('crime');
    expect(after!.dataKey).toBe(before!.dataKey);
    expect(again.parts[0]!.status).toBe('replaced');
    // Different rows are written anew.
    await importFiles(store, [file('01', 4)], { source: 'import' });
    expect((await store.partitions('crime'))[0]!.dataKey).not.toBe(before!.dataKey);
  });
});
