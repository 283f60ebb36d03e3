import { justAbove, justBelow, oneWayLines, ranksAt, shareAt, type OneWayLines } from './one-way';
import { sharesTotals, type LinearProblem } from './problem';
import { competitionRanks, topSet } from './ranks';

/** What happens just past one end of a stability interval. */
export interface SetChange {
  /** Issue ids that join the set. */
  enters: string[];
  /** Issue ids that drop out of it. */
  leaves: string[];
}

/**
 * How far one weight can move, the others held, before a set of issues changes.
 * Weights are raw (as entered, the others unchanged); shares are the same
 * points as a fraction of the total weight.
 */
export interface StabilityInterval {
  criterionId: string;
  label: string;
  current: number;
  currentShare: number;
  /** Lowest raw weight with the same set (0 if it holds all the way down). */
  lower: number;
  /** Highest raw weight with the same set, or null if it holds however high the weight goes. */
  upper: number | null;
  lowerShare: number;
  /** 1 when `upper` is null. */
  upperShare: number;
  /** What changes just below `lower` (null when `lower` is 0). */
  belowLower: SetChange | null;
  /** What changes just above `upper` (null when `upper` is null). */
  aboveUpper: SetChange | null;
}

export interface StabilityReport {
  topN: number;
  /** The issue ids in the top N now (shared ranks, so ties at N are in) and in first place. */
  topSet: string[];
  firstSet: string[];
  /** One interval per criterion that carries weight: for the top-N set, and for first place. */
  top: StabilityInterval[];
  first: StabilityInterval[];
}

/**
 * Weight-stability intervals: for each criterion, the range of its raw weight
 * (others held) over which the top-N set, and separately first place, stay as
 * they are. Exact: the set can change only where two issues' totals cross, and
 * those points are computed, not searched for. An end of an interval is the
 * weight at which an issue draws level (and so shares the boundary rank).
 *
 * @example stabilityIntervals(seed, 5).first.find((s) => s.criterionId === 'community_priority') // { lower: 0, upper: 1.25, ... }
 */
export function stabilityIntervals(p: LinearProblem, topN: number): StabilityReport {
  if (!Number.isInteger(topN) || topN < 1) throw new Error(`top N must be a whole number of at least 1, not ${topN}`);
  const lines = p.criteria.map((_, j) => oneWayLines(p, j));
  const ranks = competitionRanks(sharesTotals(p, p.shares));
  const ids = (s: Set<number>) => [...s].sort((a, b) => a - b).map((i) => p.issueIds[i]!);
  return {
    topN,
    topSet: ids(topSet(ranks, topN)),
    firstSet: ids(topSet(ranks, 1)),
    top: lines.map((l) => interval(p, l, topN)),
    first: lines.map((l) => interval(p, l, 1)),
  };
}

const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

function interval(p: LinearProblem, lines: OneWayLines, topN: number): StabilityInterval {
  const setAt = (x: number) => topSet(ranksAt(lines, x), topN);
  const x0 = lines.current;
  const now = setAt(x0);
  const change = (x: number): SetChange => {
    const s = setAt(x);
    return { enters: [...s].filter((i) => !now.has(i)).map((i) => p.issueIds[i]!), leaves: [...now].filter((i) => !s.has(i)).map((i) => p.issueIds[i]!) };
  };
  // The set can change only at a breakpoint (where it may include a tie) or in the gap after one.
  let upper: number | null = null;
  if (!sameSet(setAt(justAbove(lines, x0)), now)) upper = x0;
  else {
    for (const b of lines.breakpoints) {
      if (b <= x0) continue;
      if (!sameSet(setAt(b), now) || !sameSet(setAt(justAbove(lines, b)), now)) {
        upper = b;
        break;
      }
    }
  }
  let lower = 0;
  if (x0 > 0 && !sameSet(setAt(justBelow(lines, x0)), now)) lower = x0;
  else {
    for (let k = lines.breakpoints.length - 1; k >= 0; k--) {
      const b = lines.breakpoints[k]!;
      if (b >= x0) continue;
      if (!sameSet(setAt(b), now) || !sameSet(setAt(justBelow(lines, b)), now)) {
        lower = b;
        break;
      }
    }
  }
  const c = p.criteria[lines.criterion]!;
  return {
    criterionId: c.id,
    label: c.label,
    current: x0,
    currentShare: shareAt(lines, x0),
    lower,
    upper,
    lowerShare: shareAt(lines, lower),
    upperShare: upper === null ? 1 : shareAt(lines, upper),
    belowLower: lower > 0 ? change(justBelow(lines, lower)) : null,
    aboveUpper: upper === null ? null : change(justAbove(lines, upper)),
  };
}
