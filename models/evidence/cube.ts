import { type ColumnTable } from 'arquero';

/**
 * The counts every figure is derived from: police.uk rows in the area counted
 * once by month × crime type × 2021 LSOA (one arquero pass). Changing the
 * period or the issue mapping re-derives figures from these cells without
 * touching the rows again.
 */
export interface CountCube {
  /** The partnership area, or null for every located row. */
  area: string | null;
  /** Cells, column-wise: cell i has month[i], crimeType[i], lsoa[i] and n[i] rows. */
  month: string[];
  crimeType: string[];
  lsoa: string[];
  n: number[];
  /** 2021 LSOAs in the area's rows (any month, any type), with their names. */
  lsoas: { code: string; name: string }[];
  /** Crime types present in the area's rows. */
  crimeTypes: string[];
}

/**
 * Counts the area's rows by month, crime type and LSOA.
 *
 * @example countCube(crimeTable(parts), 'Luton').n.reduce((a, b) => a + b) // rows in Luton
 */
export function countCube(rows: ColumnTable, area: string | null): CountCube {
  const inArea = area === null ? rows.filter((d: { lad: string }) => d.lad !== '') : rows.params({ area }).filter((d: { lad: string }, $: { area: string }) => d.lad === $.area);
  const cells = inArea.groupby('month', 'crimeType', 'lsoaCode', 'lsoaName').count({ as: 'n' });
  const month = Array.from(cells.array('month') as ArrayLike<string>);
  const crimeType = Array.from(cells.array('crimeType') as ArrayLike<string>);
  const lsoa = Array.from(cells.array('lsoaCode') as ArrayLike<string>);
  const names = cells.array('lsoaName') as ArrayLike<string>;
  const n = Array.from(cells.array('n') as ArrayLike<number>);
  const lsoaNames = new Map<string, string>();
  for (let i = 0; i < lsoa.length; i++) if (!lsoaNames.has(lsoa[i]!)) lsoaNames.set(lsoa[i]!, names[i]!);
  return {
    area,
    month,
    crimeType,
    lsoa,
    n,
    lsoas: [...lsoaNames.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([code, name]) => ({ code, name })),
    crimeTypes: [...new Set(crimeType)].sort(),
  };
}
