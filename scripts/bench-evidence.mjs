#!/usr/bin/env node
/**
 * Evidence benchmark: how long the Evidence page takes to recompute three
 * years of Luton data (the embedded sample, May 2021 to December 2023) when
 * the analyst changes the period or the crime-type mapping. Measured in
 * headless Chromium against `vite preview` of the production build, through
 * the real evidence worker and the real IndexedDB stores, from the change to
 * the re-rendered table.
 *
 *   npm run bench:evidence                 build, then measure (7 runs per case, median reported)
 *   npm run bench:evidence -- --no-build   measure the existing dist/
 *   npm run bench:evidence -- --runs 9 --port 4177
 *
 * Figures are printed, nothing is asserted: the machine may be shared, so the
 * load average is printed with them. The target is ≤ 500 ms per recompute.
 */
import { spawn, execSync } from 'node:child_process';
import { loadavg, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? Number(args[k + 1]) : fallback;
};
const PORT = option('--port', Number(process.env.E2E_PORT ?? 4176));
const RUNS = Math.max(5, option('--runs', 7));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;

async function waitForServer(url, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not start on ${url}`);
}

/**
 * Runs one change inside the page and times it: from the change to the table
 * rendered with the new result (a new "Worked out in" line), plus the worker's
 * own time for the request, which that line reports.
 */
function timeChange(page, change) {
  return page.evaluate(async (change) => {
    const app = document.querySelector('csp-app');
    const evidence = app.shadowRoot.querySelector('csp-evidence-page');
    const root = evidence.shadowRoot;
    const timing = () => root.querySelector('[data-timing]');
    const before = timing();
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    if (change.kind === 'period') {
      const select = root.querySelector('csp-period-picker').shadowRoot.querySelector('#end');
      select.value = change.value;
      select.dispatchEvent(new Event('change'));
    } else {
      // What the catalogue editor does on "Save issue": store the catalogue, then announce the change.
      const store = evidence.services.evidenceStore;
      const setup = await store.setup();
      const issues = setup.catalogue.issues.map((i) => (i.id === change.issueId ? { ...i, crimeTypes: change.crimeTypes } : i));
      await store.saveCatalogue({ issues });
      evidence.dispatchEvent(new CustomEvent('evidence-setup-changed', { bubbles: true, composed: true }));
    }
    for (;;) {
      await frame();
      const t = timing();
      if (t !== null && t !== before) break;
    }
    await frame(); // let the table's sparklines draw
    const wall = performance.now() - t0;
    const worker = Number(/Worked out in ([\d,]+) ms/.exec(timing().textContent)[1].replace(/,/g, ''));
    const rows = root.querySelector('csp-evidence-table').shadowRoot.querySelectorAll('tbody tr').length;
    return { wall, worker, rows };
  }, change);
}

async function main() {
  if (!args.includes('--no-build')) execSync('npx vite build', { cwd: root, stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const base = `http://localhost:${PORT}`;
  try {
    await waitForServer(base);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
    const t0 = Date.now();
    await page.goto(base);
    await page.getByText(/^Sample loaded on/).waitFor({ timeout: 120_000 });
    const loaded = Date.now() - t0;
    await page.getByRole('link', { name: 'Evidence' }).click();
    await page.getByRole('table', { name: 'Evidence by issue' }).waitFor({ timeout: 60_000 });
    const first = await page.locator('[data-timing]').textContent();

    const cases = [
      { name: 'period change (end month)', changes: (i) => ({ kind: 'period', value: i % 2 === 0 ? '2023-06' : 'latest' }) },
      {
        name: 'mapping change (SAC crime types)',
        changes: (i) => ({ kind: 'mapping', issueId: 'serious-acquisitive-crime', crimeTypes: i % 2 === 0 ? ['Burglary', 'Robbery'] : ['Burglary', 'Robbery', 'Vehicle crime'] }),
      },
    ];
    console.log(`Evidence benchmark: Luton sample loaded in ${(loaded / 1000).toFixed(1)} s; first evidence: ${first.trim()}`);
    console.log(
      `${cpus().length} CPUs, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (before)`,
    );
    for (const c of cases) {
      await timeChange(page, c.changes(1)); // warm-up
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeChange(page, c.changes(i)));
      const wall = runs.map((r) => r.wall);
      const worker = runs.map((r) => r.worker);
      console.log(
        `${c.name.padEnd(34)} median ${ms(median(wall))} (change to table drawn; min ${ms(Math.min(...wall))}, max ${ms(Math.max(...wall))}); worker ${ms(median(worker))}; ${runs[0].rows} issues, ${RUNS} runs`,
      );
    }
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (after)`,
    );
    await browser.close();
  } finally {
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
