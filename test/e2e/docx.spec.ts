import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { expect, test, type Page } from '@playwright/test';
import { openLinkedReport, tableRecords } from './helpers';

/** Downloads a Word file from a button and reads it back with mammoth (independent of the docx library that wrote it). */
async function downloadDocx(page: Page, button: string): Promise<{ name: string; html: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await download;
  const buffer = readFileSync((await d.path())!);
  return { name: d.suggestedFilename(), html: (await mammoth.convertToHtml({ buffer })).value };
}

test('the Word copies: the brief’s Recommended priorities read back as on the page, and the full report with headings and charts', async ({ page }) => {
  await openLinkedReport(page);
  await page.getByRole('textbox', { name: 'Recommendation for Domestic Abuse' }).fill('Commission a second IDVA for high-risk cases');
  await page.getByRole('textbox', { name: 'Recommendation for Domestic Abuse' }).blur();
  await page.getByRole('textbox', { name: 'Lead partner for Domestic Abuse' }).fill('Luton Council');
  await page.getByRole('textbox', { name: 'Lead partner for Domestic Abuse' }).blur();
  await page.getByLabel('Protective marking').selectOption('OFFICIAL');
  await expect(page.getByText('Executive brief · OFFICIAL')).toBeVisible();
  const onPage = await tableRecords(page.getByRole('table', { name: 'Recommended priorities' }));
  expect(onPage.find((r) => r['Issue'] === 'Domestic Abuse')?.['Recommendation']).toBe('Commission a second IDVA for high-risk cases');

  // The brief: its Recommended priorities table, read back from the file in a blank page, has the page's rows.
  const brief = await downloadDocx(page, 'Download the brief (.docx)');
  expect(brief.name).toMatch(/-brief\.docx$/);
  const reader = await page.context().newPage();
  await reader.setContent(brief.html);
  const fromWord = await tableRecords(reader.locator('table').filter({ hasText: 'Lead partner' }));
  expect(fromWord).toEqual(onPage);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(/^Strategic assessment/);
  await expect(reader.getByText(/share one count: [\d,]+ anti-social behaviour incidents\.$/)).toBeVisible();
  expect(brief.html).not.toContain('Contents');

  // The full report: the brief, then every section of the page as a Word heading, and the charts as pictures with alt text.
  const full = await downloadDocx(page, 'Download the full report (.docx)');
  expect(full.name).toMatch(/-report\.docx$/);
  await reader.setContent(full.html);
  const sections = await page.locator('csp-report-view section.top > h3').allTextContents();
  expect(sections.length).toBeGreaterThan(3);
  const headings = await reader.getByRole('heading', { level: 1 }).allTextContents();
  for (const h of sections) expect(headings).toContain(h.trim());
  const figures = await page.locator('csp-report-view csp-chart-figure').count();
  expect(figures).toBeGreaterThan(0);
  const images = reader.locator('img[src^="data:image/png;base64,"]');
  await expect(images).toHaveCount(figures);
  for (const alt of await images.evaluateAll((xs) => xs.map((x) => x.getAttribute('alt') ?? ''))) expect(alt.length).toBeGreaterThan(20);
  expect(full.html).toContain('Commission a second IDVA for high-risk cases');
  await reader.close();
});
