import type { InverseAnswer } from './inverse';
import type { Assessment } from './problem';
import type { StabilityInterval, StabilityReport } from './stability';
import { rankRanges, type Tornado, type TornadoBar } from './tornado';
import { listWords, ordinal, placeWords, share, weightWords } from './words';
import { own } from '../own';

/**
 * Plain words for the one-way analyses (stability intervals, tornado) and for
 * "what would it take".
 */

/** Issue and criterion labels by id. */
export interface Labels {
  issues: Readonly<Record<string, string>>;
  criteria: Readonly<Record<string, string>>;
}

/** @example labelsOf(seed).issues.i0 // 'Domestic Abuse' */
export function labelsOf(a: Assessment): Labels {
  return { issues: Object.fromEntries(a.issues.map((i) => [i.id, i.label])), criteria: Object.fromEntries(a.model.criteria.map((c) => [c.id, c.label])) };
}

const names = (ids: readonly string[], l: Labels) => listWords(ids.map((id) => own(l.issues, id) ?? id));

function swap(change: { enters: string[]; leaves: string[] } | null, l: Labels, what: string): string {
  if (change === null) return '';
  if (change.leaves.length === 0) return `${names(change.enters, l)} ${change.enters.length === 1 ? 'draws' : 'draw'} level and ${what}`;
  return `${names(change.enters, l)} ${change.enters.length === 1 ? 'replaces' : 'replace'} ${names(change.leaves, l)}`;
}

/**
 * One stability interval in words. `kind` 'first' speaks of first place, 'top' of the top N.
 *
 * @example stabilityWords(report.first[2], 'first', report, labels)
 * // 'Domestic Abuse stays first while Community priority's weight is at most 1.25 (up to 13.5% of the total weight). Above that, ASB (Personal) replaces Domestic Abuse.'
 */
export function stabilityWords(s: StabilityInterval, kind: 'first' | 'top', report: StabilityReport, l: Labels): string {
  const crit = own(l.criteria, s.criterionId) ?? s.label;
  const subject = kind === 'first' ? `${names(report.firstSet, l)} ${report.firstSet.length === 1 ? 'stays' : 'stay'} first` : `The top ${report.topN} stays the same`;
  const what = kind === 'first' ? 'shares first place' : `joins the top ${report.topN}`;
  if (s.lower === 0 && s.upper === null) return `${subject} whatever weight ${crit} is given (the other weights held).`;
  if (s.upper !== null && s.lower === s.upper) return `${subject} only at ${crit}'s present weight: any change breaks a tie at the boundary.`;
  const range =
    s.upper === null
      ? `is at least ${weightWords(s.lower)} (${share(s.lowerShare)} or more of the total weight)`
      : s.lower === 0
        ? `is at most ${weightWords(s.upper)} (up to ${share(s.upperShare)} of the total weight)`
        : `is between ${weightWords(s.lower)} and ${weightWords(s.upper)} (${share(s.lowerShare)} to ${share(s.upperShare)} of the total weight)`;
  const below = s.belowLower ? ` Below that, ${swap(s.belowLower, l, what)}.` : '';
  const above = s.aboveUpper ? ` Above that, ${swap(s.aboveUpper, l, what)}.` : '';
  return `${subject} while ${crit}'s weight ${range}; it is ${weightWords(s.current)} now.${below}${above}`;
}

/**
 * The single weight whose smallest move (relative to its present value) changes the set.
 *
 * @example stabilityHeadlineWords(report, 'top', labels)
 * // "The smallest single change that alters the top 5 is Likelihood's weight going from 1 to 0.75 (from 11.1% to 8.6% of the total weight): then Distraction Burglary replaces ASB (Nuisance)."
 */
export function stabilityHeadlineWords(report: StabilityReport, kind: 'first' | 'top', l: Labels): string {
  const list = kind === 'first' ? report.first : report.top;
  const what = kind === 'first' ? 'first place' : `the top ${report.topN}`;
  let best: { s: StabilityInterval; to: number; rel: number; change: StabilityInterval['aboveUpper'] } | null = null;
  for (const s of list) {
    if (s.current === 0) continue;
    if (s.upper !== null && (best === null || (s.upper - s.current) / s.current < best.rel)) best = { s, to: s.upper, rel: (s.upper - s.current) / s.current, change: s.aboveUpper };
    if (s.lower > 0 && (best === null || (s.current - s.lower) / s.current < best.rel)) best = { s, to: s.lower, rel: (s.current - s.lower) / s.current, change: s.belowLower };
  }
  if (best === null) return `No single weight, moved on its own, changes ${what}.`;
  const crit = own(l.criteria, best.s.criterionId) ?? best.s.label;
  const newShare = best.to === best.s.upper ? best.s.upperShare : best.s.lowerShare;
  const swapped = best.change ? `: then ${swap(best.change, l, kind === 'first' ? 'shares first place' : `joins the top ${report.topN}`)}` : '';
  return `The smallest single change that alters ${what} is ${crit}'s weight going from ${weightWords(best.s.current)} to ${weightWords(best.to)} (from ${share(best.s.currentShare)} to ${share(newShare)} of the total weight)${swapped}.`;
}

