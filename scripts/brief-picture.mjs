// Makes docs/brief-page-1.png: the first printed page of the executive brief
// on the embedded Luton sample (suggested links confirmed, top 5, marking
// OFFICIAL). Needs `npm run build` first; starts its own preview server on a
// random free port, prints the report to PDF with Chromium and turns page 1
// into a PNG with poppler's pdftoppm.
//   npm run build && node scripts/brief-picture.mjs
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const port = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => ok(p));
  });
});
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch (e) {
      if (i > 60) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await page.getByText(/^Sample loaded on/).waitFor({ timeout: 120_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk matrix', exact: true }).click();
  await page.getByRole('button', { name: /^Confirm all \d+ suggested links$/ }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report', exact: true }).click();
  await page.getByRole('table', { name: 'Recommended priorities' }).waitFor({ timeout: 180_000 });
  await page.getByLabel('Protective marking').selectOption('OFFICIAL');
  await page.getByText('Executive brief · OFFICIAL').waitFor();
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'brief-picture-'));
  writeFileSync(join(dir, 'report.pdf'), await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'report.pdf'), 'docs/brief-page-1']);
  console.log('wrote docs/brief-page-1.png');
} finally {
  await browser.close();
  process.kill(-server.pid);
}
