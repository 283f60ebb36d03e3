import { describe, expect, it } from 'vitest';
import { seasonalProfile } from '../../models/evidence/seasonality';
import { monthRange } from '../../models/months';
import { seasonalDescription, seasonalSparkline, trendDescription, trendSparkline } from '../../src/charts/sparklines';

const series = monthRange('2022-01', '2023-12').map((month, i) => ({ month, count: month === '2023-03' ? null : 10 + i }));

describe('trendSparkline', () => {
  it('draws every month and the current period, describing the series in words', () => {
    const o = trendSparkline(series, monthRange('2023-01', '2023-12'));
    expect(o.x).toMatchObject({ type: 'point', domain: series.map((s) => s.month), axis: null });
    expect(o.marks).toHaveLength(2);
    expect(o.ariaLabel).toBe('Monthly counts Jan 2022 to Dec 2023: lowest 10 (Jan 2022), highest 33 (Dec 2023), latest 33; 1 month not stored');
  });

  it('says when there is nothing to draw', () => {
    expect(trendDescription([])).toBe('No months with data');
  });
});

describe('seasonalSparkline', () => {
  it('draws twelve bars against an average of 100', () => {
    const s = seasonalProfile(monthRange('2022-01', '2023-12').map((month) => ({ month, count: month.endsWith('-12') ? 24 : 12 })))!;
    const o = seasonalSparkline(s);
    expect(o.x).toMatchObject({ type: 'band', domain: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(o.marks).toHaveLength(2);
    expect(seasonalDescription(s)).toBe(
      'Seasonal index by calendar month (100 = average month): highest December (185), lowest January (92), February (92), March (92), April (92), May (92), June (92), July (92), August (92), September (92), October (92), November (92)',
    );
  });
});
