import { formatCsv } from '../csv';
import type { EvidenceResult } from '../evidence/evidence';
import { windowLabel } from '../evidence/period';

const round = (x: number | null | undefined, digits: number): number | null => (x == null ? null : Number(x.toFixed(digits)));

/**
 * The evidence by issue as CSV: the periods, volumes, change (as a number, in
 * the plan's words, and its test), rate per 1,000 with its population, share
 * in the top 10% of LSOAs and weighted volumes. Through `formatCsv`, so text
 * a spreadsheet would run as a formula is neutralised; numbers stay numbers.
 *
 * @example evidenceCsv(evidence).split('\r\n')[0] // 'issue,source,crime types,current period,…'
 */
export function evidenceCsv(e: EvidenceResult): string {
  const current = e.period === null ? '' : windowLabel(e.period.current);
  const previous = e.period === null ? '' : windowLabel(e.period.previous);
  const header = [
    'issue',
    'source',
    'crime types',
    'current period',
    'previous period',
    'months with data (current)',
    'months with data (previous)',
    'volume',
    'previous volume',
    'change',
    'change %',
    'p-value',
    'test',
    'rate per 1,000',
    'population',
    'share in top 10% of LSOAs %',
    'harm-weighted volume',
    'cost-weighted volume',
  ];
  const rows = e.issues.map((i) => [
    i.label,
    i.source === 'police-uk' ? 'police.uk' : 'local counts',
    i.crimeTypes.join('; '),
    current,
    previous,
    i.exposure.current,
    i.exposure.previous,
    i.volume,
    i.previous,
    i.change?.text ?? (i.hasData ? 'No comparison' : 'No data'),
    i.change?.relative == null ? null : round(100 * i.change.relative, 2),
    i.change === null ? null : round(i.change.pValue, 6),
    i.change?.words ?? '',
    round(i.ratePer1000, 4),
    e.population?.total ?? null,
    i.concentration === null ? null : round(100 * i.concentration.share, 2),
    i.harm?.value ?? null,
    i.cost?.value ?? null,
  ]);
  return formatCsv([header, ...rows]);
}
