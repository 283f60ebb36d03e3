import { expect, test, type Page } from '@playwright/test';
import { heavyIssue, heavyMatrixCsv, heavyProjectText, heavyTotal } from '../hostile/heavy';
import { openWithSample, tableRecords } from './helpers';

/**
 * Issue 14, defect 19: a 10,000-issue matrix or a 3,000 × 200 project file
 * blocked the page for 30-90 s. They are now read in the files worker with a
 * progress bar; the page answers clicks meanwhile, and the figures are the
 * generator's (test/hostile/heavy.ts).
 */
const grid = (page: Page) => page.getByRole('table', { name: /^Scores: / });

test.describe('Heavy matrix and project files (issue 14)', () => {
  test('a 10,000-issue matrix is read off the page with progress, and its totals are right', async ({ page }) => {
    test.setTimeout(300_000);
    await openWithSample(page);
    await page.goto('/#/matrix');
    await expect(grid(page).getByRole('row')).toHaveCount(33);
    const started = Date.now();
    await page.getByLabel('Import matrix CSV').setInputFiles({ name: 'ten-thousand.csv', mimeType: 'text/csv', buffer: Buffer.from(heavyMatrixCsv(10_000)) });
    const progress = page.getByRole('progressbar', { name: 'Matrix import progress' });
    await expect(progress).toBeVisible();
    // The read now takes about a second and ends in a modal question, which would take any click's focus: a click
    // while a file is read is checked with the project file below, whose read takes several seconds.
    const dialog = page.getByRole('dialog', { name: /Replace the matrix of/ });
    await expect(dialog).toContainText('Its 32 issues and their scores are replaced by the 10,000 issues in ten-thousand.csv.', { timeout: 120_000 });
    console.log(`matrix: read in ${Date.now() - started} ms`);
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await expect(page.getByText('Imported 10,000 issues from ten-thousand.csv.')).toBeVisible({ timeout: 120_000 });
    console.log(`matrix: imported in ${Date.now() - started} ms`);
    await expect(progress).toHaveCount(0);
    // No total in the file disagrees with the scores: there is no table of differences.
    await expect(page.getByRole('table', { name: /that differ from the totals of its scores/ })).toHaveCount(0);
    const rows = await tableRecords(grid(page));
    console.log(`matrix: grid shown in ${Date.now() - started} ms`);
    expect(rows).toHaveLength(10_000);
    for (const i of [0, 1, 4_321, 9_999]) expect(rows.find((r) => r['Issue'] === heavyIssue(i))?.['Total'], heavyIssue(i)).toBe(String(heavyTotal(i, 9)));
  });

  test('a 3,000 × 200 project file is read off the page with progress and added as a new assessment', async ({ page }) => {
    test.setTimeout(400_000);
    await openWithSample(page);
    await page.getByRole('link', { name: 'Report' }).click();
    await expect(page.getByRole('table', { name: 'Recommended priorities' })).toBeVisible({ timeout: 120_000 });
    const picker = page.getByRole('combobox', { name: 'Assessment', exact: true });
    const before = await picker.locator('option').count();
    const started = Date.now();
    await page.getByLabel('Import a project file').setInputFiles({ name: 'heavy.json', mimeType: 'application/json', buffer: Buffer.from(heavyProjectText(3_000, 200)) });
    const progress = page.getByRole('progressbar', { name: 'Project file import progress' });
    await expect(progress).toBeVisible();
    // The page still answers while the worker reads: a click on another control is handled (and keeps its effect
    // whenever the import ends).
    const robust = page.getByRole('checkbox', { name: /Say how robust each/ });
    const was = await robust.isChecked();
    await robust.click();
    await expect(robust).toBeChecked({ checked: !was });
    console.log(`project: progress still shown after the click: ${await progress.isVisible()}`);
    await expect(page.getByText(/^Imported “Heavy project \(3000 × 200\)” as a new assessment; it is now open\./)).toBeVisible({ timeout: 300_000 });
    console.log(`project: imported in ${Date.now() - started} ms`);
    await expect(progress).toHaveCount(0);
    await expect(picker.locator('option')).toHaveCount(before + 1);
    await expect(picker.locator('option:checked')).toHaveText('Heavy project (3000 × 200)');
  });
});
