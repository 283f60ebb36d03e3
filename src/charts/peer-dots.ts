import * as Plot from '@observablehq/plot';
import { formatCount, formatRate } from '../../models/format';
import type { PeerIssue } from '../../models/peers/peers';

/** The rate as a bare number for the label beside each dot (the axis names the unit). */
const rateNumber = (v: number) => v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A dot plot of one issue's rate per 1,000 by area, lowest at the top (rank
 * 1), the partnership highlighted and labelled, a tip with the exact figures.
 *
 * @example <csp-plot .options=${peerDots(issue, 'Luton')}></csp-plot>
 */
export function peerDots(issue: PeerIssue, partnership: string): Plot.PlotOptions {
  const rows = issue.rates.map((r, i) => ({ ...r, rank: i + 1, mine: r.name === partnership }));
  const tip = (r: (typeof rows)[number]) => `${r.name}: ${formatRate(r.rate)} residents a year\n${formatCount(r.count)} rows, ${formatCount(r.population)} residents`;
  return {
    width: 560,
    height: 40 + rows.length * 28,
    marginLeft: 150,
    marginRight: 60,
    ariaLabel: `${issue.label}: rate per 1,000 by area`,
    x: { label: 'Rate per 1,000 residents a year', grid: true, zero: true },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.ruleY(rows, { y: 'name', stroke: '#e3e6ea' }),
      Plot.dot(rows, { x: 'rate', y: 'name', r: 6, fill: (r) => (r.mine ? '#a4262c' : '#5a6573'), title: tip, tip: true }),
      Plot.text(
        rows.filter((r) => !r.mine),
        { x: 'rate', y: 'name', text: (r) => rateNumber(r.rate), dx: 10, textAnchor: 'start' },
      ),
      Plot.text(
        rows.filter((r) => r.mine),
        { x: 'rate', y: 'name', text: (r) => rateNumber(r.rate), dx: 10, textAnchor: 'start', fontWeight: 'bold' },
      ),
    ],
  };
}
