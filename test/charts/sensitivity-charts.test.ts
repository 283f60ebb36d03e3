import { describe, expect, it } from 'vitest';
import { linearProblem } from '../../models/sensitivity/problem';
import { compareScenarios } from '../../models/sensitivity/scenario';
import { runSmaa } from '../../models/sensitivity/smaa';
import { issueTornado, rankRanges, tornado } from '../../models/sensitivity/tornado';
import { labelsOf } from '../../models/sensitivity/weight-words';
import { pairCells, pairwiseChart } from '../../src/charts/pairwise';
import { rankAcceptabilityChart, rankShares } from '../../src/charts/rank-acceptability';
import { scenarioSlopeChart, slopePoints } from '../../src/charts/scenario-slope';
import { rankRangeChart, tornadoChart, tornadoRows } from '../../src/charts/tornado';
import { seedAssessment, seedId } from '../fixtures/seed-matrix';

const p = linearProblem(seedAssessment);
const result = runSmaa(p, { samples: 4000 });
const labels = labelsOf(seedAssessment);

/** A mark's data, as Plot keeps it. */
const data = (mark: unknown) => (mark as { data: unknown[] }).data;

describe('rankAcceptabilityChart', () => {
  it('splits each issue’s bar into 1st … Nth and Lower, summing to 1', () => {
    const { rows, bands, issues } = rankShares(result, 5);
    expect(bands).toEqual(['1st', '2nd', '3rd', '4th', '5th', 'Lower']);
    expect(issues).toHaveLength(32);
    for (const issue of issues) expect(rows.filter((r) => r.issue === issue).reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('orders the bars by mean rank and colours each band', () => {
    const o = rankAcceptabilityChart(result, { topN: 3 });
    expect((o.y as { domain: string[] }).domain[0]).toBe(rankShares(result, 3).issues[0]);
    expect((o.color as { domain: string[]; range: string[] }).range).toHaveLength(4);
    expect(data(o.marks![0])).toHaveLength(32 * 4);
    expect(o.ariaLabel).toMatch(/Rank acceptability/);
  });
});

describe('tornadoChart', () => {
  const t = tornado(p, 0.5);
  it('draws a bar per criterion with the ends of the range and the rank now', () => {
    const bars = issueTornado(t, seedId('Domestic Abuse'));
    const rows = tornadoRows(bars, labels.criteria);
    expect(rows[0]).toMatchObject({ best: bars[0]!.bestRank, worst: bars[0]!.worstRank });
    const o = tornadoChart(bars, { criteria: labels.criteria, issueCount: 32, change: 0.5, issue: 'Domestic Abuse' });
    expect(o.marks).toHaveLength(4);
    expect((o.y as { domain: string[] }).domain).toEqual(rows.map((r) => r.criterion));
    expect(o.ariaLabel).toBe("Tornado: Domestic Abuse's rank when each weight moves by ±50%");
  });

  it('draws every issue’s overall range, widest swing first (ties in today’s order)', () => {
    const ranges = [...rankRanges(t)].map(([id, r]) => ({ issue: labels.issues[id]!, ...r }));
    const o = rankRangeChart(ranges, { issueCount: 32, change: 0.5 });
    const domain = (o.y as { domain: string[] }).domain;
    const swing = (name: string) => ranges.find((r) => r.issue === name)!;
    // Non-increasing swing (worst − best) down the chart; equal swings keep today's rank order.
    for (let i = 1; i < domain.length; i++) {
      const a = swing(domain[i - 1]!);
      const b = swing(domain[i]!);
      expect(a.worst - a.best).toBeGreaterThanOrEqual(b.worst - b.best);
      if (a.worst - a.best === b.worst - b.best) expect(a.now).toBeLessThanOrEqual(b.now);
    }
    expect(domain).toHaveLength(32);
    // The axis title is centred under the tick labels, not beside the last one.
    expect(o.x).toMatchObject({ labelAnchor: 'center', labelOffset: 38 });
  });
});

describe('scenarioSlopeChart', () => {
  it('has a point per issue per scenario, coloured by direction', () => {
    const cmp = compareScenarios(seedAssessment, [
      { id: 'a', name: 'Baseline' },
      { id: 'b', name: 'Community first', weights: { community_priority: 3 } },
    ]);
    const pts = slopePoints(cmp);
    expect(pts).toHaveLength(64);
    expect(pts.find((x) => x.issue === 'ASB (Personal)')!.trend).toBe('up');
    expect(pts.find((x) => x.issue === 'Domestic Abuse')!.trend).toBe('down');
    const o = scenarioSlopeChart(cmp);
    expect((o.x as { domain: string[] }).domain).toEqual(['Baseline', 'Community first']);
    expect((o.y as { reverse: boolean }).reverse).toBe(true);
  });

  it('draws tied issues one under another, in assessment order, labelled with their shared rank', () => {
    const cmp = compareScenarios(seedAssessment, [
      { id: 'a', name: 'Baseline' },
      { id: 'b', name: 'Community first', weights: { community_priority: 3 } },
    ]);
    const base = slopePoints(cmp).filter((x) => x.scenario === 'Baseline');
    // ASB (Personal) and Terrorism share =2 on the seed; ASB (Personal) comes first in the assessment.
    expect(base.filter((x) => x.rankLabel === '=2').map((x) => [x.issue, x.position])).toEqual([
      ['ASB (Personal)', 2],
      ['Terrorism', 3],
    ]);
    expect(new Set(base.map((x) => x.position)).size).toBe(32);
  });
});

describe('pairwiseChart', () => {
  it('shows the leading issues against each other', () => {
    const { cells, issues } = pairCells(result, 6);
    expect(issues).toHaveLength(6);
    expect(cells).toHaveLength(30);
    const c = cells[0]!;
    const back = cells.find((x) => x.row === c.column && x.column === c.row)!;
    expect(c.share + back.share).toBeLessThanOrEqual(1 + 1e-12);
    expect(pairwiseChart(result, { limit: 6 }).marks).toHaveLength(2);
  });
});
