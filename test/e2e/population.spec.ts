import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { expect, test, type Page } from '@playwright/test';
import { openWithSample, tableRecords } from './helpers';
import { countByType } from './sample-counts';

// Fictional ONS-layout fixtures (test/fixtures/population); Luton totals summed here from the files.
const FIXTURES = fileURLToPath(new URL('../fixtures/population/', import.meta.url));
const MID = `${FIXTURES}sapelsoasyoa-mid-2022-luton.csv`;
const TS041 = `${FIXTURES}census2021-ts041-lsoa-luton.csv`;
const lutonSum = (file: string, column: string) =>
  csvParse(readFileSync(file, 'utf8'))
    .filter((r) => (r['LAD 2021 Name'] ?? (r['geography'] ?? '').replace(/ \d{3}[A-Z]$/, '')) === 'Luton')
    .reduce((s, r) => s + Number(r[column]), 0);
const residents2022 = lutonSum(MID, 'Total');
const households2021 = lutonSum(TS041, 'Number of households: Total; measures: Value');
const CAVEAT = 'Caveat: population from mid-2015 (IMD 2019); load a newer estimate on the Data page.';
const rate = (count: number, denominator: number) => ((1000 * count) / denominator).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function evidenceRates(page: Page): Promise<Map<string, string>> {
  await page.getByRole('link', { name: 'Evidence' }).click();
  const table = page.getByRole('table', { name: 'Evidence by issue' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  return new Map((await tableRecords(table)).filter((r) => r['Rate per 1,000 (12 months)'] !== '—').map((r) => [r['Issue']!, r['Rate per 1,000 (12 months)']!]));
}

test('a mid-year population changes every rate and names its year; undo and delete return the mid-2015 fallback', async ({ page }) => {
  await openWithSample(page);
  const before = await evidenceRates(page);
  expect(before.size).toBeGreaterThan(10);
  for (const [issue, text] of before) expect(text, issue).toMatch(/ per 1,000 residents, mid-2015 \(IMD 2019\)$/);
  await expect(page.getByText(CAVEAT)).toBeVisible();

  await page.getByRole('link', { name: 'Data' }).click();
  await page.getByLabel('Choose police.uk files').setInputFiles([MID, TS041]);
  await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });

  const after = await evidenceRates(page);
  await expect(page.getByText(CAVEAT)).toHaveCount(0);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [issue, text] of after) {
    expect(text, issue).not.toBe(before.get(issue));
    expect(text, issue).toMatch(issue === 'Burglary' ? / per 1,000 households, Census 2021$/ : / per 1,000 residents, mid-2022$/);
  }
  const burglary = countByType('2023-01', '2023-12').get('Burglary')!;
  const shoplifting = countByType('2023-01', '2023-12').get('Shoplifting')!;
  expect(after.get('Burglary')).toBe(`${rate(burglary, households2021)} per 1,000 households, Census 2021`);
  expect(after.get('Shoplifting')).toBe(`${rate(shoplifting, residents2022)} per 1,000 residents, mid-2022`);
  await expect(page.getByText(`Rates are per 1,000 residents, mid-2022 (mid-2022 population (ONS LSOA estimates), ${residents2022.toLocaleString('en-GB')} in Luton)`, { exact: false })).toBeVisible();

  // Undo the import: back to the fallback with its caveat.
  await page.getByRole('link', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/^Undone:/)).toBeVisible({ timeout: 60_000 });
  expect(await evidenceRates(page)).toEqual(before);
  await expect(page.getByText(CAVEAT)).toBeVisible();

  // Import again, then delete that dataset: the fallback again.
  await page.getByRole('link', { name: 'Data' }).click();
  await page.getByLabel('Choose police.uk files').setInputFiles([MID]);
  await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
  expect((await evidenceRates(page)).get('Shoplifting')).toBe(`${rate(shoplifting, residents2022)} per 1,000 residents, mid-2022`);
  await page.getByRole('link', { name: 'Data' }).click();
  await page.getByRole('button', { name: /^Delete Import of/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText(/^Deleted “Import of/)).toBeVisible({ timeout: 60_000 });
  expect(await evidenceRates(page)).toEqual(before);
  await expect(page.getByText(CAVEAT)).toBeVisible();
});
