#!/usr/bin/env node
/**
 * Heavy matrix and project imports (issue 14, defect 19), in the built app in
 * headless Chromium: a 10,000-issue matrix CSV on the Risk matrix page and a
 * 3,000 × 200 project file on the Report page, made by test/hostile/heavy.ts
 * (bundled with rolldown into .bench/ first). For each step it prints the
 * wall-clock time and the page's main-thread long tasks (over 50 ms) in it:
 * the longest, and their sum. Figures are printed; nothing is asserted.
 * Steps: the project read and stored; its report worked out and drawn; its
 * Priorities page; its Sensitivity page (weight stability, then the tornado);
 * the matrix read; the matrix replaced and its grid drawn; the grid's last page.
 *
 * Usage: npm run build && npm run bench:heavy [-- --dist dist --issues 10000 --project 3000x200 --parts project,matrix]
 * (`--dist` serves another build, e.g. an older commit's, for a before/after.)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'rolldown';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = arg('dist', `${root}dist`);
const issues = Number(arg('issues', 10_000));
const [pIssues, pCriteria] = arg('project', '3000x200').split('x').map(Number);
const parts = arg('parts', 'project,matrix').split(',');
// Two folders down from the root, so the generator's '../../models/…' still finds the template.
const out = `${root}.bench/hostile/heavy.mjs`;
mkdirSync(`${root}.bench/hostile`, { recursive: true });
await build({ input: `${root}test/hostile/heavy.ts`, platform: 'node', external: [/^node:/], output: { file: out, format: 'esm' }, logLevel: 'warn' });
const heavy = await import(pathToFileURL(out).href);

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: root, stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 60; i++) {
  if (
    await fetch(base).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 500));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  // Each file on a fresh profile with the sample loaded: the page opens on the seed assessment.
  let page;
  const fresh = async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(base);
    await page.getByText(/^Sample loaded on/).waitFor({ timeout: 180_000 });
  };
  const now = () => page.evaluate(() => performance.now());
  const step = async (what, from) => {
    const to = await now();
    const tasks = await page.evaluate(([a, b]) => window.__longTasks.filter(([s]) => s >= a && s <= b).map(([, d]) => d), [from, to]);
    const r = { what, ms: Math.round(to - from), longest: Math.round(Math.max(0, ...tasks)), blocked: Math.round(tasks.reduce((s, d) => s + d, 0)) };
    console.log(`${r.what}: ${r.ms} ms; longest main-thread task ${r.longest} ms; long tasks ${r.blocked} ms in all`);
    return to;
  };

  if (parts.includes('project')) {
    await fresh();
    await page.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('table', { name: 'Recommended priorities' }).waitFor({ timeout: 600_000 });
    let t = await now();
    // Picked from disk, as a user picks it: a buffer would be turned into a File by script inside the page, a long task of the tool's own.
    const projectPath = fileURLToPath(new URL('../.bench/heavy-project.json', import.meta.url));
    writeFileSync(projectPath, heavy.heavyProjectText(pIssues, pCriteria));
    await page.getByLabel('Import a project file').setInputFiles(projectPath);
    await page.getByText(/^Imported “Heavy project/).waitFor({ timeout: 900_000 });
    t = await step(`project of ${pIssues} × ${pCriteria}: read, check and store`, t);
    // The ranked table's source line names the assessment: the report of the new assessment is drawn.
    await page.getByText(/^Assessment “Heavy project/).waitFor({ timeout: 900_000 });
    t = await step('project: work out and draw its report', t);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priorities' }).click({ timeout: 900_000 });
    await page.getByRole('table', { name: 'Ranked priorities' }).getByRole('rowheader').first().waitFor({ timeout: 900_000 });
    t = await step('project: open and draw the Priorities page', t);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sensitivity' }).click({ timeout: 900_000 });
    await page.getByRole('table', { name: /^Weight stability of the top/ }).waitFor({ timeout: 900_000 });
    t = await step('project: open the Sensitivity page (weight stability)', t);
    await page.getByRole('tab', { name: 'Tornado' }).click({ timeout: 900_000 });
    await page.getByRole('table', { name: /^Tornado: / }).waitFor({ timeout: 900_000 });
    await step('project: Sensitivity, the tornado', t);
  }
  if (parts.includes('matrix')) {
    await fresh();
    await page.goto(`${base}/#/matrix`);
    await page.getByLabel('Import matrix CSV').waitFor();
    let t = await now();
    const matrixPath = fileURLToPath(new URL('../.bench/heavy.csv', import.meta.url));
    writeFileSync(matrixPath, heavy.heavyMatrixCsv(issues));
    await page.getByLabel('Import matrix CSV').setInputFiles(matrixPath);
    const dialog = page.getByRole('dialog', { name: /Replace the matrix of/ });
    await dialog.getByRole('button', { name: 'Replace' }).waitFor({ timeout: 600_000 });
    t = await step(`matrix of ${issues} issues: read until the replace question`, t);
    await dialog.getByRole('button', { name: 'Replace' }).click({ timeout: 900_000 });
    await page.getByText(`Imported ${issues.toLocaleString('en-GB')} issues from heavy.csv.`).waitFor({ timeout: 900_000 });
    const grid = page.getByRole('table', { name: /^Scores: / });
    await grid.getByRole('rowheader', { name: 'Issue 1', exact: true }).waitFor({ timeout: 900_000 });
    t = await step('matrix: replace, save and show the grid', t);
    const last = page.getByRole('group', { name: /^Pages of Scores/ }).getByRole('button', { name: 'Last page' });
    if ((await last.count()) > 0) {
      await last.click();
      await grid.getByRole('rowheader', { name: `Issue ${issues}`, exact: true }).waitFor({ timeout: 900_000 });
      await step("matrix: turn to the grid's last page", t);
    }
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
