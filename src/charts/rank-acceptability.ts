import * as Plot from '@observablehq/plot';
import { formatPercent } from '../../models/format';
import type { SmaaResult } from '../../models/sensitivity/smaa';
import { orderByMeanRank, rankAcceptability } from '../../models/sensitivity/summary';
import { ordinal } from '../../models/sensitivity/words';

export interface RankShare {
  issue: string;
  /** "1st" … "Nth", or "Lower" for every rank below N. */
  band: string;
  share: number;
}

/** The bars' data: per issue, its share at each rank 1..N and below N. */
export function rankShares(result: SmaaResult, topN: number, labels?: Readonly<Record<string, string>>): { rows: RankShare[]; bands: string[]; issues: string[] } {
  const acc = rankAcceptability(result);
  const n = Math.min(topN, result.issueIds.length);
  const bands = [...Array.from({ length: n }, (_, k) => ordinal(k + 1)), 'Lower'];
  const order = orderByMeanRank(result);
  const label = (i: number) => labels?.[result.issueIds[i]!] ?? result.issueLabels[i]!;
  const rows = order.flatMap((i) => {
    const row = acc[i]!;
    const lower = row.slice(n).reduce((a, b) => a + b, 0);
    return [...row.slice(0, n).map((share, k) => ({ issue: label(i), band: bands[k]!, share })), { issue: label(i), band: 'Lower', share: lower }];
  });
  return { rows, bands, issues: order.map(label) };
}

/**
 * Stacked bars of rank acceptability: one bar per issue (best mean rank at the
 * top), split into its share of samples at 1st, 2nd, … Nth and below N.
 *
 * @example <csp-plot .options=${rankAcceptabilityChart(result, { topN: 5 })}></csp-plot>
 */
export function rankAcceptabilityChart(result: SmaaResult, opts: { topN: number; labels?: Readonly<Record<string, string>> }): Plot.PlotOptions {
  const { rows, bands, issues } = rankShares(result, opts.topN, opts.labels);
  // Darkest for first place, lightening towards N; everything below N in pale grey.
  const blues = bands.slice(0, -1).map((_, k, all) => `hsl(214, 60%, ${22 + (50 * k) / Math.max(1, all.length - 1)}%)`);
  return {
    width: 900,
    height: 40 + issues.length * 20,
    marginLeft: 200,
    style: { fontSize: '12px' },
    ariaLabel: `Rank acceptability: share of plausible weightings at each rank, top ${opts.topN}`,
    x: { label: 'Share of plausible weightings', domain: [0, 1], tickFormat: (v: number) => formatPercent(v, 0), grid: true },
    y: { label: null, domain: issues },
    color: { domain: bands, range: [...blues, '#d9d9d9'], legend: true },
    marks: [
      Plot.barX(rows, {
        y: 'issue',
        x: 'share',
        fill: 'band',
        order: bands,
        title: (d: RankShare) => `${d.issue}\n${d.band === 'Lower' ? `Below ${ordinal(opts.topN)}` : d.band}: ${formatPercent(d.share)}`,
        tip: true,
      }),
      Plot.ruleX([0]),
    ],
  };
}
