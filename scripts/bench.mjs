#!/usr/bin/env node
// Import benchmark: all 32 shared Bedfordshire months through the real import
// path (file input → import worker → IndexedDB → UI) in headless Chromium,
// against a bare d3-dsv parse of the same files in the same page.
//
//   npm run bench            (builds first; RUNS=3 by default)
//
// Prints, last line:
//   import: <rows> rows in <ms> ms; bare parse <ms> ms; ratio <x>; longest main-thread task <ms> ms
/* global d3 -- the page loads d3-dsv for the bare-parse floor */
import { spawn, execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_PORT ?? 4180);
const RUNS = Number(process.env.RUNS ?? 3);
const shared = resolve(process.env.SHARED ?? join(root, '..', 'shared'));
const dir = join(shared, 'data', 'police-uk', 'bedfordshire');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('-street.csv'))
  .sort()
  .map((f) => join(dir, f));
const d3dsv = join(dirname(require.resolve('d3-dsv')), '..', 'dist', 'd3-dsv.min.js');

execSync('npx vite build', { cwd: root, stdio: 'ignore' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
const base = `http://localhost:${PORT}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await waitForServer(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    // A fresh profile each run; bypassCSP only so the bench can add d3-dsv for the bare parse.
    const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    await page.goto(base);
    await page.getByText(/^Sample loaded on/).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);

    // The real path: the user's file picker.
    await page.evaluate(() => performance.clearMeasures('import'));
    await page.getByLabel('Choose police.uk files').setInputFiles(files);
    await page.getByText(/^Imported on/).waitFor({ timeout: 300_000 });
    await page.getByRole('table', { name: 'Imported months' }).getByText('Bedfordshire Police').first().waitFor();
    await page.waitForTimeout(1000); // let the views re-render after the store changed
    const timings = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('csp-workbench-data');
          open.onsuccess = () => {
            const req = open.result.transaction('reports').objectStore('reports').getAll();
            req.onsuccess = () => resolve(req.result.sort((a, b) => b.startedAt - a.startedAt)[0]?.timings ?? null);
          };
        }),
    );
    const measured = await page.evaluate(() => {
      const m = performance.getEntriesByName('import', 'measure')[0];
      const longest = window.__longTasks.filter((t) => t.start >= m.startTime).reduce((a, t) => Math.max(a, t.duration), 0);
      return { ms: m.duration, longest };
    });
    // Rows stored, as the Imported months table totals them.
    const rows = await page.getByRole('table', { name: 'Imported months' }).evaluate((t) => Number(t.tFoot.rows[0].cells[2].textContent.replace(/,/g, '')));

    // The baseline: read the same files and parse them with d3-dsv, in the same page.
    await page.addScriptTag({ path: d3dsv });
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-files' });
      document.body.append(input);
    });
    await page.setInputFiles('#bench-files', files);
    const bare = await page.evaluate(async () => {
      const list = [...document.getElementById('bench-files').files];
      const t0 = performance.now();
      let n = 0;
      for (const f of list) n += d3.csvParse(await f.text()).length;
      return { ms: performance.now() - t0, rows: n };
    });
    if (bare.rows !== rows) console.warn(`warning: the import stored ${rows} rows but d3-dsv read ${bare.rows}`);
    results.push({ rows, importMs: measured.ms, bareMs: bare.ms, longest: measured.longest });
    console.log(
      `run ${run}: import ${measured.ms.toFixed(0)} ms (worker: read+validate ${timings?.readMs?.toFixed(0)} ms, then store and report ${(measured.ms - (timings?.readMs ?? 0)).toFixed(0)} ms), bare parse ${bare.ms.toFixed(0)} ms, longest task ${measured.longest.toFixed(0)} ms`,
    );
    await context.close();
  }
  await browser.close();
  const importMs = median(results.map((r) => r.importMs));
  const bareMs = median(results.map((r) => r.bareMs));
  const longest = Math.max(...results.map((r) => r.longest));
  console.log(
    `import: ${results[0].rows} rows in ${importMs.toFixed(0)} ms; bare parse ${bareMs.toFixed(0)} ms; ratio ${(importMs / bareMs).toFixed(2)}; longest main-thread task ${longest.toFixed(0)} ms`,
  );
} finally {
  process.kill(-server.pid);
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not ready yet: try again
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}
