import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB, type DBSchema } from 'idb';
import { newestStep, pushStep, type UndoStep } from '../../src/data/undo-log';

interface Step extends UndoStep {
  bytes: number;
}
interface LogDB extends DBSchema {
  undo: { key: string; value: Step; indexes: { createdAt: number } };
}
let n = 0;
const open = () =>
  openDB<LogDB>(`undo-log-${++n}-${Date.now()}`, 1, {
    upgrade(db) {
      db.createObjectStore('undo', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    },
  });
const step = (id: string, createdAt: number, bytes = 0): Step => ({ id, createdAt, label: `Step ${id}`, bytes });

describe('the shared undo log', () => {
  it('orders steps stored in the same millisecond (or with a clock gone back), newest undone first', async () => {
    const db = await open();
    for (const s of [step('a', 100), step('b', 100), step('c', 50)]) {
      const tx = db.transaction('undo', 'readwrite');
      await pushStep(tx.store, s, () => true);
      await tx.done;
    }
    expect((await db.getAllFromIndex('undo', 'createdAt')).map((s) => [s.id, s.createdAt])).toEqual([
      ['a', 100],
      ['b', 101],
      ['c', 102],
    ]);
    expect((await newestStep(db.transaction('undo').store))?.id).toBe('c');
    db.close();
  });

  it('asks keep about every step newest first, always keeps the newest, and returns the ones it deleted', async () => {
    const db = await open();
    const asked: string[] = [];
    let dropped: Step[] = [];
    for (const [i, s] of [step('a', 1, 40), step('b', 2, 40), step('c', 3, 40), step('d', 4, 500)].entries()) {
      const tx = db.transaction('undo', 'readwrite');
      let bytes = 0;
      // A budget of 100 bytes: the newest is kept even when it alone is over it.
      dropped = await pushStep(tx.store, s, (x, k) => {
        if (i === 2) asked.push(`${x.id}${k}`);
        return (bytes += x.bytes) <= 100;
      });
      await tx.done;
    }
    expect(asked).toEqual(['c0', 'b1', 'a2']);
    expect(dropped.map((s) => s.id)).toEqual(['c', 'b']);
    expect((await db.getAll('undo')).map((s) => s.id)).toEqual(['d']);
    expect(await newestStep(db.transaction('undo').store)).toEqual(step('d', 4, 500));
    db.close();
  });
});
