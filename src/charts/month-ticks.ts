import { monthOfYear } from '../../models/months';

/**
 * Month ticks far enough apart that their labels ("May 2021") never overlap:
 * every 1, 2, 3, 4, 6 or 12 months, the least step that leaves `labelPx`
 * between ticks over `plotPx`, on months of the year the step divides (Jan,
 * Apr, Jul, Oct for 3), so ticks fall on the same months whatever the start.
 *
 * @example monthTicks(monthRange('2021-05', '2023-12'), 880) // ['2021-07', '2021-10', '2022-01', …]
 */
export function monthTicks(months: readonly string[], plotPx: number, labelPx = 70): string[] {
  if (months.length === 0) return [];
  const perMonth = plotPx / months.length;
  const step = [1, 2, 3, 4, 6, 12].find((s) => perMonth * s >= labelPx) ?? 12;
  return months.filter((m) => (monthOfYear(m) - 1) % step === 0);
}
