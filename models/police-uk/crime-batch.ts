import { z } from 'zod';
import type { StreetRow } from './street-row';
import { ladOfLsoaName } from '../area';

/**
 * Dictionary-encoded text column: `values[codes[i]]` is row i's value.
 * Police.uk columns repeat heavily (crime type, outcome, LSOA, street), so
 * this keeps stored months small and cheap to clone between threads.
 */
export const DictColumn = z.object({
  values: z.array(z.string()),
  codes: z.instanceof(Uint32Array),
});
export type DictColumn = z.infer<typeof DictColumn>;

/**
 * One force-month of street-level crime, stored column-wise. Row order is file
 * order; `line` keeps each row's physical line in its source file.
 */
export const CrimeBatch = z
  .object({
    n: z.number().int().nonnegative(),
    line: z.instanceof(Uint32Array),
    crimeId: z.array(z.string()),
    longitude: z.instanceof(Float64Array),
    latitude: z.instanceof(Float64Array),
    location: DictColumn,
    lsoaCode: DictColumn,
    lsoaName: DictColumn,
    crimeType: DictColumn,
    outcome: DictColumn,
    fallsWithin: DictColumn,
    context: DictColumn,
  })
  .refine(
    (b) =>
      [b.line, b.crimeId, b.longitude, b.latitude].every((c) => c.length === b.n) &&
      [b.location, b.lsoaCode, b.lsoaName, b.crimeType, b.outcome, b.fallsWithin, b.context].every((d) => d.codes.length === b.n),
    { message: 'crime batch columns have different lengths' },
  );
export type CrimeBatch = z.infer<typeof CrimeBatch>;

class DictBuilder {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  readonly codes: number[] = [];
  add(v: string): void {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.index.set(v, c);
    }
    this.codes.push(c);
  }
  finish(): DictColumn {
    return { values: this.values, codes: Uint32Array.from(this.codes) };
  }
}

/** Accumulates validated rows of one force-month into a {@link CrimeBatch}. */
export class CrimeBatchBuilder {
  private readonly lines: number[] = [];
  private readonly ids: string[] = [];
  private readonly lon: number[] = [];
  private readonly lat: number[] = [];
  private readonly location = new DictBuilder();
  private readonly lsoaCode = new DictBuilder();
  private readonly lsoaName = new DictBuilder();
  private readonly crimeType = new DictBuilder();
  private readonly outcome = new DictBuilder();
  private readonly fallsWithin = new DictBuilder();
  private readonly context = new DictBuilder();
  /** Rows per local authority (derived from the LSOA name; '' = no location). */
  readonly ladCounts = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  add(row: StreetRow, line: number): void {
    this.lines.push(line);
    this.ids.push(row.crimeId);
    this.lon.push(row.longitude ?? Number.NaN);
    this.lat.push(row.latitude ?? Number.NaN);
    this.location.add(row.location);
    this.lsoaCode.add(row.lsoaCode);
    this.lsoaName.add(row.lsoaName);
    this.crimeType.add(row.crimeType);
    this.outcome.add(row.outcome);
    this.fallsWithin.add(row.fallsWithin);
    this.context.add(row.context);
    const lad = ladOfLsoaName(row.lsoaName);
    this.ladCounts.set(lad, (this.ladCounts.get(lad) ?? 0) + 1);
  }

  finish(): CrimeBatch {
    return {
      n: this.ids.length,
      line: Uint32Array.from(this.lines),
      crimeId: this.ids,
      longitude: Float64Array.from(this.lon),
      latitude: Float64Array.from(this.lat),
      location: this.location.finish(),
      lsoaCode: this.lsoaCode.finish(),
      lsoaName: this.lsoaName.finish(),
      crimeType: this.crimeType.finish(),
      outcome: this.outcome.finish(),
      fallsWithin: this.fallsWithin.finish(),
      context: this.context.finish(),
    };
  }
}

/** Reads a dictionary column back as plain values. */
export function decode(col: DictColumn): string[] {
  const out = new Array<string>(col.codes.length);
  for (let i = 0; i < col.codes.length; i++) out[i] = col.values[col.codes[i]!]!;
  return out;
}
