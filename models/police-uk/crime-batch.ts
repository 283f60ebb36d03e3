import { detach } from '../csv';
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
 * Crime IDs. police.uk publishes each as 64 lowercase hex digits (empty for
 * anti-social behaviour); those are packed as 32 bytes a row, which keeps a
 * year of a force's crime IDs to a few megabytes of one buffer instead of
 * hundreds of thousands of strings. Any other ID text is kept as it is.
 */
export const IdColumn = z.object({
  /** 32 bytes per row; meaningful where `kind` is HEX. */
  bytes: z.instanceof(Uint8Array),
  /** Per row: 0 empty, 1 packed hex, 2 other text (in `other`). */
  kind: z.instanceof(Uint8Array),
  /** Row index → ID text, for IDs that are not 64 lowercase hex digits. */
  other: z.record(z.string(), z.string()),
});
export type IdColumn = z.infer<typeof IdColumn>;
const EMPTY = 0;
const HEX = 1;
const OTHER = 2;

/**
 * One force-month of street-level crime, stored column-wise. Row order is file
 * order; `line` keeps each row's physical line in its source file.
 */
export const CrimeBatch = z
  .object({
    n: z.number().int().nonnegative(),
    line: z.instanceof(Uint32Array),
    crimeId: IdColumn,
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
      [b.line, b.crimeId.kind, b.longitude, b.latitude].every((c) => c.length === b.n) &&
      b.crimeId.bytes.length === 32 * b.n &&
      [b.location, b.lsoaCode, b.lsoaName, b.crimeType, b.outcome, b.fallsWithin, b.context].every((d) => d.codes.length === b.n),
    { message: 'crime batch columns have different lengths' },
  );
export type CrimeBatch = z.infer<typeof CrimeBatch>;

/** A typed array that grows by doubling, for building columns without boxed numbers. */
class Grow<T extends Uint8Array | Uint32Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const next = this.make(Math.max(this.data.length * 2, this.length + extra));
    next.set(this.data);
    this.data = next;
  }
  push(v: number): void {
    this.reserve(1);
    this.data[this.length++] = v;
  }
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}
const u8 = (n: number) => new Grow(new Uint8Array(n), (k) => new Uint8Array(k));
const u32 = (n: number) => new Grow(new Uint32Array(n), (k) => new Uint32Array(k));
const f64 = (n: number) => new Grow(new Float64Array(n), (k) => new Float64Array(k));

class DictBuilder {
  private readonly index = new Map<string, number>();
  private last: string | undefined;
  private lastCode = 0;
  readonly values: string[] = [];
  readonly codes = u32(1024);
  add(v: string): void {
    // Rows often repeat the previous value (force, context, an LSOA's run of rows): skip the hash lookup.
    if (v === this.last) {
      this.codes.push(this.lastCode);
      return;
    }
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      // The dictionary outlives the text the value was cut from.
      const own = detach(v);
      this.values.push(own);
      this.index.set(own, c);
    }
    this.last = v;
    this.lastCode = c;
    this.codes.push(c);
  }
  finish(): DictColumn {
    return { values: this.values, codes: this.codes.finish() };
  }
}

// Lowercase hex digit → value, 255 elsewhere.
const NIBBLE = new Uint8Array(128).fill(255);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[97 + i] = 10 + i;

class IdBuilder {
  readonly bytes = u8(32 * 1024);
  readonly kind = u8(1024);
  readonly other: Record<string, string> = {};
  add(id: string): void {
    const row = this.kind.length;
    if (id === '') return this.kind.push(EMPTY);
    if (id.length === 64) {
      this.bytes.reserve(32);
      const out = this.bytes.data;
      const at = row * 32;
      let ok = true;
      for (let i = 0; i < 32; i++) {
        const hi = NIBBLE[id.charCodeAt(2 * i)] ?? 255;
        const lo = NIBBLE[id.charCodeAt(2 * i + 1)] ?? 255;
        if (hi === 255 || lo === 255) {
          ok = false;
          break;
        }
        out[at + i] = (hi << 4) | lo;
      }
      if (ok) {
        this.bytes.length = at + 32;
        return this.kind.push(HEX);
      }
    }
    this.other[row] = id;
    this.kind.push(OTHER);
  }
  /** Keeps `bytes` 32 per row whatever the row's kind. */
  pad(): void {
    const want = this.kind.length * 32;
    this.bytes.reserve(want - this.bytes.length);
    this.bytes.data.fill(0, this.bytes.length, want);
    this.bytes.length = want;
  }
  finish(): IdColumn {
    return { bytes: this.bytes.finish(), kind: this.kind.finish(), other: this.other };
  }
}

