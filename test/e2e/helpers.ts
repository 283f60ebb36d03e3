import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { expect, type Locator, type Page } from '@playwright/test';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const sharedMonth = (month: string) => `${SHARED}data/police-uk/bedfordshire/${month}-bedfordshire-street.csv`;

const manifest = JSON.parse(readFileSync(new URL('../../sample-data/manifest.json', import.meta.url), 'utf8')) as {
  files: { path: string; rows: number }[];
};
/** Rows in the embedded sample's street-crime files, from the manifest written when it was derived. */
export const SAMPLE_CRIME_ROWS = manifest.files.filter((f) => f.path.startsWith('police-uk/')).reduce((s, f) => s + f.rows, 0);
export const SAMPLE_MONTHS = manifest.files.filter((f) => f.path.startsWith('police-uk/')).length;

/** A table's text, row by row (header rows included), read from the page. */
export async function tableText(table: Locator): Promise<string[][]> {
  return table.evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

/** A table's body rows as objects keyed by column heading. */
export async function tableRecords(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((t: HTMLTableElement) => {
    const clean = (c: Element) => (c.textContent ?? '').replace(/\s+/g, ' ').trim();
    const head = [...(t.tHead?.rows[0]?.cells ?? [])].map(clean);
    return [...t.tBodies].flatMap((b) => [...b.rows].map((r) => Object.fromEntries([...r.cells].map((c, i) => [head[i] ?? String(i), clean(c)]))));
  });
}

export const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));

/** Opens the app on a fresh profile and waits for the first-visit sample load to finish. */
export async function openWithSample(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText(/^Sample loaded on/)).toBeVisible({ timeout: 90_000 });
}

/** An independent count of a police.uk file with d3-dsv: rows by authority name ('' = no location). */
export function countByAuthority(path: string): { rows: number; byAuthority: Map<string, number> } {
  const rows = csvParse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const byAuthority = new Map<string, number>();
  for (const r of rows) {
    const lad = (r['LSOA name'] ?? '').replace(/\s+\d{3}[A-Z]$/, '');
    byAuthority.set(lad, (byAuthority.get(lad) ?? 0) + 1);
  }
  return { rows: rows.length, byAuthority };
}

/** The sample loaded, the Risk matrix page's suggested evidence links confirmed, and the Report open with its brief drawn. */
export async function openLinkedReport(page: Page): Promise<void> {
  await openWithSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk matrix', exact: true }).click();
  await page.getByRole('button', { name: /^Confirm all \d+ suggested links$/ }).click();
  await expect(page.getByText(/^Confirmed \d+ suggested links\.$/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Recommended priorities' })).toBeVisible({ timeout: 120_000 });
}
