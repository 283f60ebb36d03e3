import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNeedStore, type NeedStore } from '../../src/data/need-store';
import { DEFAULT_SETTINGS, type UserIndicator } from '../../models/need/schema';

let need: NeedStore;
let n = 0;
const name = () => `need-test-${++n}-${Date.now()}`;
beforeEach(async () => {
  need = await openNeedStore(name());
});
afterEach(() => need.close());

const ind = (name: string, value: number): UserIndicator => ({ name, fileName: 'a.csv', importedAt: 1, values: { E05014742: value }, lines: { E05014742: 2 } });

describe('NeedStore', () => {
  it('keeps settings per partnership area across a reopen', async () => {
    const dbName = name();
    const first = await openNeedStore(dbName);
    await first.saveSettings('Luton', { ...DEFAULT_SETTINGS, method: 'percentile', topN: 3 });
    first.close();
    const again = await openNeedStore(dbName);
    expect(await again.settings('Luton')).toMatchObject({ method: 'percentile', topN: 3 });
    expect(await again.settings('Bedford')).toBeUndefined();
    again.close();
  });

  it('refuses settings that do not validate', async () => {
    await expect(need.saveSettings('Luton', { ...DEFAULT_SETTINGS, topN: 0 })).rejects.toThrow();
  });

  it('replaces an indicator of the same name, and undo puts the old one back', async () => {
    await need.saveIndicators([ind('Referrals', 1)], 'Import a.csv');
    const rev = await need.revision();
    const u = await need.saveIndicators([ind('Referrals', 2), ind('Clubs', 5)], 'Import b.csv');
    expect(await need.revision()).toBe(rev + 1);
    expect((await need.userIndicators()).map((i) => [i.name, i.values['E05014742']])).toEqual([
      ['Clubs', 5],
      ['Referrals', 2],
    ]);
    expect(await need.lastUndo()).toMatchObject({ id: u.id, label: 'Import b.csv' });
    await need.undo(u.id);
    expect((await need.userIndicators()).map((i) => [i.name, i.values['E05014742']])).toEqual([['Referrals', 1]]);
  });

  it('deletes an indicator undoably', async () => {
    await need.saveIndicators([ind('Referrals', 1)], 'Import a.csv');
    const u = await need.deleteIndicator('Referrals');
    expect(await need.userIndicators()).toEqual([]);
    await need.undo(u.id);
    expect((await need.userIndicators()).map((i) => i.name)).toEqual(['Referrals']);
  });

  it('stores, replaces and removes the lookup undoably', async () => {
    const a = { fileName: 'a.csv', importedAt: 1, pairs: { E01015693: 'E05014735' }, lines: { E01015693: 2 } };
    const b = { ...a, fileName: 'b.csv' };
    await need.setLookup(a, 'Import a.csv');
    const replace = await need.setLookup(b, 'Import b.csv');
    expect((await need.lookup())?.fileName).toBe('b.csv');
    await need.undo(replace.id);
    expect((await need.lookup())?.fileName).toBe('a.csv');
    const remove = await need.setLookup(null, 'Remove the lookup');
    expect(await need.lookup()).toBeUndefined();
    await need.undo(remove.id);
    expect((await need.lookup())?.fileName).toBe('a.csv');
  });
});
