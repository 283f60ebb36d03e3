// Over 300 lines: "what would it take": the two answers (smallest weight change by LP, and by the closest
// sampled weighting) and their words, which share the problem set-up.
import { meetsConstraints, resolveConstraints, type ResolvedConstraints, type WeightConstraintsInput } from './constraints';
import { solveLp, type LpConstraint } from '../stats/lp';
import { justAbove, oneWayLines, rankOfAt, ranksAt, shareAt } from './one-way';
import { sharesTotals, sharesToWeights, type LinearProblem } from './problem';
import { competitionRanks, isAbove } from './ranks';

/**
 * "What would it take?": the smallest change of weights that brings an issue
 * into the top `targetRank` (shared ranks, so drawing level with the issue at
 * that rank counts, as "=3" counts as third).
 *
 * Size of a change, in both answers: the weight moved, in shares of the total
 * weight. Moving weight from some criteria to others by a total of d (e.g. 0.08
 * = 8 percentage points) is a change of d; formally d = ½ Σ |share′ − share|,
 * half the L1 distance between the normalised weight vectors. For one weight
 * moving with the others held, d is simply the change in that weight's share.
 */

/** One criterion's weight moving alone (the others held). */
export interface SingleWeightChange {
  criterionId: string;
  label: string;
  /** Whether any weight of this criterion alone achieves the target. */
  possible: boolean;
  /** The criterion's share of the total weight now. */
  currentShare: number;
  /** The raw weight and share that achieve it with the least change (at or beyond this point), and the rank there. */
  weight: number | null;
  share: number | null;
  /** Share after minus share now (positive: raise this weight). */
  shareChange: number | null;
  rank: number | null;
  /** Whether the issue only draws level there (it shares its rank with another issue). */
  tied: boolean;
  /** Every range of this criterion's share (others held in proportion) over which the target holds, lowest first. */
  shareRanges: { from: number; to: number }[];
  /** Whether the new weights keep the stated constraints (always true when none are stated). */
  keepsConstraints: boolean;
}

/** The cheapest change across all weights. */
export interface AllWeightsChange {
  /** New shares by criterion id (summing to 1) and the same as raw weights with today's total weight. */
  shares: Record<string, number>;
  weights: Record<string, number>;
  /** ½ Σ |Δshare|: the share of the total weight moved between criteria. */
  weightMoved: number;
  /** The issue's rank at the new weights, and whether it shares that rank (draws level). */
  rank: number;
  tied: boolean;
}

export interface InverseAnswer {
  issueId: string;
  targetRank: number;
  rankNow: number;
  /** Whether it shares that rank now ("=12"). */
  tiedNow: boolean;
  /** True when the issue is already there (every change below is then zero). */
  alreadyThere: boolean;
  /** Every criterion's single-weight answer, and the one that needs the least change while keeping any stated constraints (null if none can). */
  singleWeight: SingleWeightChange[];
  bestSingle: SingleWeightChange | null;
  /** The least change across all weights (within any stated constraints), or null if no weighting achieves the target. */
  allWeights: AllWeightsChange | null;
  /** Issues that score at least as high on every criterion that carries weight, and higher on one (they can never fall below it). */
  dominatedBy: string[];
  /** The best rank any weighting gives the issue (within the stated constraints), when the target is out of reach; null if reachable or not settled. */
  bestPossibleRank: number | null;
  /** The best-possible weighting when the target is out of reach (null if reachable or not settled). */
  bestPossible: AllWeightsChange | null;
  /** False when the search hit its limit before settling (the answers given are still exact where present). */
  settled: boolean;
}

export interface InverseOptions {
  /** Constraints every weighting must keep (for example a stated importance order). */
  constraints?: WeightConstraintsInput;
  /** Linear programmes to solve before giving up on the all-weights search (default 20,000). */
  maxPrograms?: number;
}

/**
 * Answers "what would it take for this issue to reach the top `targetRank`?".
 *
 * @example whatWouldItTake(seed, 'i1', 1).bestSingle // ASB (Personal) first: { criterionId: 'community_priority', weight: 1.25, shareChange: 0.024, ... }
 * @example whatWouldItTake(seed, 'i11', 3).allWeights.weightMoved // Adult Offending into the top 3: 0.267
 */
