/**
 * British English display formats: dd/mm/yyyy dates, thousands separators,
 * "per 1,000" rates. Every figure the app shows goes through here.
 */

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const date = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** @example formatCount(12345) // '12,345' */
export const formatCount = (n: number): string => count.format(n);

/** @example formatDate(Date.UTC(2026, 10, 22)) // '22/11/2026' */
export const formatDate = (ms: number): string => date.format(ms);

/** @example formatDateTime(ms) // '22/11/2026, 14:03' */
export const formatDateTime = (ms: number): string => dateTime.format(ms);

/** A moment as dd/mm/yyyy hh:mm (no comma), for audit trails. @example formatTimestamp(Date.UTC(2024, 2, 5, 14, 30)) // '05/03/2024 14:30' */
export const formatTimestamp = (ms: number): string => {
  const parts = Object.fromEntries(dateTime.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts['day']}/${parts['month']}/${parts['year']} ${parts['hour']}:${parts['minute']}`;
};

/** @example formatMonth('2023-01') // 'Jan 2023' */
export const formatMonth = (m: string): string => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? '?'} ${m.slice(0, 4)}`;

/** @example formatMonthLong('2023-01') // 'January 2023' */
/** A calendar month's name. @example monthName(7) // 'July' */
export const monthName = (monthOfYear: number): string => MONTHS_LONG[monthOfYear - 1] ?? '?';

/** A p-value as the evidence writes it: two significant figures, or "< 0.0001". */
export const formatP = (p: number): string => (p < 0.0001 ? '< 0.0001' : p.toLocaleString('en-GB', { maximumSignificantDigits: 2 }));

export const formatMonthLong = (m: string): string => `${MONTHS_LONG[Number(m.slice(5, 7)) - 1] ?? '?'} ${m.slice(0, 4)}`;

/** Fixed decimals; a value that rounds to zero is written without a sign ("0.00", never "-0.00"). @example fixed(-0.001, 2) // '0.00' */
export const fixed = (v: number, digits: number): string => v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' });

/** @example formatRate(3.456) // '3.46 per 1,000' */
export const formatRate = (perThousand: number, digits = 2): string => `${fixed(perThousand, digits)} per 1,000`;

/**
 * A share as a percentage; a share that is not zero but rounds to zero says so.
 * @example formatPercent(0.123) // '12.3%'
 * @example formatPercent(0.0001) // '<0.1%'
 */
export const formatPercent = (fraction: number, digits = 1): string => {
  const smallest = 10 ** -digits;
  if (fraction > 0 && fraction * 100 < smallest / 2) return `<${fixed(smallest, digits)}%`;
  return `${fixed(fraction * 100, digits)}%`;
};

/** @example formatBytes(1536) // '1.5 KB' */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "1 row", "2 rows". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
