import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { num, openLinkedReport, openWithSample, SHARED, tableRecords } from './helpers';
import { countByType } from './sample-counts';

/** Luton rows of the sample of one crime type in the months from..to, counted independently of the app. */
const count = (type: string, from: string, to: string) => countByType(from, to).get(type) ?? 0;
const fmt = (n: number) => n.toLocaleString('en-GB');

/** The published 2014 matrix, read from the shared reference (not the app's copy). */
const published = readFileSync(`${SHARED}reference/central-beds-2014-risk-matrix.csv`, 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));

const text = async (d: Promise<Download>) => readFileSync((await (await d).path())!, 'utf8');
const bytes = async (d: Promise<Download>) => readFileSync((await (await d).path())!);

async function openReport(page: Page) {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Report' }).click();
  await expect(page.getByRole('table', { name: 'Recommended priorities' })).toBeVisible({ timeout: 120_000 });
}

test.describe('strategic assessment report on the Luton sample and the seed assessment', () => {
  test('builds the report with its sections, figures from the data, and downloads its CSVs and charts', async ({ page }) => {
    await openReport(page);
    await expect(page.getByRole('heading', { name: 'Strategic assessment: Luton', level: 2 })).toBeVisible();
    for (const h of ['Priorities', 'Evidence', 'Performance dashboard', 'Where: community need', 'Data quality', 'Methods and sources', 'Glossary']) {
      await expect(page.getByRole('heading', { name: h, level: 3, exact: true })).toBeVisible();
    }
    // The brief names the seed's top 5 in order, each with why, and the robustness from SMAA.
    const top = await tableRecords(page.getByRole('table', { name: 'Recommended priorities' }));
    expect(top.map((r) => r['Issue'])).toEqual(published.slice(0, 5).map((r) => r[0]));
    expect(top[0]!['Why']).toMatch(/contribute most after weighting\.$/);
    expect(top[0]!['How robust']).toMatch(/^in the top 5 in (\d+ of 10|every|nearly all) plausible weightings?$/);
    expect(top[4]!['Rank']).toBe('=4');
    await expect(page.getByText('Against the baseline weights (“Baseline”), the top 5 are unchanged.')).toBeVisible();
    await expect(page.getByText(/^Need is greatest in \w+/)).toBeVisible();

    // The ranked table is the published matrix in the published order, with the cut line after 5.
    const ranked = await tableRecords(page.getByRole('table', { name: 'Ranked priorities' }));
    expect(ranked.map((r) => [r['Issue'], r['Total']])).toEqual(published.map((r) => [r[0], r.at(-1)]));

    // Evidence and dashboard figures equal an independent count of the sample (2023 against 2022; Oct-Dec 2023 against Oct-Dec 2022).
    const evidence = new Map((await tableRecords(page.getByRole('table', { name: 'Evidence by issue' }))).map((r) => [r['Issue'], r]));
    expect(num(evidence.get('Burglary')?.['12-month volume'])).toBe(count('Burglary', '2023-01', '2023-12'));
    expect(num(evidence.get('Burglary')?.['Previous 12 months'])).toBe(count('Burglary', '2022-01', '2022-12'));
    const dashboard = new Map((await tableRecords(page.getByRole('table', { name: 'Performance dashboard' }))).map((r) => [r['Issue'], r]));
    expect(num(dashboard.get('Shoplifting')?.['Rolling 12 months'])).toBe(count('Shoplifting', '2023-01', '2023-12'));
    expect(num(dashboard.get('Shoplifting')?.['Latest quarter'])).toBe(count('Shoplifting', '2023-10', '2023-12'));
    expect(['Green', 'Amber', 'Red', 'No significant change', 'No rating']).toContain(dashboard.get('Shoplifting')?.['RAG']);
    await expect(page.getByRole('table', { name: /of greatest need$/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Data used' })).toContainText('police.uk street crime');

    // Ranked priorities CSV: the published matrix, neutralised and with numbers as numbers.
    const rankedCsv = text(page.waitForEvent('download'));
    await page.getByRole('button', { name: 'Download ranked priorities (CSV)' }).click();
    const lines = (await rankedCsv).split('\r\n');
    expect(lines[0]).toMatch(/^rank,movement,issue,total,Performance issue – deteriorating \(weight 1\),/);
    // The last two columns are the brief's recommendation and lead partner (none written here; see brief.spec.ts).
    expect(lines[0]).toMatch(/,recommendation,lead partner$/);
    expect(lines[1]).toBe(`1,no change,Domestic Abuse,33,${published[0]!.slice(1, -1).join(',')},,`);
    expect(lines.filter((l) => l !== '')).toHaveLength(33);

    const evidenceCsv = text(page.waitForEvent('download'));
    await page.getByRole('button', { name: 'Download evidence (CSV)' }).click();
    const ev = (await evidenceCsv).split('\r\n');
    expect(ev[0]).toMatch(/^issue,source,crime types,current period,previous period,/);
    expect(ev.find((l) => l.startsWith('Burglary,'))).toContain(`,${count('Burglary', '2023-01', '2023-12')},${count('Burglary', '2022-01', '2022-12')},`);

    const dashCsv = text(page.waitForEvent('download'));
    await page.getByRole('button', { name: 'Download dashboard (CSV)' }).click();
    expect((await dashCsv).split('\r\n')[0]).toMatch(/^issue,RAG,RAG reason,positive and negative factors,/);

    // A chart as SVG (with its legend drawn in) and as PNG.
    const svg = text(page.waitForEvent('download'));
    await page.getByRole('button', { name: 'Download “What makes up each total” as SVG' }).click();
    const svgText = await svg;
    expect(svgText).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('<title>What makes up each total</title>');
    expect(svgText).toContain('>Likelihood</text>');
    expect(svgText).toContain('Domestic Abuse');
    const png = bytes(page.waitForEvent('download'));
    await page.getByRole('button', { name: 'Download “What makes up each total” as PNG' }).click();
    expect((await png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    // Printing shows the report alone and makes a multi-page PDF.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Strategic assessment: Luton' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(5);
  });

  test('with the suggested links confirmed on the Risk matrix page, the summary cites each linked priority’s evidence, busiest wards and control chart', async ({ page }) => {
    await openLinkedReport(page);

    const top = new Map((await tableRecords(page.getByRole('table', { name: 'Recommended priorities' }))).map((r) => [r['Issue'], r]));
    const [now, before] = [count('Burglary', '2023-01', '2023-12'), count('Burglary', '2022-01', '2022-12')];
    const burglary = top.get('Burglary Dwelling')!;
    expect(burglary['Evidence (latest 12 months)']).toMatch(new RegExp(`^${fmt(now)} offences, ${now < before ? 'down' : 'up'} \\d+% on the year before — (more than|could be) chance$`));
    expect(burglary['Status (RAG)']).toMatch(/^(Green|Amber|Red|No significant change)$/);
    expect(burglary['Where (wards with most)']).toMatch(/^\w[\w ]*, \w[\w ]* and \w[\w ]*$/);
    expect(top.get('ASB (Personal)')!['Evidence (latest 12 months)']).toMatch(/ incidents, /);
    const where = new Map((await tableRecords(page.getByRole('table', { name: 'Where the top 5 priorities happen' }))).map((r) => [r['Priority'], r]));
    expect(where.get('Burglary Dwelling')?.['Evidence issue']).toBe('Burglary');
    expect(num(where.get('Burglary Dwelling')?.['Rows placed'])).toBeLessThanOrEqual(now);
    expect(num(where.get('Burglary Dwelling')?.['Rows placed'])).toBeGreaterThan(0.9 * now);
    // Issue 16: the hot spots of each linked priority, by police.uk location and ward, with the method in one line.
    expect(where.get('Burglary Dwelling')?.['Hot spots (place, ward, rows)']).toMatch(/^(On or near [^(;]+|cell \d+ \d+) \([\w ]+, [\d,]+\)/);
    await expect(page.getByText(/Hot spots: each issue’s police\.uk rows of the 12 months of the period counted on a grid of \d+ m/)).toBeVisible();
    // Issue 16: the peer rank of each dashboard issue (the sample holds Luton alone); issue 11: the long-run trend in plain words.
    const dash = new Map((await tableRecords(page.getByRole('table', { name: 'Performance dashboard' }))).map((r) => [r['Issue'], r]));
    expect(dash.get('Burglary')?.['Peer rank']).toBe('the only area compared');
    const ev = new Map((await tableRecords(page.getByRole('table', { name: 'Evidence by issue' }))).map((r) => [r['Issue'], r]));
    expect(ev.get('Anti-social behaviour')?.['Long-run trend']).toMatch(/^(falling|rising) about \d+% a year \(between \d+% and \d+%\)$|^no clear trend/);
    // Issue 12: the brief's map marks the wards of the Where column, with a text equivalent naming them.
    const map = page.getByRole('figure', { name: 'Where the top 5 priorities happen most' });
    await expect(map).toBeVisible();
    for (const ward of burglary['Where (wards with most)']!.split(/, | and /)) await expect(map).toContainText(ward);
    await expect(page.getByText(/^Source: police\.uk rows of Jan 2023 to Dec 2023 placed in wards by their coordinates; ONS boundaries\.$/)).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Burglary: monthly count against its control limits' })).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Anti-social behaviour: monthly count against its control limits' })).toBeVisible();
  });

  test('exports the assessment as a project file and imports it as a new assessment; bad files are refused and change nothing', async ({ page }) => {
    await openReport(page);
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export project file (JSON)' }).click();
    const file = await (await exported).path();
    const project = JSON.parse(readFileSync(file!, 'utf8'));
    expect(project).toMatchObject({ format: 'csp-workbench-project', version: 1, assessment: { name: 'Central Bedfordshire 2014-15 (seed)' }, data: { area: 'Luton' } });
    expect(project.assessment.issues).toHaveLength(32);
    expect(project.data.crime.months).toHaveLength(32);

    const picker = page.getByRole('combobox', { name: 'Assessment', exact: true });
    const before = await picker.locator('option').count();
    const input = page.getByLabel('Import a project file');

    // Refused: not a project file, a newer version, and a file that fails validation. Nothing is added.
    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
    await expect(page.getByRole('alert')).toContainText('other.json: This is not a CSP workbench project file');
    await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...project, version: 2 })) });
    await expect(page.getByRole('alert')).toContainText('newer.json: This project file was saved by a newer version of the workbench (project file version 2; this version reads version 1)');
    const broken = structuredClone(project);
    broken.assessment.scores['domestic-abuse'].likelihood.value = 9;
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(page.getByRole('alert')).toContainText('assessment.scores.domestic-abuse.likelihood: Domestic Abuse, Likelihood: 9 must be a whole number from 0 to 5. Nothing was changed.');
    await expect(picker.locator('option')).toHaveCount(before);

    // Imported: a new assessment, opened, whose report is the same ranking.
    await input.setInputFiles(file!);
    await expect(page.getByText(/^Imported “Central Bedfordshire 2014-15 \(seed\) \(imported \d\d\/\d\d\/\d{4}\)” as a new assessment; it is now open\./)).toBeVisible();
    await expect(page.getByText('The data it was made with matches the data loaded now.')).toBeVisible();
    await expect(page.getByText('Its settings match yours.')).toBeVisible();
    await expect(picker.locator('option')).toHaveCount(before + 1);
    await expect(picker.locator('option:checked')).toHaveText(/\(imported \d\d\/\d\d\/\d{4}\)$/);
    await expect(page.getByText(/^From the assessment “Central Bedfordshire 2014-15 \(seed\) \(imported/)).toBeVisible({ timeout: 60_000 });
    const ranked = await tableRecords(page.getByRole('table', { name: 'Ranked priorities' }));
    expect(ranked.map((r) => [r['Issue'], r['Total']])).toEqual(published.map((r) => [r[0], r.at(-1)]));
  });
});

