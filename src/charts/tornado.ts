import * as Plot from '@observablehq/plot';
import type { TornadoBar } from '../../models/sensitivity/tornado';
import { ordinal } from '../../models/sensitivity/words';
import { own } from '../../models/own';

export interface TornadoRow {
  criterion: string;
  best: number;
  worst: number;
  atLow: number;
  atHigh: number;
  now: number;
}

/** The tornado's rows: one per criterion, widest swing first (as `issueTornado` orders them). */
export function tornadoRows(bars: readonly TornadoBar[], criteria: Readonly<Record<string, string>>): TornadoRow[] {
  return bars.map((b) => ({ criterion: own(criteria, b.criterionId) ?? b.criterionId, best: b.bestRank, worst: b.worstRank, atLow: b.rankAtLow, atHigh: b.rankAtHigh, now: b.rankNow }));
}

/**
 * A tornado for one issue: a bar per criterion from the best to the worst rank
 * the issue takes while that weight moves by ±change (the others held), with
 * the rank at −change (open circle) and +change (filled), and a rule at the
 * rank now. Rank 1 is on the left.
 *
 * @example <csp-plot .options=${tornadoChart(issueTornado(t, 'i11'), { criteria, issueCount: 32, change: 0.5, issue: 'Adult Offending' })}></csp-plot>
 */
export function tornadoChart(bars: readonly TornadoBar[], opts: { criteria: Readonly<Record<string, string>>; issueCount: number; change: number; issue: string }): Plot.PlotOptions {
  const rows = tornadoRows(bars, opts.criteria);
  const pct = `${Math.round(opts.change * 100)}%`;
  return {
    width: 760,
    height: 75 + rows.length * 28,
    marginLeft: 210,
    // The axis title sits centred below the tick labels, never on top of them.
    marginBottom: 45,
    style: { fontSize: '12px' },
    ariaLabel: `Tornado: ${opts.issue}'s rank when each weight moves by ±${pct}`,
    x: {
      label: `Rank of ${opts.issue} (1 = top)`,
      labelAnchor: 'center',
      labelOffset: 38,
      labelArrow: 'none',
      domain: [1, opts.issueCount],
      grid: true,
      tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : ''),
    },
    y: { label: null, domain: rows.map((r) => r.criterion) },
    marks: [
      Plot.barX(rows, {
        y: 'criterion',
        x1: (d: TornadoRow) => d.best - 0.4,
        x2: (d: TornadoRow) => d.worst + 0.4,
        fill: '#9ecae1',
        title: (d: TornadoRow) => `${d.criterion}: ${ordinal(d.best)} to ${ordinal(d.worst)}`,
        tip: true,
      }),
      Plot.dot(rows, { y: 'criterion', x: 'atLow', stroke: '#14325c', fill: 'white', r: 4, title: (d: TornadoRow) => `${d.criterion}, weight −${pct}: ${ordinal(d.atLow)}`, tip: true }),
      Plot.dot(rows, { y: 'criterion', x: 'atHigh', fill: '#14325c', r: 4, title: (d: TornadoRow) => `${d.criterion}, weight +${pct}: ${ordinal(d.atHigh)}`, tip: true }),
      Plot.ruleX(rows.slice(0, 1), { x: 'now', stroke: '#c0392b', strokeDasharray: '4,3' }),
    ],
  };
}

export interface RankRangeRow {
  issue: string;
  best: number;
  worst: number;
  now: number;
}

/**
 * Every issue's rank range over all single-weight moves of ±change: a bar from
 * best to worst rank and a tick at today's rank; widest swing first (a
 * tornado), ties in today's order.
 *
 * @example <csp-plot .options=${rankRangeChart(rows, { issueCount: 32, change: 0.5 })}></csp-plot>
 */
export function rankRangeChart(rows: readonly RankRangeRow[], opts: { issueCount: number; change: number }): Plot.PlotOptions {
  const ordered = [...rows].sort((a, b) => b.worst - b.best - (a.worst - a.best) || a.now - b.now);
  return {
    width: 760,
    height: 55 + ordered.length * 18,
    marginLeft: 200,
    marginBottom: 45,
    style: { fontSize: '12px' },
    ariaLabel: `Each issue's rank range when any one weight moves by ±${Math.round(opts.change * 100)}%`,
    x: { label: 'Rank (1 = top)', labelAnchor: 'center', labelOffset: 38, labelArrow: 'none', domain: [1, opts.issueCount], grid: true },
    y: { label: null, domain: ordered.map((r) => r.issue) },
    marks: [
      Plot.barX(ordered, {
        y: 'issue',
        x1: (d: RankRangeRow) => d.best - 0.4,
        x2: (d: RankRangeRow) => d.worst + 0.4,
        fill: '#c6dbef',
        title: (d: RankRangeRow) => `${d.issue}: ${ordinal(d.best)} to ${ordinal(d.worst)}`,
        tip: true,
      }),
      Plot.tickX(ordered, { y: 'issue', x: 'now', stroke: '#14325c', strokeWidth: 2 }),
    ],
  };
}
