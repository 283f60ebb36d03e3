import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { controlLimits, DEFAULT_EXCEPTION_SETTINGS, exceptionMethodWords, ExceptionSettings, monthlyExceptions } from '../../../models/dashboard/exceptions';
import { monthRange } from '../../../models/months';

const MONTHS = monthRange('2021-01', '2023-12');
const series = (counts: readonly (number | null)[]) => counts.map((count, i) => ({ month: MONTHS[i]!, count }));
/** A steady series with small month-to-month wobble: 100, 104, 98, 102, … */
const steady = (n: number) => Array.from({ length: n }, (_, i) => 100 + [0, 4, -2, 2, -3, 1][i % 6]!);

describe('controlLimits', () => {
  it('XmR: median ± 3.145 × median moving range', () => {
    expect(controlLimits([10, 12, 11, 13], 'xmr')).toEqual({ centre: 11.5, lower: 11.5 - 3.145 * 2, upper: 11.5 + 3.145 * 2 });
  });

  it('XmR: one past spike neither moves the centre nor widens the limits', () => {
    const base = [50, 52, 49, 51, 48, 50, 50, 52, 49, 51, 48, 500, 50];
    const l = controlLimits(base, 'xmr')!;
    expect(l.centre).toBe(50);
    // Moving ranges 0, 2×5, 3×4, 450, 452: the median is 2.5 (it would be 2 without the spike), where a mean would be 40.
    expect(l.upper).toBeCloseTo(50 + 3.145 * 2.5, 12);
  });

  it('XmR: a month without data breaks the moving ranges', () => {
    expect(controlLimits([10, null, 20, 22], 'xmr')).toEqual({ centre: 20, lower: 20 - 3.145 * 2, upper: 20 + 3.145 * 2 });
  });

  it('c-chart: mean ± 3√mean, lower limit not below zero', () => {
    expect(controlLimits([100, 100, 100, 100], 'poisson')).toEqual({ centre: 100, lower: 70, upper: 130 });
    expect(controlLimits([1, 2, 0, 1], 'poisson')!.lower).toBe(0);
    expect(controlLimits([null, null], 'poisson')).toBeNull();
  });
});

describe('monthlyExceptions', () => {
  it('flags a known outlier high and nothing else in a steady series', () => {
    const counts = steady(36);
    counts[30] = 160;
    const checks = monthlyExceptions(series(counts));
    expect(checks.filter((c) => c.status === 'high').map((c) => c.month)).toEqual([MONTHS[30]]);
    expect(checks.filter((c) => c.status === 'low')).toEqual([]);
    expect(checks[30]!.limits!.upper).toBeLessThan(160);
    // The months after the spike keep tight limits: medians all but ignore it.
    expect(Math.abs(checks[33]!.limits!.centre - 100)).toBeLessThanOrEqual(1);
    expect(checks[33]!.limits!.upper).toBeLessThan(115);
  });

  it('flags a known low month', () => {
    const counts = steady(36);
    counts[35] = 40;
    const checks = monthlyExceptions(series(counts), { ...DEFAULT_EXCEPTION_SETTINGS, method: 'poisson' });
    expect(checks.filter((c) => c.status !== 'within' && c.status !== 'not-judged').map((c) => [c.month, c.status])).toEqual([['2023-12', 'low']]);
  });

  it('finds no exceptions in a flat series, by either method', () => {
    for (const method of ['xmr', 'poisson'] as const) {
      const checks = monthlyExceptions(series(Array<number>(36).fill(25)), { ...DEFAULT_EXCEPTION_SETTINGS, method });
      expect(
        checks.filter((c) => c.status === 'high' || c.status === 'low'),
        method,
      ).toEqual([]);
      expect(checks.filter((c) => c.status === 'within')).toHaveLength(36 - 12);
    }
  });

  it('does not judge a month until the minimum run of months before it has data, and never judges a month by itself', () => {
    const counts = steady(36);
    counts[5] = 500; // too early to be judged
    const checks = monthlyExceptions(series(counts));
    expect(checks.slice(0, 12).every((c) => c.status === 'not-judged')).toBe(true);
    expect(checks[12]).toMatchObject({ status: 'within', baseline: 12 });
    expect(checks[30]!.baseline).toBe(24);
  });

  it('skips months without data and counts only months with data towards the baseline', () => {
    const counts: (number | null)[] = steady(36);
    for (let i = 0; i < 6; i++) counts[i + 6] = null;
    const checks = monthlyExceptions(series(counts));
    expect(checks[8]!.status).toBe('no-data');
    // Month 18 has 18 months before it, 6 of them without data: 12, just enough.
    expect(checks[17]!.status).toBe('not-judged');
    expect(checks[18]).toMatchObject({ status: 'within', baseline: 12 });
  });

  it('validates its settings and says how it works', () => {
    expect(ExceptionSettings.safeParse({ method: 'xmr', baselineMonths: 12, minimumBaseline: 18 }).success).toBe(false);
    expect(exceptionMethodWords(DEFAULT_EXCEPTION_SETTINGS)).toMatch(/24 months before it \(at least 12 of them with data/);
  });
});

describe('monthlyExceptions on the Luton sample', () => {
  it('flags few months with XmR limits where a c-chart, assuming Poisson counts, flags half of them (anti-social behaviour)', () => {
    const dir = new URL('../../../sample-data/police-uk/', import.meta.url);
    const series = readdirSync(dir)
      .filter((f) => f.endsWith('.csv.gz'))
      .sort()
      .map((f) => ({
        month: f.slice(0, 7),
        count: csvParse(gunzipSync(readFileSync(new URL(f, dir))).toString('utf8')).filter((r) => /^Luton \d{3}[A-Z]$/.test(r['LSOA name'] ?? '') && r['Crime type'] === 'Anti-social behaviour')
          .length,
      }));
    const flagged = (method: 'xmr' | 'poisson') => {
      const checks = monthlyExceptions(series, { ...DEFAULT_EXCEPTION_SETTINGS, method });
      return [checks.filter((c) => c.status === 'high' || c.status === 'low').length, checks.filter((c) => c.status !== 'not-judged').length];
    };
    expect(flagged('xmr')).toEqual([1, 20]);
    expect(flagged('poisson')).toEqual([10, 20]);
  });
});
