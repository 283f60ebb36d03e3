import * as Plot from '@observablehq/plot';
import type { ScenarioComparison } from '../../models/sensitivity/scenario';

export interface SlopePoint {
  issue: string;
  scenario: string;
  rank: number;
  rankLabel: string;
  /** 'up', 'down' or 'same' from the first scenario to the last. */
  trend: 'up' | 'down' | 'same';
}

/** The slope chart's points: one per issue per scenario. */
export function slopePoints(cmp: ScenarioComparison): SlopePoint[] {
  const last = cmp.scenarios.length - 1;
  return cmp.rows.flatMap((r) => {
    const c = r.change[last]!;
    const trend = c > 0 ? 'up' : c < 0 ? 'down' : 'same';
    return r.places.map((p, k) => ({ issue: r.label, scenario: cmp.scenarios[k]!.name, rank: p.rank, rankLabel: p.rankLabel, trend }));
  });
}

/**
 * A slope chart of ranks across 2 to 4 scenarios: a line per issue from
 * scenario to scenario, rank 1 at the top, issues that rise (first scenario to
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
    style: { fontSize: '11px' },
    ariaLabel: `Ranks under ${names.join(', ')}`,
    x: { type: 'point', domain: names, label: null, axis: 'top' },
    y: { domain: [1, n], reverse: true, label: 'Rank', axis: null },
    color: { domain: ['up', 'down', 'same'], range: ['#1f77b4', '#e6550d', '#bdbdbd'], legend: false },
    marks: [
      Plot.line(points, { x: 'scenario', y: 'rank', z: 'issue', stroke: 'trend', strokeWidth: 1.5 }),
      Plot.dot(points, { x: 'scenario', y: 'rank', fill: 'trend', r: 2.5, title: (d: SlopePoint) => `${d.issue}\n${d.scenario}: ${d.rankLabel}` }),
      Plot.text(first, { x: 'scenario', y: 'rank', text: (d: SlopePoint) => `${d.issue} ${d.rankLabel}`, textAnchor: 'end', dx: -6 }),
      Plot.text(last, { x: 'scenario', y: 'rank', text: (d: SlopePoint) => `${d.rankLabel} ${d.issue}`, textAnchor: 'start', dx: 6 }),
    ],
  };
}
