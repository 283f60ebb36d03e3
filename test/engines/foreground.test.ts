import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Foreground } from '../../src/engines/foreground';
import { crimeDataLoader } from '../../src/engines/crime-source';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromText } from '../../src/engines/import/source-file';
import { streetCsv, streetRow } from '../fixtures/police-uk';

const later = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('Foreground', () => {
  it('counts a tracked request while it runs and wakes background work when none is left', async () => {
    const fg = new Foreground();
    const gate = later();
    const api = fg.track({ need: { slow: async (x: number) => (await gate.promise, x * 2), other: () => 1 }, data: { background: async () => 'bg' } }, ['data.background']);
    expect(await settled(fg.idle())).toBe(true);
    const answer = api.need.slow(21);
    expect(fg.running).toBe(1);
    // A background method is not counted.
    void api.data.background();
    expect(fg.running).toBe(1);
    const idle = fg.idle();
    expect(await settled(idle)).toBe(false);
    gate.resolve();
    expect(await answer).toBe(42);
    expect(await settled(idle)).toBe(true);
    expect(fg.running).toBe(0);
  });

  it('with a quiet period, waits that long after the last request ended', async () => {
    const fg = new Foreground(1000);
    const api = fg.track({ need: { quick: async () => 1 } });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await api.need.quick();
    const idle = fg.idle();
    expect(await settled(idle)).toBe(false);
    // Another request inside the quiet period starts it again: 1.1 s after the first, 0.6 s after the second.
    await sleep(500);
    await api.need.quick();
    await sleep(600);
    expect(await settled(idle)).toBe(false);
    await sleep(700);
    expect(await settled(idle)).toBe(true);
  });

  it('counts a request that fails, and still wakes background work', async () => {
    const fg = new Foreground();
    const api = fg.track({ need: { bad: async () => Promise.reject(new Error('no')) } });
    await expect(api.need.bad()).rejects.toThrow('no');
    expect(fg.running).toBe(0);
    expect(await settled(fg.idle())).toBe(true);
  });
});

describe('the repeated-ID check in the background', () => {
  it('reads no month while a page’s request is being answered, and finishes once none is', async () => {
    const store = await openDataStore(`foreground-${Date.now()}`);
    await importFiles(store, [sourceFromText('2023-01-street.csv', streetCsv([streetRow(), streetRow()]))], { source: 'import' });
    let reads = 0;
    const crimeIds = store.crimeIds.bind(store);
    store.crimeIds = (keys) => ((reads += keys.length), crimeIds(keys));
    const fg = new Foreground();
    const gate = later();
    const page = fg.track({ need: { busy: () => gate.promise } });
    const data = await crimeDataLoader(store, { idle: () => fg.idle() })();
    const busy = page.need.busy();
    const check = data.duplicates();
    expect(await settled(check)).toBe(false);
    expect(reads).toBe(0);
    gate.resolve();
    await busy;
    expect(await check).toEqual({ ids: 1, sameMonth: 1 });
    expect(reads).toBe(1);
    store.close();
  });
});
