import { describe, expect, it } from 'vitest';
import { seasonalProfile } from '../../../models/evidence/seasonality';
import { monthRange } from '../../../models/months';

describe('seasonalProfile', () => {
  it('indexes each calendar month’s mean against the average month', () => {
    // 2022 and 2023: July twice as busy as the other months.
    const series = monthRange('2022-01', '2023-12').map((month) => ({ month, count: month.endsWith('-07') ? 26 : 13 }));
    const s = seasonalProfile(series)!;
    const mean = (11 * 13 + 26) / 12;
    expect(s.byMonth[6]).toEqual({ monthOfYear: 7, mean: 26, months: 2, index: (100 * 26) / mean });
    expect(s.byMonth[0]!.index).toBeCloseTo((100 * 13) / mean, 12);
    expect(s.peak).toEqual([7]);
    expect(s.trough).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
  });

  it('uses means, so a calendar month seen in more years does not weigh more', () => {
    // May 2021 to Dec 2023: three Mays, two Januaries, all months equal → every index 100.
    const s = seasonalProfile(monthRange('2021-05', '2023-12').map((month) => ({ month, count: 10 })))!;
    expect(s.byMonth[4]!.months).toBe(3);
    expect(s.byMonth[0]!.months).toBe(2);
    expect(s.byMonth.every((m) => m.index === 100)).toBe(true);
  });

  it('needs every calendar month, and something to index', () => {
    expect(seasonalProfile(monthRange('2023-01', '2023-11').map((month) => ({ month, count: 5 })))).toBeNull();
    expect(seasonalProfile(monthRange('2023-01', '2023-12').map((month) => ({ month, count: 0 })))).toBeNull();
  });
});