/**
 * One issue's tornado in words.
 *
 * @example tornadoWords(issueTornado(t, 'i11'), 0.5, labels) // 'Moving any one weight by ±50% keeps Adult Offending between 11th and 14th (=12th now). It is most sensitive to Performance deteriorating: 11th to 14th.'
 */
export function tornadoWords(bars: readonly TornadoBar[], change: number, l: Labels): string {
  const first = bars[0];
  if (first === undefined) return '';
  const name = own(l.issues, first.issueId) ?? first.issueId;
  const best = Math.min(...bars.map((b) => b.bestRank));
  const worst = Math.max(...bars.map((b) => b.worstRank));
  const pct = `±${Math.round(change * 100)}%`;
  if (best === worst) return `Moving any one weight by ${pct} leaves ${name} ${ordinal(best)}.`;
  const widest = [...bars].sort((a, b) => b.worstRank - b.bestRank - (a.worstRank - a.bestRank))[0]!;
  return `Moving any one weight by ${pct} keeps ${name} between ${ordinal(best)} and ${ordinal(worst)} (${placeWords(first.rankNow, first.tiedNow)} now). It is most sensitive to ${own(l.criteria, widest.criterionId) ?? widest.criterionId}: ${ordinal(widest.bestRank)} to ${ordinal(widest.worstRank)}.`;
}

/**
 * Every issue's rank range over all single-weight moves, in words: how many
 * keep their rank, the widest swings, and who can be first.
 *
 * @example rankRangeWords(tornado(seed, 0.5), labels)
 * // 'Moving any one weight by ±50% (the others held), 6 of 32 issues keep their rank. The widest swings: … Domestic Abuse and ASB (Personal) can each be first.'
 */
export function rankRangeWords(t: Tornado, l: Labels): string {
  const ranges = [...rankRanges(t)].map(([id, r]) => ({ name: own(l.issues, id) ?? id, ...r }));
  if (ranges.length === 0) return '';
  const pct = `±${Math.round(t.change * 100)}%`;
  const steady = ranges.filter((r) => r.best === r.worst).length;
  const keep =
    steady === ranges.length ? 'every issue keeps its rank' : steady === 0 ? 'every issue’s rank can change' : `${steady} of ${ranges.length} issues ${steady === 1 ? 'keeps its' : 'keep their'} rank`;
  const widest = ranges
    .filter((r) => r.worst > r.best)
    .sort((a, b) => b.worst - b.best - (a.worst - a.best) || a.now - b.now)
    .slice(0, 3)
    .map((r) => `${r.name} (${ordinal(r.best)} to ${ordinal(r.worst)})`);
  const swings = widest.length === 0 ? '' : ` The widest swing${widest.length === 1 ? ' is' : 's are'} ${listWords(widest)}.`;
  const firsts = ranges.filter((r) => r.best === 1).map((r) => r.name);
  const first = firsts.length === 1 ? ` Only ${firsts[0]} can be first.` : ` ${listWords(firsts)} can each be first.`;
  return `Moving any one weight by ${pct} (the others held), ${keep}.${swings}${first}`;
}

const target = (r: number) => (r === 1 ? 'first place' : `the top ${r}`);

/**
 * "What would it take" in words: the single-weight answer, the all-weights answer,
 * or why no weighting can do it.
 *
 * @example inverseWords(answer, labels)
 * // ['No single weight, changed on its own, brings Adult Offending (=12th now) into the top 3.',
 * //  'Changing several weights at once, the least change moves 26.7% of the total weight: … Adult Offending then draws level at =3rd.']
 */
