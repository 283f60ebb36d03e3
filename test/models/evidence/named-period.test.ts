import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createStreetFileParser, monthOfFileName } from '../../../models/police-uk/street-file';
import { decode } from '../../../models/police-uk/crime-batch';
import { fiscalQuarterOf, fiscalYearName, fiscalYearOf, latestCompletePeriod, namedComparison, namedPeriodOf } from '../../../models/evidence/period';
import { SAMPLE, countByType } from '../../e2e/sample-counts';

describe('named periods', () => {
  it('names fiscal years, fiscal quarters and calendar years', () => {
    expect(fiscalYearOf('2024-03')).toBe(2023);
    expect(fiscalYearOf('2024-04')).toBe(2024);
    expect(fiscalYearName(1999)).toBe('1999/00');
    expect(['2023-04', '2023-06', '2023-07', '2023-12', '2024-01', '2024-03'].map(fiscalQuarterOf)).toEqual([1, 1, 2, 3, 4, 4]);
    expect(namedPeriodOf('fiscal-quarter', '2023-11')).toEqual({ kind: 'fiscal-quarter', from: '2023-10', to: '2023-12', label: 'Q3 2023/24 (Oct to Dec 2023)' });
    expect(namedPeriodOf('fiscal-quarter', '2024-02').label).toBe('Q4 2023/24 (Jan to Mar 2024)');
    expect(namedPeriodOf('fiscal-year', '2024-02').label).toBe('2023/24 (Apr 2023 to Mar 2024)');
    expect(namedPeriodOf('calendar-year', '2022-07').label).toBe('2022 (Jan to Dec 2022)');
  });

  it('takes the latest period whose months are all stored', () => {
    const stored = ['2022-03', '2022-04', '2022-05', '2022-06', '2022-07'];
    expect(latestCompletePeriod('fiscal-quarter', stored)?.label).toBe('Q1 2022/23 (Apr to Jun 2022)');
    expect(latestCompletePeriod('fiscal-year', stored)).toBeNull();
    expect(latestCompletePeriod('calendar-year', [])).toBeNull();
  });

  it('compares a quarter with the same quarter a year earlier and names missing months', () => {
    const c = namedComparison('fiscal-quarter', '2023-12', ['2022-10', '2022-12', '2023-10', '2023-11', '2023-12']);
    expect(c.previous.label).toBe('Q3 2022/23 (Oct to Dec 2022)');
    expect(c.previous.window.missing).toEqual(['2022-11']);
    expect(namedComparison('fiscal-year', '2023-05', []).previous.label).toBe('2022/23 (Apr 2022 to Mar 2023)');
  });
});

/**
 * The app's reader (createStreetFileParser) counts the sample's months; the
 * reference is sample-counts.ts, a separate gunzip + d3-dsv parse that
 * filters rows by the month text, knowing nothing of fiscal periods.
 */
describe('named periods on the Luton sample', () => {
  const files = readdirSync(`${SAMPLE}police-uk`).filter((f) => f.endsWith('.csv.gz'));
  const perMonth = new Map<string, number>();
  for (const f of files) {
    const month = monthOfFileName(f)!;
    const p = createStreetFileParser({ month });
    p.push(gunzipSync(readFileSync(`${SAMPLE}police-uk/${f}`)).toString('utf8'));
    const r = p.end();
    if (!r.ok) throw new Error(`${f}: ${r.reason}`);
    const names = r.batches.flatMap((b) => decode(b.batch.lsoaName));
    perMonth.set(month, names.filter((x) => /^Luton \d{3}[A-Z]$/.test(x)).length);
  }
  const months = [...perMonth.keys()];
  const total = (ms: readonly string[]) => ms.reduce((a, m) => a + (perMonth.get(m) ?? 0), 0);
  const reference = (from: string, to: string) => [...countByType(from, to).values()].reduce((a, b) => a + b, 0);

  it.each(['fiscal-year', 'fiscal-quarter', 'calendar-year'] as const)('%s counts equal an independent count', (kind) => {
    const latest = latestCompletePeriod(kind, months)!;
    const c = namedComparison(kind, latest.from, months);
    expect(c.current.window.missing).toEqual([]);
    for (const p of [c.current, c.previous]) {
      expect(total(p.window.stored)).toBe(reference(p.from, p.to));
      expect(reference(p.from, p.to)).toBeGreaterThan(0);
    }
  });

  it('finds 2022/23 as the latest complete fiscal year and Q3 2023/24 as the latest quarter', () => {
    expect(latestCompletePeriod('fiscal-year', months)?.label).toBe('2022/23 (Apr 2022 to Mar 2023)');
    expect(latestCompletePeriod('fiscal-quarter', months)?.label).toBe('Q3 2023/24 (Oct to Dec 2023)');
  });
});

describe('assessmentPeriod with a named kind', () => {
  it('takes the latest complete fiscal year and names both periods', async () => {
    const { assessmentPeriod, windowLabel } = await import('../../../models/evidence/period');
    const stored = Array.from({ length: 30 }, (_, i) => `${2021 + Math.floor((i + 4) / 12)}-${String(((i + 4) % 12) + 1).padStart(2, '0')}`);
    const p = assessmentPeriod(stored, { end: null, months: 12, kind: 'fiscal-year' })!;
    expect(windowLabel(p.current)).toBe('2022/23 (Apr 2022 to Mar 2023)');
    expect(windowLabel(p.previous)).toBe('2021/22 (Apr 2021 to Mar 2022)');
    expect(p.previous.missing).toEqual(['2021-04']);
    expect(p.length).toBe(12);
  });
});

describe('fiscalQuarterWindows', () => {
  it('ends on the last complete fiscal quarter and names it', async () => {
    const { fiscalQuarterWindows, quarterLabel } = await import('../../../models/dashboard/windows');
    const q = fiscalQuarterWindows('2024-01', new Set(['2023-10', '2023-11', '2023-12']));
    expect(quarterLabel(q.current)).toBe('Q3 2023/24 (Oct to Dec 2023)');
    expect(quarterLabel(q.previous)).toBe('Q3 2022/23 (Oct to Dec 2022)');
    expect(q.previous.missing).toHaveLength(3);
    expect(fiscalQuarterWindows('2023-12', new Set()).current.from).toBe('2023-10');
  });
});
