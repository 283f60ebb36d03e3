import { z } from 'zod';
import { mannKendall } from './mann-kendall';

/** The classes of a cell's hot-spot history, in the order they are tested. */
export const HOTSPOT_CLASSES = {
  intensifying: 'Intensifying hot spot',
  persistent: 'Persistent hot spot',
  diminishing: 'Diminishing hot spot',
  emerging: 'Emerging hot spot',
  former: 'Former hot spot',
  intermittent: 'Intermittent hot spot',
  none: 'No pattern',
} as const;
export type HotspotClass = keyof typeof HOTSPOT_CLASSES;

export const ClassifyParams = z.object({
  /** Least share of periods a cell must be a significant hot spot in to be any kind of hot spot (sfhotspot: 0.1). */
  hotspotProp: z.number().gt(0).lt(1),
  /** Least share of periods for a persistent (or intensifying, diminishing) hot spot (sfhotspot: 0.8). */
  persistentProp: z.number().gt(0).lt(1),
  /** Share of the periods, the latest ones, counted as recent (sfhotspot: 0.2). */
  recentProp: z.number().gt(0).lt(1),
  /** A trend in the monthly Gi* z-scores counts when its Mann-Kendall p-value is below this. */
  trendP: z.number().gt(0).lt(1),
});
export type ClassifyParams = z.infer<typeof ClassifyParams>;

export const DEFAULT_CLASSIFY: ClassifyParams = { hotspotProp: 0.1, persistentProp: 0.8, recentProp: 0.2, trendP: 0.05 };

/** How many of `periods` are recent: the recent share rounded down, at least one, leaving at least one older period. */
export function recentPeriods(periods: number, recentProp: number): number {
  if (periods < 2) throw new Error(`classifying hot spots over time needs at least 2 periods, found ${periods}`);
  return Math.min(periods - 1, Math.max(1, Math.floor(recentProp * periods)));
}

/**
 * Classifies one cell from its history: per period, whether it was a
 * significant hot spot (`hot`) and its Gi* z-score (`z`), oldest first.
 * The rules, in words, are on the Hot spots page ({@link CLASSIFY_RULES}).
 *
 * @example classifyCell([false, false, false, false, true], [0, 0, 0, 0, 3], DEFAULT_CLASSIFY) // 'emerging'
 */
export function classifyCell(hot: readonly boolean[], zs: readonly number[], params: ClassifyParams): HotspotClass {
  const n = hot.length;
  const recent = recentPeriods(n, params.recentProp);
  let all = 0;
  let late = 0;
  hot.forEach((h, t) => {
    if (!h) return;
    all++;
    if (t >= n - recent) late++;
  });
  const shareAll = all / n;
  const shareRecent = late / recent;
  const shareOlder = (all - late) / (n - recent);
  if (shareAll >= params.persistentProp) {
    const trend = mannKendall(zs);
    if (trend.p < params.trendP && trend.s > 0) return 'intensifying';
    if (trend.p < params.trendP && trend.s < 0) return 'diminishing';
    return 'persistent';
  }
  if (shareOlder < params.hotspotProp && shareRecent >= params.hotspotProp) return 'emerging';
  if (shareOlder >= params.hotspotProp && shareRecent < params.hotspotProp) return 'former';
  if (shareAll >= params.hotspotProp) return 'intermittent';
  return 'none';
}

/** The rules of {@link classifyCell} in plain words, for the page. */
export function classifyRules(p: ClassifyParams): string[] {
  const pc = (v: number) => `${Math.round(v * 100)}%`;
  return [
    `Each month, a cell is a hot spot when its Gi* z-score is positive and its adjusted p-value is below 0.05. The latest ${pc(p.recentProp)} of the months (at least one) are "recent"; the rest are "older".`,
    `Persistent: a hot spot in at least ${pc(p.persistentProp)} of all months. Intensifying: persistent, and its monthly z-scores rise (Mann-Kendall trend test, p below ${p.trendP}). Diminishing: persistent, and its z-scores fall by the same test.`,
    `Emerging: a hot spot in fewer than ${pc(p.hotspotProp)} of the older months but at least ${pc(p.hotspotProp)} of the recent ones. Former: the other way round — a hot spot in at least ${pc(p.hotspotProp)} of the older months but fewer than ${pc(p.hotspotProp)} of the recent ones.`,
    `Intermittent: a hot spot in at least ${pc(p.hotspotProp)} of all months, but none of the above. No pattern: anything else.`,
    'These follow the persistent, emerging, former and intermittent rules of the R package sfhotspot (hotspot_classify, after Chainey 2020), tested in that order. Two differences: "recent" here is exactly the recent months (sfhotspot also counts the month before them), and an emerging cell needs recent hot months at the same share as every other rule (sfhotspot compares them with its recent share). Intensifying and diminishing split persistent hot spots by trend, as ESRI\'s emerging hot spot analysis does; sfhotspot has no such split. Cold spots are not classified.',
  ];
}
