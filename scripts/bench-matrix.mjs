#!/usr/bin/env node
/**
 * Live-weights benchmark: how long one weight change takes to reach the screen
 * on the Priorities page, for a synthetic assessment of 50 issues × 12
 * criteria. Run with `npm run bench:matrix` (it builds first). Figures are
 * printed, nothing is asserted.
 *
 * It serves the build with `vite preview` on BENCH_PORT (default E2E_PORT or
 * 4174), opens it in headless Debian Chromium with a profile kept in
 * .bench/matrix-profile (so the first-visit sample load happens once), writes
 * the synthetic assessment into IndexedDB and drives the "Criterion 3 weight"
 * slider with `input` events.
 *
 * Each update is started inside a requestAnimationFrame callback, as a real
 * drag's input is, and measured to a task posted from that callback, which
 * runs once the frame has been painted: so "input → paint" is the script,
 * style, layout and paint work of the frame, without the wait for the next
 * vsync. The chart is redrawn after the table has been painted (at most every
 * 150 ms while dragging), so its cost is measured separately.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4174);
const BASE = `http://localhost:${PORT}`;
const ISSUES = 50;
const CRITERIA = 12;
const UPDATES = 200;
const CHART_REDRAWS = 30;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Seeded generator (mulberry32), so every run scores the same matrix. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticAssessment() {
  const rnd = random(1234);
  const groups = ['Harm', 'Harm', 'Harm', 'Harm', 'Harm', 'Likelihood', 'Priority', 'Priority', 'Cost', 'Performance', 'Other', 'Other'];
  const scale = { min: 0, max: 5, levels: [{ value: 0, label: 'N/A' }, { value: 1, label: 'Low' }, { value: 3, label: 'Medium' }, { value: 5, label: 'High' }] };
  const criteria = groups.map((group, i) => ({ id: `criterion_${i + 1}`, label: `Criterion ${i + 1}`, description: '', group, scale, weight: 1 }));
  const issues = Array.from({ length: ISSUES }, (_, i) => ({ id: `issue-${i + 1}`, label: `Issue ${i + 1}` }));
  const scores = Object.fromEntries(issues.map((issue) => [issue.id, Object.fromEntries(criteria.map((c) => [c.id, { value: Math.floor(rnd() * 6) }]))]));
  const now = Date.now();
  return {
    schemaVersion: 1,
    id: 'bench-50x12',
    name: 'Benchmark 50 × 12',
    createdAt: now,
    updatedAt: now,
    model: { id: 'bench', name: 'Synthetic 12-criterion model', criteria, aggregation: { kind: 'weighted-sum' } },
    issues,
    scores,
    weightSets: [{ id: 'baseline', name: 'Baseline', weights: {}, savedAt: now }],
    baselineWeightSetId: 'baseline',
    draftWeights: {},
    cutLine: 10,
  };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s.at(-1) };
};
const ms = (v) => `${v.toFixed(2)} ms`;

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start on ${url}`);
}

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

try {
  await waitForServer(BASE);
  mkdirSync('.bench', { recursive: true });
  const context = await chromium.launchPersistentContext('.bench/matrix-profile', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${BASE}/#/priorities`);
  await page.getByRole('table', { name: 'Ranked priorities' }).waitFor({ timeout: 60_000 });
  // The first visit loads the police.uk sample in a worker; let it finish so it does not share the CPU with the measurement.
  await page.waitForFunction(() => document.querySelector('csp-app')?.shadowRoot?.querySelector('[role=progressbar], progress') === null, null, { timeout: 300_000 });

  await page.evaluate(async (record) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('csp-workbench-assessments');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['assessments', 'kv'], 'readwrite');
      tx.objectStore('assessments').put(record);
      tx.objectStore('kv').put(record.id, 'current');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, syntheticAssessment());
  await page.reload();
  const table = page.getByRole('table', { name: 'Ranked priorities' });
  await table.getByRole('row').nth(ISSUES).waitFor();
  await page.locator('csp-plot svg').first().waitFor();

  const slider = await page.getByLabel('Criterion 3 weight (slider)').elementHandle();
  const pageEl = await page.locator('csp-priorities-page').elementHandle();
  const tableEl = await page.locator('csp-ranked-table').elementHandle();
  const plotEl = await page.locator('csp-plot').elementHandle();

  const updates = await page.evaluate(
    async ({ slider, pageEl, tableEl, n }) => {
      const update = [];
      const paint = [];
      const values = ['0', '0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '4', '3', '2', '1'];
      let moved = 0;
      let firstRow = tableEl.shadowRoot.querySelector('tbody tr th').textContent;
      for (let i = 0; i < n; i++) {
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            const t0 = performance.now();
            slider.value = values[i % values.length];
            slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            pageEl.updateComplete
              .then(() => tableEl.updateComplete)
              .then(() => update.push(performance.now() - t0));
            setTimeout(() => {
              paint.push(performance.now() - t0);
              resolve();
            }, 0);
          }),
        );
        const top = tableEl.shadowRoot.querySelector('tbody tr th').textContent;
        if (top !== firstRow) moved++;
        firstRow = top;
        // Let any deferred chart redraw land between samples, as it would between drags.
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 200));
      }
      return { update, paint, moved };
    },
    { slider, pageEl, tableEl, n: UPDATES },
  );

  const chart = await page.evaluate(
    async ({ plotEl, n }) => {
      const times = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        plotEl.options = { ...plotEl.options };
        await plotEl.updateComplete;
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return { times, rects: plotEl.shadowRoot.querySelectorAll('rect').length };
    },
    { plotEl, n: CHART_REDRAWS },
  );

  const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
  await context.close();

  const u = stats(updates.update);
  const p = stats(updates.paint);
  const c = stats(chart.times);
  console.log(`\nLive weights on the Priorities page: ${ISSUES} issues × ${CRITERIA} criteria (headless Chromium ${version}, ${availableParallelism()} CPUs)`);
  console.log(`  ${UPDATES} slider input events; the top of the ranking changed on ${updates.moved} of them`);
  console.log('');
  console.log('  measure                                          median      p95        max');
  console.log(`  input → ranking, table and H×L grid updated    ${ms(u.median).padStart(9)}  ${ms(u.p95).padStart(9)}  ${ms(u.max).padStart(9)}`);
  console.log(`  input → frame painted (budget 16 ms)           ${ms(p.median).padStart(9)}  ${ms(p.p95).padStart(9)}  ${ms(p.max).padStart(9)}`);
  console.log(`  chart redraw after the paint (${chart.rects} rects)      ${ms(c.median).padStart(9)}  ${ms(c.p95).padStart(9)}  ${ms(c.max).padStart(9)}`);
  console.log('');
  console.log(`  within 16 ms: ${updates.paint.filter((t) => t <= 16).length} of ${UPDATES} updates`);
} finally {
  stopServer();
}
