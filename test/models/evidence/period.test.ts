import { describe, expect, it } from 'vitest';
import { assessmentPeriod, partialPeriodText, PeriodChoice, periodBounds, periodOptions, windowLabel } from '../../../models/evidence/period';
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

describe('named periods (issue 11)', () => {
  it('finds financial years, financial quarters, calendar years and quarters', () => {
    expect(periodBounds('fiscal-year', '2024-02')).toEqual({ from: '2023-04', to: '2024-03', name: '2023/24' });
    expect(periodBounds('fiscal-year', '2023-04')).toEqual({ from: '2023-04', to: '2024-03', name: '2023/24' });
    expect(periodBounds('fiscal-year', '2000-03')).toEqual({ from: '1999-04', to: '2000-03', name: '1999/00' });
    expect(periodBounds('fiscal-quarter', '2023-04')).toMatchObject({ from: '2023-04', to: '2023-06', name: 'Q1 2023/24' });
    expect(periodBounds('fiscal-quarter', '2023-11')).toMatchObject({ from: '2023-10', to: '2023-12', name: 'Q3 2023/24' });
    expect(periodBounds('fiscal-quarter', '2024-03')).toMatchObject({ from: '2024-01', to: '2024-03', name: 'Q4 2023/24' });
    expect(periodBounds('calendar-year', '2023-07')).toEqual({ from: '2023-01', to: '2023-12', name: '2023' });
    expect(periodBounds('calendar-quarter', '2023-12')).toEqual({ from: '2023-10', to: '2023-12', name: 'Q4 2023' });
    // Every month of a year falls in exactly one quarter of it, in order.
    const quarters = monthRange('2023-04', '2024-03').map((m) => periodBounds('fiscal-quarter', m).name);
    expect([...new Set(quarters)]).toEqual(['Q1 2023/24', 'Q2 2023/24', 'Q3 2023/24', 'Q4 2023/24']);
  });

  it('compares a financial quarter with the same quarter a year earlier, named in full', () => {
    const p = assessmentPeriod(luton, { end: '2023-11', months: 12, kind: 'fiscal-quarter' })!;
    expect(p).toMatchObject({ kind: 'fiscal-quarter', name: 'Q3 2023/24', length: 3, notYet: [], latest: false });
    expect(p.current).toMatchObject({ from: '2023-10', to: '2023-12', missing: [], name: 'Q3 2023/24 (Oct to Dec 2023)' });
    expect(p.previous).toMatchObject({ from: '2022-10', to: '2022-12', name: 'Q3 2022/23 (Oct to Dec 2022)' });
    expect(windowLabel(p.current)).toBe('Q3 2023/24 (Oct to Dec 2023)');
    expect(partialPeriodText(p)).toBeNull();
  });

  it('compares a whole financial year with the year before', () => {
    const p = assessmentPeriod(luton, { end: '2022-07', months: 12, kind: 'fiscal-year' })!;
    expect(p.current).toMatchObject({ from: '2022-04', to: '2023-03', name: '2022/23 (Apr 2022 to Mar 2023)', missing: [] });
    expect(p.current.months).toHaveLength(12);
    // The sample starts in May 2021: April 2021 is a gap in 2021/22, named as rolling periods name theirs.
    expect(p.previous).toMatchObject({ from: '2021-04', to: '2022-03', name: '2021/22 (Apr 2021 to Mar 2022)', missing: ['2021-04'] });
  });

  it('counts a year not yet over to date, against the same months a year earlier, and says so', () => {
    const p = assessmentPeriod(luton, { end: null, months: 12, kind: 'fiscal-year' })!;
    expect(p).toMatchObject({ name: '2023/24', length: 12, notYet: ['2024-01', '2024-02', '2024-03'], latest: true });
    expect(p.current).toMatchObject({ from: '2023-04', to: '2023-12', missing: [], name: '2023/24 to date (Apr 2023 to Dec 2023)' });
    expect(p.previous).toMatchObject({ from: '2022-04', to: '2022-12', missing: [], name: '2022/23 to the same point (Apr 2022 to Dec 2022)' });
    expect(partialPeriodText(p)).toBe(
      '2023/24 is not complete: the latest stored month is Dec 2023, so 9 of its 12 months can be counted; Jan to Mar 2024 are not stored yet. Figures are for 2023/24 to date (Apr 2023 to Dec 2023), compared with 2022/23 to the same point (Apr 2022 to Dec 2022).',
    );
    const cal = assessmentPeriod(monthRange('2022-01', '2024-02'), { end: null, months: 12, kind: 'calendar-year' })!;
    expect(cal.current).toMatchObject({ from: '2024-01', to: '2024-02', name: '2024 to date (Jan 2024 to Feb 2024)' });
    expect(cal.previous).toMatchObject({ from: '2023-01', to: '2023-02' });
  });

  it('keeps rolling periods as they were, and reads set-ups stored without a kind', () => {
    expect(assessmentPeriod(luton, { end: null, months: 12, kind: 'rolling' })).toEqual(assessmentPeriod(luton, { end: null, months: 12 }));
    expect(PeriodChoice.parse({ end: null, months: 12 })).toEqual({ end: null, months: 12 });
    expect(() => PeriodChoice.parse({ end: null, months: 12, kind: 'school-year' })).toThrow();
  });

  it('offers each period holding stored months, newest first, chosen by its last stored month', () => {
    expect(periodOptions('fiscal-year', luton).map((o) => [o.name, o.end])).toEqual([
      ['2023/24', '2023-12'],
      ['2022/23', '2023-03'],
      ['2021/22', '2022-03'],
    ]);
    expect(periodOptions('fiscal-quarter', luton)).toHaveLength(11);
  });
});
