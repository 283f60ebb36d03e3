import { describe, expect, it } from 'vitest';
import { classifyCell, DEFAULT_CLASSIFY, recentPeriods } from '../../../models/hotspots/classify';
import { mannKendall } from '../../../models/hotspots/mann-kendall';

// Series of 10 months; with the defaults the last 2 are recent and a class needs 10% of months.
const hot = (s: string) => [...s].map((c) => c === 'H');
const flat = (n: number, v = 3) => new Array<number>(n).fill(v);

describe('classifyCell', () => {
  it('finds a persistent hot spot: hot in at least 80% of months, no trend', () => {
    expect(classifyCell(hot('HHHH.HHHH.'), [3, 4, 3, 4, 1, 4, 3, 4, 3, 1], DEFAULT_CLASSIFY)).toBe('persistent');
  });
  it('finds an intensifying hot spot: persistent and z rising', () => {
    expect(classifyCell(hot('HHHHHHHHHH'), [2, 2.2, 2.5, 2.9, 3.1, 3.6, 3.8, 4.1, 4.5, 5], DEFAULT_CLASSIFY)).toBe('intensifying');
  });
  it('finds a diminishing hot spot: persistent and z falling', () => {
    expect(classifyCell(hot('HHHHHHHHHH'), [5, 4.5, 4.1, 3.8, 3.6, 3.1, 2.9, 2.5, 2.2, 2], DEFAULT_CLASSIFY)).toBe('diminishing');
  });
  it('finds an emerging hot spot: never hot before the recent months, hot in them', () => {
    expect(classifyCell(hot('.........H'), flat(10), DEFAULT_CLASSIFY)).toBe('emerging');
    expect(classifyCell(hot('........HH'), flat(10), DEFAULT_CLASSIFY)).toBe('emerging');
  });
  it('finds a former hot spot: hot before, not in the recent months', () => {
    expect(classifyCell(hot('HH........'), flat(10), DEFAULT_CLASSIFY)).toBe('former');
  });
  it('finds an intermittent hot spot: hot both before and recently, below 80%', () => {
    expect(classifyCell(hot('H..H.....H'), flat(10), DEFAULT_CLASSIFY)).toBe('intermittent');
  });
  it('finds no pattern in a cell never significantly hot', () => {
    expect(classifyCell(hot('..........'), flat(10), DEFAULT_CLASSIFY)).toBe('none');
  });
  it('needs two periods', () => {
    expect(() => recentPeriods(1, 0.2)).toThrow(/at least 2 periods/);
    expect(recentPeriods(12, 0.2)).toBe(2);
    expect(recentPeriods(3, 0.2)).toBe(1);
  });
});

describe('mannKendall', () => {
  it('matches a hand-worked series with a tie', () => {
    // x = 1, 3, 2, 2, 5 (by hand): pairs i<j, sign(xj − xi):
    // from 1: +,+,+,+ (4); from 3: −,−,+ (−1); from 2: 0,+ (1); from 2: + (1) → S = 5.
    // Var S = [5·4·15 − 2·1·9] ÷ 18 = (300 − 18) ÷ 18 = 15.667; z = (5 − 1) ÷ √15.667 = 1.0106.
    const r = mannKendall([1, 3, 2, 2, 5]);
    expect(r.s).toBe(5);
    expect(r.z).toBeCloseTo(4 / Math.sqrt(282 / 18), 10);
  });
});
