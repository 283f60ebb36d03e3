import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crimeTable, type CrimePart } from '../../models/crime-table';
import { cubeFromSummaries, duplicateIds, idPrefixes, forceMonthLadCounts, ladMonthTypeCounts, monthTypeCounts, summarisePart } from '../../models/crime-summary';
import { countCube } from '../../models/evidence/cube';
import { crimeIdAt, packCrimeIds } from '../../models/police-uk/crime-batch';
import { streetCsv, streetRow } from '../fixtures/police-uk';
import { bedfordshireMonths, parseStreet } from '../fixtures/bedfordshire';

// The summaries are checked against the row-level code they replace (arquero over one
// string per row, as the engine used to count), on three real Bedfordshire months: the
// whole force, six authorities, rows without a location.
const MONTHS = ['2023-01', '2023-02', '2023-03'];
const parts = bedfordshireMonths(MONTHS);
const summaries = parts.map(summarisePart);
const rows = crimeTable(parts);

describe('summarisePart', () => {
  it('counts every row once', () => {
    expect(summaries.map((s) => s.n.reduce((a, b) => a + b, 0))).toEqual(parts.map((p) => p.batch.n));
    expect(parts.reduce((s, p) => s + p.batch.n, 0)).toBeGreaterThan(10_000);
  });
});

describe('cubeFromSummaries', () => {
  it.each(['Luton', 'Bedford', 'Central Bedfordshire', null])('gives the same cells, in the same order, as counting the rows (%s)', (area) => {
    const want = countCube(rows, area);
    expect(want.n.length).toBeGreaterThan(100);
    expect(cubeFromSummaries(summaries, area)).toEqual(want);
  });
  it('an authority with no rows has an empty cube', () => {
    expect(cubeFromSummaries(summaries, 'Atlantis').n).toEqual([]);
  });
});

describe('monthTypeCounts', () => {
  it.each(['Luton', null])('matches a group-by over the rows (%s)', (area) => {
    const inArea = area === null ? rows.filter((d: { lad: string }) => d.lad !== '') : rows.params({ area }).filter((d: { lad: string }, $: { area: string }) => d.lad === $.area);
    const want = inArea.groupby('month', 'crimeType').count({ as: 'rows' }).orderby('month', 'crimeType').objects();
    expect(monthTypeCounts(summaries, area)).toEqual(want);
  });
});

describe('authority counts', () => {
  it('match a loop over the rows', () => {
    const lad = rows.array('lad') as string[];
    const month = rows.array('month') as string[];
    const type = rows.array('crimeType') as string[];
    const force = rows.array('force') as string[];
    const byLad = new Map<string, Map<string, Map<string, number>>>();
    const byForce = new Map<string, Map<string, Map<string, number>>>();
    const bump = (m: Map<string, Map<string, Map<string, number>>>, a: string, b: string, c: string) => {
      const x = m.get(a) ?? new Map<string, Map<string, number>>();
      m.set(a, x);
      const y = x.get(b) ?? new Map<string, number>();
      x.set(b, y);
      y.set(c, (y.get(c) ?? 0) + 1);
    };
    for (let i = 0; i < lad.length; i++) {
      if (lad[i] !== '') bump(byLad, lad[i]!, month[i]!, type[i]!);
      bump(byForce, force[i]!, month[i]!, lad[i]!);
    }
    expect(ladMonthTypeCounts(summaries)).toEqual(byLad);
    expect([...ladMonthTypeCounts(summaries).keys()]).toEqual([...byLad.keys()]);
    expect(forceMonthLadCounts(summaries)).toEqual(byForce);
  });
});

