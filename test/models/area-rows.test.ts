import { describe, expect, it } from 'vitest';
import { AreaRows, splitByAuthority } from '../../models/area-rows';
import { crimeTable } from '../../models/crime-table';
import { rowColumns } from '../../src/engines/row-columns';
import { bedfordshireMonths } from '../fixtures/bedfordshire';

// Issue 13: a partnership's pages read its own authority's rows, split at import. The split is
// checked against the whole-force table (arquero, one string per row, as the engines used to
// read) filtered by authority, on three real Bedfordshire months.
const MONTHS = ['2023-01', '2023-02', '2023-03'];
const parts = bedfordshireMonths(MONTHS);
const whole = crimeTable(parts, { crimeIds: false });

describe('splitByAuthority', () => {
  const splits = parts.map((p) => splitByAuthority(p.batch));

  it('keeps every row with a location exactly once, under its authority', () => {
    const lads = whole.array('lad') as string[];
    const located = lads.filter((l) => l !== '').length;
    expect(splits.flat().reduce((s, r) => s + r.n, 0)).toBe(located);
    // Bedfordshire's three authorities and the neighbours its rows fall in.
    expect(new Set(splits.flat().map((r) => r.lad))).toEqual(new Set(lads.filter((l) => l !== '')));
    expect(located).toBeLessThan(lads.length);
  });

  it('gives each authority the same rows, in file order, as filtering the whole force by authority', () => {
    for (const lad of ['Luton', 'Bedford', 'Central Bedfordshire', 'Milton Keynes']) {
      const own = parts.flatMap((p, i) => {
        const rows = splits[i]!.find((r) => r.lad === lad);
        return rows === undefined ? [] : [{ month: p.month, fileName: p.fileName, batch: rows }];
      });
      const c = rowColumns(own);
      const ref = whole.params({ lad }).filter((d: { lad: string }, $: { lad: string }) => d.lad === $.lad);
      expect(c.month.length).toBe(ref.numRows());
      expect(c.month.length).toBeGreaterThan(0);
      for (const col of ['month', 'crimeType', 'lsoaCode', 'lsoaName', 'lad', 'location', 'file'] as const) expect(c[col], col).toEqual(ref.array(col));
      expect([...c.line]).toEqual([...(ref.array('line') as Uint32Array)]);
      expect([...c.longitude]).toEqual([...(ref.array('longitude') as Float64Array)]);
      expect([...c.latitude]).toEqual([...(ref.array('latitude') as Float64Array)]);
    }
  });

  it('writes dictionaries holding only the values the authority’s rows use, and passes its own schema', () => {
    for (const rows of splits.flat()) {
      expect(AreaRows.safeParse(rows).success).toBe(true);
      for (const col of [rows.crimeType, rows.lsoaCode, rows.lsoaName, rows.location]) expect(new Set(col.codes).size).toBe(col.values.length);
    }
  });
});
