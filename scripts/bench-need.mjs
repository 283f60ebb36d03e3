#!/usr/bin/env node
/**
 * Benchmark of the community need matrix, measured inside the need worker in
 * headless Chromium against the production build (`vite preview`):
 *
 *   1. scoring 32,844 synthetic LSOAs × 20 indicators (standardise +
 *      composite + rank), per standardisation, median of several runs
 *      (target: ≤ 200 ms);
 *   2. placing Luton's stored crime rows in its 20 wards by point-in-polygon;
 *   3. the page's own calls on the sample: preparing Luton (cold worker:
 *      IndexedDB → crime table → placement → counts) and scoring its wards
 *      and LSOAs (round trip from the page).
 *
 * Usage: npm run bench:need [-- --runs 9 --port 4175 --no-build]
 * Figures are printed; nothing is asserted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const RUNS = Number(arg('runs', 9));
const PORT = Number(arg('port', process.env.E2E_PORT ?? 4175));
const AREAS = 32844;
const INDICATORS = 20;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const worker = readdirSync('dist/assets').find((f) => /^crime\.worker-.*\.js$/.test(f));
if (worker === undefined) throw new Error('no crime worker in dist/assets: build first');

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes(String(PORT)) && resolve());
  server.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${PORT}/`);
  console.log('Loading the Luton sample into IndexedDB (first visit)…');
  await page.getByText(/^Sample loaded on/).waitFor({ timeout: 180_000 });

  // A fresh crime worker of the build (its need API), called with comlink's wire protocol (the app's own instance is private to it).
  const result = await page.evaluate(
    async ({ url, areas, indicators, runs }) => {
      const w = new Worker(url, { type: 'module', name: 'crime-bench' });
      let next = 0;
      const call = (name, ...args) =>
        new Promise((resolve, reject) => {
          const id = `bench-${next++}`;
          const on = (e) => {
            if (e.data?.id !== id) return;
            w.removeEventListener('message', on);
            if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value)));
            else resolve(e.data.value);
          };
          w.addEventListener('message', on);
          w.postMessage({ id, type: 'APPLY', path: ['need', name], argumentList: args.map((value) => ({ type: 'RAW', value })) });
        });
      const timed = async (f) => {
        const t0 = performance.now();
        const value = await f();
        return { ms: performance.now() - t0, value };
      };
      const setup = await timed(() => call('setup', 'Luton'));
      const settings = setup.value.settings;
      const wards = [];
      const lsoas = [];
      for (let r = 0; r < runs; r++) {
        wards.push((await timed(() => call('matrix', 'Luton', { ...settings, level: 'ward' }))).ms);
        lsoas.push((await timed(() => call('matrix', 'Luton', { ...settings, level: 'lsoa' }))).ms);
      }
      const bench = await call('benchmark', areas, indicators, runs, 'Luton');
      w.terminate();
      return { setupMs: setup.ms, wards, lsoas, bench, rows: setup.value.levels[0].crime };
    },
    { url: `/assets/${worker}`, areas: AREAS, indicators: INDICATORS, runs: RUNS },
  );

  console.log(`\nCommunity need matrix, in the need worker (headless Chromium, median of ${RUNS} runs)`);
  console.log(`Scoring ${AREAS.toLocaleString('en-GB')} synthetic LSOAs × ${INDICATORS} indicators (standardise + composite + rank; target ≤ 200 ms):`);
  for (const [method, times] of Object.entries(result.bench.scoreMs)) {
    console.log(`  ${method.padEnd(11)} median ${ms(median(times))}  (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`);
  }
  console.log(`Placing Luton's ${result.bench.rows.toLocaleString('en-GB')} crime rows in 20 wards (grid index + point-in-polygon): median ${ms(median(result.bench.assignMs))}`);
  console.log(`  (${result.rows.assigned.toLocaleString('en-GB')} placed, ${result.rows.notAssigned.toLocaleString('en-GB')} not assigned)`);
  console.log(`Preparing Luton in a cold worker (IndexedDB → crime table → placement → counts): ${ms(result.setupMs)}`);
  console.log(`Scoring Luton's wards from the page (round trip): median ${ms(median(result.wards))}`);
  console.log(`Scoring Luton's 125 LSOAs from the page (round trip): median ${ms(median(result.lsoas))}`);
} finally {
  await browser.close();
  stop();
}
