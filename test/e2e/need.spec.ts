import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { csvParse } from 'd3-dsv';
import { parseBoundaries } from '../../models/geo/boundaries';
import { pointInGeometry } from '../../models/geo/geometry';
import { num, openWithSample, SAMPLE_CRIME_ROWS, SHARED, sharedMonth, tableRecords } from './helpers';

const wards = (() => {
  const r = parseBoundaries(readFileSync(`${SHARED}data/boundaries/ward_E06000032.geojson`, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.areas;
})();

const needTable = (page: Page) => page.getByRole('table', { name: 'Community need by area' });
/** The map's area paths (the outline of the selected area is a separate, hidden mark). */
const mapPaths = (page: Page, level: string) => page.locator(`svg[aria-label^="Map of ${level}"] g[aria-label="geo"]:not([aria-hidden]) path`);
const column = (record: Record<string, string>, label: string) => record[Object.keys(record).find((k) => k.startsWith(label))!]!;

async function openNeed(page: Page) {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Community need' }).click();
  await expect(needTable(page).locator('tbody tr')).toHaveCount(20, { timeout: 60_000 });
}

test.describe('community need', () => {
  test('maps Luton’s 20 wards and ranks them in the “Community need by area” table', async ({ page }) => {
    await openNeed(page);
    await expect(mapPaths(page, 'Wards')).toHaveCount(20);
    const linked = await page.locator('svg[aria-label^="Map of Wards"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('=')[1]));
    expect(new Set(linked)).toEqual(new Set(wards.map((w) => w.code)));

    const rows = await tableRecords(needTable(page));
    expect(rows.map((r) => r['Area']!.replace(/ E05\d{6}$/, '')).sort()).toEqual(wards.map((w) => w.name).sort());
    const scores = rows.map((r) => Number(r['Composite score']!.replace('−', '-')));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rows.map((r) => num(r['Rank']!.replace('=', '')))[0]).toBe(1);

    // Every sample row is placed by its coordinates, and the count says so.
    await expect(page.getByText(`${SAMPLE_CRIME_ROWS.toLocaleString('en-GB')} of ${SAMPLE_CRIME_ROWS.toLocaleString('en-GB')} rows placed in a ward`)).toBeVisible();
    await expect(page.getByText('121 LSOAs by ONS centroid (LONG/LAT) in polygon')).toBeVisible();

    // Luton's Central ward (the town centre) has crime rates far above the rest: it is warned about beside its row and in the notes.
    const central = rows.find((r) => r['Area']!.startsWith('Central '))!;
    expect(central['Notes']).toMatch(
      /Crime rate far above the other areas: .*standard deviations above the average area.*Resident population is a poor denominator here: town centres, stations and shopping centres/,
    );
    const flagged = rows.filter((r) => /Resident population is a poor denominator/.test(r['Notes']!)).map((r) => r['Area']!.replace(/ E05\d{6}$/, ''));
    await expect(page.locator('p[data-note="high-rates"]')).toContainText(`Resident population is a poor denominator in ${flagged.join(', ')}`);
    await expect(page.locator('p[data-note="high-rates"]')).toContainText('more than 3 standard deviations above the average ward');

    // The sample has IMD ranks but no File 5 scores: the default mean-score indicators fall back to mean ranks, and the page says so.
    await expect(page.locator('p[data-note="rank-fallback"]')).toContainText('IMD 2019 File 5 (scores) is not loaded, so Income domain: mean score');
    await expect(needTable(page).locator('thead')).toContainText('Income domain: mean rank');
    await expect(page.getByRole('table', { name: 'Indicators in the matrix' })).toContainText('stands in for the mean score');
  });

  test('uses population-weighted mean IMD scores once File 5 is imported', async ({ page }) => {
    await openWithSample(page);
    await page.getByLabel('Choose police.uk files').setInputFiles([fileURLToPath(new URL('../fixtures/imd2019-file5-luton.csv', import.meta.url))]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Community need' }).click();
    await expect(needTable(page).locator('tbody tr')).toHaveCount(20, { timeout: 60_000 });
    await expect(needTable(page).locator('thead')).toContainText('Income domain: mean score');
    await expect(needTable(page).locator('thead')).not.toContainText('Income domain: mean rank');
    await expect(page.locator('p[data-note="rank-fallback"]')).toHaveCount(0);
  });

  test('counts each ward’s crime as an independent point-in-polygon count of the published file does', async ({ page }) => {
    await openNeed(page);
    // December 2023 alone: the last 12 months include it; count it in the profile's monthly table instead of the 12-month total.
    const rows = csvParse(readFileSync(sharedMonth('2023-12'), 'utf8').replace(/^\uFEFF/, '')).filter((r) => (r['LSOA name'] ?? '').startsWith('Luton '));
    const central = wards.find((w) => w.name === 'Central')!;
    const inCentral = rows.filter((r) => pointInGeometry(Number(r['Longitude']), Number(r['Latitude']), central.geometry));
    const byType = new Map<string, number>();
    for (const r of inCentral) byType.set(r['Crime type']!, (byType.get(r['Crime type']!) ?? 0) + 1);

    await needTable(page).getByRole('link', { name: 'Central' }).click();
    await expect(page.getByRole('heading', { name: /^Profile: Central/ })).toBeVisible();
    await page.getByText('Rows per month in Central (table)').click();
    const monthly = await tableRecords(page.getByRole('table', { name: 'Central: rows per month for its main crime types' }));
    const dec = monthly.find((r) => r['Month'] === 'Dec 2023')!;
    const types = Object.keys(dec).filter((k) => k !== 'Month');
    expect(types.length).toBe(4);
    for (const t of types) expect(num(dec[t]), t).toBe(byType.get(t) ?? 0);

    // The profile's rate is the counted rows over the residents.
    const profile = await tableRecords(page.getByRole('table', { name: 'Central: indicators against the partnership' }));
    const all = profile.find((r) => r['Indicator'] === 'All crime (excluding ASB), rate')!;
    const residents = num((await tableRecords(needTable(page))).find((r) => r['Area']!.startsWith('Central '))!['Residents']);
    const [rate, count] = [Number(all['This ward']!.match(/^([\d.,]+) per 1,000/)![1]!.replace(/,/g, '')), num(all['This ward']!.match(/per 1,000 ([\d,]+) rows$/)![1])];
    expect(rate).toBeCloseTo((count / residents) * 1000, 2);
  });

  test('hovering names a ward; clicking it opens its profile with trend charts', async ({ page }) => {
    await openNeed(page);
    const highTown = wards.find((w) => w.name === 'High Town')!;
    const area = page.locator(`svg[aria-label^="Map of Wards"] path[aria-label^="High Town (${highTown.code})"]`);
    await area.hover();
    await expect(
      page
        .locator('csp-need-map')
        .getByText(/High Town \(E05014743\)/)
        .first(),
    ).toBeVisible();
    await area.click();
    await expect(page).toHaveURL(new RegExp(`#/need\\?area=${highTown.code}$`));
    await expect(page.getByRole('heading', { name: /^Profile: High Town/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'High Town: indicators against the partnership' })).toBeVisible();
    await expect(page.locator('csp-area-profile csp-plot svg')).toHaveCount(4);
    await expect(needTable(page).locator('tr[aria-current="true"]')).toContainText('High Town');
  });

  test('from the keyboard: Enter on an area opens its profile and moves focus to it', async ({ page }) => {
    await openNeed(page);
    await needTable(page).getByRole('link', { name: 'Biscot' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /^Profile: Biscot/ })).toBeFocused();
    // The map's areas are links too, reachable with Tab.
    const mapLink = page.locator('svg[aria-label^="Map of Wards"] a').first();
    await mapLink.focus();
    await expect(mapLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/need\?area=E05\d{6}$/);
  });

  test('standardisation, weights and level change the ranking and survive a reload', async ({ page }) => {
    await openNeed(page);
    const before = (await tableRecords(needTable(page))).map((r) => r['Composite score']);
    await page.getByLabel('Standardisation', { exact: true }).selectOption('percentile');
    await expect.poll(async () => (await tableRecords(needTable(page))).map((r) => r['Composite score'])).not.toEqual(before);
    const scores = (await tableRecords(needTable(page))).map((r) => Number(r['Composite score']));
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);

    await page.getByLabel('Weight of Anti-social behaviour, rate').fill('3');
    await page.getByLabel('Weight of Anti-social behaviour, rate').press('Tab');
    await expect(page.getByRole('table', { name: 'Indicators in the matrix' }).getByRole('row', { name: /Anti-social behaviour/ })).toContainText('33%');
    await expect(needTable(page).locator('thead')).toContainText('weight 3');

    await page.waitForTimeout(500);
    await page.reload();
    await expect(needTable(page).locator('tbody tr')).toHaveCount(20, { timeout: 60_000 });
    await expect(page.getByLabel('Standardisation', { exact: true })).toHaveValue('percentile');
    await expect(page.getByLabel('Weight of Anti-social behaviour, rate')).toHaveValue('3');

    await page.getByLabel('Areas', { exact: true }).selectOption('lsoa');
    await expect(needTable(page).locator('tbody tr')).toHaveCount(125, { timeout: 30_000 });
    await expect(mapPaths(page, 'LSOAs')).toHaveCount(125);
    await page.getByLabel('Map shows').selectOption({ label: 'Burglary, rate' });
    await expect(page.locator('svg[aria-label="Map of LSOAs (2021) coloured by Burglary, rate"]')).toBeVisible();
  });

  test('shows how robust the top 5 is across standardisations and weights', async ({ page }) => {
    await openNeed(page);
    const table = page.getByRole('table', { name: 'Robustness of the top 5' });
    await expect(table).toBeVisible();
    const rows = await tableRecords(table);
    const top = (await tableRecords(needTable(page))).slice(0, 5).map((r) => r['Area']!.replace(/ E05\d{6}$/, ''));
    for (const name of top) expect(rows.map((r) => r['Area'])).toContain(name);
    await expect(page.getByText(/seed 1234/)).toBeVisible();
  });

  test('imports a user indicator CSV, reports bad rows by line, uses it, and deletes it undoably', async ({ page }) => {
    await openNeed(page);
    const csv = [
      'area code,indicator,value',
      ...wards.map((w, i) => `${w.code},Youth referrals per 1000,${(i * 1.5).toFixed(1)}`),
      'E05999999,Youth referrals per 1000,3',
      `${wards[0]!.code},Youth referrals per 1000,abc`,
    ].join('\n');
    await page.getByLabel(/Area indicators CSV/).setInputFiles({ name: 'referrals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const rejected = await tableRecords(page.getByRole('table', { name: 'Rejected rows of referrals.csv' }));
    expect(rejected.map((r) => [r['Line'], r['Column'], r['Reason']])).toEqual([
      ['22', 'area code', 'not a ward or LSOA of the loaded boundaries'],
      ['23', 'value', 'value must be a number, found "abc"'],
    ]);
    await page.getByRole('button', { name: 'Save 1 indicator' }).click();
    await expect(page.getByRole('table', { name: 'Your area indicators' })).toContainText('Youth referrals per 1000');
    const stored = (await tableRecords(page.getByRole('table', { name: 'Your area indicators' })))[0]!;
    expect(stored['Wards of Luton']).toBe('20');
    expect(stored['Imported']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    await page.getByText(/^Add or remove indicators/).click();
    await page.getByRole('checkbox', { name: 'Youth referrals per 1000' }).check();
    await expect(needTable(page).locator('thead')).toContainText('Youth referrals per 1000');
    const last = wards.at(-1)!;
    const row = (await tableRecords(needTable(page))).find((r) => r['Area']!.endsWith(last.code))!;
    expect(column(row, 'Youth referrals per 1000')).toMatch(new RegExp(` ${((wards.length - 1) * 1.5).toFixed(1)}$`));

    await page.getByRole('button', { name: 'Delete Youth referrals per 1000' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('No indicators of your own are stored.')).toBeVisible();
    await expect(page.getByText(/Not available for wards and left out/)).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('table', { name: 'Your area indicators' })).toContainText('Youth referrals per 1000');
    await expect(needTable(page).locator('thead')).toContainText('Youth referrals per 1000');
  });

  test('places IMD LSOAs by an imported ONS lookup, says so, and goes back to centroids when it is removed', async ({ page }) => {
    const lsoas = parseBoundaries(readFileSync(`${SHARED}data/boundaries/lsoa11_E06000032.geojson`, 'utf8'));
    if (!lsoas.ok) throw new Error(lsoas.reason);
    const wardOf = (p: readonly [number, number]) => wards.find((w) => pointInGeometry(p[0], p[1], w.geometry))!;
    const pairs = lsoas.areas.map((l) => [l.code, wardOf(l.centroid!).code]);
    // Move one LSOA to another ward, so the lookup visibly wins over the centroid.
    const moved = pairs[0]!;
    const from = moved[1]!;
    const to = wards.find((w) => w.code !== from)!.code;
    moved[1] = to;
    const population = csvParse(readFileSync(`${SHARED}data/imd2019/File_6_-_IoD2019_Population_Denominators.csv`, 'utf8')).find((r) => r['LSOA code (2011)'] === moved[0])!;
    const residentsMoved = num(population['Total population: mid 2015 (excluding prisoners)']);
    const csv = ['LSOA11CD,WD25CD', ...pairs.map((p) => p.join(','))].join('\n');

    await openNeed(page);
    const residents = async () => new Map((await tableRecords(needTable(page))).map((r) => [r['Area']!.slice(-9), num(r['Residents'])]));
    const before = await residents();
    await page.getByText('LSOA to ward lookup (optional)').click();
    await page.getByLabel(/LSOA to ward lookup CSV/).setInputFiles({ name: 'ons-lookup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Use this lookup' }).click();
    await expect(page.getByText('121 LSOAs by lookup file')).toBeVisible();
    await expect(page.getByText(/Lookup in use: ons-lookup\.csv/)).toBeVisible();
    await expect.poll(async () => (await residents()).get(to)).toBe(before.get(to)! + residentsMoved);
    expect((await residents()).get(from)).toBe(before.get(from)! - residentsMoved);

    await page.getByRole('button', { name: 'Remove the lookup' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('121 LSOAs by ONS centroid (LONG/LAT) in polygon')).toBeVisible();
    await expect.poll(async () => (await residents()).get(to)).toBe(before.get(to));
  });

  test('refuses a lookup without the right columns, naming them', async ({ page }) => {
    await openNeed(page);
    await page.getByText('LSOA to ward lookup (optional)').click();
    await page.getByLabel(/LSOA to ward lookup CSV/).setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name\nE01015693,x\n') });
    await expect(page.getByRole('alert')).toContainText('lacks the columns lsoa code, ward code');
  });
});
