import { expect, test } from '@playwright/test';
import { num, openWithSample, tableRecords } from './helpers';
import { countByType } from './sample-counts';

test('a financial quarter chosen on the Evidence page is named and counted as the sample files count it', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Evidence' }).click();
  const table = page.getByRole('table', { name: 'Evidence by issue' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Kind of period').selectOption('fiscal-quarter');
  await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Q3 2023/24' });
  await expect(page.getByText('Current period Q3 2023/24 (Oct to Dec 2023), compared with Q3 2022/23 (Oct to Dec 2022).')).toBeVisible({ timeout: 60_000 });
  const current = countByType('2023-10', '2023-12');
  const previous = countByType('2022-10', '2022-12');
  const rows = new Map((await tableRecords(table)).map((r) => [r['Issue']!, r]));
  expect(num(rows.get('Burglary')?.['Volume, Q3 2023/24 (Oct to Dec 2023)'])).toBe(current.get('Burglary'));
  expect(num(rows.get('Burglary')?.['Volume, Q3 2022/23 (Oct to Dec 2022)'])).toBe(previous.get('Burglary'));

  // The latest financial year is not over: the page says so.
  await page.getByLabel('Kind of period').selectOption('fiscal-year');
  await page.getByLabel('Period', { exact: true }).selectOption('latest');
  await expect(page.getByText(/2023\/24 is not complete: the latest stored month is Dec 2023/)).toBeVisible({ timeout: 60_000 });
});

test('the Dashboard compares the financial year to date and financial quarter when asked', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const table = page.getByRole('table', { name: 'Performance dashboard' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Periods compared').selectOption('fiscal');
  await expect(table.getByRole('columnheader', { name: 'Q3 2023/24 (Oct to Dec 2023)' })).toBeVisible({ timeout: 60_000 });
  const rows = new Map((await tableRecords(table)).map((r) => [r['Issue']!, r]));
  expect(num(rows.get('Shoplifting')?.['2023/24 to date (Apr 2023 to Dec 2023)'])).toBe(countByType('2023-04', '2023-12').get('Shoplifting'));
  expect(num(rows.get('Shoplifting')?.['Q3 2023/24 (Oct to Dec 2023)'])).toBe(countByType('2023-10', '2023-12').get('Shoplifting'));
});
