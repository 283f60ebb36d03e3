import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { areaTrendChart } from '../../src/charts/area-trend';
import { contributionChart } from '../../src/charts/contributions';
import { controlChart } from '../../src/charts/control-chart';
import { crimeByMonthChart } from '../../src/charts/crime-by-month';
import { peerDots } from '../../src/charts/peer-dots';
import { rankAcceptabilityChart } from '../../src/charts/rank-acceptability';
import { trendChart } from '../../src/charts/trend-chart';
import { monthlyExceptions } from '../../models/dashboard/exceptions';
import { monthRange } from '../../models/months';
import { rank } from '../../models/risk-matrix/score';
import { linearProblem } from '../../models/sensitivity/problem';
import { runSmaa } from '../../models/sensitivity/smaa';
import { poissonTrend } from '../../models/stats/trend';
import { seedIssues, seedModel, seedScores } from '../fixtures/seed-matrix';
import { toyAssessment } from '../fixtures/toy-assessment';

// Saved-SVG snapshots of the chart builders: each builder's options are drawn
// by Plot into a jsdom document and the SVG compared with the file saved in
// test/charts/__snapshots__/. A change to a chart shows as a diff of its SVG;
// when the change is meant, review it and update with `npx vitest run
// test/charts -u`. CI never writes snapshots (vitest does not under CI=true),
// so a missing file fails.

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

/** The chart's SVG (with its legend and caption when Plot wraps them in a figure), one element per line so a change diffs clearly. */
function svgOf(options: Plot.PlotOptions): string {
  return `${Plot.plot({ ...options, document }).outerHTML.replace(/></g, '>\n<')}\n`;
}

const snapshot = (name: string) => `./__snapshots__/${name}.svg`;

const MONTHS = monthRange('2021-01', '2023-12');
/** A seasonal series with a gentle fall and one unusual month (deterministic). */
const series = MONTHS.map((month, i) => ({ month, count: Math.round(120 - i * 0.8 + 15 * Math.sin((2 * Math.PI * i) / 12)) + (month === '2023-11' ? 60 : 0) }));

describe('chart SVG snapshots', () => {
  it('trend chart: monthly counts and the fitted trend', async () => {
    await expect(svgOf(trendChart('Burglary', poissonTrend(series)!))).toMatchFileSnapshot(snapshot('trend-chart'));
  });

  it('control chart: the months against their limits', async () => {
    await expect(svgOf(controlChart(monthlyExceptions(series), 'Burglary by month against its control limits'))).toMatchFileSnapshot(snapshot('control-chart'));
  });

  it('rows by crime type and month', async () => {
    const months = MONTHS.slice(-6);
    const types = ['Violence and sexual offences', 'Anti-social behaviour', 'Shoplifting'];
    const counts = months.flatMap((month, i) => types.map((crimeType, j) => ({ month, crimeType, rows: 100 * (3 - j) + 7 * i })));
    await expect(svgOf(crimeByMonthChart(counts, types, months))).toMatchFileSnapshot(snapshot('crime-by-month'));
  });

  it('an area’s trend for one crime type', async () => {
    const months = MONTHS.slice(-12);
    await expect(
      svgOf(
        areaTrendChart(
          months,
          'Burglary',
          months.map((_, i) => 40 + ((i * 7) % 11)),
          'Luton South',
        ),
      ),
    ).toMatchFileSnapshot(snapshot('area-trend'));
  });

  it('contributions of each criterion to the seed matrix totals', async () => {
    await expect(svgOf(contributionChart(seedModel, rank(seedModel, seedIssues, seedScores), 5))).toMatchFileSnapshot(snapshot('contributions'));
  });

  // The pairwise chart is left out: Plot measures its text on a canvas, which jsdom lacks.
  it('rank acceptability from a seeded SMAA run (seed 1234)', async () => {
    const r = runSmaa(
      linearProblem(
        toyAssessment([
          [3, 1, 2],
          [2, 2, 2],
          [1, 3, 1],
          [2, 1, 3],
        ]),
      ),
      { samples: 2000, seed: 1234 },
    );
    await expect(svgOf(rankAcceptabilityChart(r, { topN: 2 }))).toMatchFileSnapshot(snapshot('rank-acceptability'));
  });

  it('peer dots: the partnership among its comparators', async () => {
    const rates = [
      { code: 'E06000056', name: 'Central Bedfordshire', count: 1200, population: 280000, rate: 4.29 },
      { code: 'E06000055', name: 'Bedford', count: 1100, population: 170000, rate: 6.47 },
      { code: 'E06000032', name: 'Luton', count: 1500, population: 214000, rate: 7.01 },
    ];
    const issue = { issueId: 'burglary', label: 'Burglary', rates, rank: { rank: 3, of: 3, text: '3rd lowest of 3' }, groupRank: null };
    await expect(svgOf(peerDots(issue, 'Luton'))).toMatchFileSnapshot(snapshot('peer-dots'));
  });
});
