import { ascendingOrder } from '../stats/ascending-order';

/**
 * Standardisations put indicators measured in different units (rates per
 * 1,000, IMD ranks, shares) on one scale so they can be added. Every method
 * returns values where higher means more need: for an indicator where lower
 * is more need (an IMD rank: 1 is the most deprived LSOA in England) the
 * standardised value is mirrored. Missing values (NaN) stay missing and are
 * left out of the statistics.
 */

export const STANDARDISATIONS = {
  zscore: {
    label: 'z-score',
    description:
      '(value − mean) ÷ standard deviation, over the areas with a value. The standard deviation is the population one (divide by n, not n − 1): the areas are all the areas, not a sample. Mirrored (× −1) when lower is more need. 0 is average; each unit is one standard deviation. All values equal: 0 for every area.',
  },
  percentile: {
    label: 'Percentile rank',
    description:
      '(rank − 1) ÷ (n − 1), ranking from least to most need, so 0 is the area with least need and 1 the area with most. Tied values share the average of the ranks they span (fractional ranking), so ties get the same score. One area alone scores 0.5.',
  },
  minmax: {
    label: 'Min-max (0 to 1)',
    description:
      '(value − minimum) ÷ (maximum − minimum), mirrored to (maximum − value) ÷ (maximum − minimum) when lower is more need: 0 for the area with least need, 1 for the area with most, in proportion between. All values equal: 0.5 for every area.',
  },
} as const;
export type Standardisation = keyof typeof STANDARDISATIONS;
export const STANDARDISATION_IDS = Object.keys(STANDARDISATIONS) as Standardisation[];

export const DIRECTIONS = {
  higher: 'Higher is more need',
  lower: 'Lower is more need',
} as const;
export type Direction = keyof typeof DIRECTIONS;

/**
 * Standardises one indicator's values (NaN = missing).
 *
 * @example standardise([2, 4, 6], 'zscore', 'higher') // [-1.2247, 0, 1.2247]
 * @example standardise([2, 4, 6], 'minmax', 'lower')  // [1, 0.5, 0]
 */
export function standardise(values: ArrayLike<number>, method: Standardisation, direction: Direction): Float64Array {
  switch (method) {
    case 'zscore':
      return zScores(values, direction === 'lower' ? -1 : 1);
    case 'minmax':
      return minMax(values, direction === 'lower');
    case 'percentile':
      return percentileRanks(values, direction === 'lower');
  }
}

function zScores(values: ArrayLike<number>, sign: number): Float64Array {
  const n = values.length;
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const sd = Math.sqrt(ss / count);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = v !== v ? NaN : sd > 0 ? (sign * (v - mean)) / sd : 0;
  }
  return out;
}

function minMax(values: ArrayLike<number>, mirror: boolean): Float64Array {
  const n = values.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = v !== v ? NaN : span > 0 ? (mirror ? hi - v : v - lo) / span : 0.5;
  }
  return out;
}

function percentileRanks(values: ArrayLike<number>, mirror: boolean): Float64Array {
  const n = values.length;
  const present = new Uint32Array(n);
  const all = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    present[m] = i;
    // Least need first: ascending values, or descending (negated) when lower is more need.
    all[m++] = mirror ? -v : v;
  }
  const keys = all.subarray(0, m);
  const order = ascendingOrder(keys);
  const out = new Float64Array(n).fill(NaN);
  for (let start = 0; start < m;) {
    let end = start;
    const k = keys[order[start]!];
    while (end + 1 < m && keys[order[end + 1]!] === k) end++;
    // Positions start..end (0-based) share the average 1-based rank (start + end) / 2 + 1.
    const p = m === 1 ? 0.5 : (start + end) / 2 / (m - 1);
    for (let q = start; q <= end; q++) out[present[order[q]!]!] = p;
    start = end + 1;
  }
  return out;
}