export function whatWouldItTake(p: LinearProblem, issueId: string, targetRank: number, options: InverseOptions = {}): InverseAnswer {
  const i = p.issueIds.indexOf(issueId);
  if (i < 0) throw new Error(`no issue "${issueId}" in this assessment`);
  if (!Number.isInteger(targetRank) || targetRank < 1) throw new Error(`the target rank must be a whole number of at least 1, not ${targetRank}`);
  const ranksNow = competitionRanks(sharesTotals(p, p.shares));
  const rankNow = ranksNow[i]!;
  const rc = resolveConstraints(p, options.constraints);
  const singleWeight = p.criteria.map((_, j) => singleWeightChange(p, i, j, targetRank, rc));
  const possible = singleWeight.filter((s) => s.possible && s.keepsConstraints);
  const bestSingle = possible.length === 0 ? null : possible.reduce((a, b) => (Math.abs(b.shareChange!) < Math.abs(a.shareChange!) ? b : a));
  const search = new AllWeightsSearch(p, i, rc, options.maxPrograms ?? 20_000);
  const allWeights = search.solve(targetRank);
  let bestPossibleRank: number | null = null;
  let bestPossible: AllWeightsChange | null = null;
  if (allWeights === null && search.settled) {
    for (let r = targetRank + 1; r <= p.n && search.settled; r++) {
      const found = search.solve(r);
      if (found !== null) {
        bestPossibleRank = r;
        bestPossible = found;
        break;
      }
    }
  }
  return {
    issueId,
    targetRank,
    rankNow,
    tiedNow: ranksNow.some((r, k) => k !== i && r === rankNow),
    alreadyThere: rankNow <= targetRank,
    singleWeight,
    bestSingle,
    allWeights,
    dominatedBy: dominators(p, i).map((k) => p.issueIds[k]!),
    bestPossibleRank,
    bestPossible,
    settled: search.settled,
  };
}

/**
 * The least change of criterion j's weight alone that gives issue i a rank of
 * `target` or better. The rank changes only where two totals cross, and at a
 * crossing the tied issues share the better rank, so the nearest point on each
 * side is a breakpoint (or 0); the nearer of the two in share terms wins.
 */
function singleWeightChange(p: LinearProblem, i: number, j: number, target: number, rc: ResolvedConstraints): SingleWeightChange {
  const lines = oneWayLines(p, j);
  const c = p.criteria[j]!;
  const x0 = lines.current;
  const ok = (x: number) => rankOfAt(lines, i, x) <= target;
  // Probe 0, every breakpoint and a point in every gap: the rank is constant inside a gap.
  const probes = [0];
  for (const b of lines.breakpoints) probes.push((probes[probes.length - 1]! + b) / 2, b);
  probes.push(justAbove(lines, probes[probes.length - 1]!));
  const shareRanges: { from: number; to: number }[] = [];
  let open: number | null = null;
  let last = 0;
  for (const x of probes) {
    if (ok(x)) {
      if (open === null) open = x;
      last = x;
    } else if (open !== null) {
      shareRanges.push({ from: shareAt(lines, open), to: shareAt(lines, last) });
      open = null;
    }
  }
  // A range still open at the last probe runs on for ever: the share tends to 100%.
  if (open !== null) shareRanges.push({ from: shareAt(lines, open), to: 1 });
  const cost = (x: number) => Math.abs(shareAt(lines, x) - shareAt(lines, x0));
  // The nearest point that works on each side is a breakpoint (ties share the better rank) or 0.
  const candidates = [0, x0, ...lines.breakpoints].filter(ok);
  if (candidates.length === 0)
    return {
      criterionId: c.id,
      label: c.label,
      possible: false,
      currentShare: shareAt(lines, x0),
      weight: null,
      share: null,
      shareChange: null,
      rank: null,
      tied: false,
      shareRanges,
      keepsConstraints: true,
    };
  const best = candidates.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  const ranks = ranksAt(lines, best);
  const rank = ranks[i]!;
  return {
    criterionId: c.id,
    label: c.label,
    possible: true,
    currentShare: shareAt(lines, x0),
    weight: best,
    share: shareAt(lines, best),
    shareChange: shareAt(lines, best) - shareAt(lines, x0),
    rank,
    tied: ranks.some((r, k) => k !== i && r === rank),
    shareRanges,
    keepsConstraints:
      rc.none ||
      meetsConstraints(
        rc,
        Array.from(p.rawWeights, (w, l) => (l === j ? best : w) / (best + lines.rest)),
      ),
  };
}

/** Issues k with effective scores ≥ issue i's on every weighted criterion and > on at least one. */
export function dominators(p: LinearProblem, i: number): number[] {
  const { n, m, effective: e } = p;
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    if (k === i) continue;
    let geq = true;
    let gt = false;
    for (let j = 0; j < m && geq; j++) {
      const d = e[k * m + j]! - e[i * m + j]!;
      if (d < 0) geq = false;
      else if (d > 0) gt = true;
    }
    if (geq && gt) out.push(k);
  }
  return out;
}

/**
 * Least weight moved to give issue i rank ≤ r: minimise Σ |Δshare| subject to
 * the shares staying a valid weighting (and any stated constraints) and at most
 * r − 1 issues staying strictly above i. The last condition is not convex (it
 * is a choice of which issues may stay above), so it is solved exactly by
 * branch and bound over that choice, each node a linear programme: "issue k
 * must not be above i" adds the linear constraint total_k ≤ total_i; the
 * programme with only some of these constraints is a lower bound for every
 * choice below it. Branch on the issue most above i: either it must come below,
 * or (while fewer than r − 1 are allowed) it may stay above.
 */
class AllWeightsSearch {
  settled = true;
  private programs = 0;
  private readonly maxPrograms: number;
  private readonly rows: LpConstraint[];
  private readonly diff: Float64Array;
  private readonly nowTotals: Float64Array;
  private best = Infinity;
  private bestShares: Float64Array | null = null;

