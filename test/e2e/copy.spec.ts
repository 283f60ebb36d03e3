import { expect, test } from '@playwright/test';
import { openWithSample, sharedMonth, tableRecords } from './helpers';

const go = (page: import('@playwright/test').Page, label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();

test.describe('copy and steps', () => {
  test('a weight change is an undoable step', async ({ page }) => {
    await openWithSample(page);
    await go(page, 'Priorities');
    const ranked = page.getByRole('table', { name: 'Ranked priorities' });
    await page.getByLabel('Community priority weight', { exact: true }).fill('3');
    await expect(ranked.getByRole('row').nth(1)).toContainText('ASB (Personal)');
    await expect(page.getByText('Last change: Weight of Community priority')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByLabel('Community priority weight', { exact: true })).toHaveValue('1');
    expect((await tableRecords(ranked))[0]).toMatchObject({ Issue: 'Domestic Abuse', Total: '33' });
  });

  test('no timings in view, no empty trace box, and an import’s undo label names its time once', async ({ page }) => {
    await openWithSample(page);
    await page.getByLabel('Choose police.uk files').setInputFiles([sharedMonth('2023-12')]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
    const bar = page.locator('csp-data-page csp-undo-bar .note');
    await expect(bar).toContainText('Import of');
    const undo = await bar.textContent();
    expect(undo!.match(/\d\d\/\d\d\/\d{4}, \d\d:\d\d/g), undo!).toHaveLength(1);

    await go(page, 'Evidence');
    await expect(page.getByRole('table', { name: 'Evidence by issue' }).getByRole('button').first()).toBeVisible();
    await expect(page.getByText(/\d ms\b/)).toBeHidden();
    await expect(page.getByText('How long it took')).toBeVisible();
    await expect(page.locator('csp-evidence-trace')).toBeHidden();
    await expect(page.getByText(/type them in on the Evidence page/)).toHaveCount(0);
  });
});
