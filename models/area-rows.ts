import { z } from 'zod';
import { ladOfLsoaName } from './area';
import { DictColumn, type CrimeBatch } from './police-uk/crime-batch';

/**
 * One local authority's rows of a stored force-month, with only the columns
 * that place rows in areas and find hot spots (coordinates, crime type, LSOA,
 * location, source line): about 36 bytes a row against the month's 81, and
 * only the partnership's share of the force. Written at import beside the
 * month, so Community need, Hot spots and the Report read their own
 * authority's rows and nothing else. Rows keep file order; the authority is
 * the one `ladOfLsoaName` reads from each row's LSOA name (rows without a
 * location belong to none and are not kept).
 */
export const AreaRows = z
  .object({
    /** The authority name ("Luton"). */
    lad: z.string().min(1),
    n: z.number().int().nonnegative(),
    line: z.instanceof(Uint32Array),
    longitude: z.instanceof(Float64Array),
    latitude: z.instanceof(Float64Array),
    crimeType: DictColumn,
    lsoaCode: DictColumn,
    lsoaName: DictColumn,
    location: DictColumn,
  })
  .refine((r) => [r.line, r.longitude, r.latitude, r.crimeType.codes, r.lsoaCode.codes, r.lsoaName.codes, r.location.codes].every((c) => c.length === r.n), {
    message: 'area rows columns have different lengths',
  });
export type AreaRows = z.infer<typeof AreaRows>;

/**
 * Splits a stored month by authority, in one pass over its codes; each
 * authority's dictionaries hold only the values its rows use.
 *
 * @example splitByAuthority(batch).find((r) => r.lad === 'Luton')?.n
 */
export function splitByAuthority(b: CrimeBatch): AreaRows[] {
  const ladNames: string[] = [];
  const ladIndex = new Map<string, number>();
  // The authority of each LSOA-name code (-1: no location).
  const ladOfName = b.lsoaName.values.map((name) => {
    const lad = ladOfLsoaName(name);
    if (lad === '') return -1;
    let i = ladIndex.get(lad);
    if (i === undefined) ladIndex.set(lad, (i = ladNames.push(lad) - 1));
    return i;
  });
  const ladOfRow = new Int32Array(b.n);
  const sizes = new Uint32Array(ladNames.length);
  for (let i = 0; i < b.n; i++) {
    const l = ladOfName[b.lsoaName.codes[i]!]!;
    ladOfRow[i] = l;
    if (l >= 0) sizes[l]!++;
  }
  const out = ladNames.map((lad, l) => {
    const n = sizes[l]!;
    return {
      lad,
      n,
      line: new Uint32Array(n),
      longitude: new Float64Array(n),
      latitude: new Float64Array(n),
      crimeType: new Recoder(b.crimeType, n),
      lsoaCode: new Recoder(b.lsoaCode, n),
      lsoaName: new Recoder(b.lsoaName, n),
      location: new Recoder(b.location, n),
      at: 0,
    };
  });
  for (let i = 0; i < b.n; i++) {
    const l = ladOfRow[i]!;
    if (l < 0) continue;
    const o = out[l]!;
    const k = o.at++;
    o.line[k] = b.line[i]!;
    o.longitude[k] = b.longitude[i]!;
    o.latitude[k] = b.latitude[i]!;
    o.crimeType.push(k, i);
    o.lsoaCode.push(k, i);
    o.lsoaName.push(k, i);
    o.location.push(k, i);
  }
  return out
    .map(({ lad, n, line, longitude, latitude, crimeType, lsoaCode, lsoaName, location }) => ({
      lad,
      n,
      line,
      longitude,
      latitude,
      crimeType: crimeType.column(),
      lsoaCode: lsoaCode.column(),
      lsoaName: lsoaName.column(),
      location: location.column(),
    }))
    .sort((a, b) => a.lad.localeCompare(b.lad));
}

/** A dictionary column cut down to some rows, its values renumbered in order of first use. */
class Recoder {
  private readonly codes: Uint32Array<ArrayBuffer>;
  private readonly values: string[] = [];
  private readonly map: Int32Array;

  constructor(
    private readonly from: DictColumn,
    n: number,
  ) {
    this.codes = new Uint32Array(n);
    this.map = new Int32Array(from.values.length).fill(-1);
  }

  /** Row `k` of the cut takes the value of row `i` of the whole column. */
  push(k: number, i: number): void {
    const old = this.from.codes[i]!;
    let c = this.map[old]!;
    if (c < 0) this.map[old] = c = this.values.push(this.from.values[old]!) - 1;
    this.codes[k] = c;
  }

  column(): DictColumn {
    return { values: this.values, codes: this.codes };
  }
}
