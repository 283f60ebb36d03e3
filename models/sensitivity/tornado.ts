import { oneWayLines, ranksAt } from './one-way';
import type { LinearProblem } from './problem';

/** One issue's ranks while one criterion's weight moves through its range. */
export interface TornadoBar {
  issueId: string;
  criterionId: string;
  /** Raw weights at the ends of the range, and the issue's rank at each. */
  lowWeight: number;
  highWeight: number;
  rankAtLow: number;
  rankAtHigh: number;
  /** Best and worst rank anywhere in the range (they can fall inside it, where totals cross). */
  bestRank: number;
  worstRank: number;
  /** Rank at the current weights, and whether it is shared ("=12"). */
  rankNow: number;
  tiedNow: boolean;
}

export interface Tornado {
  /** The relative change, e.g. 0.5 for ±50%. */
  change: number;
  bars: TornadoBar[];
}

/**
 * For every issue and every criterion: the issue's best and worst rank while
 * that criterion's raw weight moves from (1 − change) to (1 + change) times its
 * current value, the other weights held. Exact: ranks are evaluated at the ends,
 * at every crossing inside the range and between crossings. A weight of 0
 * stays 0 (±50% of nothing is nothing), so its bars have no width.
 *
 * @example tornado(seed, 0.5).bars.find((b) => b.issueId === 'i0' && b.criterionId === 'community_priority') // { bestRank: 1, worstRank: 2, ... }
 */
export function tornado(p: LinearProblem, change = 0.5): Tornado {
  if (!(change >= 0 && change <= 1)) throw new Error(`the change must be between 0% and 100%, not ${change * 100}%`);
  const bars: TornadoBar[] = [];
  p.criteria.forEach((c, j) => {
    const lines = oneWayLines(p, j);
    const x0 = lines.current;
    const lo = x0 * (1 - change);
    const hi = x0 * (1 + change);
    const inside = lines.breakpoints.filter((b) => b > lo && b < hi);
    const points = [lo, ...inside, hi];
    const probes = points.flatMap((x, k) => (k === 0 ? [x] : [(points[k - 1]! + x) / 2, x]));
    const rankings = probes.map((x) => ranksAt(lines, x));
    const now = ranksAt(lines, x0);
    for (let i = 0; i < p.n; i++) {
      let best = Infinity;
      let worst = -Infinity;
      for (const r of rankings) {
        best = Math.min(best, r[i]!);
        worst = Math.max(worst, r[i]!);
      }
      bars.push({
        issueId: p.issueIds[i]!,
        criterionId: c.id,
        lowWeight: lo,
        highWeight: hi,
        rankAtLow: rankings[0]![i]!,
        rankAtHigh: rankings[rankings.length - 1]![i]!,
        bestRank: best,
        worstRank: worst,
        rankNow: now[i]!,
        tiedNow: now.some((r, k) => k !== i && r === now[i]),
      });
    }
  });
  return { change, bars };
}

/**
 * One issue's bars, widest swing first: the classic tornado for that issue.
 *
 * @example issueTornado(tornado(seed), 'i11')[0].criterionId // the weight Adult Offending's rank is most sensitive to
 */
export function issueTornado(t: Tornado, issueId: string): TornadoBar[] {
  return t.bars.filter((b) => b.issueId === issueId).sort((a, b) => b.worstRank - b.bestRank - (a.worstRank - a.bestRank) || a.bestRank - b.bestRank);
}

/** An issue's rank range over every single-weight move: best, worst, now (and whether shared), and the weight it is most sensitive to. */
export interface RankRange {
  best: number;
  worst: number;
  now: number;
  tiedNow: boolean;
  /** The bar with the widest swing (first of {@link issueTornado}). */
  widest: TornadoBar;
}

/** Each issue's best and worst rank over every single-weight move in the tornado. */
export function rankRanges(t: Tornado): Map<string, RankRange> {
  const out = new Map<string, RankRange>();
  const swing = (b: TornadoBar) => b.worstRank - b.bestRank;
  for (const b of t.bars) {
    const r = out.get(b.issueId);
    if (r === undefined) {
      out.set(b.issueId, { best: b.bestRank, worst: b.worstRank, now: b.rankNow, tiedNow: b.tiedNow, widest: b });
      continue;
    }
    r.best = Math.min(r.best, b.bestRank);
    r.worst = Math.max(r.worst, b.worstRank);
    // The same order as issueTornado: widest swing, then best rank; the first such bar wins.
    if (swing(b) > swing(r.widest) || (swing(b) === swing(r.widest) && b.bestRank < r.widest.bestRank)) r.widest = b;
  }
  return out;
}