/** The overview's old check: every ID in one Map of strings. */
function naiveDuplicates(list: { month: string; ids: string[] }[]): { ids: number; sameMonth: number } {
  const first = new Map<string, string>();
  const dupes = new Map<string, boolean>();
  for (const { month, ids } of list) {
    for (const id of ids) {
      if (id === '') continue;
      const m = first.get(id);
      if (m === undefined) first.set(id, month);
      else dupes.set(id, (dupes.get(id) ?? true) && m === month);
    }
  }
  return { ids: dupes.size, sameMonth: [...dupes.values()].filter(Boolean).length };
}

describe('duplicateIds', () => {
  it('finds no repeats in real months, and finds a month loaded under two forces', () => {
    const list = parts.map((p) => ({ month: p.month, ids: Array.from({ length: p.batch.n }, (_, i) => crimeIdAt(p.batch.crimeId, i)) }));
    expect(duplicateIds(parts)).toEqual(naiveDuplicates(list));
    const twice = [...parts, { ...parts[0]!, key: 'other|2023-01' }];
    const withTwice = [...list, list[0]!];
    expect(duplicateIds(twice)).toEqual(naiveDuplicates(withTwice));
    expect(duplicateIds(twice).ids).toBeGreaterThan(1000);
  });

  it('agrees with one Map of strings on generated IDs, including IDs that share their first bytes', () => {
    // Hex IDs from a small pool whose first 8 hex digits (4 bytes, the table's hash) often coincide; plus other text and empties.
    const hex = fc.tuple(fc.constantFrom('00000000', 'deadbeef', 'ffffffff'), fc.constantFrom('0'.repeat(56), 'a'.repeat(56), '1'.repeat(55) + '2')).map(([a, b]) => a + b);
    const id = fc.oneof(hex, fc.constantFrom('', 'ABC', 'x-1'));
    const monthIds = fc.record({ month: fc.constantFrom('2023-01', '2023-02'), ids: fc.array(id, { maxLength: 30 }) });
    fc.assert(
      fc.property(fc.array(monthIds, { maxLength: 5 }), (list) => {
        const packed = list.map((m) => ({ month: m.month, batch: { n: m.ids.length, crimeId: packCrimeIds(m.ids) } as CrimePart['batch'] }));
        expect(duplicateIds(packed)).toEqual(naiveDuplicates(list));
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});

describe('idPrefixes', () => {
  it('keeps each ID’s first 16 bytes, its kind and any text ID', () => {
    const ids = ['ab'.repeat(32), '', 'not-hex', '01'.repeat(16) + 'ff'.repeat(16)];
    const p = idPrefixes({ n: 4, crimeId: packCrimeIds(ids) } as CrimePart['batch']);
    expect([...p.kind]).toEqual([1, 0, 2, 1]);
    expect([...p.prefix.subarray(0, 16)]).toEqual(Array(16).fill(0xab));
    expect([...p.prefix.subarray(48, 64)]).toEqual(Array(16).fill(0x01));
    expect(p.other).toEqual({ 2: 'not-hex' });
  });

  it('tells IDs apart by their first 16 bytes: ones differing only beyond them count as one (below 10^-22 for SHA-256 digests)', () => {
    const month = (ids: string[]) => ({ month: '2023-01', batch: { n: ids.length, crimeId: packCrimeIds(ids) } as CrimePart['batch'] });
    const a = '0'.repeat(64);
    expect(duplicateIds([month([a, '0'.repeat(31) + '1' + '0'.repeat(32)])])).toEqual({ ids: 0, sameMonth: 0 });
    expect(duplicateIds([month([a, '0'.repeat(63) + '1'])])).toEqual({ ids: 1, sameMonth: 1 });
  });
});

describe('a small fixture', () => {
  it('counts rows without a location under no authority', () => {
    const p = parseStreet(streetCsv([streetRow(), streetRow({ Longitude: '', Latitude: '', 'LSOA code': '', 'LSOA name': '', Location: 'No location' })]), 'f.csv');
    const s = summarisePart(p[0]!);
    expect(s.lad).toEqual(['Luton', '']);
    expect(s.n).toEqual([1, 1]);
  });
});
