import { expect, test, type Page } from '@playwright/test';
import { openWithSample } from './helpers';

/**
 * At 1366×768 (a common council laptop), every table fits or scrolls inside
 * a labelled region: the page itself never scrolls sideways, a region that
 * scrolls is in the Tab order, its heading row and first column stay in
 * view when it is scrolled to its far corner, and its last column can be
 * reached with the arrow keys alone.
 */
test.use({ viewport: { width: 1366, height: 768 } });

interface Region {
  id: number;
  name: string;
  tabIndex: number;
  wide: boolean;
  headOk: boolean;
  firstColumnOk: boolean;
}

/** Marks every table's scrolling region on the page (data-region-check=i) and checks it scrolled to its far corner. */
async function regions(page: Page): Promise<{ pageOverflow: number; loose: string[]; regions: Region[] }> {
  return page.evaluate(async () => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot !== null) walk(el.shadowRoot);
      }
    };
    walk(document);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const tables = all.filter((e): e is HTMLTableElement => e instanceof HTMLTableElement && e.getClientRects().length > 0);
    const loose: string[] = [];
    const out: Region[] = [];
    for (const t of tables) {
      const region = t.closest<HTMLElement>('[role="region"]');
      const name = (t.caption?.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (region === null) {
        // A table outside a scroll region must fit its container.
        const parent = t.parentElement ?? (t.getRootNode() as ShadowRoot).host;
        if (t.getBoundingClientRect().width > parent.getBoundingClientRect().width + 1) loose.push(name);
        continue;
      }
      const wide = region.scrollWidth > region.clientWidth + 1;
      const tall = region.scrollHeight > region.clientHeight + 1;
      if (!wide && !tall) continue;
      const id = out.length;
      region.dataset['regionCheck'] = String(id);
      region.scrollTop = region.scrollHeight;
      region.scrollLeft = region.scrollWidth;
      await frame();
      const box = region.getBoundingClientRect();
      const head = t.tHead?.getBoundingClientRect();
      const lastRow = t.tBodies[t.tBodies.length - 1]?.rows;
      const firstCell = lastRow?.[lastRow.length - 1]?.cells[0]?.getBoundingClientRect();
      out.push({
        id,
        name,
        tabIndex: region.tabIndex,
        wide,
        headOk: head === undefined || (head.top >= box.top - 1 && head.bottom <= box.bottom + 1 && head.height > 0),
        firstColumnOk: firstCell === undefined || (firstCell.left >= box.left - 1 && firstCell.left < box.right),
      });
      region.scrollTop = 0;
      region.scrollLeft = 0;
    }
    return { pageOverflow: document.documentElement.scrollWidth - window.innerWidth, loose, regions: out };
  });
}

/** Reaches a region's last column from the keyboard: focus it (as Tab would), then ArrowRight until it stops moving. */
async function lastColumnByKeyboard(page: Page, id: number): Promise<boolean> {
  const region = page.locator(`[data-region-check="${id}"]`);
  await region.focus();
  // Keyboard scrolling is animated: after each press, wait (up to a second) for the box to move on.
  for (let i = 0; i < 200; i++) {
    const before = await region.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    const moved = await region.evaluate(
      (el, b) =>
        new Promise<boolean>((done) => {
          const start = performance.now();
          const tick = () => (el.scrollLeft > b ? done(true) : performance.now() - start > 1000 ? done(false) : requestAnimationFrame(tick));
          tick();
        }),
      before,
    );
    if (!moved) break;
  }
  return region.evaluate((el) => {
    const t = el.querySelector('table')!;
    const head = t.tHead?.rows[t.tHead.rows.length - 1] ?? t.rows[0]!;
    const last = head.cells[head.cells.length - 1]!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return last.right <= box.right + 1 && last.left >= box.left - 1;
  });
}

const PAGES: readonly [string, (p: Page) => Promise<void>][] = [
  ['Data', (p) => expect(p.getByRole('table', { name: 'Imported months' })).toBeVisible()],
  ['Overview', (p) => expect(p.getByRole('table', { name: 'Rows by crime type and month' })).toBeVisible()],
  ['Evidence', (p) => expect(p.getByRole('table', { name: 'Evidence by issue' }).getByRole('button').first()).toBeVisible()],
  ['Dashboard', (p) => expect(p.getByRole('table', { name: 'Performance dashboard' })).toBeVisible()],
  ['Community need', (p) => expect(p.getByRole('table', { name: 'Community need by area' })).toBeVisible()],
  ['Hot spots', (p) => expect(p.getByRole('table', { name: 'Hot spots' }).locator('tbody tr').first()).toBeVisible({ timeout: 90_000 })],
  ['Risk matrix', (p) => expect(p.getByRole('table', { name: /^Scores: / })).toBeVisible()],
  ['Priorities', (p) => expect(p.getByRole('table', { name: 'Ranked priorities' })).toBeVisible()],
  ['Sensitivity', (p) => expect(p.getByTestId('basis')).toBeVisible()],
  ['Report', (p) => expect(p.getByRole('table', { name: 'Ranked priorities' })).toBeVisible()],
];

test('at 1366×768 every table keeps its headings in view when scrolled and every column is reachable by keyboard', async ({ page }) => {
  test.setTimeout(300_000);
  await openWithSample(page);
  let checked = 0;
  for (const [link, ready] of PAGES) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await ready(page);
    await page.waitForLoadState('networkidle');
    const found = await regions(page);
    expect(found.pageOverflow, `${link}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    expect(found.loose, `${link}: tables wider than their box, outside a scroll region`).toEqual([]);
    for (const r of found.regions) {
      const what = `${link}: “${r.name}”`;
      expect(r.tabIndex, `${what} scrolls but is not in the Tab order`).toBe(0);
      expect(r.headOk, `${what}: heading row out of view when scrolled`).toBe(true);
      expect(r.firstColumnOk, `${what}: first column out of view when scrolled`).toBe(true);
      if (r.wide) expect(await lastColumnByKeyboard(page, r.id), `${what}: last column not reachable by keyboard`).toBe(true);
      checked++;
    }
  }
  // The scoring grid, dashboard and need table at least scroll at this size.
  expect(checked).toBeGreaterThanOrEqual(3);
});

test('the scoring grid keeps the edited cell and its headings in view', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk matrix', exact: true }).click();
  const grid = page.getByRole('table', { name: /^Scores: / });
  const last = grid.getByRole('row').last();
  const lastCell = last.getByRole('textbox').last();
  await lastCell.focus();
  const visible = await lastCell.evaluate((input) => {
    const region = input.closest('[role="region"]')!.getBoundingClientRect();
    const cell = input.getBoundingClientRect();
    const table = input.closest('table')!;
    const head = table.tHead!.getBoundingClientRect();
    const rowHead = input.closest('tr')!.cells[0]!.getBoundingClientRect();
    const inside = (r: DOMRect) => r.top >= region.top - 1 && r.bottom <= region.bottom + 1 && r.left >= region.left - 1 && r.right <= region.right + 1;
    return { cell: inside(cell) && cell.top >= head.bottom - 1 && cell.left >= rowHead.right - 1, head: inside(head) || head.top >= region.top - 1, rowHead: inside(rowHead) };
  });
  expect(visible).toEqual({ cell: true, head: true, rowHead: true });
});