test('the dashboard rates each issue by the Barnet rule, a target changes the rating, and the dashboard downloads as CSV', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const table = page.getByRole('table', { name: 'Performance dashboard' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  const rows = async () => new Map((await tableRecords(table)).map((r) => [r['Issue'], r]));
  const asb = (await rows()).get('Anti-social behaviour')!;
  expect(num(asb['Rolling 12 months'])).toBe(count('Anti-social behaviour', '2023-01', '2023-12'));
  expect(asb['Change on previous 12']).toContain(`Down ${fmt(count('Anti-social behaviour', '2022-01', '2022-12') - count('Anti-social behaviour', '2023-01', '2023-12'))}`);
  // Issue 11: by default only significant changes count (quasi-Poisson, adjusted for the page's tests), so Bicycle theft's
  // 4% rise is a neutral factor, not Red or Amber; ASB's 8% fall is not significant once its overdispersion is allowed for.
  const bicycle = (await rows()).get('Bicycle theft')!;
  expect(bicycle['Positive and negative factors']).toContain('12 months up 4% (no significant change)');
  expect(bicycle['RAG']).toBe('No significant change');
  expect(asb['RAG']).toBe('No significant change');
  expect(asb['Long-run trend (a year)']).toMatch(/^down \d+\.\d% a year \(95% interval −\d+\.\d% to −\d+\.\d%\)$/);
  for (const r of (await rows()).values()) {
    if (r['RAG'] === 'Red' || r['RAG'] === 'Amber') expect(r['Positive and negative factors']).toMatch(/significant at|unusually|target/);
  }
  await expect(page.getByText(/adjusted for the number of tests \(Benjamini-Hochberg false discovery rate\)/)).toBeVisible();

  // The old rule stays as a setting: every rise or fall counts, so ASB's fall makes it Green.
  await page.getByRole('checkbox', { name: /Count a change only when it is significant at 5%/ }).uncheck();
  await expect.poll(async () => (await rows()).get('Anti-social behaviour')?.['RAG']).toBe('Green');

  // A rate target ASB misses (red above 2 per 1,000) makes its indicators mixed: Amber.
  await page.getByText('Targets (0)').click();
  const form = page.getByRole('form', { name: 'Add a target' });
  await form.getByLabel('Issue').selectOption({ label: 'Anti-social behaviour' });
  await form.getByLabel('Indicator').selectOption({ label: 'Rate per 1,000 residents (12 months)' });
  await form.getByLabel('Better when').selectOption('lower');
  await form.getByLabel('Green threshold').fill('1');
  await form.getByLabel('Red threshold').fill('2');
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByRole('table', { name: 'Targets' })).toContainText('green below 1, amber 1–2, red above 2');
  await expect.poll(async () => (await rows()).get('Anti-social behaviour')?.['RAG']).toBe('Amber');
  await expect(table.getByRole('row', { name: /Anti-social behaviour/ })).toContainText('red against its target');

  // Thresholds the wrong way round are refused with the reason.
  await form.getByLabel('Green threshold').fill('5');
  await form.getByLabel('Red threshold').fill('2');
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByRole('alert')).toContainText('when lower is better the red threshold (2) cannot be below the green one (5)');

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download dashboard (CSV)' }).click();
  const lines = readFileSync((await (await csv).path())!, 'utf8').split('\r\n');
  expect(lines.find((l) => l.startsWith('Anti-social behaviour,'))).toMatch(/^Anti-social behaviour,Amber,/);

  // The control chart has a text equivalent and downloads as SVG.
  await page.getByLabel('Control chart for').selectOption({ label: 'Anti-social behaviour' });
  await expect(page.getByText(/^Anti-social behaviour, monthly counts May 2021 to Dec 2023\./)).toBeVisible();
  const svg = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download “Anti-social behaviour: monthly count against its control limits” as SVG' }).click();
  expect(readFileSync((await (await svg).path())!, 'utf8')).toContain('<svg');
});

