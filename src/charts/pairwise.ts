import * as Plot from '@observablehq/plot';
import { formatPercent } from '../../models/format';
import type { SmaaResult } from '../../models/sensitivity/smaa';
import { orderByMeanRank, pairwiseShares } from '../../models/sensitivity/summary';

export interface PairCell {
  row: string;
  column: string;
  share: number;
}

/** The grid's cells for the first `limit` issues by mean rank (the grid is unreadable beyond about 20). */
export function pairCells(result: SmaaResult, limit = 15, labels?: Readonly<Record<string, string>>): { cells: PairCell[]; issues: string[] } {
  const order = orderByMeanRank(result).slice(0, limit);
  const pw = pairwiseShares(result);
  const label = (i: number) => labels?.[result.issueIds[i]!] ?? result.issueLabels[i]!;
  const cells = order.flatMap((i) => order.filter((k) => k !== i).map((k) => ({ row: label(i), column: label(k), share: pw[i]![k]! })));
  return { cells, issues: order.map(label) };
}

/**
 * A grid of "row ranks above column" probabilities for the leading issues:
 * dark where the row issue is almost always above, pale where almost never.
 *
 * @example <csp-plot .options=${pairwiseChart(result, { limit: 12 })}></csp-plot>
 */
export function pairwiseChart(result: SmaaResult, opts: { limit?: number; labels?: Readonly<Record<string, string>> } = {}): Plot.PlotOptions {
  const { cells, issues } = pairCells(result, opts.limit ?? 15, opts.labels);
  return {
    width: 200 + issues.length * 34,
    height: 200 + issues.length * 26,
    marginLeft: 200,
    marginBottom: 170,
    style: { fontSize: '11px' },
    ariaLabel: 'Share of plausible weightings in which the row issue ranks above the column issue',
    x: { domain: issues, label: 'ranks above…', tickRotate: -45 },
    y: { domain: issues, label: null },
    color: { type: 'linear', domain: [0, 1], range: ['#f7fbff', '#08306b'], legend: true, label: 'Share of weightings', tickFormat: (v: number) => formatPercent(v, 0) },
    marks: [
      Plot.cell(cells, { x: 'column', y: 'row', fill: 'share', title: (d: PairCell) => `${d.row} ranks above ${d.column} in ${formatPercent(d.share)}`, tip: true }),
      Plot.text(cells, { x: 'column', y: 'row', text: (d: PairCell) => formatPercent(d.share, 0), fill: (d: PairCell) => (d.share > 0.55 ? 'white' : 'black') }),
    ],
  };
}
