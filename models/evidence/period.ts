import { z } from 'zod';
import { addMonths, monthOfYear, monthRange, type Month } from '../months';
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

/**
 * Kinds of period: rolling months (the latest N against the N before), or a
 * named period against the same period a year earlier: a financial (fiscal)
 * year or quarter, April to March, a calendar year or quarter.
 */
export const PERIOD_KINDS = ['rolling', 'fiscal-year', 'fiscal-quarter', 'calendar-year', 'calendar-quarter'] as const;
export const PeriodKind = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKind>;
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  rolling: 'Rolling months, against the same number before',
  'fiscal-year': 'Financial year (April to March), against the year before',
  'fiscal-quarter': 'Financial quarter, against the same quarter a year earlier',
  'calendar-year': 'Calendar year, against the year before',
  'calendar-quarter': 'Calendar quarter, against the same quarter a year earlier',
};

/**
 * What the analyst chose: the last month of the period (default: the latest
 * stored) and its length, or, for a named kind, a month within the period
 * (its length is then the period's own). Absent kind: rolling, as set-ups
 * stored before named periods existed.
 */
export const PeriodChoice = z.object({
  end: MonthString.nullable(),
  months: z.number().int().min(1).max(36),
  kind: PeriodKind.optional(),
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
  /** The period's name, e.g. "2023/24 (Apr 2023 to Mar 2024)"; absent for rolling months. */
  name: z.string().optional(),
});
export type Window = z.infer<typeof Window>;

