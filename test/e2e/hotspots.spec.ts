import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { csvParseRows } from 'd3-dsv';
import { bngOf } from '../../models/geo/projection';
import { num, openWithSample, tableRecords } from './helpers';

const SAMPLE = fileURLToPath(new URL('../../sample-data/', import.meta.url));

const hotspotsTable = (page: Page) => page.getByRole('table', { name: 'Hot spots' });

async function openHotspots(page: Page) {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Hot spots' }).click();
  await expect(page.getByLabel('Issue', { exact: true })).toHaveValue('shoplifting');
  await page.getByLabel('Period ends with').selectOption('2023-12');
  await expect(hotspotsTable(page).locator('tbody tr').first()).toBeVisible({ timeout: 90_000 });
}

test.describe('hot spots', () => {
  test('Luton shoplifting in 2023: the top cell is significant, named by its location, and traced to its rows', async ({ page }) => {
    await openHotspots(page);
    await expect(page.getByRole('heading', { name: 'Map: Shoplifting, Jan 2023 to Dec 2023' })).toBeVisible();
    const rows = await tableRecords(hotspotsTable(page));
    const top = rows[0]!;
    expect(Number(top['Adjusted p']!.replace('< ', ''))).toBeLessThan(0.05);
    expect(Number(top['Gi* z'])).toBeGreaterThan(2);
    expect(top['Most common location']).toMatch(/^On or near .+ \(\d+\)$/);
    expect(top['Ward']).not.toBe('');
    const zs = rows.map((r) => Number(r['Gi* z']));
    expect(zs).toEqual([...zs].sort((a, b) => b - a));
    await expect(page.getByText(/Getis-Ord Gi\*: binary weights/)).toBeVisible();
    await expect(page.getByLabel('What the map shows')).toContainText('significant hot spot');

    // The trace lists the cell's rows by file and line; each is a Shoplifting row of the published file inside the cell.
    const id = top['Cell']!;
    await hotspotsTable(page)
      .getByRole('button', { name: new RegExp(`^Cell ${id}:`) })
      .click();
    const trace = page.getByRole('table', { name: `Source rows of cell ${id}` });
    await expect(trace.locator('tbody tr').first()).toBeVisible();
    await expect(page.getByText(new RegExp(`^Source rows 1 to \\d+ of ${top['Count']}$`))).toBeVisible();
    const [e0, n0] = id.match(/\d+/g)!.map(Number) as [number, number];
    const size = Number(/square cells of ([\d,]+) m/.exec((await page.getByText(/^Grid: square cells/).textContent())!)![1]!.replace(/,/g, ''));
    const traced = await tableRecords(trace);
    const byFile = new Map<string, string[][]>();
    for (const r of traced.slice(0, 10)) {
      if (!byFile.has(r['File']!))
        byFile.set(
          r['File']!,
          csvParseRows(
            gunzipSync(readFileSync(`${SAMPLE}police-uk/${r['File']}`))
              .toString('utf8')
              .replace(/^\uFEFF/, ''),
          ),
        );
      const source = byFile.get(r['File']!)![num(r['Line']) - 1]!; // line 1 is the header
      expect(source[9], `${r['File']}:${r['Line']}`).toBe('Shoplifting');
      expect(source[6]).toBe(r['Location']);
      const [e, n] = bngOf(Number(source[4]), Number(source[5]));
      expect(e).toBeGreaterThanOrEqual(e0);
      expect(e).toBeLessThan(e0 + size);
      expect(n).toBeGreaterThanOrEqual(n0);
      expect(n).toBeLessThan(n0 + size);
    }
  });

  test('refuses a cell size of 0 or 50 km and keeps the last analysis', async ({ page }) => {
    await openHotspots(page);
    const before = await tableRecords(hotspotsTable(page));
    const cell = page.getByLabel(/^Cell size/);
    await cell.fill('0');
    await cell.press('Enter');
    await expect(page.getByRole('alert')).toContainText('The cell size must be between 50 m and 500 m; 0 m was given');
    await cell.fill('50000');
    await cell.press('Enter');
    await expect(page.getByRole('alert')).toContainText('The cell size must be between 50 m and 500 m; 50,000 m was given');
    expect(await tableRecords(hotspotsTable(page))).toEqual(before);
    await cell.fill('250');
    await cell.press('Enter');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText(/^Grid: square cells of 250 m \(set by you\)/)).toBeVisible({ timeout: 60_000 });

    // The settings last used are kept: after a reload the page comes back with them, not the defaults.
    await page.reload();
    await page.getByRole('link', { name: 'Hot spots' }).click();
    await expect(page.getByLabel(/^Cell size/)).toHaveValue('250', { timeout: 60_000 });
    await expect(page.getByLabel('Period ends with')).toHaveValue('2023-12');
    await expect(page.getByText(/^Grid: square cells of 250 m \(set by you\)/)).toBeVisible({ timeout: 90_000 });
  });
});
