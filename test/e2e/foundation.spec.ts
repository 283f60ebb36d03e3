import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { countByAuthority, num, openWithSample, SAMPLE_CRIME_ROWS, SAMPLE_MONTHS, sharedMonth, tableRecords, tableText } from './helpers';

const manifest = JSON.parse(readFileSync(new URL('../../sample-data/manifest.json', import.meta.url), 'utf8')) as { files: { path: string; rows: number }[] };
const sampleRows = (month: string) => manifest.files.find((f) => f.path === `police-uk/${month}-luton-street.csv.gz`)!.rows;

/** A file on disk as an upload (Playwright cannot mix paths and buffers in one pick). */
const asUpload = (path: string) => ({ name: path.split('/').pop()!, mimeType: 'text/csv', buffer: readFileSync(path) });

/** The shared October 2023 file with three rows broken in three different ways. */
function corruptedOctober(): Buffer {
  const lines = readFileSync(sharedMonth('2023-10'), 'utf8').split('\n');
  const cells = (i: number) => lines[i]!.split(',');
  const bad = [...lines];
  const l2 = cells(1);
  l2[1] = '2023-13';
  bad[1] = l2.join(',');
  const l3 = cells(2);
  l3[4] = 'abc';
  bad[2] = l3.join(',');
  bad[3] = cells(3).slice(0, 10).join(',');
  return Buffer.from(bad.join('\n'));
}