export const Period = z.object({
  length: z.number().int(),
  current: Window,
  previous: Window,
  /** True when the end month was chosen by default (the latest stored month). */
  latest: z.boolean(),
  /** Absent: rolling. */
  kind: PeriodKind.optional(),
  /** The named period in full, e.g. "2023/24", "Q3 2023/24"; absent for rolling months. */
  name: z.string().optional(),
  /** Months of the named period after the latest stored month: not yet published, so not counted. */
  notYet: z.array(z.string()).optional(),
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
  const kind = choice.kind ?? 'rolling';
  if (kind !== 'rolling') return namedPeriod(kind, end, latest, stored, choice.end === null);
  const n = choice.months;
  const currentFrom = addMonths(end, -(n - 1));
  return {
    length: n,
    current: periodWindow(currentFrom, end, stored),
    previous: periodWindow(addMonths(currentFrom, -n), addMonths(currentFrom, -1), stored),
    latest: choice.end === null,
  };
}

/**
 * A window's name when it has one, else its months.
 *
 * @example windowLabel({ from: '2023-01', to: '2023-12' }) // 'Jan 2023 to Dec 2023'
 * @example windowLabel({ from: '2023-04', to: '2024-03', name: '2023/24 (Apr 2023 to Mar 2024)' }) // '2023/24 (Apr 2023 to Mar 2024)'
 */
export const windowLabel = (w: Pick<Window, 'from' | 'to'> & { name?: string | undefined }): string => w.name ?? monthsLabel(w);

/** @example monthsLabel({ from: '2023-01', to: '2023-12' }) // 'Jan 2023 to Dec 2023' */
export const monthsLabel = (w: Pick<Window, 'from' | 'to'>): string => (w.from === w.to ? formatMonth(w.from) : `${formatMonth(w.from)} to ${formatMonth(w.to)}`);

/** Months within one year shortened: @example spanLabel('2023-10', '2023-12') // 'Oct to Dec 2023' */
export function spanLabel(from: Month, to: Month): string {
  const a = formatMonth(from);
  const b = formatMonth(to);
  if (from === to) return a;
  return a.slice(4) === b.slice(4) ? `${a.slice(0, 3)} to ${b}` : `${a} to ${b}`;
}

/** The financial year (April to March) a month falls in. @example fiscalYearName('2024-01') // '2023/24' */
export function fiscalYearName(m: Month): string {
  const y = Number(m.slice(0, 4)) - (monthOfYear(m) < 4 ? 1 : 0);
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}

/**
 * The first and last month of the named period holding `m`, and its short name.
 *
 * @example periodBounds('fiscal-quarter', '2023-11') // { from: '2023-10', to: '2023-12', name: 'Q3 2023/24' }
 * @example periodBounds('fiscal-year', '2024-02') // { from: '2023-04', to: '2024-03', name: '2023/24' }
 */
export function periodBounds(kind: Exclude<PeriodKind, 'rolling'>, m: Month): { from: Month; to: Month; name: string } {
  const y = Number(m.slice(0, 4));
  const mo = monthOfYear(m);
  switch (kind) {
    case 'calendar-year':
      return { from: `${y}-01`, to: `${y}-12`, name: String(y) };
    case 'calendar-quarter': {
      const from = addMonths(`${y}-01`, 3 * Math.floor((mo - 1) / 3));
      return { from, to: addMonths(from, 2), name: `Q${Math.floor((mo - 1) / 3) + 1} ${y}` };
    }
    case 'fiscal-year': {
      const from = `${mo < 4 ? y - 1 : y}-04`;
      return { from, to: addMonths(from, 11), name: fiscalYearName(m) };
    }
    case 'fiscal-quarter': {
      // Q1 is April to June; months since April, 0-11.
      const k = (mo + 8) % 12;
      const from = addMonths(m, -(k % 3));
      return { from, to: addMonths(from, 2), name: `Q${Math.floor(k / 3) + 1} ${fiscalYearName(m)}` };
    }
  }
}

/**
 * A named period holding `anchor` against the same months a year earlier.
 * Months after the latest stored one are not yet published: the period is
 * then counted to date and compared with the same months a year earlier
 * (like with like), and `notYet` lists what is left out.
 */
function namedPeriod(kind: Exclude<PeriodKind, 'rolling'>, anchor: Month, latest: Month, stored: ReadonlySet<Month>, isLatest: boolean): Period {
  const b = periodBounds(kind, anchor);
  const cut = b.to > latest && latest >= b.from ? latest : b.to;
  const partial = cut !== b.to;
  const prev = periodBounds(kind, addMonths(b.from, -12));
  const current = periodWindow(b.from, cut, stored);
  const previous = periodWindow(prev.from, addMonths(cut, -12), stored);
  const full = (from: Month, to: Month) => (kind.endsWith('year') ? monthsLabel({ from, to }) : spanLabel(from, to));
  return {
    length: monthRange(b.from, b.to).length,
    current: { ...current, name: partial ? `${b.name} to date (${full(b.from, cut)})` : `${b.name} (${full(b.from, b.to)})` },
    previous: { ...previous, name: partial ? `${prev.name} to the same point (${full(prev.from, previous.to)})` : `${prev.name} (${full(prev.from, prev.to)})` },
    latest: isLatest,
    kind,
    name: b.name,
    notYet: partial ? monthRange(addMonths(cut, 1), b.to) : [],
  };
}

/**
 * Says when the named period is not complete yet, for the notes.
 *
 * @example partialPeriodText(period) // '2023/24 is not complete: 9 of its 12 months are stored …'
 */
export function partialPeriodText(p: Period): string | null {
  if (p.name === undefined || p.notYet === undefined || p.notYet.length === 0) return null;
  const have = p.length - p.notYet.length;
  const left = spanLabel(p.notYet[0]!, p.notYet.at(-1)!);
  return `${p.name} is not complete: the latest stored month is ${formatMonth(p.current.to)}, so ${have} of its ${p.length} months can be counted; ${left} ${p.notYet.length === 1 ? 'is' : 'are'} not stored yet. Figures are for ${windowLabel(p.current)}, compared with ${windowLabel(p.previous)}.`;
}

/**
 * The named periods holding stored months, newest first, each with the month
 * that chooses it (its last stored month), for a picker.
 *
 * @example periodOptions('fiscal-year', ['2023-03', '2023-04'])[0] // { end: '2023-04', name: '2023/24', … }
 */
export function periodOptions(kind: Exclude<PeriodKind, 'rolling'>, storedMonths: readonly Month[]): { end: Month; name: string; from: Month; to: Month }[] {
  const byName = new Map<string, { end: Month; name: string; from: Month; to: Month }>();
  for (const m of [...storedMonths].sort()) byName.set(periodBounds(kind, m).name, { ...periodBounds(kind, m), end: m });
  return [...byName.values()].reverse();
}
