import { expect, test, type Page } from '@playwright/test';
import { heavyIssue, heavyMatrixCsv, heavyProjectText, heavyScore, heavyTotal } from '../hostile/heavy';
import { openWithSample, tableRecords } from './helpers';

/**
 * Issue 14, defect 19: a 10,000-issue matrix or a 3,000 × 200 project file
 * blocked the page for 30-90 s. They are now read in the files worker with a
 * progress bar; the page answers clicks meanwhile, and the figures are the
 * generator's (test/hostile/heavy.ts).
 */
const grid = (page: Page) => page.getByRole('table', { name: /^Scores: / });
const gridPages = (page: Page) => page.getByRole('group', { name: /^Pages of Scores: / });

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
    // The grid is drawn a page at a time (10,000 rows at once blocked the page for a minute): at most 100 issues'
    // rows, plus the heading row, are in the page at once.
    const pages = gridPages(page);
    const status = pages.getByRole('status');
    await expect(status).toHaveText('Rows 1 to 100 of 10,000');
    console.log(`matrix: grid shown in ${Date.now() - started} ms`);
    await expect(grid(page).getByRole('row')).toHaveCount(101);
    // Every issue is there once, in the file's order, with the total of its scores: read page by page to the last.
    const rows: Record<string, string>[] = [];
    for (let p = 0; p < 100; p++) {
      await expect(status).toHaveText(`Rows ${(p * 100 + 1).toLocaleString('en-GB')} to ${((p + 1) * 100).toLocaleString('en-GB')} of 10,000`);
      rows.push(...(await tableRecords(grid(page))));
      if (p < 99) await pages.getByRole('button', { name: 'Next page' }).click();
    }
    await expect(pages.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(rows).toHaveLength(10_000);
    rows.forEach((r, i) => {
      if (r['Issue'] !== heavyIssue(i) || r['Total'] !== String(heavyTotal(i, 9))) expect(r, `row ${i + 1}`).toEqual({ ...r, Issue: heavyIssue(i), Total: String(heavyTotal(i, 9)) });
    });
    console.log(`matrix: all 100 pages read in ${Date.now() - started} ms`);
  });

  test('the 10,000-issue grid is paged: keyboard moves between pages, and an issue can be found', async ({ page }) => {
    test.setTimeout(300_000);
    await openWithSample(page);
    await page.goto('/#/matrix');
    // The seed's 32 issues fit on one page: no pager.
    await expect(grid(page).getByRole('row')).toHaveCount(33);
    await expect(gridPages(page)).toHaveCount(0);
    await page.getByLabel('Import matrix CSV').setInputFiles({ name: 'ten-thousand.csv', mimeType: 'text/csv', buffer: Buffer.from(heavyMatrixCsv(10_000)) });
    await page
      .getByRole('dialog', { name: /Replace the matrix of/ })
      .getByRole('button', { name: 'Replace' })
      .click({ timeout: 120_000 });
    const pages = gridPages(page);
    await expect(pages.getByRole('status')).toHaveText('Rows 1 to 100 of 10,000', { timeout: 120_000 });
    await expect(pages.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    // Enter on the last issue of a page moves down onto the next page.
    const first = 'Performance issue – deteriorating';
    await page.getByLabel(`${heavyIssue(99)}, ${first}`, { exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(`${heavyIssue(100)}, ${first}`, { exact: true })).toBeFocused();
    await expect(pages.getByRole('status')).toHaveText('Rows 101 to 200 of 10,000');
    await expect(grid(page).getByRole('row')).toHaveCount(101);
    // Arrow up from the first issue of a page goes back to the page before.
    await page.keyboard.press('ArrowUp');
    await expect(page.getByLabel(`${heavyIssue(99)}, ${first}`, { exact: true })).toBeFocused();
    await expect(pages.getByRole('status')).toHaveText('Rows 1 to 100 of 10,000');
    // Go to an issue by name: its page is shown and its first cell has focus.
    await pages.getByLabel('Go to issue').fill('Issue 4321');
    await pages.getByLabel('Go to issue').press('Enter');
    await expect(page.getByLabel(`${heavyIssue(4_320)}, ${first}`, { exact: true })).toBeFocused();
    await expect(pages.getByRole('status')).toHaveText('Rows 4,301 to 4,400 of 10,000');
    await expect(page.getByLabel(`${heavyIssue(4_320)}, ${first}`, { exact: true })).toHaveValue(String(heavyScore(4_320, 0)));
    await pages.getByLabel('Go to issue').fill('no such issue');
    await pages.getByLabel('Go to issue').press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'No issue matches “no such issue”.' })).toBeVisible();
    // The last page holds the last issue, scored.
    await pages.getByRole('button', { name: 'Last page' }).click();
    await expect(pages.getByRole('status')).toHaveText('Rows 9,901 to 10,000 of 10,000');
    const rows = await tableRecords(grid(page));
    expect(rows.at(-1)).toMatchObject({ Issue: heavyIssue(9_999), Total: String(heavyTotal(9_999, 9)) });
  });

  test('a 250-issue ranking is paged on the Priorities and Report pages, and the printed report says which rows it holds', async ({ page }) => {
    test.setTimeout(300_000);
    await openWithSample(page);
    await page.goto('/#/matrix');
    await page.getByLabel('Import matrix CSV').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(heavyMatrixCsv(250)) });
    await page
      .getByRole('dialog', { name: /Replace the matrix of/ })
      .getByRole('button', { name: 'Replace' })
      .click({ timeout: 120_000 });
    await expect(page.getByText('Imported 250 issues from many.csv.')).toBeVisible({ timeout: 120_000 });
    // 100 issues a page: the grid has three pages.
    await expect(gridPages(page).getByRole('status')).toHaveText('Rows 1 to 100 of 250');
    // Highest total first; equal totals keep the file's order.
    const order = [...Array(250).keys()].sort((x, y) => heavyTotal(y, 9) - heavyTotal(x, 9) || x - y);
    const ranked = (page: Page) => page.getByRole('table', { name: 'Ranked priorities' });
    const check = async (where: string) => {
      const pages = page.getByRole('group', { name: 'Pages of Ranked priorities' });
      await expect(pages.getByRole('status'), where).toHaveText('Rows 1 to 100 of 250', { timeout: 120_000 });
      await expect(ranked(page).locator('tbody tr'), where).toHaveCount(100);
      expect((await tableRecords(ranked(page)))[0], where).toMatchObject({ Issue: heavyIssue(order[0]!), Total: String(heavyTotal(order[0]!, 9)) });
      await pages.getByRole('button', { name: 'Last page' }).click();
      await expect(pages.getByRole('status'), where).toHaveText('Rows 201 to 250 of 250');
      const last = await tableRecords(ranked(page));
      expect(last, where).toHaveLength(50);
      expect(last.at(-1), where).toMatchObject({ Issue: heavyIssue(order[249]!), Total: String(heavyTotal(order[249]!, 9)) });
      await pages.getByRole('button', { name: 'First page' }).click();
      await expect(pages.getByRole('status'), where).toHaveText('Rows 1 to 100 of 250');
    };
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priorities' }).click();
    await check('Priorities page');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report' }).click();
    await check('Report page');
    // In print, the pager's buttons are hidden and the rows printed are named.
    await page.emulateMedia({ media: 'print' });
    const pages = page.getByRole('group', { name: 'Pages of Ranked priorities' });
    await expect(pages.getByRole('status')).toHaveText('Rows 1 to 100 of 250');
    await expect(pages.getByText('Only these rows are printed; Download ranked priorities (CSV) on the Report page holds all 250.')).toBeVisible();
    await expect(pages.getByRole('button', { name: 'Next page' })).toBeHidden();
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