export function inverseWords(a: InverseAnswer, l: Labels, constrained = false): string[] {
  const name = own(l.issues, a.issueId) ?? a.issueId;
  const now = placeWords(a.rankNow, a.tiedNow);
  if (a.alreadyThere) return [`${name} is already in ${target(a.targetRank)} (${now}).`];
  const out: string[] = [];
  const s = a.bestSingle;
  if (s !== null && s.weight !== null && s.share !== null) {
    const crit = own(l.criteria, s.criterionId) ?? s.label;
    const rises = (s.shareChange ?? 0) > 0;
    out.push(
      `${name} (${now} now) reaches ${target(a.targetRank)} if ${crit}'s weight ${rises ? 'rises' : 'falls'} to ${weightWords(s.weight)} (from ${share(s.currentShare)} to ${share(s.share)} of the total weight), the others unchanged${s.tied ? `: there it draws level at ${placeWords(s.rank!, true)}` : `: there it is ${ordinal(s.rank!)}`}.`,
    );
  } else {
    out.push(`No single weight, changed on its own, brings ${name} (${now} now) into ${target(a.targetRank)}.`);
  }
  if (a.allWeights !== null) {
    const moves = Object.entries(a.allWeights.shares)
      .map(([id, sh]) => ({ id, to: sh, from: sharesNow(a, id) }))
      .filter((m) => m.from !== null && Math.abs(m.to - m.from) > 5e-4)
      .sort((x, y) => Math.abs(y.to - y.from!) - Math.abs(x.to - x.from!));
    const shown = moves.slice(0, 4).map((m) => `${own(l.criteria, m.id) ?? m.id} from ${share(m.from!)} to ${share(m.to)}`);
    if (moves.length > 4) shown.push(moves.length === 5 ? '1 smaller change' : `${moves.length - 4} smaller changes`);
    const then = a.allWeights.tied ? `then draws level at ${placeWords(a.allWeights.rank, true)}` : `is then ${ordinal(a.allWeights.rank)}`;
    out.push(`Changing several weights at once, the least change moves ${share(a.allWeights.weightMoved)} of the total weight: ${listWords(shown)}. ${name} ${then}.`);
  } else if (a.settled) {
    const within = constrained ? ' within the stated limits on the weights' : '';
    const dom =
      a.dominatedBy.length > 0
        ? ` ${a.dominatedBy.length === 1 ? `${names(a.dominatedBy, l)} scores` : `${a.dominatedBy.length} issues score`} at least as high on every criterion${a.dominatedBy.length > 1 ? ` (${names(a.dominatedBy, l)})` : ''}, so ${a.dominatedBy.length === 1 ? 'it stays' : 'they stay'} at or above ${name} whatever the weights.`
        : '';
    const best =
      a.bestPossibleRank !== null
        ? ` The best any weighting gives it is ${placeWords(a.bestPossibleRank, a.bestPossible?.tied ?? false)}${a.bestPossible && a.bestPossible.weightMoved > 0 ? `, by moving ${share(a.bestPossible.weightMoved)} of the total weight` : ''}.`
        : '';
    out.push(`No weighting of these criteria${within} brings ${name} into ${target(a.targetRank)}.${dom}${best}`);
  } else {
    out.push(`The search across all weights stopped at its limit before finding an answer; the single-weight answers above are exact.`);
  }
  return out;
}

/** The share a criterion has now, recovered from the single-weight answers. */
function sharesNow(a: InverseAnswer, criterionId: string): number | null {
  const s = a.singleWeight.find((x) => x.criterionId === criterionId);
  return s?.currentShare ?? null;
}

/**
 * "It ranks first only if …": the share ranges of the criterion needing the least
 * change over which the issue reaches the target (the other weights held in proportion).
 *
 * @example onlyIfWords(answer, labels) // 'With the other weights in proportion, ASB (Personal) ranks first only if Community priority carries more than 13.5% of the weight.'
 */
export function onlyIfWords(a: InverseAnswer, l: Labels): string {
  const name = own(l.issues, a.issueId) ?? a.issueId;
  const s = a.bestSingle;
  const goal = a.targetRank === 1 ? 'ranks first' : `is in the top ${a.targetRank}`;
  if (s === null) return `No single weight, changed on its own, ${a.targetRank === 1 ? `makes ${name} rank first` : `puts ${name} in the top ${a.targetRank}`}.`;
  const crit = own(l.criteria, s.criterionId) ?? s.label;
  const ranges = s.shareRanges.map((r) => (r.to >= 1 - 1e-12 ? `more than ${share(r.from)}` : r.from <= 1e-12 ? `less than ${share(r.to)}` : `between ${share(r.from)} and ${share(r.to)}`));
  return `With the other weights in proportion, ${name} ${goal} only if ${crit} carries ${ranges.join(' or ')} of the weight.`;
}