  constructor(
    private readonly p: LinearProblem,
    private readonly i: number,
    rc: ResolvedConstraints,
    maxPrograms: number,
  ) {
    this.maxPrograms = maxPrograms;
    const { m, n, effective: e, shares: s0 } = p;
    // Variables: up_j then down_j (share_j = s0_j + up_j − down_j), all ≥ 0.
    const v = (f: (c: Float64Array) => void) => {
      const c = new Float64Array(2 * m);
      f(c);
      return c;
    };
    const rows: LpConstraint[] = [{ coefs: v((c) => (c.fill(1, 0, m), c.fill(-1, m))), op: '=', rhs: 0 }];
    for (let j = 0; j < m; j++) rows.push({ coefs: v((c) => ((c[j] = 1), (c[m + j] = -1))), op: '>=', rhs: -s0[j]! });
    for (let j = 0; j < m; j++) {
      if (rc.lo[j]! > 0) rows.push({ coefs: v((c) => ((c[j] = 1), (c[m + j] = -1))), op: '>=', rhs: rc.lo[j]! - s0[j]! });
      if (rc.hi[j]! < 1) rows.push({ coefs: v((c) => ((c[j] = 1), (c[m + j] = -1))), op: '<=', rhs: rc.hi[j]! - s0[j]! });
    }
    for (const [a, b] of rc.pairs) rows.push({ coefs: v((c) => ((c[a] = 1), (c[m + a] = -1), (c[b] = -1), (c[m + b] = 1))), op: '>=', rhs: s0[b]! - s0[a]! });
    this.rows = rows;
    this.diff = new Float64Array(n * m);
    for (let k = 0; k < n; k++) for (let j = 0; j < m; j++) this.diff[k * m + j] = e[k * m + j]! - e[i * m + j]!;
    this.nowTotals = sharesTotals(p, s0);
  }

  /** The least change giving rank ≤ r, or null if there is none (or the search limit was hit: see `settled`). */
  solve(r: number): AllWeightsChange | null {
    this.best = Infinity;
    this.bestShares = null;
    this.branch(new Set(), new Set(), r);
    if (this.bestShares === null) return null;
    const s = this.bestShares;
    const shares = Object.fromEntries(this.p.criteria.map((c, j) => [c.id, s[j]!]));
    let moved = 0;
    for (let j = 0; j < this.p.m; j++) moved += Math.abs(s[j]! - this.p.shares[j]!);
    const ranks = competitionRanks(sharesTotals(this.p, s));
    const rank = ranks[this.i]!;
    return { shares, weights: sharesToWeights(this.p, s), weightMoved: moved / 2, rank, tied: ranks.some((r, k) => k !== this.i && r === rank) };
  }

  private branch(below: Set<number>, allowed: Set<number>, r: number, solved?: { value: number; shares: Float64Array }): void {
    const node = solved ?? this.relaxation(below);
    if (node === null || node.value >= this.best - 1e-12) return;
    const t = sharesTotals(this.p, node.shares);
    const aboveNow: number[] = [];
    for (let k = 0; k < this.p.n; k++) if (k !== this.i && isAbove(t[k]!, t[this.i]!)) aboveNow.push(k);
    if (aboveNow.length <= r - 1) {
      this.best = node.value;
      this.bestShares = node.shares;
      return;
    }
    // The issue furthest above that is not yet allowed to stay there.
    const k = aboveNow.filter((x) => !allowed.has(x)).reduce((a, b) => (t[b]! > t[a]! ? b : a));
    // Letting k stay above changes no constraint, so that branch reuses this node's programme.
    if (allowed.size < r - 1) this.branch(below, new Set([...allowed, k]), r, node);
    this.branch(new Set([...below, k]), allowed, r);
  }

  /** The programme with "must not be above i" for the issues in `below`: its optimum bounds every choice that keeps them below. */
  private relaxation(below: Set<number>): { value: number; shares: Float64Array } | null {
    if (this.programs >= this.maxPrograms) {
      this.settled = false;
      return null;
    }
    this.programs++;
    const { m } = this.p;
    const rows = [...this.rows];
    for (const k of below) {
      const coefs = new Float64Array(2 * m);
      for (let j = 0; j < m; j++) {
        coefs[j] = this.diff[k * m + j]!;
        coefs[m + j] = -this.diff[k * m + j]!;
      }
      // total_k − total_i at the new shares = (their gap now) + Σ_j diff_kj (up_j − down_j) ≤ 0
      rows.push({ coefs, op: '<=', rhs: this.nowTotals[this.i]! - this.nowTotals[k]! });
    }
    const res = solveLp({ objective: new Float64Array(2 * m).fill(1), constraints: rows });
    if (res.status !== 'optimal') return null;
    const shares = new Float64Array(m);
    for (let j = 0; j < m; j++) shares[j] = Math.max(0, this.p.shares[j]! + res.x[j]! - res.x[m + j]!);
    return { value: res.value, shares };
  }
}