/**
 * Packs crime IDs kept as one string per row (the first release's layout) into
 * an {@link IdColumn}.
 *
 * @example crimeIdAt(packCrimeIds(['', 'x']), 1) === 'x'
 */
export function packCrimeIds(ids: readonly string[]): IdColumn {
  const b = new IdBuilder();
  for (const id of ids) {
    b.pad();
    b.add(id);
  }
  b.pad();
  return b.finish();
}

/** Accumulates validated rows of one force-month into a {@link CrimeBatch}. */
export class CrimeBatchBuilder {
  private readonly lines = u32(1024);
  private readonly ids = new IdBuilder();
  private readonly lon = f64(1024);
  private readonly lat = f64(1024);
  private readonly location = new DictBuilder();
  private readonly lsoaCode = new DictBuilder();
  private readonly lsoaName = new DictBuilder();
  private readonly crimeType = new DictBuilder();
  private readonly outcome = new DictBuilder();
  private readonly fallsWithin = new DictBuilder();
  private readonly context = new DictBuilder();

  get size(): number {
    return this.lines.length;
  }

  add(row: StreetRow, line: number): void {
    this.lines.push(line);
    this.ids.pad();
    this.ids.add(row.crimeId);
    this.lon.push(row.longitude === '' ? Number.NaN : Number(row.longitude));
    this.lat.push(row.latitude === '' ? Number.NaN : Number(row.latitude));
    this.location.add(row.location);
    this.lsoaCode.add(row.lsoaCode);
    this.lsoaName.add(row.lsoaName);
    this.crimeType.add(row.crimeType);
    this.outcome.add(row.outcome);
    this.fallsWithin.add(row.fallsWithin);
    this.context.add(row.context);
  }

  /** Rows per local authority (from the LSOA name; '' = no location), counted once per distinct LSOA name. */
  ladCounts(): Record<string, number> {
    const perName = new Array<number>(this.lsoaName.values.length).fill(0);
    const codes = this.lsoaName.codes;
    for (let i = 0; i < codes.length; i++) perName[codes.data[i]!]!++;
    const out: Record<string, number> = {};
    this.lsoaName.values.forEach((name, i) => {
      const lad = ladOfLsoaName(name);
      out[lad] = (out[lad] ?? 0) + perName[i]!;
    });
    return out;
  }

  finish(): CrimeBatch {
    this.ids.pad();
    return {
      n: this.lines.length,
      line: this.lines.finish(),
      crimeId: this.ids.finish(),
      longitude: this.lon.finish(),
      latitude: this.lat.finish(),
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

const HEX_CHARS = new TextEncoder().encode('0123456789abcdef');
const ID_TEXT = new Uint8Array(64);
const LATIN1 = new TextDecoder('latin1');

/** Row i's crime ID as published ('' for anti-social behaviour). */
export function crimeIdAt(col: IdColumn, i: number): string {
  const k = col.kind[i];
  if (k === EMPTY) return '';
  if (k === OTHER) return col.other[i] ?? '';
  // The 64 hex digits are written as bytes and decoded once: one flat string, not 32 concatenations.
  for (let j = 0, at = i * 32; j < 32; j++) {
    const b = col.bytes[at + j]!;
    ID_TEXT[2 * j] = HEX_CHARS[b >> 4]!;
    ID_TEXT[2 * j + 1] = HEX_CHARS[b & 15]!;
  }
  return LATIN1.decode(ID_TEXT);
}

/** Every row's crime ID as published. */
export function decodeIds(col: IdColumn): string[] {
  return Array.from(col.kind, (_, i) => crimeIdAt(col, i));
}
