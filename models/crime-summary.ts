import { z } from 'zod';
import { ladOfLsoaName } from './area';
import type { CountCube } from './evidence/cube';
import type { CrimePart } from './crime-table';

/**
 * One stored force-month counted by crime type × LSOA (code and name), worked
 * out on the stored dictionary codes in one pass, without a string per row.
 * Cells are column-wise and in the order of their first row, so anything
 * built from summaries in partition order meets groups in the order a scan
 * of the rows would.
 */
export const PartSummary = z
  .object({
    key: z.string(),
    month: z.string(),
    force: z.string(),
    crimeType: z.array(z.string()),
    lsoaCode: z.array(z.string()),
    lsoaName: z.array(z.string()),
    /** The authority of each cell's LSOA name ('' = no location). */
    lad: z.array(z.string()),
    n: z.array(z.number().int().positive()),
  })
  .refine((s) => [s.crimeType, s.lsoaCode, s.lsoaName, s.lad].every((c) => c.length === s.n.length), { message: 'summary columns have different lengths' });
export type PartSummary = z.infer<typeof PartSummary>;

/**
 * Counts a stored force-month by crime type and LSOA.
 *
 * @example summarisePart(part).n.reduce((a, b) => a + b, 0) === part.batch.n
 */
export function summarisePart(part: CrimePart): PartSummary {
  const b = part.batch;
  const type = b.crimeType.codes;
  const code = b.lsoaCode.codes;
  const name = b.lsoaName.codes;
  const names = b.lsoaName.values.length;
  // (LSOA code, LSOA name) pairs first, then (type, pair): both keys stay below rows², far under 2^53.
  const pairOf = new Map<number, number>();
  const cellOf = new Map<number, number>();
  const out: PartSummary = { key: part.key, month: part.month, force: part.force, crimeType: [], lsoaCode: [], lsoaName: [], lad: [], n: [] };
  const pairs: number[] = [];
  for (let i = 0; i < b.n; i++) {
    const pk = code[i]! * names + name[i]!;
    let pair = pairOf.get(pk);
    if (pair === undefined) {
      pair = pairs.length;
      pairs.push(i);
      pairOf.set(pk, pair);
    }
    const ck = type[i]! * b.n + pair;
    const cell = cellOf.get(ck);
    if (cell !== undefined) {
      out.n[cell]!++;
      continue;
    }
    cellOf.set(ck, out.n.length);
    const lsoaName = b.lsoaName.values[name[i]!]!;
    out.crimeType.push(b.crimeType.values[type[i]!]!);
    out.lsoaCode.push(b.lsoaCode.values[code[i]!]!);
    out.lsoaName.push(lsoaName);
    out.lad.push(ladOfLsoaName(lsoaName));
    out.n.push(1);
  }
  return out;
}

/** Whether a cell's authority is in the area (null: any located row). */
const inAreaTest = (area: string | null) => (area === null ? (lad: string) => lad !== '' : (lad: string) => lad === area);

/**
 * The evidence count cube of an area from stored-month summaries: the same
 * cells, in the same order, as {@link countCube} over the rows.
 *
 * @example cubeFromSummaries(parts.map(summarisePart), 'Luton')
 */
export function cubeFromSummaries(summaries: readonly PartSummary[], area: string | null): CountCube {
  const inArea = inAreaTest(area);
  const index = new Map<string, number>();
  const cube: CountCube = { area, month: [], crimeType: [], lsoa: [], n: [], lsoas: [], crimeTypes: [] };
  const lsoaNames = new Map<string, string>();
  for (const s of summaries) {
    for (let c = 0; c < s.n.length; c++) {
      if (!inArea(s.lad[c]!)) continue;
      const key = `${s.month}\u0000${s.crimeType[c]}\u0000${s.lsoaCode[c]}\u0000${s.lsoaName[c]}`;
      const at = index.get(key);
      if (at !== undefined) {
        cube.n[at]! += s.n[c]!;
        continue;
      }
      index.set(key, cube.n.length);
      cube.month.push(s.month);
      cube.crimeType.push(s.crimeType[c]!);
      cube.lsoa.push(s.lsoaCode[c]!);
      cube.n.push(s.n[c]!);
      if (!lsoaNames.has(s.lsoaCode[c]!)) lsoaNames.set(s.lsoaCode[c]!, s.lsoaName[c]!);
    }
  }
  cube.lsoas = [...lsoaNames.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([code, name]) => ({ code, name }));
  cube.crimeTypes = [...new Set(cube.crimeType)].sort();
  return cube;
}

