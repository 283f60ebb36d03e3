import { describe, expect, it } from 'vitest';
import { concentration, topCount, topLsoas } from '../../../models/evidence/concentration';

describe('topCount', () => {
  it('is a tenth of the LSOAs, rounded up', () => {
    expect(topCount(125)).toBe(13);
    expect(topCount(120)).toBe(12);
    expect(topCount(121)).toBe(13);
    expect(topCount(5)).toBe(1);
    expect(topCount(0)).toBe(0);
  });
});

describe('concentration', () => {
  it('is the share of the volume in the busiest tenth of LSOAs', () => {
    const counts = new Map([
      ['E01000003', 5],
      ['E01000001', 30],
      ['E01000002', 10],
    ]);
    // 11 LSOAs → the top 2: 30 + 10 of 45.
    expect(concentration(counts, 11)).toEqual({ share: 40 / 45, top: 2, lsoas: 11, inTop: 40, total: 45 });
    expect(concentration(new Map(), 11)).toBeNull();
  });

  it('lists the top LSOAs busiest first, ties by code', () => {
    const counts = new Map([
      ['E01000009', 4],
      ['E01000002', 4],
      ['E01000005', 9],
      ['E01000001', 0],
    ]);
    expect(topLsoas(counts, 20)).toEqual([
      { code: 'E01000005', count: 9 },
      { code: 'E01000002', count: 4 },
    ]);
  });
});
