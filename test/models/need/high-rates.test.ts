import { describe, expect, it } from 'vitest';
import type { IndicatorColumn, IndicatorTable } from '../../../models/need/indicators';
import { HIGH_RATE_Z, highRateWarning, needMatrix } from '../../../models/need/matrix';
import { DEFAULT_SETTINGS } from '../../../models/need/schema';

/** A table of `n` areas: one crime rate and one user indicator, each 10 everywhere but 100 in the first area. */
function table(n: number): { table: IndicatorTable; areas: { code: string; name: string }[] } {
  const areas = Array.from({ length: n }, (_, i) => ({ code: `E05${String(i).padStart(6, '0')}`, name: i === 0 ? 'Central' : `Ward ${i}` }));
  const spike = () => Float64Array.from(areas, (_, i) => (i === 0 ? 100 : 10));
  const column = (id: string, group: IndicatorColumn['group'], unit: IndicatorColumn['unit']): IndicatorColumn => ({
    id,
    label: id,
    group,
    unit,
    direction: 'higher',
    description: '',
    values: spike(),
    partnership: 10,
  });
  return {
    areas,
    table: {
      level: 'ward',
      population: new Float64Array(n).fill(5000),
      estimated: new Uint8Array(n),
      indicators: [column('crime:all', 'crime', 'rate'), column('user:Clubs', 'user', 'value')],
    },
  };
}

const settings = (method: 'zscore' | 'percentile') => ({
  ...DEFAULT_SETTINGS,
  method,
  indicators: [
    { id: 'crime:all', direction: 'higher' as const, weight: 1 },
    { id: 'user:Clubs', direction: 'higher' as const, weight: 1 },
  ],
});

describe('crime rates far above the rest', () => {
  // Hand-worked: one value of 100 among n − 1 values of 10 has mean 10 + 90/n and population
  // standard deviation 90·√(n − 1)/n, so its z-score is √(n − 1): √11 = 3.3166 for 12 areas, exactly 3 for 10.
  it('warns on an area whose crime-rate z-score is above 3, whatever the standardisation', () => {
    const { table: t, areas } = table(12);
    for (const method of ['zscore', 'percentile'] as const) {
      const m = needMatrix(t, areas, settings(method));
      const central = m.areas.find((a) => a.name === 'Central')!;
      expect(central.highRates).toHaveLength(1);
      expect(central.highRates[0]!.label).toBe('crime:all');
      expect(central.highRates[0]!.z).toBeCloseTo(Math.sqrt(11), 12);
      // Only crime rates: the user indicator with the same spike is not flagged, nor any other area.
      expect(m.areas.filter((a) => a.highRates.length > 0).map((a) => a.name)).toEqual(['Central']);
    }
  });

  it('does not warn at exactly 3 standard deviations', () => {
    const { table: t, areas } = table(10);
    const m = needMatrix(t, areas, settings('zscore'));
    expect(HIGH_RATE_Z).toBe(3);
    expect(m.areas.every((a) => a.highRates.length === 0)).toBe(true);
  });

  it('does not warn on a crime rate left out of the matrix (weight 0)', () => {
    const { table: t, areas } = table(12);
    const m = needMatrix(t, areas, {
      ...settings('zscore'),
      indicators: [
        { id: 'crime:all', direction: 'higher', weight: 0 },
        { id: 'user:Clubs', direction: 'higher', weight: 1 },
      ],
    });
    expect(m.areas.every((a) => a.highRates.length === 0)).toBe(true);
  });

  it('says in plain words why resident population is a poor denominator', () => {
    const text = highRateWarning([{ label: 'All crime (excluding ASB), rate', z: 3.94 }]);
    expect(text).toContain('All crime (excluding ASB), rate (3.9 standard deviations above the average area)');
    expect(text).toMatch(/Resident population is a poor denominator here: town centres, stations and shopping centres/);
  });
});
