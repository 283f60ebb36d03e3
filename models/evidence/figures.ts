import { z } from 'zod';
import { formatCount, formatMonth, formatPercent, formatRate, monthName } from '../format';
import type { IssueEvidence } from './evidence';
import { windowLabel, type Period } from './period';

/**
 * The figures of the evidence table and how each is written. The table and
 * the trace of a figure both use these, so a trace always names the figure
 * exactly as the table shows it.
 */
export const Figure = z.enum(['volume', 'previous', 'change', 'rate', 'concentration', 'harm', 'cost', 'series', 'seasonality']);
export type Figure = z.infer<typeof Figure>;

export const FIGURE_LABELS: Readonly<Record<Figure, string>> = {
  volume: '12-month volume',
  previous: 'Previous 12 months',
  change: 'Change',
  rate: 'Rate per 1,000',
  concentration: 'Share in top 10% of LSOAs',
  harm: 'Harm-weighted volume',
  cost: 'Cost-weighted volume',
  series: 'Monthly series',
  seasonality: 'Seasonal profile',
};

/**
 * The label of a figure for a period of `months` months ("12-month volume",
 * "Previous 6 months"), or for a named period, naming it ("Volume, Q3 2023/24 (Oct to Dec 2023)").
 */
export function figureLabel(figure: Figure, period: number | Pick<Period, 'length' | 'name' | 'current' | 'previous'> = 12): string {
  if (typeof period !== 'number' && period.name !== undefined) {
    if (figure === 'volume') return `Volume, ${windowLabel(period.current)}`;
    if (figure === 'previous') return `Volume, ${windowLabel(period.previous)}`;
    if (figure === 'rate') return `Rate per 1,000 (${windowLabel(period.current)})`;
  }
  const months = typeof period === 'number' ? period : period.length;
  if (figure === 'volume') return `${months}-month volume`;
  if (figure === 'previous') return `Previous ${months} months`;
  if (figure === 'rate') return `Rate per 1,000 (${months} months)`;
  return FIGURE_LABELS[figure];
}

function weightedText(w: IssueEvidence['harm']): string {
  if (w === null) return '—';
  if (w.value !== null) return formatCount(Math.round(w.value));
  return w.missing.length === w.parts.length ? 'No weights' : `Needs weights for ${w.missing.join(', ')}`;
}

/**
 * A figure as the evidence table writes it.
 *
 * @example figureText(burglary, 'change') // 'Up 229 (32%)'
 */
export function figureText(issue: IssueEvidence, figure: Figure, months?: number): string {
  if (!issue.hasData && figure !== 'series' && figure !== 'seasonality') return figure === 'volume' ? 'No data' : '—';
  // With the period's length, a volume over fewer months with data says how many it covers.
  const partial = (n: number) => (months === undefined || n >= months ? '' : ` (${n} of ${months} months)`);
  switch (figure) {
    case 'volume':
      return `${formatCount(issue.volume!)}${partial(issue.exposure.current)}`;
    case 'previous':
      return issue.previous === null ? '—' : `${formatCount(issue.previous)}${partial(issue.exposure.previous)}`;
    case 'change':
      return issue.change === null ? 'No comparison' : issue.change.text;
    case 'rate':
      return issue.ratePer1000 === null ? '—' : issue.rateBasis ? formatRate(issue.ratePer1000).replace(/ per 1,000$/, ` ${issue.rateBasis}`) : formatRate(issue.ratePer1000);
    case 'concentration':
      return issue.concentration === null ? '—' : formatPercent(issue.concentration.share, 0);
    case 'harm':
      return weightedText(issue.harm);
    case 'cost':
      return weightedText(issue.cost);
    case 'series': {
      const known = issue.series.filter((s) => s.count !== null);
      if (known.length === 0) return 'No months with data';
      return `${formatMonth(issue.series[0]!.month)} to ${formatMonth(issue.series.at(-1)!.month)}`;
    }
    case 'seasonality':
      return issue.seasonality === null ? 'Needs a full year of months' : `Peak: ${issue.seasonality.peak.map(monthName).join(', ')}`;
  }
}
