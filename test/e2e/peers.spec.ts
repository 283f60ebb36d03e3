import { expect, test } from '@playwright/test';
import { openWithSample, tableRecords } from './helpers';

test.describe('peer comparison', () => {
  test('the Dashboard has a Peer rank column and refuses a peer group with unknown codes', async ({ page }) => {
    await openWithSample(page);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const table = page.getByRole('table', { name: 'Performance dashboard' });
    await expect(table.getByRole('columnheader', { name: 'Peer rank' })).toBeVisible({ timeout: 60_000 });
    // The sample holds Luton only: it is ranked alone, and the page says so.
    await expect(page.getByRole('heading', { name: 'Compared with other areas' })).toBeVisible({ timeout: 60_000 });
    const rows = await tableRecords(table);
    expect(rows.find((r) => r['Issue'] === 'Burglary')?.['Peer rank']).toBe('the only area compared');
    await expect(
      page
        .getByRole('img', { name: /rate per 1,000 by area/ })
        .or(page.locator('svg[aria-label$="rate per 1,000 by area"]'))
        .first(),
    ).toBeVisible();

    const codes = page.getByLabel('Peer group (local authority codes, separated by commas)');
    await codes.fill('E06000032, Luton');
    await page.getByRole('button', { name: 'Save peer group' }).click();
    await expect(page.getByRole('alert')).toContainText('“Luton” is not a local authority code (like E06000032). The peer group was not changed.');
    await codes.fill('E06099999');
    await page.getByRole('button', { name: 'Save peer group' }).click();
    await expect(page.getByRole('alert')).toContainText('E06099999 is not named by any loaded file (IMD 2019 File 6 or boundaries): load its files first');
    await expect(page.getByText('No peer group is set.')).toBeVisible();

    await codes.fill('E06000032');
    await page.getByRole('button', { name: 'Save peer group' }).click();
    await expect(page.getByText('Peer group: Luton (E06000032).')).toBeVisible();
    await page.reload();
    await expect(page.getByText('Peer group: Luton (E06000032).')).toBeVisible({ timeout: 60_000 });
  });
});
