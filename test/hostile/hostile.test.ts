import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromBytes } from '../../src/engines/import/source-file';
import { HOSTILE_CASES } from './cases';

describe('the hostile corpus (issue 14)', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.id} (defect ${c.defect}): ${c.what}`, async () => {
      const store = await openDataStore(`hostile-${c.id}-${Date.now()}`);
      // The app's caps scaled down (8 MB an entry) so the zip bomb is quick to make and refuse; the browser suite uses the real ones.
      const limits = { entryBytes: 8 * 1024 * 1024, totalBytes: 64 * 1024 * 1024 };
      const files = c.files({ bombMB: 12 }).map((f) => sourceFromBytes(f.name, f.bytes));
      const report = await importFiles(store, files, { source: 'import', limits });
      expect(report.files.map((f) => ({ name: f.name, status: f.status, message: f.message }))).toEqual(
        c.expect.map((e) => ({ name: typeof e.name === 'string' ? e.name : expect.stringMatching(e.name), status: e.status, message: expect.stringMatching(e.message) })),
      );
      const stored = (await store.partitions('crime')).reduce((s, m) => s + m.rows, 0);
      expect(stored).toBe(c.stored ?? 0);
      // Bounded report: no reason or value copies a huge input.
      expect(report.problems.every((p) => p.reason.length <= 301 && p.value.length <= 101)).toBe(true);
      store.close();
    }, 60_000);
  }
});
