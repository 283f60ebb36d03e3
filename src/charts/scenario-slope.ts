import * as Plot from '@observablehq/plot';
import type { ScenarioComparison } from '../../models/sensitivity/scenario';

export interface SlopePoint {
  issue: string;
  scenario: string;
  rank: number;
  rankLabel: string;
  /**
   * Where the issue is drawn: its place in the ranking, ties listed in
   * assessment order, so issues sharing a rank ("=2") get a line each and
   * their labels do not overprint.
   */
  position: number;
  /** 'up', 'down' or 'same' from the first scenario to the last. */
  trend: 'up' | 'down' | 'same';
}

/** The slope chart's points: one per issue per scenario. */
export function slopePoints(cmp: ScenarioComparison): SlopePoint[] {
  const last = cmp.scenarios.length - 1;
  // Per scenario, each row's position: by rank, ties in assessment order (the order of `rows`).
  const positions = cmp.scenarios.map((_, k) => {
    const order = cmp.rows.map((r, i) => ({ i, rank: r.places[k]!.rank })).sort((a, b) => a.rank - b.rank || a.i - b.i);
    const pos = new Array<number>(cmp.rows.length);
    order.forEach((o, p) => (pos[o.i] = p + 1));
    return pos;
  });
  return cmp.rows.flatMap((r, i) => {
    const c = r.change[last]!;
    const trend = c > 0 ? 'up' : c < 0 ? 'down' : 'same';
    return r.places.map((p, k) => ({ issue: r.label, scenario: cmp.scenarios[k]!.name, rank: p.rank, rankLabel: p.rankLabel, position: positions[k]![i]!, trend }));
  });
}

/**
 * A slope chart of ranks across 2 to 4 scenarios: a line per issue from
 * scenario to scenario, rank 1 at the top (tied issues one under another, labelled "=2"), issues that rise (first scenario to
 * last) in blue, fall in orange, stay in grey; labels at both ends.
 *
 * @example <csp-plot .options=${scenarioSlopeChart(comparison)}></csp-plot>
 */
export function scenarioSlopeChart(cmp: ScenarioComparison): Plot.PlotOptions {
  const points = slopePoints(cmp);
  const names = cmp.scenarios.map((s) => s.name);
  const first = points.filter((p) => p.scenario === names[0]);
  const last = points.filter((p) => p.scenario === names[names.length - 1]);
  const n = cmp.rows.length;
  return {
    width: 820,
    height: 60 + n * 16,
    marginLeft: 210,
    marginRight: 210,
    // Room for the scenario names above and for the last row's labels below.
    marginTop: 30,
    marginBottom: 12,
    style: { fontSize: '11px' },
    ariaLabel: `Ranks under ${names.join(', ')}`,
    x: { type: 'point', domain: names, label: null, axis: 'top' },
    y: { domain: [1, n], reverse: true, label: 'Place', axis: null },
    color: { domain: ['up', 'down', 'same'], range: ['#1f77b4', '#e6550d', '#bdbdbd'], legend: false },
    marks: [
      Plot.line(points, { x: 'scenario', y: 'position', z: 'issue', stroke: 'trend', strokeWidth: 1.5 }),
      Plot.dot(points, { x: 'scenario', y: 'position', fill: 'trend', r: 2.5, title: (d: SlopePoint) => `${d.issue}\n${d.scenario}: ${d.rankLabel}`, tip: true }),
      Plot.text(first, { x: 'scenario', y: 'position', text: (d: SlopePoint) => `${d.issue} ${d.rankLabel}`, textAnchor: 'end', dx: -6 }),
      Plot.text(last, { x: 'scenario', y: 'position', text: (d: SlopePoint) => `${d.rankLabel} ${d.issue}`, textAnchor: 'start', dx: 6 }),
    ],
  };
}
