import { z } from 'zod';
import { monthOfYear, type Month } from '../months';

/**
 * The month-of-year profile of a monthly series: for each calendar month, the
 * mean count over the loaded months that fall in it, as an index where 100 is
 * the average month. Means (not sums) are used because a series rarely holds
 * the same number of each calendar month (the Luton sample has three Mays and
 * two Januaries). The profile is not detrended: in a series that rises or
 * falls steadily, the calendar months seen only in later (or earlier) years
 * carry some of that trend; the trace says which years each month draws on.
 */

export const SeasonalMonth = z.object({
  /** 1 = January … 12 = December. */
  monthOfYear: z.number().int().min(1).max(12),
  mean: z.number(),
  /** How many loaded months of this calendar month the mean is over. */
  months: z.number().int(),
  /** Mean as a share of the mean of the twelve means, × 100. */
  index: z.number(),
});
export const Seasonality = z.object({
  byMonth: z.array(SeasonalMonth).length(12),
  /** Calendar months with the highest index (ties kept), e.g. [7]. */
  peak: z.array(z.number().int()),
  /** Calendar months with the lowest index. */
  trough: z.array(z.number().int()),
});
export type Seasonality = z.infer<typeof Seasonality>;

/**
 * The seasonal profile, or null unless every calendar month has at least one
 * loaded month (a profile needs a full year) and the series is not all zero.
 *
 * @example seasonalProfile([{ month: '2023-01', count: 10 }, …12 months]).byMonth[0].index // 100 × Jan / mean
 */
export function seasonalProfile(series: readonly { month: Month; count: number }[]): Seasonality | null {
  const sum = new Array<number>(12).fill(0);
  const n = new Array<number>(12).fill(0);
  for (const { month, count } of series) {
    const i = monthOfYear(month) - 1;
    sum[i]! += count;
    n[i]! += 1;
  }
  if (n.some((k) => k === 0)) return null;
  const means = sum.map((s, i) => s / n[i]!);
  const overall = means.reduce((a, b) => a + b, 0) / 12;
  if (overall === 0) return null;
  const byMonth = means.map((mean, i) => ({ monthOfYear: i + 1, mean, months: n[i]!, index: (100 * mean) / overall }));
  const hi = Math.max(...means);
  const lo = Math.min(...means);
  return {
    byMonth,
    peak: byMonth.filter((m) => m.mean === hi).map((m) => m.monthOfYear),
    trough: byMonth.filter((m) => m.mean === lo).map((m) => m.monthOfYear),
  };
}
