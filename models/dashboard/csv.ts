import { formatCsv } from '../csv';
import { RAG_LABELS } from './rag';
import { MONTH_STATUS_WORDS } from './exceptions';
import { dashboardPeriods, factorText, type Dashboard } from './dashboard';
import { formatMonth } from '../format';
import type { PeerComparison } from '../peers/peers';
import { trendWords } from '../stats/trend';

const pct = (x: number | null | undefined): number | null => (x == null ? null : Number((100 * x).toFixed(2)));

/**
 * The dashboard as CSV, one row per issue: RAG and its reasons, the latest
 * quarter and rolling 12 months (volumes, change as a number and in words,
 * the test), rate per 1,000 and what it is per, the peer rank (when worked
 * out), the long-run trend and the last three months' exceptions. Text is
 * neutralised against spreadsheet formulas by `formatCsv`; numbers stay numbers.
 *
 * @example dashboardCsv(d).split('\r\n')[0] // 'issue,RAG,RAG reason,…'
 */
export function dashboardCsv(d: Dashboard, peers: PeerComparison | null = null): string {
  const periods = dashboardPeriods(d);
  const recent = d.quarter?.current.months ?? [];
  const header = [
    'issue',
    'RAG',
    'RAG reason',
    'positive and negative factors',
    'quarter volume',
    'same quarter a year earlier',
    'quarter change %',
    'quarter change',
    'quarter test',
    '12-month volume',
    'previous 12 months',
    '12-month change %',
    '12-month change',
    '12-month test',
    'rate per 1,000',
    'rate basis',
    'peer rank',
    'peer group rank',
    'long-run trend % a year',
    'long-run trend 95% interval low %',
    'long-run trend 95% interval high %',
    'long-run trend',
    ...recent.map((m) => `exception ${formatMonth(m)}`),
    'quarter period',
    '12-month period',
  ];
  const rows = d.rows.map((r) => [
    r.label,
    RAG_LABELS[r.rag.rag],
    r.rag.words,
    r.indicators
      .filter((i) => i.rating !== 'not-rated')
      .map((i) => `${i.rating === 'positive' ? 'Positive' : i.rating === 'negative' ? 'Negative' : i.rating === 'neutral' ? 'Neutral' : 'Amber'}: ${factorText(i, r)}`)
      .join('; '),
    r.quarter.current,
    r.quarter.previous,
    pct(r.quarter.change?.relative),
    r.quarter.change?.text ?? 'No comparison',
    r.quarter.change?.words ?? '',
    r.rolling.current,
    r.rolling.previous,
    pct(r.rolling.change?.relative),
    r.rolling.change?.text ?? 'No comparison',
    r.rolling.change?.words ?? '',
    r.ratePer1000 === null ? null : Number(r.ratePer1000.toFixed(4)),
    r.ratePer1000 === null ? '' : (r.rateBasis ?? ''),
    peers?.issues.find((p) => p.issueId === r.issueId)?.rank?.text ?? '',
    peers?.issues.find((p) => p.issueId === r.issueId)?.groupRank?.text ?? '',
    pct(r.trend?.annualChange),
    pct(r.trend?.lower),
    pct(r.trend?.upper),
    r.trend ? trendWords(r.trend) : '',
    ...r.recent.map((m) => MONTH_STATUS_WORDS[m.status].words),
    periods.quarter,
    periods.rolling,
  ]);
  return formatCsv([header, ...rows]);
}
