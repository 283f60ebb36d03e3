#!/usr/bin/env node
// Scale benchmark (issue 13): a Metropolitan-size partnership built from the
// real Bedfordshire police.uk files, imported through the app's own file
// picker in headless Chromium, then each analysis page opened twice.
//
//   npm run bench:scale                 (12, 36 and 72 months)
//   SCALE_MONTHS=36 npm run bench:scale (one size)
//   npm run bench:scale -- --generate-only   (write the sets, measure nothing)
//
// The set (kept out of the repo, in .bench/scale/<months>/) is deterministic:
// target month k (ending 2023-12) takes the real month k mod 32 and repeats
// each of its rows COPIES times (default 18, about 91,000 rows a month), with
// the Month column set to the target month and every non-empty Crime ID made
// unique (a hash of target month, copy and line). Empty IDs (ASB) stay empty.
//
// Measured per size, on a fresh profile:
// - import time and rows/s, and the import "floor" in the same page: read the
//   same files, decode, split into columns and put the column arrays into a
//   scratch IndexedDB (no validation, no summaries);
// - first and second visit of Overview, Evidence, Dashboard, Community need
//   and Report after the import (from the navigation click to the page's main
//   table or heading being visible);
// - peak tab memory: the largest sum of resident memory (RSS) over Chromium's
//   renderer processes, sampled every 250 ms (workers live in the renderer).
//   The renderer Chromium starts for its own browser UI (`--top-chrome-webui`,
//   the omnibox popup; 120-160 MB, there with or without the app) is not the
//   tab and is left out; its peak is printed beside the figure;
// - IndexedDB size (navigator.storage.estimate), then again after
//   re-importing every month.
//
// Last line (for 36 months, or the largest size run):
//   scale: <rows> rows; import <s> s; first visit max <s> s; later visit max <ms> ms; memory <KB> KB/row
import { spawn, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SHARED ?? join(root, '..', 'shared'));
const source = join(shared, 'data', 'police-uk', 'bedfordshire');
const COPIES = Number(process.env.SCALE_COPIES ?? 18);
const SIZES = (process.env.SCALE_MONTHS ?? '12,36,72').split(',').map(Number);
const PORT = Number(process.env.BENCH_PORT ?? 20000 + Math.floor(Math.random() * 20000));
const base = `http://127.0.0.1:${PORT}`;

const PAGES = [
  { path: 'overview', label: 'Overview', ready: (p) => p.getByRole('table', { name: /^Rows by crime type and month/ }) },
  { path: 'evidence', label: 'Evidence', ready: (p) => p.getByRole('table', { name: /^Evidence by issue/ }) },
  { path: 'dashboard', label: 'Dashboard', ready: (p) => p.getByRole('table', { name: /^Performance dashboard/ }) },
  { path: 'need', label: 'Community need', ready: (p) => p.getByRole('table', { name: /^Community need by area/ }) },
  { path: 'report', label: 'Report', ready: (p) => p.getByRole('table', { name: /^(Recommended priorities|Ranked priorities)/ }).first() },
];

/** YYYY-MM, `back` months before 2023-12. */
function monthBefore(back) {
  const i = 2023 * 12 + 11 - back;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Writes the set of `months` months; returns its files and row count. */
function generate(months) {
  const dir = join(root, '.bench', 'scale', String(months));
  const real = readdirSync(source)
    .filter((f) => f.endsWith('-street.csv'))
    .sort();
  const files = [];
  let rows = 0;
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < months; k++) {
    const month = monthBefore(months - 1 - k);
    const path = join(dir, `${month}-metropolitan-street.csv`);
    const lines = readFileSync(join(source, real[k % real.length]), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const body = lines.length - 1;
    rows += body * COPIES;
    files.push(path);
    if (existsSync(path)) continue;
    const out = [lines[0]];
    for (let c = 0; c < COPIES; c++) {
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        const comma = line.indexOf(',');
        const id = line.slice(0, comma);
        const rest = line.slice(comma + 1).replace(/^\d{4}-\d{2}/, month);
        const newId = id === '' ? '' : createHash('sha256').update(`${month}/${c}/${i}`).digest('hex');
        out.push(`${newId},${rest}`);
      }
    }
    writeFileSync(path, out.join('\n') + '\n');
  }
  return { files, rows };
}

/**
 * Largest RSS sum (KB) of this benchmark's own Chromium renderer processes
 * (descendants of this Node process; other browsers on the machine are not counted), leaving out
 * the renderer of Chromium's own browser UI (`--top-chrome-webui`).
 */
function memoryWatch() {
  let peak = 0;
  let ui = 0;
  let phase = 'start';
  const phases = new Map();
  const sample = () => {
    try {
      const rows = execSync('ps -eo pid=,ppid=,rss=,args=', { encoding: 'utf8', maxBuffer: 1 << 26 })
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
          return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
        });
      const mine = new Set([process.pid]);
      for (let grew = true; grew;) {
        grew = false;
        for (const r of rows) {
          if (!mine.has(r.pid) && mine.has(r.ppid)) {
            mine.add(r.pid);
            grew = true;
          }
        }
      }
      const renderers = rows.filter((r) => mine.has(r.pid) && r.args.includes('--type=renderer'));
      const kb = renderers.filter((r) => !r.args.includes('--top-chrome-webui')).reduce((a, r) => a + r.rss, 0);
      ui = Math.max(
        ui,
        renderers.filter((r) => r.args.includes('--top-chrome-webui')).reduce((a, r) => a + r.rss, 0),
      );
      peak = Math.max(peak, kb);
      phases.set(phase, Math.max(phases.get(phase) ?? 0, kb));
    } catch {
      // not ready yet: try again
    }
  };
  const timer = setInterval(sample, 250);
  return {
    peak: () => peak,
    /** The browser-UI renderer's peak (KB), not counted in `peak`. */
    ui: () => ui,
    /** From now on, samples count towards this phase's peak too. */
    phase: (name) => {
      sample();
      phase = name;
    },
    /** Each phase's peak, in MB. */
    phases: () => [...phases].map(([name, kb]) => `${name} ${(kb / 1024).toFixed(0)} MB`).join(', '),
    stop: () => clearInterval(timer),
    sample,
  };
}