/** Rows in the area by month and crime type, ordered by month then type (zero cells omitted). */
export function monthTypeCounts(summaries: readonly PartSummary[], area: string | null): { month: string; crimeType: string; rows: number }[] {
  const inArea = inAreaTest(area);
  const counts = new Map<string, { month: string; crimeType: string; rows: number }>();
  for (const s of summaries) {
    for (let c = 0; c < s.n.length; c++) {
      if (!inArea(s.lad[c]!)) continue;
      const key = `${s.month}\u0000${s.crimeType[c]}`;
      const cur = counts.get(key);
      if (cur === undefined) counts.set(key, { month: s.month, crimeType: s.crimeType[c]!, rows: s.n[c]! });
      else cur.rows += s.n[c]!;
    }
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...counts.values()].sort((a, b) => order(a.month, b.month) || order(a.crimeType, b.crimeType));
}

/** Located rows by authority, month and crime type, authorities in order of first row. */
export function ladMonthTypeCounts(summaries: readonly PartSummary[]): Map<string, Map<string, Map<string, number>>> {
  const byLad = new Map<string, Map<string, Map<string, number>>>();
  for (const s of summaries) {
    for (let c = 0; c < s.n.length; c++) {
      const lad = s.lad[c]!;
      if (lad === '') continue;
      let months = byLad.get(lad);
      if (months === undefined) byLad.set(lad, (months = new Map()));
      let types = months.get(s.month);
      if (types === undefined) months.set(s.month, (types = new Map()));
      types.set(s.crimeType[c]!, (types.get(s.crimeType[c]!) ?? 0) + s.n[c]!);
    }
  }
  return byLad;
}

/** Rows by force, month and authority ('' = no location). */
export function forceMonthLadCounts(summaries: readonly PartSummary[]): Map<string, Map<string, Map<string, number>>> {
  const rows = new Map<string, Map<string, Map<string, number>>>();
  for (const s of summaries) {
    let byMonth = rows.get(s.force);
    if (byMonth === undefined) rows.set(s.force, (byMonth = new Map()));
    let byLad = byMonth.get(s.month);
    if (byLad === undefined) byMonth.set(s.month, (byLad = new Map()));
    for (let c = 0; c < s.n.length; c++) byLad.set(s.lad[c]!, (byLad.get(s.lad[c]!) ?? 0) + s.n[c]!);
  }
  return rows;
}

/** Crime IDs on more than one row, and how many of those repeat only within the month of their first row. */
export interface DuplicateIds {
  ids: number;
  sameMonth: number;
}

/** Bytes of each crime ID the repeated-ID check compares (see {@link IdPrefixes}). */
export const ID_PREFIX_BYTES = 16;

/**
 * A stored month's crime IDs as the repeated-ID check reads them, written at
 * import beside the month so the check reads 17 bytes a row, not the month's
 * 81. police.uk IDs are SHA-256 digests (64 hex digits); the check compares
 * their first 16 bytes (128 bits). Two different digests share those with
 * probability below 10^-22 even among 50 million rows, so the count is exact
 * for any partnership. IDs that are not 64 hex digits (rare) keep their text.
 */
export const IdPrefixes = z.object({
  n: z.number().int().nonnegative(),
  /** Per row: 0 no ID (anti-social behaviour), 1 a hex digest, 2 other text (in `other`). */
  kind: z.instanceof(Uint8Array),
  /** ID_PREFIX_BYTES per row; meaningful where `kind` is 1. */
  prefix: z.instanceof(Uint8Array),
  other: z.record(z.string(), z.string()),
});
export type IdPrefixes = z.infer<typeof IdPrefixes>;

/**
 * A month's IDs as the repeated-ID check reads them.
 *
 * @example idPrefixes(part.batch).prefix.length === 16 * part.batch.n
 */
