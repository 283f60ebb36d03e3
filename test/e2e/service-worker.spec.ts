import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * The service worker (src/sw.ts, built by vite-plugin-pwa): every file of the
 * build precached with its revision, old caches removed, and the cached app
 * (a 200 when it was stored) served whatever the server answers. Offline use
 * is tested in foundation.spec.ts.
 */
const DIST = new URL('../../dist/', import.meta.url);
/** Every file of the build the worker should hold: all but itself. */
function builtFiles(dir = DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? builtFiles(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

test.describe('the service worker (issue 14, defect 7)', () => {
  test('precaches every file of the build with its revision and removes the old worker’s caches', async ({ page }) => {
    // A cache the hand-written worker of earlier builds left behind, made before this build's worker installs.
    await page.addInitScript(() => void caches.open('csp-workbench-old').then((c) => c.put('/old', new Response('old'))));
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const names = await page.evaluate(() => caches.keys());
    expect(names.filter((n) => n.startsWith('csp-workbench-'))).toEqual([]);
    const precache = names.filter((n) => n.startsWith('workbox-precache-'));
    expect(precache).toHaveLength(1);
    const urls = await page.evaluate(
      (name) =>
        caches
          .open(name)
          .then((c) => c.keys())
          .then((ks) => ks.map((k) => k.url)),
      precache[0]!,
    );
    const paths = urls.map((u) => new URL(u).pathname.slice(1)).sort();
    expect(paths).toEqual(
      builtFiles()
        .filter((f) => f !== 'sw.js')
        .sort(),
    );
    // The page's name does not change between builds, so it carries a content revision; hashed assets are their own.
    expect(urls.find((u) => new URL(u).pathname === '/index.html')).toMatch(/__WB_REVISION__=[0-9a-f]+/);
  });

  test('a server that answers 503 or 404 still gets the cached app, never its error page', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible({ timeout: 90_000 });
    // Every page request the server sees fails from now on.
    let served = 0;
    await context.route(/\/(index\.html)?(\?.*)?$|\/missing$/, (route) => {
      served++;
      return route.fulfill({ status: served % 2 === 0 ? 404 : 503, body: 'Service Unavailable' });
    });
    for (const path of ['/', '/missing']) {
      await page.goto(path);
      await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible({ timeout: 90_000 });
      await expect(page.getByText('Service Unavailable')).toHaveCount(0);
    }
  });
});
