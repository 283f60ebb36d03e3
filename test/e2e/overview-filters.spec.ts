import { expect, test } from '@playwright/test';
import { num, openWithSample, tableRecords } from './helpers';
import { countByType } from './sample-counts';

const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
const label = (m: string) => new Date(`${m}-01T12:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** Luton's shoplifting rows of one month, counted from the sample files independently of the app. */
const shoplifting = (m: string) => countByType(m, m).get('Shoplifting') ?? 0;

test.describe('overview filters', () => {
  test('one crime type over a run of months: table and chart agree with the sample, and a bar and a cell open their rows', async ({ page }) => {
    await openWithSample(page);
    await page.getByRole('link', { name: 'Overview' }).click();
    const table = page.getByRole('table', { name: 'Rows by crime type and month' });
    await expect(table).toBeVisible({ timeout: 60_000 });

    const types = page.getByRole('group', { name: 'Crime types shown' });
    await types.getByRole('button', { name: 'Clear all types' }).click();
    await types.getByLabel('Shoplifting').check();
    const months = page.getByRole('group', { name: 'Months shown' });
    await months.getByLabel('From').selectOption('2023-01');
    await months.getByLabel('To').selectOption('2023-06');

    // The table: one column of Shoplifting, January to June 2023, each month as the sample counts it.
    await expect(table.locator('thead th')).toHaveText(['Month', 'Shoplifting', 'All types']);
    const records = await tableRecords(table);
    expect(records.map((r) => r['Month'])).toEqual(MONTHS.map(label));
    for (const [i, m] of MONTHS.entries()) {
      expect(num(records[i]!['Shoplifting'])).toBe(shoplifting(m));
      expect(num(records[i]!['All types'])).toBe(shoplifting(m));
    }
    const total = MONTHS.reduce((a, m) => a + shoplifting(m), 0);
    await expect(page.getByRole('status').filter({ hasText: 'Showing 1 crime type, Jan 2023 to Jun 2023:' })).toContainText(`${total.toLocaleString('en-GB')} rows in Luton`);

    // The chart: six bars, whose tips give the same counts.
    const chart = page.locator('csp-overview-page csp-plot');
    const bars = chart.locator('g[aria-label="bar"] rect');
    await expect(bars).toHaveCount(MONTHS.length);
    await chart.scrollIntoViewIfNeeded();
    const boxes = (await bars.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON() as DOMRect))).sort((a, b) => a.x - b.x);
    for (const [i, m] of MONTHS.entries()) {
      const b = boxes[i]!;
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await expect(chart.locator('g[aria-label="tip"]')).toContainText(`${label(m)}Shoplifting: ${shoplifting(m).toLocaleString('en-GB')}`);
    }

    // Clicking the March bar opens the trace of its rows: March 2023 shoplifting rows, file and line.
    const march = boxes[2]!;
    await page.mouse.move(march.x + march.width / 2, march.y + march.height / 2);
    await page.mouse.click(march.x + march.width / 2, march.y + march.height / 2);
    await expect(page.getByRole('heading', { name: 'Where the rows of Shoplifting in Mar 2023 come from' })).toBeFocused();
    const rows = page.getByRole('table', { name: 'Source rows' });
    await expect(page.getByRole('status').filter({ hasText: /^Source rows 1 to/ })).toHaveText(
      `Source rows 1 to ${Math.min(50, shoplifting('2023-03'))} of ${shoplifting('2023-03').toLocaleString('en-GB')}`,
    );
    let traced = await tableRecords(rows);
    expect(traced.length).toBeGreaterThan(0);
    for (const r of traced) {
      expect(r['Month']).toBe('Mar 2023');
      expect(r['Crime type']).toBe('Shoplifting');
      expect(r['File']).toBe('2023-03-luton-street.csv.gz');
      expect(num(r['Line'])).toBeGreaterThan(1);
    }

    // From the keyboard: Enter on the May count in the table opens May's rows.
    const may = table.getByRole('button', { name: `Shoplifting, May 2023: ${shoplifting('2023-05').toLocaleString('en-GB')} rows, show their source rows` });
    await may.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Where the rows of Shoplifting in May 2023 come from' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: /^Source rows 1 to/ })).toContainText(`of ${shoplifting('2023-05').toLocaleString('en-GB')}`);
    traced = await tableRecords(rows);
    expect(traced.length).toBeGreaterThan(0);
    expect(new Set(traced.map((r) => `${r['Month']}|${r['Crime type']}`))).toEqual(new Set(['May 2023|Shoplifting']));
  });
});
