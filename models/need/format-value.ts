import { fixed, formatCount, formatPercent, formatRate } from '../format';
import type { IndicatorUnit } from './indicators';

const decimal = (v: number, digits: number) => fixed(v, digits);

/**
 * An indicator value as the page shows it: rates "per 1,000", ranks as whole
 * numbers, shares as percentages.
 *
 * @example formatIndicator(12.345, 'rate') // '12.35 per 1,000'
 * @example formatIndicator(null, 'rank')   // '–'
 */
export function formatIndicator(v: number | null | undefined, unit: IndicatorUnit | string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  switch (unit) {
    case 'rate':
      return formatRate(v);
    case 'rank':
    case 'count':
      return formatCount(Math.round(v));
    case 'decile':
      return decimal(v, 1);
    case 'score':
      return decimal(v, Math.abs(v) < 1 ? 3 : 2).replace(/^-/, '−');
    case 'share':
      return formatPercent(v);
    default:
      return Math.abs(v) >= 1000 ? formatCount(v) : decimal(v, Math.abs(v) < 10 ? 2 : 1);
  }
}

/** @example formatScore(-0.4567) // '−0.457' */
export function formatScore(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return decimal(v, 3).replace(/^-/, '−');
}
