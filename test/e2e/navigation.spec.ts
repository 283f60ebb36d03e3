import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

/** Each page: its link in the main navigation and the heading focus lands on. */
const PAGES: readonly [string, string][] = [
  ['Overview', 'Overview of the stored data'],
  ['Evidence', 'Evidence'],
  ['Dashboard', 'Performance dashboard'],
  ['Community need', 'Community need'],
  ['Hot spots', 'Hot spots'],
  ['Risk matrix', 'Risk matrix'],
  ['Priorities', 'Priorities'],
  ['Sensitivity', 'Sensitivity'],
  ['Report', 'Report'],
  ['Data', 'Data'],
];

test.describe('navigation', () => {
  test('every route change names the page and partnership in the title and moves focus to the page heading', async ({ page }) => {
    await openWithSample(page);
    await expect(page).toHaveTitle('Data · Luton — CSP Workbench');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, heading] of PAGES) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expect(page, link).toHaveTitle(`${link} · Luton — CSP Workbench`);
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }), link).toBeFocused();
    }
    // From the keyboard too: Enter on a link, and the back button.
    await nav.getByRole('link', { name: 'Priorities', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Priorities', exact: true })).toBeFocused();
    await page.goBack();
    await expect(page).toHaveTitle('Data · Luton — CSP Workbench');
    await expect(page.getByRole('heading', { level: 2, name: 'Data', exact: true })).toBeFocused();
  });

  test('Escape closes an Evidence trace and returns focus to the figure that opened it', async ({ page }) => {
    await openWithSample(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence', exact: true }).click();
    const figure = page.getByRole('table', { name: 'Evidence by issue' }).getByRole('button', { name: /^12-month volume for Burglary:/ });
    await figure.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'Where “12-month volume” for Burglary comes from' });
    await expect(heading).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(heading).toHaveCount(0);
    await expect(figure).toBeFocused();
    // The Close button does the same.
    await figure.press('Enter');
    await expect(heading).toBeFocused();
    await page.getByRole('button', { name: 'Close trace' }).click();
    await expect(heading).toHaveCount(0);
    await expect(figure).toBeFocused();
  });
});
