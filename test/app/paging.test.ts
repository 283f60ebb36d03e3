import { describe, expect, it } from 'vitest';
import { findRow, pageAt } from '../../src/app/paging';

// Expected pages worked by hand: page p of size s starts at p × s and ends at min(total, (p + 1) × s).
describe('pageAt', () => {
  it('gives the page that holds a row', () => {
    expect(pageAt(10_000, 0, 200)).toEqual({ offset: 0, end: 200, total: 10_000, size: 200, page: 0, pages: 50 });
    expect(pageAt(10_000, 4_321, 200)).toEqual({ offset: 4_200, end: 4_400, total: 10_000, size: 200, page: 21, pages: 50 });
    expect(pageAt(10_000, 9_999, 200)).toMatchObject({ offset: 9_800, end: 10_000, page: 49 });
  });

  it('is one page, the whole table, while every row fits', () => {
    expect(pageAt(32, 0, 200)).toEqual({ offset: 0, end: 32, total: 32, size: 200, page: 0, pages: 1 });
    expect(pageAt(200, 150, 200)).toMatchObject({ offset: 0, end: 200, pages: 1 });
    expect(pageAt(0, 0, 100)).toEqual({ offset: 0, end: 0, total: 0, size: 100, page: 0, pages: 1 });
  });

  it('keeps a short last page, and turns to it when the table shrinks under the row asked for', () => {
    expect(pageAt(3_001, 3_000, 100)).toMatchObject({ offset: 3_000, end: 3_001, page: 30, pages: 31 });
    expect(pageAt(250, 9_800, 200)).toMatchObject({ offset: 200, end: 250, page: 1, pages: 2 });
    expect(pageAt(250, -5, 200)).toMatchObject({ offset: 0, page: 0 });
  });

  it('refuses a page size below one', () => {
    expect(() => pageAt(10, 0, 0)).toThrow('invalid page size: 0');
  });
});

describe('findRow', () => {
  const labels = ['Burglary', 'Vehicle crime', 'Violent crime', 'constructor'];

  it('finds the first label holding the text, ignoring case and outer spaces', () => {
    expect(findRow(labels, ' CRIME ')).toBe(1);
    expect(findRow(labels, 'constructor')).toBe(3);
  });

  it('searches on from a row, wrapping round to the start', () => {
    expect(findRow(labels, 'crime', 2)).toBe(2);
    expect(findRow(labels, 'crime', 3)).toBe(1);
    expect(findRow(labels, 'burglary', 4)).toBe(0);
  });

  it('finds nothing for blank text or no match', () => {
    expect(findRow(labels, '  ')).toBe(-1);
    expect(findRow(labels, 'arson')).toBe(-1);
    expect(findRow([], 'x')).toBe(-1);
  });
});
