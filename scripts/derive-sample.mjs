#!/usr/bin/env node
// Derives sample-data/ (the embedded Luton default) from ../shared/data.
//
//   node scripts/derive-sample.mjs [path/to/shared]
//
// Output is deterministic: running it twice gives byte-identical files, and
// sample-data/manifest.json records each file's SHA-256 and row count.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { csvFormatRows, csvParseRows } from 'd3-dsv';

const LAD = 'E06000032'; // Luton
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared'));
const out = join(root, 'sample-data');
const data = join(shared, 'data');

const manifest = { derivedFrom: 'shared/data (see sample-data/README.md)', localAuthority: { code: LAD, name: 'Luton' }, files: [] };
const record = (path, rows, note) => {
  const bytes = readFileSync(path);
  manifest.files.push({ path: relative(out, path), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), rows, note });
};
const stripBom = (s) => s.replace(/^\uFEFF/, '');

rmSync(join(out, 'police-uk'), { recursive: true, force: true });
for (const dir of ['police-uk', 'imd2019', 'boundaries', 'reference']) mkdirSync(join(out, dir), { recursive: true });

// 1. Luton's 2021 LSOAs, from the ONS 2021 LSOA boundaries of the authority.
const lsoa21 = JSON.parse(readFileSync(join(data, 'boundaries', `lsoa21_${LAD}.geojson`), 'utf8'));
const lutonLsoas = new Set(lsoa21.features.map((f) => f.properties.LSOA21CD));

// 2. police.uk street crime: rows whose LSOA code is one of Luton's, one gzip file per month.
const policeDir = join(data, 'police-uk', 'bedfordshire');
let kept = 0;
let seen = 0;
for (const name of readdirSync(policeDir)
  .filter((n) => n.endsWith('-street.csv'))
  .sort()) {
  const [header, ...rows] = csvParseRows(stripBom(readFileSync(join(policeDir, name), 'utf8')));
  const lsoa = header.indexOf('LSOA code');
  const luton = rows.filter((r) => lutonLsoas.has(r[lsoa]));
  seen += rows.length;
  kept += luton.length;
  const target = join(out, 'police-uk', name.replace('bedfordshire', 'luton') + '.gz');
  writeFileSync(target, gzipSync(csvFormatRows([header, ...luton]) + '\n', { level: 9 }));
  record(target, luton.length, `rows of ${name} whose LSOA code is a Luton 2021 LSOA`);
}

// 3. IMD 2019 Files 1, 2 and 6: Luton's rows, header as published.
for (const name of readdirSync(join(data, 'imd2019'))
  .filter((n) => n.endsWith('.csv'))
  .sort()) {
  const [header, ...rows] = csvParseRows(stripBom(readFileSync(join(data, 'imd2019', name), 'utf8')));
  const ladCol = header.findIndex((h) => h.startsWith('Local Authority District code'));
  const luton = rows.filter((r) => r[ladCol] === LAD);
  const target = join(out, 'imd2019', name.replace('.csv', `_${LAD}.csv`));
  writeFileSync(target, csvFormatRows([header, ...luton]) + '\n');
  record(target, luton.length, `rows of ${name} for local authority ${LAD}`);
}

// 4. ONS boundaries of Luton, unchanged.
for (const level of ['ward', 'lsoa11', 'lsoa21']) {
  const target = join(out, 'boundaries', `${level}_${LAD}.geojson`);
  copyFileSync(join(data, 'boundaries', `${level}_${LAD}.geojson`), target);
  record(target, JSON.parse(readFileSync(target, 'utf8')).features.length, 'copied unchanged');
}

// 5. The seed risk matrix, unchanged.
const matrix = join(out, 'reference', 'central-beds-2014-risk-matrix.csv');
copyFileSync(join(shared, 'reference', 'central-beds-2014-risk-matrix.csv'), matrix);
record(matrix, csvParseRows(readFileSync(matrix, 'utf8')).length - 1, 'copied unchanged');

writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`police.uk: kept ${kept} of ${seen} rows (Luton LSOAs: ${lutonLsoas.size}); ${manifest.files.length} files written to ${relative(process.cwd(), out) || '.'}`);
