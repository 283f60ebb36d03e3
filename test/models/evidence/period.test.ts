import { describe, expect, it } from 'vitest';
import { assessmentPeriod, windowLabel } from '../../../models/evidence/period';
import { monthRange } from '../../../models/months';

const luton = monthRange('2021-05', '2023-12');

describe('assessmentPeriod', () => {
  it('defaults to the latest 12 stored months against the 12 before', () => {
    const p = assessmentPeriod(luton)!;
    expect(p.latest).toBe(true);
    expect(p.current).toMatchObject({ from: '2023-01', to: '2023-12', missing: [] });
    expect(p.current.months).toHaveLength(12);
    expect(p.previous).toMatchObject({ from: '2022-01', to: '2022-12', missing: [] });
  });

  it('ends where the analyst chooses, and names months not stored', () => {
    const p = assessmentPeriod(luton, { end: '2022-06', months: 12 })!;
    expect(p.current).toMatchObject({ from: '2021-07', to: '2022-06', missing: [] });
    expect(p.previous).toMatchObject({ from: '2020-07', to: '2021-06' });
    expect(p.previous.stored).toEqual(['2021-05', '2021-06']);
    expect(p.previous.missing).toHaveLength(10);
  });

  it('treats a month that is not stored as a gap', () => {
    const p = assessmentPeriod(luton.filter((m) => m !== '2023-03'))!;
    expect(p.current.missing).toEqual(['2023-03']);
    expect(p.current.stored).toHaveLength(11);
  });

  it('supports other lengths, and nothing stored gives no period', () => {
    expect(assessmentPeriod(luton, { end: null, months: 3 })!.previous).toMatchObject({ from: '2023-07', to: '2023-09' });
    expect(assessmentPeriod([])).toBeNull();
  });

  it('labels windows', () => {
    expect(windowLabel({ from: '2023-01', to: '2023-12' })).toBe('Jan 2023 to Dec 2023');
    expect(windowLabel({ from: '2023-01', to: '2023-01' })).toBe('Jan 2023');
  });
});
