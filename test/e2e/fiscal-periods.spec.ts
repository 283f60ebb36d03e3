import { expect, test } from '@playwright/test';
import { num, openWithSample, tableRecords } from './helpers';
import { countByType } from './sample-counts';

test('a fiscal year on Evidence counts what an independent count of the sample gives, and is named', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Evidence' }).click();
  await expect(page.getByRole('table', { name: 'Evidence by issue' })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Kind of period').selectOption('fiscal-year');
  await expect(page.getByText('Current period 2022/23 (Apr 2022 to Mar 2023), compared with 2021/22 (Apr 2021 to Mar 2022).')).toBeVisible({ timeout: 30_000 });
  const rows = new Map((await tableRecords(page.getByRole('table', { name: 'Evidence by issue' }))).map((r) => [r['Issue']!, r]));
  const current = countByType('2022-04', '2023-03');
  for (const t of ['Burglary', 'Shoplifting', 'Violence and sexual offences']) expect(num(rows.get(t)?.['12-month volume']), t).toBe(current.get(t) ?? 0);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('columnheader', { name: 'Latest quarter (Q4 2022/23 (Jan to Mar 2023))' })).toBeVisible({ timeout: 60_000 });
});
