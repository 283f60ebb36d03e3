import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLinkedReport, SHARED, tableRecords } from './helpers';
import { countByType } from './sample-counts';

/** The text of each page of a PDF, read with poppler's pdftotext (independent of the browser). */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'brief-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  // Reading order, spaces collapsed: table cells wrap over several lines.
  const text = (i: number) => execFileSync('pdftotext', ['-f', String(i), '-l', String(i), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return Array.from({ length: pages }, (_, i) => text(i + 1));
}

test('the executive brief: recommended priorities with a shared count said once, recommendations kept, and a two-page brief in print', async ({ page }) => {
  await openLinkedReport(page);
  const table = page.getByRole('table', { name: 'Recommended priorities' });
  const rows = await tableRecords(table);
  // The published 2014 matrix's first five, read from the shared reference (not the app's copy).
  const published = readFileSync(`${SHARED}reference/central-beds-2014-risk-matrix.csv`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1, 6)
    .map((l) => l.split(',')[0]);
  expect(rows.map((r) => r['Issue'])).toEqual(published);
  for (const r of rows) expect(r['Why']!.split(/\s+/).length).toBeLessThanOrEqual(25);
  expect(rows[0]!['Why']).toMatch(/contributes? most after weighting\.$/);
  expect(rows[1]!['How robust']).toMatch(/^in the top 5 in (\d+ of 10|every|nearly all) plausible weightings?$/);

  // The three ASB priorities rest on one count: quoted once, the others point to it, and one line says so.
  const asb = countByType('2023-01', '2023-12').get('Anti-social behaviour')!;
  const asbText = asb.toLocaleString('en-GB');
  const asbRows = rows.filter((r) => r['Issue']!.startsWith('ASB ('));
  expect(asbRows.length).toBeGreaterThanOrEqual(2);
  expect(asbRows[0]!['Evidence (latest 12 months)']).toMatch(new RegExp(`^${asbText} incidents, (up|down) \\d+% on the year before — (more than|could be) chance$`));
  for (const r of asbRows.slice(1)) expect(r['Evidence (latest 12 months)']).toBe(`Same count as ${asbRows[0]!['Issue']} (see the note below)`);
  const names = asbRows.map((r) => r['Issue']!);
  await expect(page.getByText(`${names.slice(0, -1).join(', ')} and ${names.at(-1)} share one count: ${asbText} anti-social behaviour incidents.`)).toBeVisible();
  for (const t of ['All crime, latest 12 months', 'Anti-social behaviour, latest 12 months', 'Top 5 priorities by status']) await expect(page.getByRole('group', { name: t })).toBeVisible();

  // Recommendation and lead partner typed on the page, marking chosen.
  await page.getByRole('textbox', { name: 'Recommendation for Domestic Abuse' }).fill('Commission a second IDVA for high-risk cases');
  await page.getByRole('textbox', { name: 'Recommendation for Domestic Abuse' }).blur();
  await page.getByRole('textbox', { name: 'Lead partner for Domestic Abuse' }).fill('Luton Council');
  await page.getByRole('textbox', { name: 'Lead partner for Domestic Abuse' }).blur();
  await page.getByLabel('Protective marking').selectOption('OFFICIAL');
  await expect(page.getByText('Executive brief · OFFICIAL')).toBeVisible();

  // The recommendation and lead partner are in the ranked priorities CSV too.
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download ranked priorities (CSV)' }).click();
  const csvLines = readFileSync((await (await csv).path())!, 'utf8').split('\r\n');
  expect(csvLines[0]).toMatch(/,recommendation,lead partner$/);
  expect(csvLines.find((l) => l.startsWith('1,'))).toMatch(/,Domestic Abuse,.*,Commission a second IDVA for high-risk cases,Luton Council$/);

  // Final is refused while checks fail (the seed records no confidence), then allowed with a reason shown in the report.
  const ready = page.getByRole('list', { name: 'Ready to publish' }).first();
  await expect(ready).toContainText('Every score of the top priorities has a confidence: not yet');
  await expect(ready.getByRole('link', { name: 'Fix this on the Risk matrix page' }).first()).toHaveAttribute('href', '#/matrix');
  await page.getByRole('combobox', { name: 'Status of the brief' }).selectOption('final');
  const refused = page.getByRole('alert').filter({ hasText: 'The brief cannot be marked Final while a publishing check fails' });
  await expect(refused).toContainText('Scores without a confidence for Domestic Abuse');
  await expect(page.getByRole('combobox', { name: 'Status of the brief' })).toHaveValue('draft');

  // Printed: every page carries the marking and "Page n of m"; the brief is two pages.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync(test.info().outputPath('report.pdf'), pdf);
  const pages = pdfPages(pdf);
  const m = pages.length;
  for (const [i, p] of pages.entries()) {
    expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${m}`);
    expect(p.match(/OFFICIAL/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
  }
  expect(pages[0]).toContain('Recommended priorities');
  expect(pages[0]).toContain('Commission a second IDVA');
  expect(pages[1]).toContain('What changed since the last assessment');
  expect(pages[1]).not.toContain('Contents');
  expect(pages[2]).toContain('Contents');
  expect(pages.at(-1)).toContain('Ready to publish');
  // Issue 12: the whole report on the Luton sample (top 5) in at most 8 A4 pages (7 when this was written).
  expect(m).toBeLessThanOrEqual(8);
  await page.emulateMedia({ media: 'screen' });

  // With a reason recorded, Final is allowed, the reason is printed, and the checklist leaves the report.
  const reason = page.getByRole('textbox', { name: 'Publish despite failing checks: the reason (shown in the report)' });
  await reason.fill('Board meets on 10/12; confidence to be recorded at the next review');
  await reason.blur();
  await page.getByRole('combobox', { name: 'Status of the brief' }).selectOption('final');
  await expect(refused).toBeHidden();
  await expect(page.getByText('Reason given: Board meets on 10/12; confidence to be recorded at the next review')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ready to publish', level: 3 })).toHaveCount(1);

  // The recommendation is kept in the project file and survives an export and import.
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project file (JSON)' }).click();
  const file = (await (await exported).path())!;
  const project = JSON.parse(readFileSync(file, 'utf8'));
  expect(project.assessment.brief).toMatchObject({
    marking: 'OFFICIAL',
    status: 'final',
    override: 'Board meets on 10/12; confidence to be recorded at the next review',
    recommendations: { 'domestic-abuse': { recommendation: 'Commission a second IDVA for high-risk cases', leadPartner: 'Luton Council' } },
  });
  await page.getByLabel('Import a project file').setInputFiles(file);
  await expect(page.getByRole('combobox', { name: 'Assessment', exact: true }).locator('option:checked')).toHaveText(/\(imported \d\d\/\d\d\/\d{4}\)$/);
  await expect(page.getByRole('textbox', { name: 'Recommendation for Domestic Abuse' })).toHaveValue('Commission a second IDVA for high-risk cases', { timeout: 120_000 });
});
