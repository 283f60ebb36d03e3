/**
 * Calendar months as "YYYY-MM" strings (the police.uk form). They sort as
 * text and need no time zone.
 */

export type Month = string;

const parse = (m: Month): number => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return y * 12 + (mo - 1);
};
const format = (i: number): Month => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** @example addMonths('2023-01', -1) // '2022-12' */
export function addMonths(m: Month, k: number): Month {
  return format(parse(m) + k);
}

/** Months from `a` to `b` inclusive. @example monthRange('2023-11', '2024-01') // ['2023-11', '2023-12', '2024-01'] */
export function monthRange(a: Month, b: Month): Month[] {
  const out: Month[] = [];
  for (let i = parse(a), end = parse(b); i <= end; i++) out.push(format(i));
  return out;
}

/** Number of months from `a` to `b` (b - a). */
export function monthsBetween(a: Month, b: Month): number {
  return parse(b) - parse(a);
}

/** The first day of a month as a UTC date (for a time axis). @example monthStart('2023-02') // 2023-02-01T00:00:00.000Z */
export const monthStart = (m: Month): Date => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));

/** The calendar month number, 1-12. */
export function monthOfYear(m: Month): number {
  return Number(m.slice(5, 7));
}

export interface Coverage {
  first: Month | undefined;
  last: Month | undefined;
  /** Months between first and last with no data. */
  gaps: Month[];
  /** Runs of consecutive months present, e.g. [['2021-05', '2022-12'], ['2023-02', '2023-12']]. */
  runs: [Month, Month][];
}

/**
 * Which months are covered and which are missing between the first and last.
 *
 * @example coverage(['2023-01', '2023-03']) // { first: '2023-01', last: '2023-03', gaps: ['2023-02'], runs: [...] }
 */
export function coverage(months: Iterable<Month>): Coverage {
  const have = [...new Set(months)].sort();
  if (have.length === 0) return { first: undefined, last: undefined, gaps: [], runs: [] };
  const first = have[0]!;
  const last = have[have.length - 1]!;
  const set = new Set(have);
  const gaps: Month[] = [];
  const runs: [Month, Month][] = [];
  let runStart: Month | undefined;
  let prev: Month | undefined;
  for (const m of monthRange(first, last)) {
    if (set.has(m)) {
      runStart ??= m;
      prev = m;
    } else {
      gaps.push(m);
      if (runStart !== undefined && prev !== undefined) runs.push([runStart, prev]);
      runStart = undefined;
    }
  }
  if (runStart !== undefined && prev !== undefined) runs.push([runStart, prev]);
  return { first, last, gaps, runs };
}
