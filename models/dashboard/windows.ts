import { z } from 'zod';
import { ChangeEvidence, changeEvidence } from '../evidence/evidence';
import { periodWindow, type Window } from '../evidence/period';
import type { ChangeTestChoice } from '../evidence/overdispersion';
import { formatMonth } from '../format';
import { addMonths, type Month } from '../months';

/**
 * The latest quarter against the same quarter a year earlier (the Barnet
 * dashboard's "Recent Quarter … Change vs. previous yr."), with the same
 * change maths and test as the evidence (../evidence/evidence changeEvidence).
 */

export const QUARTER_MONTHS = 3;

/**
 * The three months to `end` and the same three months a year earlier.
 *
 * @example quarterWindows('2023-12', stored).previous // { from: '2022-10', to: '2022-12', … }
 */
export function quarterWindows(end: Month, stored: ReadonlySet<Month>): { current: Window; previous: Window } {
  const from = addMonths(end, -(QUARTER_MONTHS - 1));
  return { current: periodWindow(from, end, stored), previous: periodWindow(addMonths(from, -12), addMonths(end, -12), stored) };
}

export const WindowComparison = z.object({
  /** Count over the months of the window with data; null when none has data. */
  current: z.number().nullable(),
  previous: z.number().nullable(),
  /** Months with data in each window. */
  exposure: z.object({ current: z.number().int(), previous: z.number().int() }),
  change: ChangeEvidence.nullable(),
});
export type WindowComparison = z.infer<typeof WindowComparison>;

/**
 * Sums a monthly series over two windows (months with data only; a null
 * count is a month without data) and compares them.
 *
 * @example compareWindows(series, q.current, q.previous).change?.text // 'Up 12 (4%)'
 */
export function compareWindows(
  series: readonly { month: Month; count: number | null }[],
  current: Pick<Window, 'months'>,
  previous: Pick<Window, 'months'>,
  test: { dispersion: number | null; changeTest: ChangeTestChoice } = { dispersion: null, changeTest: 'exact-poisson' },
): WindowComparison {
  const byMonth = new Map(series.map((s) => [s.month, s.count]));
  const sum = (w: Pick<Window, 'months'>) => {
    const have = w.months.map((m) => byMonth.get(m) ?? null).filter((c): c is number => c !== null);
    return { total: have.length === 0 ? null : have.reduce((a, b) => a + b, 0), months: have.length };
  };
  const cur = sum(current);
  const prev = sum(previous);
  const exposure = { current: cur.months, previous: prev.months };
  const change = cur.total === null || prev.total === null ? null : changeEvidence(prev.total, cur.total, exposure, test.dispersion, test.changeTest);
  return { current: cur.total, previous: prev.total, exposure, change };
}

/** @example quarterLabel({ from: '2023-10', to: '2023-12' }) // 'Oct to Dec 2023' */
export function quarterLabel(w: Pick<Window, 'from' | 'to'>): string {
  const a = formatMonth(w.from);
  const b = formatMonth(w.to);
  return a.slice(4) === b.slice(4) ? `${a.slice(0, 3)} to ${b}` : `${a} to ${b}`;
}
