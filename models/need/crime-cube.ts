import { addMonths, monthRange } from '../months';
import { formatMonth, plural } from '../format';
import { CRIME_TYPES } from '../police-uk/street-row';

/** Crime rows counted by area, crime type and month. */
export interface CrimeCube {
  nAreas: number;
  /** Crime types present, in police.uk order. */
  types: string[];
  /** Months with at least one row of the partnership area, ascending. */
  months: string[];
  /** counts[(area × types + type) × months + month] */
  counts: Uint32Array;
}

/**
 * Counts assigned crime rows by area, type and month.
 *
 * @example crimeCube(assignment.areaOfRow, table.array('crimeType'), table.array('month'), wards.length)
 */
export function crimeCube(areaOfRow: Int32Array, crimeType: ArrayLike<string>, month: ArrayLike<string>, nAreas: number): CrimeCube {
  const typeSet = new Set<string>();
  const monthSet = new Set<string>();
  // Rows of other authorities (-2) are not the partnership's; every other row tells which months the partnership has.
  for (let i = 0; i < areaOfRow.length; i++) {
    if (areaOfRow[i]! === -2) continue;
    monthSet.add(month[i]!);
    if (areaOfRow[i]! >= 0) typeSet.add(crimeType[i]!);
  }
  const known: readonly string[] = CRIME_TYPES;
  const types = [...typeSet].sort((a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const months = [...monthSet].sort();
  const t = new Map(types.map((x, i) => [x, i]));
  const m = new Map(months.map((x, i) => [x, i]));
  const counts = new Uint32Array(nAreas * types.length * months.length);
  for (let i = 0; i < areaOfRow.length; i++) {
    const a = areaOfRow[i]!;
    if (a < 0) continue;
    counts[(a * types.length + t.get(crimeType[i]!)!) * months.length + m.get(month[i]!)!]!++;
  }
  return { nAreas, types, months, counts };
}

export interface CrimePeriod {
  /** First and last month of the window (inclusive), '' when there are no months. */
  first: string;
  last: string;
  /** Indexes into cube.months of the months in the window that have data. */
  monthIndexes: number[];
  /** Months in the window with no data (gaps). */
  missing: string[];
}

/**
 * The window rates are computed over: the last `months` months up to the
 * latest loaded month (0 = every loaded month). Only the cube's months (sorted,
 * those with data for the area) are needed.
 *
 * @example crimePeriod(cube, 12) // { first: '2023-01', last: '2023-12', monthIndexes: [20, …, 31], missing: [] }
 */
export function crimePeriod(cube: { readonly months: readonly string[] }, months: number): CrimePeriod {
  const last = cube.months.at(-1);
  if (last === undefined) return { first: '', last: '', monthIndexes: [], missing: [] };
  const first = months === 0 ? cube.months[0]! : addMonths(last, -(months - 1));
  const have = new Map(cube.months.map((x, i) => [x, i]));
  const window = monthRange(first, last);
  return {
    first,
    last,
    monthIndexes: window.filter((x) => have.has(x)).map((x) => have.get(x)!),
    missing: window.filter((x) => !have.has(x)),
  };
}

/**
 * Rows per area in the given months, for the crime types `keep` accepts.
 *
 * @example sumByArea(cube, period.monthIndexes, (t) => t !== 'Anti-social behaviour')
 */
export function sumByArea(cube: CrimeCube, monthIndexes: readonly number[], keep: (type: string) => boolean): Float64Array {
  const out = new Float64Array(cube.nAreas);
  const T = cube.types.length;
  const M = cube.months.length;
  const types = cube.types.map((t, i) => (keep(t) ? i : -1)).filter((i) => i >= 0);
  for (let a = 0; a < cube.nAreas; a++) {
    let s = 0;
    for (const t of types) for (const m of monthIndexes) s += cube.counts[(a * T + t) * M + m]!;
    out[a] = s;
  }
  return out;
}

/** One area's rows per month for one crime type, over every loaded month. */
export function monthlySeries(cube: CrimeCube, area: number, type: string): number[] {
  const t = cube.types.indexOf(type);
  if (t < 0) return cube.months.map(() => 0);
  const base = (area * cube.types.length + t) * cube.months.length;
  return Array.from(cube.counts.subarray(base, base + cube.months.length));
}

/**
 * A warning when the crime period's window has months without data for the
 * area (not loaded, or no row of the area in them): its rates are then
 * annualised from fewer months than the window. Null when every month has data.
 *
 * @param months  the months with data for the area (the crime cube's months, sorted)
 * @param periodMonths  12, 24, or 0 for every loaded month
 * @example crimeWindowNote(['2023-12'], 12, 'Central Bedfordshire') // 'Crime rates use 1 of the 12 months to Dec 2023 …'
 */
export function crimeWindowNote(months: readonly string[], periodMonths: number, area: string): string | null {
  const { first, last, monthIndexes, missing } = crimePeriod({ months }, periodMonths);
  if (missing.length === 0) return null;
  const used = monthIndexes.length;
  const span = `${plural(used + missing.length, 'month')} ${periodMonths === 0 ? `from ${formatMonth(first)} ` : ''}to ${formatMonth(last)}`;
  return `Crime rates use ${used} of the ${span}: ${missing.length === 1 ? 'one has' : `${missing.length} have`} no police.uk rows in ${area} (not loaded, or loaded for other authorities only). Rates are annualised from the ${plural(used, 'month')} with data${used < 6 ? ', so read them with care' : ''}; import the missing months on the Data page.`;
}
