import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openWithSample } from './helpers';

/**
 * The accessibility gate: axe-core on every page, with the sample loaded and
 * after each page's main interaction, fails on any serious or critical
 * violation of WCAG 2.2 AA (the level UK public sector bodies must meet).
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical violations on the page as it stands: rule, how many nodes, the first few targets. */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' > '))
          .join(' | ')}`,
    );
}

async function check(page: Page, what: string) {
  expect(await serious(page), what).toEqual([]);
}

const go = async (page: Page, label: string) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
};

// Three tests (each loads the sample) rather than one long one: axe is slow on a busy machine.
test.describe('no serious or critical axe violations, before and after each page’s main interactions', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(400_000);
    await openWithSample(page);
  });

  test('Data, Overview, Evidence, Dashboard', async ({ page }) => {
    await test.step('Data', async () => {
      await expect(page.getByRole('table', { name: 'Imported months' })).toBeVisible();
      await check(page, 'Data');
    });

    await test.step('Overview', async () => {
      await go(page, 'Overview');
      await expect(page.getByRole('table', { name: 'Rows by crime type and month' })).toBeVisible();
      await check(page, 'Overview');
    });

    await test.step('Evidence, with a trace open', async () => {
      await go(page, 'Evidence');
      const table = page.getByRole('table', { name: 'Evidence by issue' });
      await expect(table.getByRole('button', { name: /^12-month volume for Burglary:/ })).toBeVisible();
      await check(page, 'Evidence');
      await table.getByRole('button', { name: /^12-month volume for Burglary:/ }).click();
      await expect(page.getByRole('table', { name: 'Source rows' })).toBeVisible();
      await check(page, 'Evidence trace');
    });

    await test.step('Dashboard', async () => {
      await go(page, 'Dashboard');
      await expect(page.getByRole('table', { name: 'Performance dashboard' })).toBeVisible();
      await expect(page.locator('csp-dashboard-page csp-plot svg').first()).toBeVisible();
      await check(page, 'Dashboard');
    });

    await test.step('Hot spots, with a cell traced', async () => {
      await go(page, 'Hot spots');
      const table = page.getByRole('table', { name: 'Hot spots' });
      await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 90_000 });
      await check(page, 'Hot spots');
      await table
        .getByRole('button', { name: /^Cell / })
        .first()
        .click();
      await expect(
        page
          .getByRole('table', { name: /^Source rows of cell / })
          .locator('tbody tr')
          .first(),
      ).toBeVisible();
      await check(page, 'Hot spots trace');
    });
  });

  test('Community need, Risk matrix, Priorities', async ({ page }) => {
    await test.step('Community need, with an area profile open', async () => {
      await go(page, 'Community need');
      const table = page.getByRole('table', { name: 'Community need by area' });
      await expect(table).toBeVisible();
      await check(page, 'Community need');
      await table.getByRole('link', { name: 'Central' }).click();
      await expect(page.getByRole('table', { name: 'Central: indicators against the partnership' })).toBeVisible();
      await check(page, 'Community need profile');
    });

    await test.step('Risk matrix, with a rationale box open', async () => {
      await go(page, 'Risk matrix');
      const grid = page.getByRole('table', { name: /^Scores: / });
      await expect(grid).toBeVisible();
      await check(page, 'Risk matrix');
      await grid.getByLabel('Domestic Abuse, Likelihood', { exact: true }).click();
      await page.keyboard.press('F2');
      await expect(page.getByLabel('Rationale')).toBeFocused();
      await check(page, 'Risk matrix rationale');
      await page.keyboard.press('Escape');
    });

    await test.step('Priorities', async () => {
      await go(page, 'Priorities');
      await expect(page.getByRole('table', { name: 'Ranked priorities' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Harm × likelihood' })).toBeVisible();
      await check(page, 'Priorities');
    });
  });

  test('Sensitivity, Report', async ({ page }) => {
    await test.step('Sensitivity, every analysis', async () => {
      await go(page, 'Sensitivity');
      await expect(page.getByTestId('basis')).toBeVisible();
      await check(page, 'Sensitivity');
      for (const tab of ['Tornado', 'What would it take?', 'Scenarios', 'Compare scenarios']) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
        await page.waitForLoadState('networkidle');
        await check(page, `Sensitivity: ${tab}`);
      }
      await page.getByRole('tab', { name: 'Rank acceptability', exact: true }).click();
      await page.getByLabel('Samples').fill('2000');
      await page.getByLabel('Samples').press('Enter');
      await page.getByRole('button', { name: 'Run SMAA' }).click();
      await expect(page.getByRole('table', { name: 'Rank acceptability' })).toBeVisible();
      await check(page, 'Sensitivity after SMAA');
    });

    await test.step('Report', async () => {
      await go(page, 'Report');
      await expect(page.getByRole('heading', { name: 'Report', exact: true })).toBeAttached();
      await expect(page.getByRole('table', { name: 'Ranked priorities' })).toBeVisible();
      await check(page, 'Report');
    });
  });
});
