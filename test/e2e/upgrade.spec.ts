import { expect, test } from '@playwright/test';
import { num, tableRecords } from './helpers';

/**
 * A profile written by the first release (commit 38fb785: no `undoData`,
 * whole undo entries, crime IDs as one string per row), opened by this build.
 * The layout is written with the raw IndexedDB API on a blank page of the
 * same origin, so the app's own code never touches it before the upgrade.
 */
test.describe('Upgrading a store written by the first release', () => {
  test('converts it: months, overview and undo all work on the old data', async ({ page }) => {
    await page.route('**/seed-old-layout.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
    await page.goto('/seed-old-layout.html');
    await page.evaluate(async () => {
      const dict = (values: string[], codes: number[]) => ({ values, codes: Uint32Array.from(codes) });
      const month = (m: string, ids: string[], types: string[]) => {
        const n = ids.length;
        return {
          key: `crime|Bedfordshire Police|${m}`,
          kind: 'crime',
          batch: {
            n,
            line: Uint32Array.from(ids, (_, i) => i + 2),
            crimeId: ids,
            longitude: new Float64Array(n).fill(-0.41334),
            latitude: new Float64Array(n).fill(51.89972),
            location: dict(['On or near Park Street'], new Array(n).fill(0)),
            lsoaCode: dict(['E01015693'], new Array(n).fill(0)),
            lsoaName: dict(['Luton 007A'], new Array(n).fill(0)),
            crimeType: dict(
              [...new Set(types)],
              types.map((t) => [...new Set(types)].indexOf(t)),
            ),
            outcome: dict(['Under investigation'], new Array(n).fill(0)),
            fallsWithin: dict(['Bedfordshire Police'], new Array(n).fill(0)),
            context: dict([''], new Array(n).fill(0)),
          },
        };
      };
      const meta = (m: string, rows: number) => ({
        key: `crime|Bedfordshire Police|${m}`,
        kind: 'crime',
        datasetId: 'ds-old',
        importId: 'imp-old',
        fileName: `${m}-bedfordshire-street.csv`,
        importedAt: Date.UTC(2026, 10, 22),
        rows,
        rejected: 0,
        month: m,
        force: 'Bedfordshire Police',
        ladCounts: { Luton: rows },
      });
      const hex = 'cd'.repeat(32);
      const jan = month('2023-01', [hex, '', hex], ['Burglary', 'Anti-social behaviour', 'Burglary']);
      const dec = month('2022-12', [hex, hex], ['Robbery', 'Robbery']);
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('csp-workbench-data', 1);
        req.onupgradeneeded = () => {
          const db = req.result;
          const metas = db.createObjectStore('metas', { keyPath: 'key' });
          metas.createIndex('datasetId', 'datasetId');
          metas.createIndex('kind', 'kind');
          db.createObjectStore('data', { keyPath: 'key' });
          db.createObjectStore('datasets', { keyPath: 'id' });
          db.createObjectStore('reports', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
          db.createObjectStore('undo', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
          db.createObjectStore('kv');
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['metas', 'data', 'datasets', 'undo', 'kv'], 'readwrite');
          tx.objectStore('metas').put(meta('2023-01', 3));
          tx.objectStore('data').put(jan);
          tx.objectStore('datasets').put({ id: 'ds-old', label: 'Old import', source: 'import', createdAt: 1, importId: 'imp-old', fileNames: ['x.csv'] });
          tx.objectStore('undo').put({
            id: 'undo-old',
            createdAt: 2,
            label: 'Import of 22/11/2026',
            restoreMetas: [{ ...meta('2022-12', 2), datasetId: 'ds-older', importId: 'imp-older' }],
            restoreData: [dec],
            restoreDatasets: [{ id: 'ds-older', label: 'Older import', source: 'import', createdAt: 0, importId: 'imp-older', fileNames: ['y.csv'] }],
            removeKeys: [{ key: 'crime|Bedfordshire Police|2023-01', importId: 'imp-old' }],
            removeDatasetIds: ['ds-old'],
          });
          tx.objectStore('kv').put({ area: 'Luton', sampleLoaded: true }, 'settings');
          tx.objectStore('kv').put(3, 'version');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    });

    await page.goto('/#/data');
    const months = page.getByRole('table', { name: 'Imported months' });
    await expect(months.getByRole('row', { name: /Jan 2023/ })).toBeVisible();
    const records = await tableRecords(months);
    expect(records.map((r) => [r['Month'], num(r['Rows stored'])])).toEqual([['Jan 2023', 3]]);

    // The overview reads the crime rows (and their IDs) in the crime worker.
    await page.goto('/#/overview');
    const byType = page.getByRole('table', { name: 'Rows by crime type and month' });
    await expect(byType).toBeVisible();
    expect(await tableRecords(byType)).toEqual([{ Month: 'Jan 2023', Burglary: '2', 'Anti-social behaviour': '1', 'All types': '3' }]);
    // The IDs were read: the repeated one is named.
    await expect(page.getByText('1 crime ID appears on more than one row', { exact: false })).toBeVisible();
    await expect(page.getByText(/expected/)).toHaveCount(0);

    // Undo from the old history: the import worker needs the store the first release lacked.
    await page.goto('/#/data');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(months.getByRole('row', { name: /Dec 2022/ })).toBeVisible();
    await expect(months.getByRole('row', { name: /Jan 2023/ })).toHaveCount(0);
  });

  test('shows a recovery page, not a schema dump, when a stored record cannot be read', async ({ page }) => {
    await page.route('**/seed-old-layout.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
    await page.goto('/seed-old-layout.html');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('csp-workbench-data', 1);
          req.onupgradeneeded = () => {
            req.result.createObjectStore('metas', { keyPath: 'key' }).createIndex('kind', 'kind');
            req.result.createObjectStore('datasets', { keyPath: 'id' });
            req.result.createObjectStore('kv');
          };
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction(['datasets'], 'readwrite');
            tx.objectStore('datasets').put({ id: 'x', label: 42 });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
          };
        }),
    );
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Your stored data needs attention' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Stored records that cannot be read' })).toContainText('The list of datasets');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download everything stored (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^csp-workbench-data-.*\.json$/);
    await page.getByRole('button', { name: 'Clear the data store…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear the data store' }).click();
    // Cleared: a first visit again, the sample loads.
    await expect(page.getByText(/^Sample loaded on/)).toBeVisible({ timeout: 90_000 });
  });
});
