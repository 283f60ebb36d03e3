#!/usr/bin/env node
/**
 * SMAA benchmark: 100,000 samples × 50 issues × 20 criteria, measured inside
 * the app's own sensitivity worker in headless Chromium, against `vite preview`
 * of the production build. The app hands scripts its worker as
 * `window.cspScriptHooks.sensitivity` (src/app/script-hooks.ts); the browser
 * profile is kept in .bench/smaa-profile, and timing starts only once the
 * first-visit sample load has finished, so the import worker never competes.
 *
 *   npm run bench:smaa                 build, then measure (7 runs per case, median reported)
 *   npm run bench:smaa -- --no-build   measure the existing dist/
 *   npm run bench:smaa -- --runs 9 --port 4177 --node
 *
 * --node also measures the same engine in Node (bundled with vite into .bench/).
 * Figures are printed, nothing is asserted: the machine may be shared, so the
 * load average is printed with them.
 */
import { spawn, execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? Number(args[k + 1]) : fallback;
};
const PORT = option('--port', Number(process.env.E2E_PORT ?? 4177));
const RUNS = option('--runs', 7);
const SAMPLES = option('--samples', 100_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** mulberry32: a tiny seeded generator for the synthetic scores (the engine's own generator is not needed here). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic assessment: `n` issues scored 0-5 at random on `m` criteria, all weight 1, weighted sum. */
function synthetic(n, m, confidence) {
  const rnd = mulberry32(2014);
  const scale = {
    min: 0,
    max: 5,
    levels: [
      { value: 0, label: 'None' },
      { value: 5, label: 'High' },
    ],
  };
  const criteria = Array.from({ length: m }, (_, j) => ({ id: `c${j}`, label: `Criterion ${j + 1}`, description: '', group: 'Harm', scale, weight: 1 }));
  const issues = Array.from({ length: n }, (_, i) => ({ id: `i${i}`, label: `Issue ${i + 1}` }));
  const scores = Object.fromEntries(
    issues.map((iss) => [iss.id, Object.fromEntries(criteria.map((c) => [c.id, confidence ? { value: Math.floor(rnd() * 6), confidence } : { value: Math.floor(rnd() * 6) }]))]),
  );
  return { model: { id: 'bench', name: 'Benchmark', criteria, aggregation: { kind: 'weighted-sum' } }, issues, scores };
}

const CASES = [
  { name: 'weights only', assessment: synthetic(50, 20), options: { samples: SAMPLES, seed: 1234 } },
  { name: 'weights + every score ±1 (Medium)', assessment: synthetic(50, 20, 'Medium'), options: { samples: SAMPLES, seed: 1234 } },
  {
    name: 'weights in a stated order of 20 (exact, by sorting)',
    assessment: synthetic(50, 20),
    options: { samples: SAMPLES, seed: 1234, constraints: { order: Array.from({ length: 20 }, (_, j) => `c${j}`) } },
  },
  {
    name: 'weights with 3 stated pairs and a bound (hit-and-run)',
    assessment: synthetic(50, 20),
    options: {
      samples: SAMPLES,
      seed: 1234,
      constraints: {
        atLeast: [
          ['c0', 'c1'],
          ['c1', 'c2'],
          ['c3', 'c4'],
        ],
        shareBounds: { c5: { min: 0.05, max: 0.2 } },
      },
    },
  },
  {
    name: 'around the chosen weights (1 to 20), each ±25%',
    assessment: { ...synthetic(50, 20), weights: Object.fromEntries(Array.from({ length: 20 }, (_, j) => [`c${j}`, j + 1])) },
    options: { samples: SAMPLES, seed: 1234, around: 0.25 },
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => Math.round(x).toLocaleString('en-GB');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function browserRuns() {
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  try {
    await waitFor(`http://localhost:${PORT}/`, 30_000);
    mkdirSync(`${root}.bench`, { recursive: true });
    const context = await chromium.launchPersistentContext(`${root}.bench/smaa-profile`, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://localhost:${PORT}/#/sensitivity`);
      await page.waitForFunction(() => window.cspScriptHooks !== undefined, null, { timeout: 60_000 });
      // A first visit loads the sample in the import worker: wait until no import has been in progress for 3 s.
      const importing = () => page.evaluate(() => document.querySelector('csp-app')?.shadowRoot?.querySelector('csp-import-progress') != null);
      for (let quiet = 0, waited = 0; quiet < 12; waited++) {
        if (waited > 1200) throw new Error('the first-visit sample load did not finish within 5 minutes');
        quiet = (await importing()) ? 0 : quiet + 1;
        await new Promise((r) => setTimeout(r, 250));
      }
      console.log(`\nIn the sensitivity worker (headless Chromium, vite preview on port ${PORT}), ${RUNS} runs each after one warm-up:`);
      for (const c of CASES) {
        const runs = [];
        for (let k = 0; k <= RUNS; k++) {
          const r = await page.evaluate(async ({ assessment, options }) => {
            const t0 = performance.now();
            const out = await window.cspScriptHooks.sensitivity.smaa(assessment, options);
            return { inWorker: out.elapsedMs, roundTrip: performance.now() - t0, samples: out.result.samples, first: out.result.rankCounts[0][0] };
          }, c);
          if (k > 0) runs.push(r);
        }
        report(c.name, runs);
        const firsts = new Set(runs.map((r) => r.first));
        if (firsts.size !== 1) console.log('  WARNING: runs with the same seed disagreed');
      }
    } finally {
      await context.close();
    }
  } finally {
    process.kill(-server.pid);
  }
}

function report(name, runs, where = 'in the worker') {
  const w = runs.map((r) => r.inWorker);
  const rt = runs.map((r) => r.roundTrip);
  const samples = runs[0].samples;
  const roundTrip = where === 'in the worker' ? `, ${fmt(median(rt))} ms round trip from the page` : '';
  console.log(`  ${name}: median ${fmt(median(w))} ms ${where} (min ${fmt(Math.min(...w))}, max ${fmt(Math.max(...w))})${roundTrip}; ${fmt(samples / (median(w) / 1000))} samples/s`);
}

async function nodeRuns() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: '.bench',
      emptyOutDir: true,
      ssr: true,
      target: 'node20',
      rollupOptions: { input: { smaa: 'models/sensitivity/smaa.ts', problem: 'models/sensitivity/problem.ts' }, output: { entryFileNames: '[name].mjs' } },
    },
  });
  const { SmaaRun } = await import(`${root}.bench/smaa.mjs`);
  const { linearProblem } = await import(`${root}.bench/problem.mjs`);
  console.log(`\nIn Node ${process.version} (same engine, one thread), ${RUNS} runs each after one warm-up:`);
  for (const c of CASES) {
    const p = linearProblem(c.assessment);
    const runs = [];
    for (let k = 0; k <= RUNS; k++) {
      const t0 = performance.now();
      const run = new SmaaRun(p, c.options);
      while (!run.done) run.step(10_000);
      const first = run.result().rankCounts[0][0];
      const ms = performance.now() - t0;
      if (k > 0) runs.push({ inWorker: ms, roundTrip: ms, samples: run.counts.samples, first });
    }
    report(c.name, runs, 'in Node');
  }
}

console.log(`SMAA benchmark: ${SAMPLES.toLocaleString('en-GB')} samples × 50 issues × 20 criteria; ${cpus().length} CPUs; load average before: ${load()}`);
if (!flag('--no-build')) execSync('npm run build', { cwd: root, stdio: 'ignore' });
await browserRuns();
if (flag('--node')) await nodeRuns();
console.log(`\nLoad average after: ${load()}`);
