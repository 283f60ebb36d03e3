import { expect, test } from '@playwright/test';
import { sharedMonth } from './helpers';

test.describe('data page', () => {
  test('first-visit progress counts files, never contradicts itself and never says the sample is not loaded while it loads', async ({ page }) => {
    await page.goto('/');
    const bar = page.getByRole('progressbar', { name: 'Overall progress' });
    await expect(bar).toBeVisible();
    const seen: string[] = [];
    // Sample what the banner says while the sample loads (as often as the browser lets us).
    while ((await bar.count()) > 0) {
      const state = await page.evaluate(() => {
        const app = document.querySelector('csp-app')!.shadowRoot!;
        const progress = app.querySelector('csp-import-progress')?.shadowRoot;
        const panel = app.querySelector('csp-data-page')?.shadowRoot?.querySelector('csp-import-panel')?.shadowRoot;
        return {
          status: progress?.querySelector('[role="status"]')?.textContent ?? '',
          overall: progress?.querySelector('.row span')?.textContent ?? '',
          notLoaded: /is not loaded/.test(panel?.textContent ?? ''),
        };
      });
      if (state.status === '') continue;
      seen.push(state.status);
      expect(state.notLoaded, state.status).toBe(false);
      expect(state.status).not.toMatch(/\bKB\b|\bMB\b/);
      const file = /reading file (\d+) of (\d+)/.exec(state.status);
      const pct = /^(\d+)% of/.exec(state.overall);
      if (file !== null && pct !== null) {
        // Overall can never be ahead of the files read so far.
        expect(Number(pct[1]), `${state.status} / ${state.overall}`).toBeLessThanOrEqual(Math.ceil((100 * Number(file[1])) / Number(file[2])));
        if (file[1] === '1') expect(state.status).not.toMatch(/rows read/);
      }
      await page.waitForTimeout(50);
    }
    await expect(page.getByText(/^Sample loaded on/)).toBeVisible({ timeout: 90_000 });
    expect(seen.some((s) => /reading file \d+ of \d+/.test(s))).toBe(true);
  });

  test('names where each kind of data comes from, as text to copy', async ({ page }) => {
    await page.goto('/');
    await page.getByText('Where to get the data').click();
    for (const text of ['https://data.police.uk/data/', 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019', 'https://geoportal.statistics.gov.uk/']) {
      await expect(page.getByText(text, { exact: true })).toBeVisible();
    }
    await expect(page.getByText(/2023-10-bedfordshire-street\.csv/)).toBeVisible();
    await expect(page.getByText(/File_6_-_IoD2019_Population_Denominators/)).toBeVisible();
    // Text, not links: the app itself never contacts these addresses.
    await expect(page.locator('csp-data-sources a')).toHaveCount(0);
  });

  test('after a force-wide month the area list puts authorities with a few stray rows under “other”', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(/^Sample loaded on/)).toBeVisible({ timeout: 90_000 });
    await page.getByLabel('Choose police.uk files').setInputFiles([sharedMonth('2023-12')]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
    const picker = page.getByLabel('Partnership area');
    const groups = await picker.evaluate((s: HTMLSelectElement) => ({
      top: [...s.children].filter((c) => c instanceof HTMLOptionElement).map((o) => (o as HTMLOptionElement).value),
      other: [...(s.querySelector('optgroup')?.querySelectorAll('option') ?? [])].map((o) => o.value),
      label: s.querySelector('optgroup')?.label ?? '',
    }));
    expect(groups.top).toEqual(['', 'Luton', 'Central Bedfordshire', 'Bedford']);
    expect(groups.label).toMatch(/^Other authorities/);
    expect(groups.other.length).toBeGreaterThan(5);
    // Still choosable, and the months table shows that area's own rows beside the force-wide total.
    await picker.selectOption('Bedford');
    await expect(page.getByRole('table', { name: 'Imported months' }).getByRole('columnheader', { name: 'In Bedford' })).toBeVisible();
  });
});