test.describe('first visit', () => {
  test('loads the Luton sample into IndexedDB with a progress bar, then opens from IndexedDB on reload', async ({ page }) => {
    const sampleFetches: string[] = [];
    page.on('request', (r) => {
      if (/luton-street\.csv-.*\.gz$/.test(r.url())) sampleFetches.push(r.url());
    });
    await page.goto('/');
    await expect(page.getByRole('progressbar', { name: 'Overall progress' })).toBeVisible();
    await expect(page.getByText(/^Sample loaded on/)).toBeVisible({ timeout: 90_000 });
    expect(sampleFetches).toHaveLength(SAMPLE_MONTHS);

    const months = page.getByRole('table', { name: 'Imported months' });
    const records = await tableRecords(months);
    expect(records).toHaveLength(SAMPLE_MONTHS);
    expect(records.reduce((s, r) => s + num(r['Rows stored']), 0)).toBe(SAMPLE_CRIME_ROWS);
    expect(records.every((r) => r['Rows rejected'] === '0' && r['Outside Luton'] === '0')).toBe(true);
    await expect(page.getByLabel('Partnership area')).toHaveValue('Luton');

    // A second visit reads IndexedDB: no sample file is fetched or parsed again.
    sampleFetches.length = 0;
    await page.reload();
    await expect(page.getByRole('table', { name: 'Imported months' }).getByRole('row')).toHaveCount(SAMPLE_MONTHS + 2);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    expect(sampleFetches).toHaveLength(0);
    const total = (await tableText(page.getByRole('table', { name: 'Imported months' }))).at(-1)!;
    expect(num(total[2])).toBe(SAMPLE_CRIME_ROWS);
  });

  test('keeps the data across a browser restart', async ({ baseURL }) => {
    const profile = mkdtempSync(join(tmpdir(), 'csp-profile-'));
    try {
      const first = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL: baseURL! });
      const page = first.pages()[0] ?? (await first.newPage());
      await openWithSample(page);
      await first.close();

      const second = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL: baseURL! });
      const again = second.pages()[0] ?? (await second.newPage());
      await again.goto('/');
      await expect(again.getByRole('table', { name: 'Imported months' }).getByRole('row')).toHaveCount(SAMPLE_MONTHS + 2);
      await expect(again.getByText(/^Sample loaded on/)).toBeVisible();
      await second.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe('importing police.uk files', () => {
  test('two real months and a corrupted file: counts, replacement and the rejected-row report', async ({ page }) => {
    await openWithSample(page);
    const nov = countByAuthority(sharedMonth('2023-11'));
    const dec = countByAuthority(sharedMonth('2023-12'));
    const oct = countByAuthority(sharedMonth('2023-10'));

    await page
      .getByLabel('Choose police.uk files')
      .setInputFiles([asUpload(sharedMonth('2023-11')), asUpload(sharedMonth('2023-12')), { name: '2023-10-corrupted.csv', mimeType: 'text/csv', buffer: corruptedOctober() }]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Already stored, so replaced rather than added/)).toBeVisible();

    const byMonth = new Map((await tableRecords(page.getByRole('table', { name: 'Imported months' }))).map((r) => [r['Month'], r]));
    // Every stored month, and one line for the row whose month could not be read.
    expect(byMonth.size).toBe(SAMPLE_MONTHS + 1);
    expect(byMonth.get('Month not readable')).toMatchObject({ File: '2023-10-corrupted.csv', 'Rows stored': '0', 'Rows rejected': '1' });
    for (const [label, month, counts, rejected] of [
      ['Nov 2023', '2023-11', nov, 0],
      ['Dec 2023', '2023-12', dec, 0],
      ['Oct 2023', '2023-10', oct, 2],
    ] as const) {
      const r = byMonth.get(label)!;
      expect(num(r['Rows stored']), label).toBe(counts.rows - (label === 'Oct 2023' ? 3 : 0));
      expect(num(r['Rows rejected']), label).toBe(rejected);
      expect(num(r['No location']), label).toBe(counts.byAuthority.get('') ?? 0);
      expect(r['Last import'], label).toBe(`Replaced ${sampleRows(month).toLocaleString('en-GB')} rows stored earlier`);
    }
    // Outside Luton: every located row of another authority (the broken rows may be anywhere, so count Nov and Dec exactly).
    for (const [label, counts] of [
      ['Nov 2023', nov],
      ['Dec 2023', dec],
    ] as const) {
      const outside = [...counts.byAuthority].filter(([lad]) => lad !== '' && lad !== 'Luton').reduce((s, [, n]) => s + n, 0);
      expect(num(byMonth.get(label)!['Outside Luton']), label).toBe(outside);
      // And the area's own rows beside the force-wide total, so the scopes need no subtracting.
      expect(num(byMonth.get(label)!['In Luton']), label).toBe(counts.byAuthority.get('Luton'));
    }
    expect(byMonth.get('Sep 2023')!['Last import']).toBe('');

    const rejected = await tableRecords(page.getByRole('table', { name: 'Rejected rows' }));
    expect(rejected.map((r) => [r['File'], r['Line'], r['Column']])).toEqual([
      ['2023-10-corrupted.csv', '2', 'Month'],
      ['2023-10-corrupted.csv', '3', 'Longitude'],
      ['2023-10-corrupted.csv', '4', '(whole row)'],
    ]);
    expect(rejected[0]!['Reason']).toBe('month must be YYYY-MM, found "2023-13"');
    expect(rejected[2]!['Reason']).toBe('expected 12 fields, found 10');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    expect(csv[0]).toBe('file,line,column,reason,value');
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(/^2023-10-corrupted\.csv,2,Month,/);

    // Luton's own figures are unchanged: the full files replaced the Luton-only months, nothing was added twice.
    await page.getByRole('link', { name: 'Overview' }).click();
    const table = page.getByRole('table', { name: 'Rows by crime type and month' });
    await expect(table).toBeVisible();
    const overview = new Map((await tableRecords(table)).map((r) => [r['Month'], num(r['All types'])]));
    expect(overview.get('Dec 2023')).toBe(dec.byAuthority.get('Luton'));
    expect(overview.get('Nov 2023')).toBe(nov.byAuthority.get('Luton'));

    // And all of it is still there after a reload.
    await page.reload();
    await page.getByRole('link', { name: 'Data' }).click();
    const after = new Map((await tableRecords(page.getByRole('table', { name: 'Imported months' }))).map((r) => [r['Month'], r]));
    expect(num(after.get('Dec 2023')!['Rows stored'])).toBe(dec.rows);
    await expect(page.getByRole('table', { name: 'Rejected rows' }).getByRole('row')).toHaveCount(4);
  });

  test('loading the same month twice replaces it and never double counts', async ({ page }) => {
    await openWithSample(page);
    const input = page.getByLabel('Choose police.uk files');
    await input.setInputFiles([sharedMonth('2023-12')]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
    const once = (await tableRecords(page.getByRole('table', { name: 'Imported months' }))).find((r) => r['Month'] === 'Dec 2023')!;
    await input.setInputFiles([sharedMonth('2023-12')]);
    const dec = () => tableRecords(page.getByRole('table', { name: 'Imported months' })).then((rs) => rs.find((r) => r['Month'] === 'Dec 2023')!);
    // The second load replaced the first: same rows stored, and it says how many it replaced.
    await expect.poll(async () => (await dec())['Last import']).toBe(`Replaced ${once['Rows stored']} rows stored earlier`);
    expect((await dec())['Rows stored']).toBe(once['Rows stored']);
  });

  test('imports a whole folder, leaving out files it cannot read', async ({ page }) => {
    const folder = mkdtempSync(join(tmpdir(), 'police-uk-'));
    try {
      for (const m of ['2023-11', '2023-12']) copyFileSync(sharedMonth(m), join(folder, `${m}-bedfordshire-street.csv`));
      writeFileSync(join(folder, 'notes.txt'), 'downloaded from data.police.uk');
      await openWithSample(page);
      await page.getByLabel('Choose a folder').setInputFiles(folder);
      await expect(page.getByText('Left out (not CSV, zip or GeoJSON): notes.txt.')).toBeVisible();
      await expect(page.getByText(/^Imported on .* from 2 files/)).toBeVisible({ timeout: 60_000 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('refuses a file that is not a street-level file, naming the missing columns', async ({ page }) => {
    await openWithSample(page);
    await page.getByLabel('Choose police.uk files').setInputFiles([
      {
        name: '2023-12-bedfordshire-stop-and-search.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Type,Date,Part of a policing operation,Latitude,Longitude\nPerson search,2023-12-01T10:00:00+00:00,False,51.9,-0.4\n'),
      },
    ]);
    const files = page.getByRole('table', { name: 'Files in the last import' });
    await expect(files).toContainText('Refused');
    await expect(files).toContainText('lacks the columns Crime ID, Month, Reported by, Falls within, Location, LSOA code, LSOA name, Crime type, Last outcome category, Context');
    await expect(page.getByRole('table', { name: 'Imported months' }).getByRole('row')).toHaveCount(SAMPLE_MONTHS + 2);
  });

  test('deleting a dataset asks first and can be undone', async ({ page }) => {
    await openWithSample(page);
    const datasets = page.getByRole('table', { name: 'Datasets' });
    await datasets.getByRole('button', { name: /^Delete Luton sample/ }).click();
    const dialog = page.getByRole('dialog', { name: /Delete “Luton sample/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(datasets.getByRole('row')).toHaveCount(2);

    await datasets.getByRole('button', { name: /^Delete Luton sample/ }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(datasets).toContainText('No data stored.');
    await expect(page.getByRole('table', { name: 'Imported months' })).toContainText('No months stored yet.');
    // A deliberate delete is respected: the sample does not come back on reload.
    await page.reload();
    await expect(page.getByRole('table', { name: 'Imported months' })).toContainText('No months stored yet.');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('table', { name: 'Imported months' }).getByRole('row')).toHaveCount(SAMPLE_MONTHS + 2);
  });

  test('while a delete is being saved, Undo waits instead of offering the step before it', async ({ page }) => {
    await openWithSample(page);
    const datasets = page.getByRole('table', { name: 'Datasets' });
    await expect(page.getByText('Last change: Load the sample data')).toBeVisible();
    // Every frame from the click on, note what the undo bar offers and whether its button can be pressed.
    await page.evaluate(() => {
      const deep = (root: Document | ShadowRoot, sel: string): Element | null => {
        const hit = root.querySelector(sel);
        if (hit !== null) return hit;
        for (const el of root.querySelectorAll('*')) {
          const inner = el.shadowRoot === null ? null : deep(el.shadowRoot, sel);
          if (inner !== null) return inner;
        }
        return null;
      };
      const seen: string[] = [];
      (window as unknown as { undoSeen: string[] }).undoSeen = seen;
      const look = () => {
        const bar = deep(document, 'csp-undo-bar');
        const button = bar?.shadowRoot?.querySelector('button');
        if (button !== null && button !== undefined) seen.push(`${bar!.shadowRoot!.querySelector('p.note')?.textContent?.replace(/\s+/g, ' ').trim()} | ${button.disabled ? 'waits' : 'offered'}`);
        if (seen.length < 5000) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await datasets.getByRole('button', { name: /^Delete Luton sample/ }).click();
    await page
      .getByRole('dialog', { name: /Delete “Luton sample/ })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(page.getByText('Last change: Delete “Luton sample')).toBeVisible();
    const seen = await page.evaluate(() => (window as unknown as { undoSeen: string[] }).undoSeen);
    // The earlier step is never offered once the delete has begun: from the first frame that shows Undo waiting on,
    // "Load the sample data" is not offered again.
    const firstWait = seen.findIndex((s) => s.endsWith('waits'));
    expect(firstWait).toBeGreaterThanOrEqual(0);
    expect(seen.slice(firstWait).filter((s) => s.includes('Load the sample data') && s.endsWith('offered'))).toEqual([]);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  });
});

test.describe('data view', () => {
  test('the partnership area decides which rows count, and the notes account for the rest', async ({ page }) => {
    await openWithSample(page);
    const dec = countByAuthority(sharedMonth('2023-12'));
    await page.getByLabel('Choose police.uk files').setInputFiles([sharedMonth('2023-12')]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });

    await page.getByRole('link', { name: 'Overview' }).click();
    const noLocation = dec.byAuthority.get('') ?? 0;
    const others = [...dec.byAuthority].filter(([lad]) => lad !== '' && lad !== 'Luton');
    const outside = others.reduce((s, [, n]) => s + n, 0);
    const notes = page.getByRole('region', { name: 'Data-quality notes' });
    await expect(notes).toContainText(`${noLocation.toLocaleString('en-GB')} rows`);
    await expect(notes).toContainText(`have no location`);
    await expect(notes).toContainText(`${outside.toLocaleString('en-GB')} rows fall in ${others.length} other authorities`);

    // Choosing Bedford makes Bedford's rows the ones that count.
    await page.getByLabel('Partnership area').selectOption('Bedford');
    const table = page.getByRole('table', { name: 'Rows by crime type and month' });
    await expect(page.getByRole('heading', { name: 'Rows by crime type and month (Bedford)' })).toBeVisible();
    const rows = new Map((await tableRecords(table)).map((r) => [r['Month'], num(r['All types'])]));
    expect(rows.get('Dec 2023')).toBe(dec.byAuthority.get('Bedford'));
    // The sample holds only Luton's rows: for Bedford, its months are months without data, not months without crime.
    expect([...rows.keys()]).toEqual(['Dec 2023']);
    await expect(notes).toContainText(`${SAMPLE_MONTHS - 1} stored months have no row in Bedford: May 2021 to Nov 2023.`);
    await page.reload();
    await expect(page.getByLabel('Partnership area')).toHaveValue('Bedford');
  });

  test('flags a missing month', async ({ page }) => {
    await openWithSample(page);
    const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const row = ',2024-02,Bedfordshire Police,Bedfordshire Police,-0.413340,51.899720,On or near Park Street,E01015693,Luton 007A,Anti-social behaviour,,';
    await page.getByLabel('Choose police.uk files').setInputFiles([{ name: '2024-02-luton-street.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n${row}\n`) }]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('region', { name: 'Months covered' })).toContainText('1 month missing: Jan 2024.');
    await expect(page.getByRole('table', { name: 'Rows by crime type and month' }).getByRole('row', { name: /Jan 2024 \(missing\)/ })).toBeVisible();
  });
});

test.describe('privacy', () => {
  test('makes no request beyond its own origin and its policy forbids one', async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    await openWithSample(page);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('table', { name: 'Rows by crime type and month' })).toBeVisible();
    expect(foreign).toEqual([]);

    const verdict = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const result = await fetch('https://example.org/collect').then(
        () => 'sent',
        () => 'blocked',
      );
      await new Promise((r) => setTimeout(r, 100));
      return { result, violations };
    });
    // Reported once per policy (the header and the meta tag both enforce it).
    expect(verdict.result).toBe('blocked');
    expect(new Set(verdict.violations)).toEqual(new Set(['connect-src']));
  });

  test('keeps working without a network once loaded', async ({ page, context }) => {
    await openWithSample(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('table', { name: 'Rows by crime type and month' })).toBeVisible();
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Choose police.uk files').setInputFiles([sharedMonth('2023-12')]);
    await expect(page.getByText(/^Imported on/)).toBeVisible({ timeout: 60_000 });

    // And it opens again offline, from its cache and IndexedDB.
    await page.reload();
    await expect(page.getByRole('table', { name: 'Imported months' }).getByRole('row', { name: /Dec 2023/ })).toContainText('Bedfordshire Police');
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('table', { name: 'Rows by crime type and month' })).toBeVisible();
  });
});
