import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('look', async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await openWithSample(page);
  await page.goto('/#/report');
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible({ timeout: 90_000 });
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log('height', h);
  for (let y = 0, i = 0; y < h && i < 8; y += 1400, i++) await page.screenshot({ path: `.scratch/r-${i}.png`, fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(1400, h - y) } });
});
