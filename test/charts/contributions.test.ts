import { describe, expect, it } from 'vitest';
import { contributionChart, contributionSegments } from '../../src/charts/contributions';
import { criterionColours } from '../../src/charts/criterion-colours';
import { rank } from '../../models/risk-matrix/score';
import { seedAssessment } from '../models/risk-matrix/fixtures';

const a = seedAssessment();
const ranked = rank(a.model, a.issues, a.scores);

describe('contributionSegments', () => {
  it('stacks each issue’s criterion scores left to right, leaving out zeros, ending at its total', () => {
    const segs = contributionSegments(a.model, ranked);
    const terrorism = segs.filter((s) => s.issue === 'Terrorism');
    // Terrorism scores 0 on performance, so it has 8 parts, not 9.
    expect(terrorism.map((s) => s.criterion)).toHaveLength(8);
    expect(terrorism[0]).toMatchObject({ criterion: 'PCC priority / national priority', x1: 0, x2: 5, position: 2 });
    for (const r of ranked) expect(Math.max(...segs.filter((s) => s.issue === r.label).map((s) => s.x2))).toBe(r.total);
  });

  it('follows the weights: Community priority ×3 triples that part', () => {
    const weighted = rank(a.model, a.issues, a.scores, { community_priority: 3 });
    const asb = contributionSegments(a.model, weighted).find((s) => s.issue === 'ASB (Personal)' && s.criterion === 'Community priority')!;
    expect(asb).toMatchObject({ value: 15, position: 0 });
  });
});

describe('contributionChart', () => {
  it('draws one row per issue in ranked order with a cut line under the top N', () => {
    const options = contributionChart(a.model, ranked, 3);
    expect(options.marks).toHaveLength(4);
    expect(options.height).toBe(32 * 22 + 70);
    const y = options.y as { domain: number[]; ticks: number[]; tickFormat: (v: number) => string };
    expect(y.domain).toEqual([0, 32]);
    expect(y.tickFormat(y.ticks[0]!)).toBe('1. Domestic Abuse');
    expect(y.tickFormat(y.ticks[2]!)).toBe('=2. Terrorism');
  });

  it('leaves the cut line out when none is set or it is past the end', () => {
    expect(contributionChart(a.model, ranked).marks).toHaveLength(2);
    expect(contributionChart(a.model, ranked, 32).marks).toHaveLength(2);
  });

  it('draws only the 100 highest ranked of a longer ranking', () => {
    // The seed's 32 issues five times over, with new ids: 160 issues.
    const issues = [0, 1, 2, 3, 4].flatMap((k) => a.issues.map((i) => ({ ...i, id: `${i.id}-${k}`, label: `${i.label} ${k}` })));
    const scores = Object.fromEntries(issues.map((i) => [i.id, a.scores[i.id.replace(/-\d$/, '')]!]));
    const long = rank(a.model, issues, scores);
    const options = contributionChart(a.model, long, 3);
    const y = options.y as { domain: number[]; ticks: number[]; tickFormat: (v: number) => string };
    expect(y.domain).toEqual([0, 100]);
    expect(y.ticks).toHaveLength(100);
    expect(options.height).toBe(100 * 22 + 70);
    expect(y.tickFormat(y.ticks[99]!)).toBe(`${long[99]!.rankLabel}. ${long[99]!.label}`);
  });

  it('colours criteria by their place in the model', () => {
    const colours = criterionColours(a.model.criteria.map((c) => c.label));
    expect(colours.domain[0]).toBe('Performance issue – deteriorating');
    expect(new Set(colours.range).size).toBe(9);
  });
});
