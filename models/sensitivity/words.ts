/**
 * Shared pieces for the plain-words sentences shown beside each chart:
 * ordinals, lists, shares and weights in British English.
 */
import { formatPercent } from '../format';

/** @example ordinal(1) // '1st'; ordinal(12) // '12th'; ordinal(23) // '23rd' */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A rank as a reader says it, "=3rd" when shared. @example placeWords(3, true) // '=3rd' */
export const placeWords = (rank: number, tied = false): string => `${tied ? '=' : ''}${ordinal(rank)}`;

/** @example listWords(['A', 'B', 'C']) // 'A, B and C' */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A share of the weight or of the samples, to one decimal place. @example share(0.1348) // '13.5%' */
export const share = (x: number): string => formatPercent(x, 1);

/** A raw weight: up to two decimal places, no trailing zeros. @example weightWords(1.25) // '1.25' */
export const weightWords = (x: number): string => x.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** Capitalises the first letter (labels used at the start of a sentence). */
export const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
