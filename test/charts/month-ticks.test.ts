import { describe, expect, it } from 'vitest';
import { monthRange } from '../../models/months';
import { monthTicks } from '../../src/charts/month-ticks';

describe('monthTicks', () => {
  it('spaces 32 months so that no two labels are closer than 70 px', () => {
    const months = monthRange('2021-05', '2023-12');
    const ticks = monthTicks(months, 884);
    expect(ticks).toEqual(['2021-07', '2021-10', '2022-01', '2022-04', '2022-07', '2022-10', '2023-01', '2023-04', '2023-07', '2023-10']);
    const at = ticks.map((t) => months.indexOf(t));
    const px = 884 / months.length;
    for (let i = 1; i < at.length; i++) expect((at[i]! - at[i - 1]!) * px).toBeGreaterThanOrEqual(70);
  });

  it('labels every month when there is room, and every year when there is little', () => {
    expect(monthTicks(monthRange('2023-01', '2023-06'), 884)).toHaveLength(6);
    expect(monthTicks(monthRange('2014-01', '2023-12'), 884)).toEqual(monthRange('2014-01', '2023-12').filter((m) => m.endsWith('-01')));
  });
});
