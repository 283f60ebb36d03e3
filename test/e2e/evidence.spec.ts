import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { expect, test, type Page } from '@playwright/test';
import { num, openWithSample, tableRecords } from './helpers';
import { countByType, SAMPLE } from './sample-counts';

const population = csvParse(readFileSync(`${SAMPLE}imd2019/File_6_-_IoD2019_Population_Denominators_E06000032.csv`, 'utf8')).reduce(
  (s, r) => s + Number((r['Total population: mid 2015 (excluding prisoners)'] ?? '').replace(/,/g, '')),
  0,
);
const SINGLE_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
];

async function openEvidence(page: Page) {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Evidence' }).click();
  await expect(page.getByRole('table', { name: 'Evidence by issue' })).toBeVisible({ timeout: 60_000 });
}
const evidenceByIssue = async (page: Page) => new Map((await tableRecords(page.getByRole('table', { name: 'Evidence by issue' }))).map((r) => [r['Issue']!, r]));

test.describe('evidence from the Luton sample', () => {
  test('12-month volumes equal an independent count of the sample files, and each figure traces to its rows', async ({ page }) => {
    await openEvidence(page);
    await expect(page.getByText('Current period Jan 2023 to Dec 2023, compared with Jan 2022 to Dec 2022.')).toBeVisible();
    const current = countByType('2023-01', '2023-12');
    const previous = countByType('2022-01', '2022-12');
    const rows = await evidenceByIssue(page);
    for (const t of SINGLE_TYPES) {
      expect(num(rows.get(t)?.['12-month volume']), t).toBe(current.get(t) ?? 0);
      expect(num(rows.get(t)?.['Previous 12 months']), t).toBe(previous.get(t) ?? 0);
    }
    const sac = ['Burglary', 'Robbery', 'Vehicle crime'].reduce((s, t) => s + (current.get(t) ?? 0), 0);
    expect(num(rows.get('Serious acquisitive crime')?.['12-month volume'])).toBe(sac);
    const burglary = current.get('Burglary')!;
    const rate = ((1000 * burglary) / population).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(rows.get('Burglary')?.['Rate per 1,000 (12 months)']).toBe(`${rate} per 1,000 residents, mid-2015 (IMD 2019)`);
    expect(rows.get('Domestic abuse local counts')?.['12-month volume']).toBe('No data');

    // Trace the burglary volume: by keyboard, as a button.
    const table = page.getByRole('table', { name: 'Evidence by issue' });
    await table.getByRole('button', { name: /^12-month volume for Burglary:/ }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'Where “12-month volume” for Burglary comes from' });
    await expect(heading).toBeFocused();
    await expect(page.getByText(`Source rows 1 to 50 of ${burglary.toLocaleString('en-GB')}`)).toBeVisible();
    const months = await tableRecords(page.getByRole('table', { name: 'Current period: Jan 2023 to Dec 2023' }));
    expect(months).toHaveLength(12);
    expect(months.reduce((s, m) => s + num(m['Count']), 0)).toBe(burglary);
    const source = await tableRecords(page.getByRole('table', { name: 'Source rows' }));
    expect(source).toHaveLength(50);
    // Each listed row is that line of that sample file.
    for (const r of source.slice(0, 5)) {
      const lines = gunzipSync(readFileSync(`${SAMPLE}police-uk/${r['File']}`))
        .toString('utf8')
        .split('\n');
      expect(lines[num(r['Line']) - 1]).toContain(',Burglary,');
      expect(lines[num(r['Line']) - 1]).toContain(r['LSOA code']);
    }
    await page.getByRole('button', { name: 'Next rows' }).click();
    await expect(page.getByText(`Source rows 51 to 100 of ${burglary.toLocaleString('en-GB')}`)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download all ${burglary.toLocaleString('en-GB')} rows (CSV)` }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    expect(csv[0]).toBe('file,line,month,crime type,LSOA code,LSOA name');
    expect(csv).toHaveLength(burglary + 1);
    expect(csv.slice(1).every((l) => l.includes(',Burglary,'))).toBe(true);

    // The change states its test in words, and its trace names the test.
    await table.getByRole('button', { name: /^Change for Shoplifting:/ }).click();
    await expect(page.getByText(/^Test: (exact conditional test for two Poisson counts|quasi-Poisson likelihood-ratio test)/)).toBeVisible();
    // Issue 11: the trace gives the dispersion and the adjusted p-value.
    await expect(page.getByText(/^Dispersion \d+\.\d\d: the monthly counts vary/)).toBeVisible();
    await expect(page.getByText(/^Adjusted for the \d+ tests on the page \(Benjamini-Hochberg false discovery rate\): adjusted p = /)).toBeVisible();
    // The rate names its population.
    await table.getByRole('button', { name: /^Rate per 1,000 \(12 months\) for Burglary:/ }).click();
    await expect(page.getByText(`Population: ${population.toLocaleString('en-GB')} residents, mid-2015 population (IMD 2019 File 6), 121 2011 LSOAs of Luton (E06000032).`)).toBeVisible();
  });

  test('changing the period or the mapping recomputes, and both survive a reload', async ({ page }) => {
    await openEvidence(page);
    await page.getByLabel('Period ends with').selectOption('2023-06');
    await expect(page.getByText('Current period Jul 2022 to Jun 2023, compared with Jul 2021 to Jun 2022.')).toBeVisible();
    const mid = countByType('2022-07', '2023-06');
    let rows = await evidenceByIssue(page);
    for (const t of SINGLE_TYPES) expect(num(rows.get(t)?.['12-month volume']), t).toBe(mid.get(t) ?? 0);

    // Serious acquisitive crime without vehicle crime.
    await page.getByRole('button', { name: 'Edit Serious acquisitive crime' }).click();
    await page.getByRole('group', { name: 'Crime types “Serious acquisitive crime” counts' }).getByLabel('Vehicle crime').uncheck();
    await page.getByRole('button', { name: 'Save issue' }).click();
    const expected = (mid.get('Burglary') ?? 0) + (mid.get('Robbery') ?? 0);
    await expect.poll(async () => num((await evidenceByIssue(page)).get('Serious acquisitive crime')?.['12-month volume'])).toBe(expected);

    await page.reload();
    await expect(page.getByRole('table', { name: 'Evidence by issue' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Current period Jul 2022 to Jun 2023, compared with Jul 2021 to Jun 2022.')).toBeVisible();
    rows = await evidenceByIssue(page);
    expect(num(rows.get('Serious acquisitive crime')?.['12-month volume'])).toBe(expected);
  });

  test('local counts: bad rows are listed by line and column, a reload of the file replaces rather than adds', async ({ page }) => {
    await openEvidence(page);
    const csv = [
      'issue,month,count',
      ...Array.from({ length: 12 }, (_, i) => `Domestic abuse,2023-${String(i + 1).padStart(2, '0')},${40 + i}`),
      'Domestic abuse,2023-13,4',
      'Knife crime,2023-01,3',
      'Domestic abuse,2023-01,99',
    ].join('\n');
    const upload = () => page.getByLabel('Choose a local counts CSV').setInputFiles({ name: 'local.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload();
    await expect(page.getByText(/^Read 12 counts from local\.csv: 12 added, 0 replaced/)).toBeVisible();
    const problems = await tableRecords(page.getByRole('table', { name: 'Rejected local count rows' }));
    expect(problems.map((p) => [p['Line'], p['Column']])).toEqual([
      ['14', 'month'],
      ['15', 'issue'],
      ['16', '(whole row)'],
    ]);
    expect(problems[2]!['Reason']).toBe('duplicate of line 2 (Domestic abuse, 2023-01): the first is kept and this row is rejected');
    const total = Array.from({ length: 12 }, (_, i) => 40 + i).reduce((a, b) => a + b, 0);
    await expect.poll(async () => (await evidenceByIssue(page)).get('Domestic abuse local counts')?.['12-month volume']).toBe(String(total));

    await upload();
    await expect(page.getByText(/^Read 12 counts from local\.csv: 0 added, 12 replaced/)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('table', { name: 'Evidence by issue' })).toBeVisible({ timeout: 60_000 });
    expect((await evidenceByIssue(page)).get('Domestic abuse local counts')?.['12-month volume']).toBe(String(total));
    await page
      .getByRole('table', { name: 'Evidence by issue' })
      .getByRole('button', { name: /^12-month volume for Domestic abuse:/ })
      .click();
    const used = await tableRecords(page.getByRole('table', { name: 'Local counts used' }));
    expect(used[0]).toMatchObject({ Month: 'Jan 2023', Count: '40' });
    expect(used[0]!['Source']).toMatch(/^local\.csv, line 2 \(loaded \d{2}\/\d{2}\/\d{4}\)$/);
  });

  test('banding thresholds propose scores, can be edited, and refuse bad input', async ({ page }) => {
    await openEvidence(page);
    const proposed = page.getByRole('table', { name: 'Proposed scores' });
    const burglaryMean = countByType('2023-01', '2023-12').get('Burglary')! / 12;
    const likelihood = async () => (await tableRecords(proposed)).find((r) => r['Issue'] === 'Burglary')!['Likelihood']!;
    // 67 a month is in the default 50-100 band → 3.
    expect(burglaryMean).toBeGreaterThan(50);
    expect(burglaryMean).toBeLessThan(100);
    expect(await likelihood()).toMatch(/^3 .* is at least 50 and below 100 a month → 3\.$/);

    await page.getByText('Edit the banding rules').click();
    await page.getByLabel('Thresholds for Likelihood (lower bound of each band after the first, comma-separated)').fill('10, 20, 30, 300');
    await page.getByRole('button', { name: 'Save banding rules' }).click();
    await expect.poll(likelihood).toMatch(/^4 .* is at least 30 and below 300 a month → 4\.$/);

    await page.getByLabel('Scores for Likelihood (one per band, lowest band first)').fill('1, 2, 3');
    await page.getByRole('button', { name: 'Save banding rules' }).click();
    await expect(page.getByRole('alert')).toHaveText('Likelihood: 4 thresholds make 5 bands, so give 5 scores (found 3)');
    await page.reload();
    await expect(proposed).toBeVisible({ timeout: 60_000 });
    expect(await likelihood()).toMatch(/^4 /);

    // Cost weights: refused without a source, then they give a cost-weighted volume and a cost-impact proposal.
    const burglary = countByType('2023-01', '2023-12').get('Burglary')!;
    await page.getByLabel('Cost weight for Burglary').fill('1000');
    await page.getByRole('button', { name: 'Save cost weights' }).click();
    await expect(page.getByRole('alert')).toHaveText('name the source of the weights (title, publisher, year and table) before entering any');
    await page.getByLabel(/^Source of the cost weights/).fill('Test weights, not a published source');
    await page.getByRole('button', { name: 'Save cost weights' }).click();
    await expect(page.getByText('Cost weights saved.')).toBeVisible();
    await expect.poll(async () => num((await evidenceByIssue(page)).get('Burglary')?.['Cost-weighted volume'])).toBe(burglary * 1000);
    const cost = (await tableRecords(proposed)).find((r) => r['Issue'] === 'Burglary')!['Cost impact']!;
    expect(cost).toMatch(new RegExp(`^3 Cost-weighted volume ${(burglary * 1000).toLocaleString('en-GB')} .* is at least 500,000 and below 1,000,000 → 3\\.$`));
  });
});
