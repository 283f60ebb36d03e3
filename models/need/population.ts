import type { LsoaLink } from './assign';

/**
 * Sums a 2011-LSOA quantity into areas: Σ quantity × share over the LSOAs
 * linked to each area. NaN for an area with no linked LSOA that has the
 * quantity.
 *
 * @example sumToAreas([{ lsoa: 'a', target: 0, share: 1, method: 'lookup' }, { lsoa: 'b', target: 0, share: 0.5, method: 'split' }], 1, (c) => ({ a: 1500, b: 1800 })[c]) // [2400]
 */
export function sumToAreas(links: readonly LsoaLink[], nAreas: number, quantity: (lsoa: string) => number | undefined): Float64Array {
  const out = new Float64Array(nAreas).fill(NaN);
  for (const l of links) {
    const q = quantity(l.lsoa);
    if (q === undefined) continue;
    const cur = out[l.target]!;
    out[l.target] = (cur === cur ? cur : 0) + q * l.share;
  }
  return out;
}

/**
 * The population-weighted mean of a 2011-LSOA value in each area:
 * Σ (population × share × value) ÷ Σ (population × share), over the linked
 * LSOAs that have both. With `value` 1 for LSOAs in a group and 0 otherwise,
 * this is the share of the area's residents living in that group (for
 * example the most deprived 10% of LSOAs in England).
 *
 * @example
 *   // LSOA a: 1,000 residents, rank 100; b: 3,000 residents, rank 500 → (100 000 + 1 500 000) / 4 000 = 400
 *   weightedMean(links, 1, pop, rank) // [400]
 */
export function weightedMean(links: readonly LsoaLink[], nAreas: number, population: (lsoa: string) => number | undefined, value: (lsoa: string) => number | undefined): Float64Array {
  const sum = new Float64Array(nAreas);
  const weight = new Float64Array(nAreas);
  for (const l of links) {
    const p = population(l.lsoa);
    const v = value(l.lsoa);
    if (p === undefined || v === undefined) continue;
    sum[l.target]! += p * l.share * v;
    weight[l.target]! += p * l.share;
  }
  return sum.map((s, i) => (weight[i]! > 0 ? s / weight[i]! : NaN));
}
