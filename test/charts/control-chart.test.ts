import { describe, expect, it } from 'vitest';
import { monthlyExceptions } from '../../models/dashboard/exceptions';
import { monthRange } from '../../models/months';
import { controlChart } from '../../src/charts/control-chart';

describe('controlChart', () => {
  const months = monthRange('2022-01', '2023-12');
  const counts = months.map((_, i) => 100 + [0, 4, -2, 2, -3, 1][i % 6]!);
  counts[20] = 170;
  const checks = monthlyExceptions(months.map((month, i) => ({ month, count: counts[i]! })));

  it('draws the band and centre line for judged months only, the counts, and marks the exceptions', () => {
    const o = controlChart(checks, 'Burglary, monthly counts');
    expect(o.ariaLabel).toBe('Burglary, monthly counts');
    const marks = o.marks as { data?: unknown[]; ariaLabel?: string }[];
    const lengths = marks.map((m) => (m.data as unknown[] | undefined)?.length);
    // band, centre line (judged months: 24 − 12, plus the point closing the last month's step), count line, dots, flagged dots, ▲ text, ▼ text, tip
    expect(lengths).toEqual([13, 13, 24, 24, 1, 1, 0, 24]);
  });

  it('leaves half a month of room at each end so the last month is not clipped', () => {
    const o = controlChart(checks, 'Burglary, monthly counts');
    const [from, to] = (o.x as { domain: Date[] }).domain;
    expect(from!.getTime()).toBeLessThan(Date.UTC(2022, 0, 1));
    expect(to!.getTime()).toBeGreaterThan(Date.UTC(2023, 11, 1) + 14 * 86_400_000);
  });
});