async function visit(page, p) {
  const t0 = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: p.label, exact: true }).click();
  await p.ready(page).waitFor({ state: 'visible', timeout: 600_000 });
  return Date.now() - t0;
}

/** Imports through the file picker; the app's own 'import' performance measure gives the time. */
async function importFiles(page, files) {
  await page.getByRole('navigation').getByRole('link', { name: 'Data', exact: true }).click();
  await page.evaluate(() => performance.clearMeasures('import'));
  await page.getByLabel('Choose police.uk files').setInputFiles(files);
  await page.waitForFunction(() => performance.getEntriesByName('import', 'measure').length > 0, null, { timeout: 1_800_000, polling: 250 });
  await page
    .getByText(/^Imported on/)
    .first()
    .waitFor({ timeout: 600_000 });
  return page.evaluate(() => performance.getEntriesByName('import', 'measure')[0].duration);
}

const storageBytes = (page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** The import floor: read, decode, split into columns, one raw put per file. */
async function floor(page, files) {
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-floor' });
    document.body.append(input);
  });
  await page.setInputFiles('#bench-floor', files);
  return page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('bench-floor', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('months');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const t0 = performance.now();
    const list = [...document.getElementById('bench-floor').files];
    for (const f of list) {
      const text = new TextDecoder().decode(await f.arrayBuffer());
      const lines = text.split('\n');
      const cols = Array.from({ length: 12 }, () => []);
      for (let i = 1; i < lines.length; i++) {
        if (lines[i] === '') continue;
        const cells = lines[i].split(',');
        for (let c = 0; c < 12; c++) cols[c].push(cells[c] ?? '');
      }
      await new Promise((res, rej) => {
        const tx = db.transaction('months', 'readwrite');
        tx.objectStore('months').put(cols, f.name);
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
    }
    const ms = performance.now() - t0;
    db.close();
    await new Promise((res) => {
      const d = indexedDB.deleteDatabase('bench-floor');
      d.onsuccess = d.onerror = res;
    });
    document.getElementById('bench-floor').remove();
    return ms;
  });
}

if (process.argv.includes('--generate-only')) {
  for (const months of SIZES) {
    const set = generate(months);
    console.log(`${months} months: ${set.rows} rows in ${set.files.length} files (.bench/scale/${months}/)`);
  }
  process.exit(0);
}

execSync('npx vite build', { cwd: root, stdio: 'ignore' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
const lines = [];
try {
  await waitForServer(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  for (const months of SIZES) {
    const set = generate(months);
    console.log(`${months} months: ${set.rows} rows in ${set.files.length} files (.bench/scale/${months}/)`);
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByText(/^Sample loaded on/).waitFor({ timeout: 300_000 });
    const mem = memoryWatch();
    mem.phase('import');
    const importMs = await importFiles(page, set.files);
    const afterImport = await storageBytes(page);
    const first = [];
    const again = [];
    mem.phase('visits');
    for (const p of PAGES) first.push(await visit(page, p));
    for (const p of PAGES) again.push(await visit(page, p));
    mem.phase('re-import');
    const reimportMs = await importFiles(page, set.files);
    const afterReimport = await storageBytes(page);
    mem.sample();
    mem.stop();
    const floorMs = await floor(page, set.files);
    await context.close();
    const kbPerRow = mem.peak() / set.rows;
    console.log(
      `  import ${(importMs / 1000).toFixed(1)} s (${Math.round(set.rows / (importMs / 1000)).toLocaleString('en-GB')} rows/s); floor ${(floorMs / 1000).toFixed(1)} s; ratio ${(importMs / floorMs).toFixed(2)} (target ≤ 1.3)`,
    );
    PAGES.forEach((p, i) => console.log(`  ${p.label}: first ${(first[i] / 1000).toFixed(2)} s (target ≤ 2), again ${again[i]} ms (target ≤ 300)`));
    console.log(
      `  peak renderer memory ${(mem.peak() / 1024).toFixed(0)} MB = ${kbPerRow.toFixed(3)} KB/row (target ≤ 0.3); peak by phase: ${mem.phases()}; not counted: Chromium's browser-UI renderer, peak ${(mem.ui() / 1024).toFixed(0)} MB (with it: ${((mem.peak() + mem.ui()) / set.rows).toFixed(3)} KB/row at most)`,
    );
    console.log(
      `  IndexedDB ${(afterImport / 2 ** 20).toFixed(0)} MB after import; ${(afterReimport / 2 ** 20).toFixed(0)} MB after re-importing every month (${((afterReimport / afterImport - 1) * 100).toFixed(0)}%, target ≤ 10%); re-import ${(reimportMs / 1000).toFixed(1)} s`,
    );
    lines.push({
      months,
      line: `scale: ${set.rows} rows; import ${(importMs / 1000).toFixed(1)} s; first visit max ${(Math.max(...first) / 1000).toFixed(2)} s; later visit max ${Math.max(...again)} ms; memory ${kbPerRow.toFixed(3)} KB/row`,
    });
  }
  await browser.close();
  const last = lines.find((l) => l.months === 36) ?? lines.at(-1);
  for (const l of lines) if (l !== last) console.log(`(${l.months} months) ${l.line}`);
  console.log(last.line);
} finally {
  process.kill(-server.pid);
}

async function waitForServer(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not ready yet: try again
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}
