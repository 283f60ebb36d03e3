#!/usr/bin/env node
/**
 * Benchmark of the hot-spot engine (models/hotspots, what
 * the crime worker runs), in Node on the shared Bedfordshire files:
 *
 *   1. Luton's rows of 2023 (12 months, every crime type) at 100 m cells;
 *   2. all 161,832 rows over the whole force area (the wards of Luton,
 *      Bedford and Central Bedfordshire) at 250 m, classified over the 32
 *      stored months.
 *
 * Each times grid, counts, kernel density, Gi* with the Benjamini-Hochberg
 * adjustment and the classification over time (projection is done once per
 * stored-data version and timed separately). The TypeScript engine is
 * bundled with rolldown (vite's bundler) into .bench/ first.
 *
 * Usage: npm run bench:hotspots [-- --runs 7 --shared ../shared/]
 * Figures are printed; nothing is asserted.
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const root = fileURLToPath(new URL('..', import.meta.url));
const shared = arg('shared', `${root}../shared/`);
const out = `${root}.bench/bench-hotspots.mjs`;
mkdirSync(`${root}.bench`, { recursive: true });
await build({ input: `${root}scripts/bench-hotspots-entry.ts`, platform: 'node', external: [/^node:/], output: { file: out, format: 'esm' }, logLevel: 'warn' });
const { run } = await import(pathToFileURL(out).href);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
run(shared.endsWith('/') ? shared : `${shared}/`, Number(arg('runs', 7)));
