/** One page of a long table: the rows shown and where they sit in the whole. */
export interface PageWindow {
  /** Index of the first row shown (0-based; a multiple of the page size). */
  offset: number;
  /** Index after the last row shown. */
  end: number;
  /** How many rows there are in all. */
  total: number;
  size: number;
  /** 0-based number of this page, and how many pages there are (at least 1). */
  page: number;
  pages: number;
}

/**
 * The page that holds row `at` of `total` rows in pages of `size`: a row past
 * the end gives the last page, so a table that shrinks still shows rows.
 *
 * @example pageAt(10_000, 9_999, 200) // { offset: 9800, end: 10000, page: 49, pages: 50, … }
 */
export function pageAt(total: number, at: number, size: number): PageWindow {
  if (!(size >= 1)) throw new Error(`invalid page size: ${size}`);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pages - 1, Math.max(0, Math.floor(at / size)));
  const offset = page * size;
  return { offset, end: Math.min(total, offset + size), total, size, page, pages };
}

/**
 * The first row at or after `from` (wrapping round) whose label holds `text`,
 * ignoring case and spaces at either end; -1 when none does or `text` is blank.
 *
 * @example findRow(['Burglary', 'Vehicle crime'], 'crime') // 1
 */
export function findRow(labels: readonly string[], text: string, from = 0): number {
  const want = text.trim().toLocaleLowerCase('en-GB');
  if (want === '' || labels.length === 0) return -1;
  const n = labels.length;
  const start = ((from % n) + n) % n;
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (labels[i]!.toLocaleLowerCase('en-GB').includes(want)) return i;
  }
  return -1;
}