test('a return to the Report reads again what other pages changed since the last visit (dashboard and need settings), and only that', async ({ page }) => {
  await openReport(page);
  const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
  const dashboard = page.getByRole('table', { name: 'Performance dashboard' });
  const need = page.getByRole('table', { name: /of greatest need$/ });
  const ragOf = async (issue: string) => (await tableRecords(dashboard)).find((r) => r['Issue'] === issue)?.['RAG'];
  const topScore = async () => (await tableRecords(need))[0]?.['Composite score'];
  expect(await ragOf('Anti-social behaviour')).toBe('No significant change');
  const scoreBefore = await topScore();

  // A visit elsewhere that changes nothing: the report comes back as it was.
  await nav('Overview').click();
  await expect(page.getByRole('table', { name: /^Rows by crime type and month/ })).toBeVisible({ timeout: 60_000 });
  await nav('Report').click();
  await expect(page.getByRole('table', { name: 'Recommended priorities' })).toBeVisible({ timeout: 60_000 });
  expect(await ragOf('Anti-social behaviour')).toBe('No significant change');
  expect(await topScore()).toBe(scoreBefore);

  // The Dashboard page (the report settings store) counts every change; the Need page (the need store, written by its worker) standardises by percentile.
  await nav('Dashboard').click();
  await page.getByRole('checkbox', { name: /Count a change only when it is significant at 5%/ }).uncheck();
  await expect.poll(async () => (await tableRecords(page.getByRole('table', { name: 'Performance dashboard' }))).find((r) => r['Issue'] === 'Anti-social behaviour')?.['RAG']).toBe('Green');
  await nav('Community need').click();
  await expect(page.getByRole('table', { name: /^Community need by area/ })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Standardisation', { exact: true }).selectOption('percentile');
  // The need page stores its settings a moment after the last change.
  await page.waitForTimeout(600);

  await nav('Report').click();
  await expect(page.getByRole('table', { name: 'Recommended priorities' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => ragOf('Anti-social behaviour'), { timeout: 30_000 }).toBe('Green');
  await expect.poll(topScore, { timeout: 30_000 }).not.toBe(scoreBefore);
});

test('a project file’s settings are restored only when asked, and the restore is undone, all through the Report page', async ({ page }) => {
  await openReport(page);
  const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
  const ragOf = async (issue: string) => (await tableRecords(page.getByRole('table', { name: 'Performance dashboard' }))).find((r) => r['Issue'] === issue)?.['RAG'];
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project file (JSON)' }).click();
  const file = await (await exported).path();

  // After the export the dashboard counts every change, so the file's dashboard settings differ from the ones in force.
  await nav('Dashboard').click();
  await page.getByRole('checkbox', { name: /Count a change only when it is significant at 5%/ }).uncheck();
  await expect.poll(() => ragOf('Anti-social behaviour')).toBe('Green');
  await nav('Report').click();
  await expect(page.getByRole('table', { name: 'Recommended priorities' })).toBeVisible({ timeout: 60_000 });

  await page.getByLabel('Import a project file').setInputFiles(file!);
  await expect(page.getByText(/^The file also carries settings that differ from yours: /)).toBeVisible();
  await expect.poll(() => ragOf('Anti-social behaviour')).toBe('Green');
  await page.getByRole('button', { name: 'Restore the file’s settings' }).click();
  await expect(page.getByText('The file’s settings are now in force.')).toBeVisible();
  await expect.poll(() => ragOf('Anti-social behaviour'), { timeout: 30_000 }).toBe('No significant change');
  await expect(page.getByText(/^Last settings restore: Restore settings from the project “Central Bedfordshire 2014-15 \(seed\)”/)).toBeVisible();

  await page.getByRole('button', { name: 'Undo the settings restore' }).click();
  await expect.poll(() => ragOf('Anti-social behaviour'), { timeout: 30_000 }).toBe('Green');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
});
