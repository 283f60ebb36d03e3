#!/usr/bin/env node
// Initial JavaScript of the production build: the entry chunk named in
// dist/index.html plus every chunk it imports statically (not `import()`),
// transitively, with their gzip sizes. Run after `npm run build`.
//
//   node scripts/initial-js.mjs      → "initial JavaScript: <n> files, <KB> KB, <KB> KB gzip"
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
if (entry === undefined) throw new Error('no module script in dist/index.html');
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import{..}from"./x.js"` or `import"./x.js"`, never `import("./x.js")`.
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'();]*?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) visit(join(dirname(file), m[1]));
};
visit(entry);
let raw = 0;
let gz = 0;
for (const f of seen) {
  const b = readFileSync(join(dist, f));
  raw += b.length;
  gz += gzipSync(b).length;
  if (process.argv.includes('--list')) console.log(`${f}\t${(gzipSync(b).length / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JavaScript: ${seen.size} files, ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzip`);
