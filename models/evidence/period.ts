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
  /** Rolling N months (default), or a fiscal year, fiscal quarter or calendar year; see {@link PeriodKind}. */
  kind: z.enum(['rolling', 'fiscal-year', 'fiscal-quarter', 'calendar-year']).optional(),
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
  /** The period's name when it is a named one ("Q3 2023/24 (Oct to Dec 2023)"). */
  name: z.string().optional(),
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
  const kind = choice.kind ?? 'rolling';
  if (kind !== 'rolling') {
    const anchor = choice.end ?? latestCompletePeriod(kind, stored)?.from ?? latest;
    const c = namedComparison(kind, anchor, stored);
    return {
      length: c.current.window.months.length,
      current: { ...c.current.window, name: c.current.label },
      previous: { ...c.previous.window, name: c.previous.label },
      latest: choice.end === null,
    };
  }
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
export const windowLabel = (w: Pick<Window, 'from' | 'to'> & { name?: string | undefined }): string =>
  w.name !== undefined ? w.name : w.from === w.to ? formatMonth(w.from) : `${formatMonth(w.from)} to ${formatMonth(w.to)}`;

/**
 * Named periods: fiscal years and quarters (April to March, as partnerships
 * report) and calendar years, beside the rolling N months above.
 */
export const PeriodKind = z.enum(['rolling', 'fiscal-year', 'fiscal-quarter', 'calendar-year']);
export type PeriodKind = z.infer<typeof PeriodKind>;

const yearOf = (m: Month): number => Number(m.slice(0, 4));
const moOf = (m: Month): number => Number(m.slice(5, 7));
const pad = (n: number): string => String(n).padStart(2, '0');

/** The year a fiscal year starts in. @example fiscalYearOf('2024-02') // 2023 */
export const fiscalYearOf = (m: Month): number => (moOf(m) >= 4 ? yearOf(m) : yearOf(m) - 1);

/** @example fiscalYearName(2023) // '2023/24' */
export const fiscalYearName = (start: number): string => `${start}/${pad((start + 1) % 100)}`;

/** Fiscal quarter 1-4 (Q1 April to June). @example fiscalQuarterOf('2023-10') // 3 */
export const fiscalQuarterOf = (m: Month): number => Math.floor(((moOf(m) + 8) % 12) / 3) + 1;

/** A named period: its kind, its months and its label. */
export const NamedPeriod = z.object({ kind: PeriodKind, from: z.string(), to: z.string(), label: z.string() });
export type NamedPeriod = z.infer<typeof NamedPeriod>;

/**
 * The named period of a kind that contains month `m`.
 *
 * @example namedPeriodOf('fiscal-quarter', '2023-11').label // 'Q3 2023/24 (Oct to Dec 2023)'
 * @example namedPeriodOf('fiscal-year', '2024-02').label // '2023/24 (Apr 2023 to Mar 2024)'
 */
export function namedPeriodOf(kind: Exclude<PeriodKind, 'rolling'>, m: Month): NamedPeriod {
  if (kind === 'calendar-year') {
    const y = yearOf(m);
    return { kind, from: `${y}-01`, to: `${y}-12`, label: `${y} (Jan to Dec ${y})` };
  }
  const fy = fiscalYearOf(m);
  if (kind === 'fiscal-year') {
    const from = `${fy}-04`;
    const to = `${fy + 1}-03`;
    return { kind, from, to, label: `${fiscalYearName(fy)} (${windowLabel({ from, to })})` };
  }
  const q = fiscalQuarterOf(m);
  const from = addMonths(`${fy}-04`, (q - 1) * 3);
  const to = addMonths(from, 2);
  const span = `${formatMonth(from).slice(0, 3)} to ${formatMonth(to)}`;
  return { kind, from, to, label: `Q${q} ${fiscalYearName(fy)} (${span})` };
}

/**
 * The latest named period of a kind whose months are all stored, or null.
 * A part-stored latest period is passed over: a fiscal year with three
 * months is not a fiscal year.
 *
 * @example latestCompletePeriod('fiscal-year', stored)?.label // '2022/23 (Apr 2022 to Mar 2023)'
 */
export function latestCompletePeriod(kind: Exclude<PeriodKind, 'rolling'>, storedMonths: Iterable<Month>): NamedPeriod | null {
  const stored = new Set(storedMonths);
  const sorted = [...stored].sort();
  for (let m = sorted.at(-1); m !== undefined && m >= sorted[0]!; ) {
    const p = namedPeriodOf(kind, m);
    if (monthRange(p.from, p.to).every((x) => stored.has(x))) return p;
    m = addMonths(p.from, -1);
  }
  return null;
}

/**
 * A named period against the one before it (a year against the year before;
 * a quarter against the same quarter a year earlier, so seasons match).
 *
 * @example namedComparison('fiscal-quarter', '2023-12', stored).previous.label // 'Q3 2022/23 (Oct to Dec 2022)'
 */
export function namedComparison(kind: Exclude<PeriodKind, 'rolling'>, m: Month, storedMonths: Iterable<Month>) {
  const stored = new Set(storedMonths);
  const current = namedPeriodOf(kind, m);
  const previous = namedPeriodOf(kind, addMonths(current.from, -12));
  return {
    current: { ...current, window: periodWindow(current.from, current.to, stored) },
    previous: { ...previous, window: periodWindow(previous.from, previous.to, stored) },
  };
}
