import { z } from 'zod';
import { addMonths, monthRange, type Month } from '../months';
import { isMonth } from '../police-uk/street-row';
import { formatMonth } from '../format';

/**
 * The assessment period: the latest N complete months against the N before.
 *
 * "Complete" means stored. police.uk publishes whole months, one file per
 * force-month, so a stored month is taken as complete, including the latest
 * one. A month missing from storage is a gap: figures count the months that
 * are stored, name the missing ones, and compare the periods per stored month
 * (see {@link ./change}).
 */

export const MonthString = z.string().refine(isMonth, { error: (i) => `a month is written YYYY-MM, found "${String(i.input)}"` });

/** What the analyst chose: the last month of the period (default: the latest stored) and its length. */
export const PeriodChoice = z.object({
  end: MonthString.nullable(),
  months: z.number().int().min(1).max(36),
});
export type PeriodChoice = z.infer<typeof PeriodChoice>;

export const DEFAULT_PERIOD: PeriodChoice = { end: null, months: 12 };

export const Window = z.object({
  from: z.string(),
  to: z.string(),
  /** Every month of the window, in order. */
  months: z.array(z.string()),
  /** Months of the window that are stored. */
  stored: z.array(z.string()),
  /** Months of the window that are not stored. */
  missing: z.array(z.string()),
});
export type Window = z.infer<typeof Window>;

export const Period = z.object({
  length: z.number().int(),
  current: Window,
  previous: Window,
  /** True when the end month was chosen by default (the latest stored month). */
  latest: z.boolean(),
});
export type Period = z.infer<typeof Period>;

/**
 * The months from `from` to `to`, split into stored and missing.
 *
 * @example periodWindow('2023-10', '2023-12', new Set(['2023-10', '2023-12'])).missing // ['2023-11']
 */
export function periodWindow(from: Month, to: Month, stored: ReadonlySet<Month>): Window {
  const months = monthRange(from, to);
  return { from, to, months, stored: months.filter((m) => stored.has(m)), missing: months.filter((m) => !stored.has(m)) };
}

/**
 * The period to assess given the stored months, or null when nothing is stored.
 *
 * @example assessmentPeriod(['2022-01', …, '2023-12'], DEFAULT_PERIOD).current // { from: '2023-01', to: '2023-12', … }
 */
export function assessmentPeriod(storedMonths: Iterable<Month>, choice: PeriodChoice = DEFAULT_PERIOD): Period | null {
  const stored = new Set(storedMonths);
  if (stored.size === 0) return null;
  const latest = [...stored].sort().at(-1)!;
  const end = choice.end ?? latest;
  const n = choice.months;
  const currentFrom = addMonths(end, -(n - 1));
  return {
    length: n,
    current: periodWindow(currentFrom, end, stored),
    previous: periodWindow(addMonths(currentFrom, -n), addMonths(currentFrom, -1), stored),
    latest: choice.end === null,
  };
}

/** @example windowLabel({ from: '2023-01', to: '2023-12' }) // 'Jan 2023 to Dec 2023' */
export const windowLabel = (w: Pick<Window, 'from' | 'to'>): string =>
  w.from === w.to ? formatMonth(w.from) : `${formatMonth(w.from)} to ${formatMonth(w.to)}`;
