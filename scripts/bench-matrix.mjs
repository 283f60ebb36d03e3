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
 * slider with `input` events, one per frame, in two patterns:
 * - steady drag: one slider step (0.5) per frame, 0 → 5 → 0;
 * - jumps: whole points at a time (0, 1, … 5, 4, …), which reorders most of
 *   the table on every frame (a stress case).
 *
 * Each update starts inside a requestAnimationFrame callback, as a real drag's
 * input is handled, and ends in a task posted from that callback, which runs
 * once the frame has been painted. Two figures per update:
 * - wall clock, input → painted: on a busy machine this includes time spent
 *   waiting for a CPU;
 * - main-thread CPU time over the same span, from a Chromium trace (each
 *   task's thread time): the work itself, whatever the machine's load.
 * The chart is redrawn once the drag pauses (120 ms; at least every 500 ms
 * during a long drag), after the table has been painted; its own cost is
 * measured separately.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4174);
const BASE = `http://localhost:${PORT}`;
const ISSUES = 50;
const CRITERIA = 12;
const UPDATES = 120;
const CHART_REDRAWS = 30;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const up = Array.from({ length: 11 }, (_, i) => String(i / 2));
const PATTERNS = {
  'steady drag': [...up, ...up.slice(1, -1).reverse()],
  jumps: ['0', '1', '2', '3', '4', '5', '4', '3', '2', '1'],
};

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
  const scale = {
    min: 0,
    max: 5,
    levels: [
      { value: 0, label: 'N/A' },
      { value: 1, label: 'Low' },
      { value: 3, label: 'Medium' },
      { value: 5, label: 'High' },
    ],
  };
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
const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);

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

/** Drives the slider through `values`, one per frame, under a trace; returns wall-clock and CPU times per update. */
async function drive(context, page, handles, values, n) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
  const wall = await page.evaluate(
    async ({ slider, pageEl, tableEl, values, n }) => {
      const update = [];
      const paint = [];
      let reordered = 0;
      for (let i = 0; i < n; i++) {
        const before = tableEl.shadowRoot.querySelector('tbody th').textContent;
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            performance.mark(`bench-in-${i}`);
            const t0 = performance.now();
            slider.value = values[i % values.length];
            slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            pageEl.updateComplete.then(() => tableEl.updateComplete).then(() => update.push(performance.now() - t0));
            setTimeout(() => {
              paint.push(performance.now() - t0);
              performance.mark(`bench-out-${i}`);
              resolve();
            }, 0);
          }),
        );
        if (tableEl.shadowRoot.querySelector('tbody th').textContent !== before) reordered++;
      }
      return { update, paint, reordered };
    },
    { ...handles, values, n },
  );
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await traced;
  let json = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    json += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.detach();
  const trace = JSON.parse(json);
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const marks = new Map(events.filter((e) => e.name?.startsWith('bench-')).map((e) => [e.name, e.ts]));
  const mainTid = events.find((e) => e.name === 'bench-in-0')?.tid;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tid === mainTid && e.tdur !== undefined);
  const cpu = [];
  for (let i = 0; i < n; i++) {
    const from = marks.get(`bench-in-${i}`);
    const to = marks.get(`bench-out-${i}`);
    if (from === undefined || to === undefined) continue;
    // Every task between the input and the paint: the frame that handles it (animation-frame
    // callbacks, style, layout, paint) and anything that ran in between (such as a chart redraw).
    cpu.push(tasks.filter((t) => t.ts + t.dur > from && t.ts < to).reduce((sum, t) => sum + t.tdur, 0) / 1000);
  }
  return { ...wall, cpu };
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
  await page.getByRole('table', { name: 'Ranked priorities' }).getByRole('row').nth(ISSUES).waitFor();
  await page.locator('csp-plot svg').first().waitFor();
  await page.waitForTimeout(500);

  const handles = {
    slider: await page.getByLabel('Criterion 3 weight (slider)').elementHandle(),
    pageEl: await page.locator('csp-priorities-page').elementHandle(),
    tableEl: await page.locator('csp-ranked-table').elementHandle(),
  };
  const results = {};
  for (const [name, values] of Object.entries(PATTERNS)) results[name] = await drive(context, page, handles, values, UPDATES);

  const plotEl = await page.locator('csp-plot').elementHandle();
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
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
  await context.close();

  console.log(`\nLive weights on the Priorities page: ${ISSUES} issues × ${CRITERIA} criteria, ${UPDATES} slider input events per pattern`);
  console.log(`headless Chromium ${version}, software rendering, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}\n`);
  console.log('                                                       median       p95       max');
  for (const [name, r] of Object.entries(results)) {
    const u = stats(r.update);
    const p = stats(r.paint);
    const c = stats(r.cpu);
    console.log(`${name} (top issue changed on ${r.reordered} of ${UPDATES})`);
    console.log(`  input → ranking, table, H×L grid updated (wall) ${ms(u.median)} ${ms(u.p95)} ${ms(u.max)}`);
    console.log(`  input → frame painted (wall)                    ${ms(p.median)} ${ms(p.p95)} ${ms(p.max)}`);
    console.log(`  input → frame painted (main-thread CPU)         ${ms(c.median)} ${ms(c.p95)} ${ms(c.max)}`);
    console.log(`  within 16 ms: ${r.paint.filter((x) => x <= 16).length} of ${UPDATES} (wall), ${r.cpu.filter((x) => x <= 16).length} of ${r.cpu.length} (CPU)`);
  }
  const c = stats(chart.times);
  console.log(`chart redraw (${chart.rects} rects), after the paint  ${ms(c.median)} ${ms(c.p95)} ${ms(c.max)}`);
} finally {
  stopServer();
}
