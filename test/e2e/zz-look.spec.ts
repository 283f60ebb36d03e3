import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('look', async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await openWithSample(page);
  await page.goto('/#/report');
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible({ timeout: 90_000 });
  await page.setViewportSize({ width: 690, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log('height', h);
  for (let y = 0, i = 0; y < h && i < 6; y += 1800, i++) await page.screenshot({ path: `.scratch/p-${i}.png`, fullPage: true, clip: { x: 0, y, width: 690, height: Math.min(1800, h - y) } });
});
