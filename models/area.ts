/**
 * Partnership areas. police.uk rows carry a 2021 LSOA name such as
 * "Luton 007A": the local authority name, a space, three digits and a letter.
 * That name is the one place every row says which authority it falls in, so it
 * is what area membership is derived from.
 */

const LSOA_SUFFIX = /\s+\d{3}[A-Z]$/;

/**
 * The local authority name in an LSOA name, or '' when the row has no LSOA.
 *
 * @example ladOfLsoaName('Central Bedfordshire 012A') // 'Central Bedfordshire'
 */
export function ladOfLsoaName(lsoaName: string): string {
  if (lsoaName === '') return '';
  return lsoaName.replace(LSOA_SUFFIX, '');
}

/** How a set of rows splits against a chosen partnership area. */
export interface AreaSplit {
  inside: number;
  /** Rows in an LSOA of another authority. */
  outside: number;
  /** Rows with no LSOA (police.uk "No location"). */
  noLocation: number;
}

/**
 * Splits per-authority row counts against an area (an authority name).
 * With no area chosen every located row counts as inside.
 */
export function splitByArea(ladCounts: Readonly<Record<string, number>>, area: string | undefined): AreaSplit {
  let inside = 0;
  let outside = 0;
  let noLocation = 0;
  for (const [lad, n] of Object.entries(ladCounts)) {
    if (lad === '') noLocation += n;
    else if (area === undefined || lad === area) inside += n;
    else outside += n;
  }
  return { inside, outside, noLocation };
}

/** Authorities by row count, most first (ties by name), without the no-location bucket. */
export function rankAuthorities(ladCounts: Readonly<Record<string, number>>): { name: string; rows: number }[] {
  return Object.entries(ladCounts)
    .filter(([name]) => name !== '')
    .map(([name, rows]) => ({ name, rows }))
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * Splits ranked authorities into the main ones and those holding only a few
 * stray rows (fewer than `share` of the largest authority's rows): a force's
 * file holds a handful of rows placed in authorities far away, which are no
 * partnership's area.
 *
 * @example strayAuthorities([{ name: 'Luton', rows: 900 }, { name: 'Wirral', rows: 1 }]).other // [{ name: 'Wirral', rows: 1 }]
 */
export function strayAuthorities<T extends { rows: number }>(ranked: readonly T[], share = 0.01): { main: T[]; other: T[] } {
  const largest = ranked.reduce((m, a) => Math.max(m, a.rows), 0);
  const main = ranked.filter((a) => a.rows >= share * largest);
  return { main, other: ranked.filter((a) => a.rows < share * largest) };
}

/** Adds per-authority counts together. */
export function mergeCounts(all: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all) for (const [k, v] of Object.entries(counts)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * The months an area has data for: stored months with at least one row in it
 * (with no area, at least one located row). A force-month that holds none of
 * the area's rows says nothing about the area — a local authority with no
 * recorded crime in a month does not happen — so for the area's figures it is
 * a month without data, the same as one not loaded.
 *
 * @example monthsWithAreaData([{ month: '2023-01', ladCounts: { Luton: 0, Bedford: 9 } }], 'Luton') // []
 */
export function monthsWithAreaData(metas: readonly { month: string; ladCounts: Readonly<Record<string, number>> }[], area: string | null): string[] {
  const months = new Set<string>();
  for (const m of metas) if (splitByArea(m.ladCounts, area ?? undefined).inside > 0) months.add(m.month);
  return [...months].sort();
}