export function idPrefixes(batch: CrimePart['batch']): IdPrefixes {
  const { bytes, kind, other } = batch.crimeId;
  const prefix = new Uint8Array(batch.n * ID_PREFIX_BYTES);
  for (let i = 0; i < batch.n; i++) prefix.set(bytes.subarray(i * 32, i * 32 + ID_PREFIX_BYTES), i * ID_PREFIX_BYTES);
  return { n: batch.n, kind: kind.slice(), prefix, other: { ...other } };
}

/**
 * Finds repeated crime IDs across stored months on their 16-byte prefixes
 * ({@link IdPrefixes}), in one pass with an open-addressing table of row
 * numbers (typed arrays, so no cap on entries short of 2^31 rows, where a JS
 * Map stops at 2^24). IDs that are not 64 hex digits (rare) are compared as text.
 *
 * @example duplicateIds(parts).ids // 0 when every ID is unique
 */
export function duplicateIds(parts: readonly Pick<CrimePart, 'month' | 'batch'>[]): DuplicateIds {
  const check = new DuplicateCheck(parts.reduce((s, p) => s + p.batch.n, 0));
  for (const p of parts) check.add({ month: p.month, ids: idPrefixes(p.batch) });
  return check.result();
}

/**
 * The repeated-ID check one stored month at a time, so the crime engine can
 * read and check months in turn and answer other requests in between.
 * `rows` bounds the rows that will be added (the table is sized from it).
 *
 * @example const c = new DuplicateCheck(rows); for (const p of parts) c.add({ month: p.month, ids: idPrefixes(p.batch) }); c.result()
 */
export class DuplicateCheck {
  private readonly mask: number;
  /** 1 + the row's number across the parts added (0 = empty). */
  private readonly slot: Uint32Array;
  /** 0 once, 1 repeated in the first row's month only, 2 repeated across months. */
  private readonly state: Uint8Array;
  /** Each added month's ID prefixes. */
  private readonly parts: { month: string; bytes: Uint8Array }[] = [];
  private readonly starts: number[] = [];
  private total = 0;
  private readonly other = new Map<string, { month: string; state: number }>();

  constructor(private readonly rows: number) {
    let size = 16;
    while (size < 2 * rows) size *= 2;
    this.mask = size - 1;
    this.slot = new Uint32Array(size);
    this.state = new Uint8Array(size);
  }

  add(p: { month: string; ids: IdPrefixes }): void {
    const { n, kind, prefix: bytes, other: texts } = p.ids;
    if (this.total + n > this.rows) throw new RangeError(`the repeated-ID check was sized for ${this.rows} rows`);
    const pi = this.parts.length;
    this.parts.push({ month: p.month, bytes });
    this.starts.push(this.total);
    this.total += n;
    const { slot, state, mask } = this;
    for (let i = 0; i < n; i++) {
      if (kind[i] === 2) {
        const id = texts[i] ?? '';
        const seen = this.other.get(id);
        if (seen === undefined) this.other.set(id, { month: p.month, state: 0 });
        else seen.state = seen.state === 2 || seen.month !== p.month ? 2 : 1;
        continue;
      }
      if (kind[i] !== 1) continue;
      const at = i * ID_PREFIX_BYTES;
      let h = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) & mask;
      for (;;) {
        const s = slot[h]!;
        if (s === 0) {
          slot[h] = this.starts[pi]! + i + 1;
          break;
        }
        const q = this.partOf(s - 1);
        const first = this.parts[q]!;
        if (sameId(first.bytes, s - 1 - this.starts[q]!, bytes, i)) {
          state[h] = state[h] === 2 || first.month !== p.month ? 2 : 1;
          break;
        }
        h = (h + 1) & mask;
      }
    }
  }

  result(): DuplicateIds {
    let ids = 0;
    let sameMonth = 0;
    for (let h = 0; h < this.state.length; h++) {
      if (this.state[h] === 0) continue;
      ids++;
      if (this.state[h] === 1) sameMonth++;
    }
    for (const v of this.other.values()) {
      if (v.state === 0) continue;
      ids++;
      if (v.state === 1) sameMonth++;
    }
    return { ids, sameMonth };
  }

  private partOf(g: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function sameId(a: Uint8Array, ai: number, b: Uint8Array, bi: number): boolean {
  for (let j = 0, x = ai * ID_PREFIX_BYTES, y = bi * ID_PREFIX_BYTES; j < ID_PREFIX_BYTES; j++) if (a[x + j] !== b[y + j]) return false;
  return true;
}
