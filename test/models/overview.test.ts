import { describe, expect, it } from 'vitest';
import { crimeTable, type CrimePart } from '../../models/crime-table';
import { duplicateIds, summarisePart } from '../../models/crime-summary';
import { crimeOverview, filterCounts, overviewRows, OverviewRowsRequest, type MonthMeta } from '../../models/overview';
import { createStreetFileParser } from '../../models/police-uk/street-file';
import { streetCsv, streetRow } from '../fixtures/police-uk';

/** Parses fixture rows into stored-month shapes, as the importer would. */
function months(rows: string[][]): { metas: MonthMeta[]; parts: CrimePart[] } {
  const p = createStreetFileParser();
  p.push(streetCsv(rows));
  const r = p.end();
  if (!r.ok) throw new Error('fixture did not parse');
  return {
    metas: r.batches.map((b) => ({ month: b.month, force: b.force, rows: b.batch.n, rejected: b.rejected, ladCounts: b.ladCounts })),
    parts: r.batches.map((b) => ({ key: `${b.force}|${b.month}`, month: b.month, force: b.force, fileName: 'f.csv', batch: b.batch })),
  };
}
/** What the crime engine hands the overview: each month's summary and the repeated IDs. */
const counted = (parts: CrimePart[]) => ({ summaries: parts.map(summarisePart), duplicates: duplicateIds(parts) });
const many = (n: number, o: Parameters<typeof streetRow>[0]) => Array.from({ length: n }, () => streetRow(o));

describe('crimeOverview', () => {
  const { metas, parts } = months([
    ...many(10, { Month: '2023-01' }),
    ...many(2, { Month: '2023-01', 'Crime type': 'Robbery' }),
    ...many(3, { Month: '2023-01', 'LSOA code': 'E01017541', 'LSOA name': 'Bedford 001B' }),
    ...many(1, { Month: '2023-01', Longitude: '', Latitude: '', 'LSOA code': '', 'LSOA name': '', Location: 'No location' }),
    ...many(11, { Month: '2023-02' }),
    ...many(4, { Month: '2023-04' }),
  ]);
  const o = crimeOverview(metas, counted(parts), 'Luton');

  it('counts rows in the area by month and crime type, most common type first', () => {
    expect(o.crimeTypes).toEqual(['Burglary', 'Robbery']);
    expect(o.counts).toEqual([
      { month: '2023-01', crimeType: 'Burglary', rows: 10 },
      { month: '2023-01', crimeType: 'Robbery', rows: 2 },
      { month: '2023-02', crimeType: 'Burglary', rows: 11 },
      { month: '2023-04', crimeType: 'Burglary', rows: 4 },
    ]);
    expect(o.totals).toEqual({ stored: 31, inArea: 27, outside: 3, noLocation: 1, rejected: 0 });
    expect(o.outsideByAuthority).toEqual([{ name: 'Bedford', rows: 3 }]);
  });

  it('narrows the counts to the chosen crime types and months, keeping the order of types', () => {
    // By hand from the fixture above: Luton has Burglary 10 (Jan), 11 (Feb), 4 (Apr) and Robbery 2 (Jan).
    expect(filterCounts(o, { crimeTypes: ['Robbery', 'Burglary'], from: '2023-02', to: '2023-04' })).toEqual({
      crimeTypes: ['Burglary', 'Robbery'],
      counts: [
        { month: '2023-02', crimeType: 'Burglary', rows: 11 },
        { month: '2023-04', crimeType: 'Burglary', rows: 4 },
      ],
    });
    expect(filterCounts(o, { crimeTypes: ['Robbery'], from: '2023-01', to: '2023-01' }).counts).toEqual([{ month: '2023-01', crimeType: 'Robbery', rows: 2 }]);
    expect(filterCounts(o, { crimeTypes: [], from: '2023-01', to: '2023-04' })).toEqual({ crimeTypes: [], counts: [] });
  });

  it("traces a cell to the area's source rows by file and line", () => {
    // The fixture file: header on line 1, ten January burglaries on lines 2-11, the two robberies on 12-13,
    // Bedford's three rows on 14-16, the row without a location on 17.
    const rows = overviewRows(crimeTable(parts), { area: 'Luton', months: ['2023-01'], crimeTypes: ['Robbery'], offset: 0, limit: 50 });
    expect(rows.total).toBe(2);
    expect(rows.items.map((r) => [r.file, r.line, r.month, r.crimeType, r.lsoaName])).toEqual([
      ['f.csv', 12, '2023-01', 'Robbery', 'Luton 007A'],
      ['f.csv', 13, '2023-01', 'Robbery', 'Luton 007A'],
    ]);
    const page = overviewRows(crimeTable(parts), { area: 'Luton', months: ['2023-01', '2023-02'], crimeTypes: ['Burglary'], offset: 20, limit: 50 });
    expect(page.total).toBe(21);
    expect(page.items.map((r) => r.line)).toEqual([28]);
    // Bedford's January burglaries are its own, not Luton's.
    expect(overviewRows(crimeTable(parts), { area: 'Bedford', months: ['2023-01'], crimeTypes: ['Burglary'], offset: 0, limit: 50 }).items.map((r) => r.line)).toEqual([14, 15, 16]);
    expect(OverviewRowsRequest.safeParse({ area: 'Luton', months: ['Jan 2023'], crimeTypes: ['Robbery'], offset: 0, limit: 50 }).success).toBe(false);
    expect(OverviewRowsRequest.safeParse({ area: 'Luton', months: ['2023-01'], crimeTypes: [], offset: 0, limit: 50 }).success).toBe(false);
  });

  it('flags missing months and months that look incomplete', () => {
    expect(o.coverage).toMatchObject({ first: '2023-01', last: '2023-04', gaps: ['2023-03'] });
    const ids = o.notes.map((n) => n.id);
    expect(ids).toContain('gaps');
    expect(o.notes.find((n) => n.id === 'gaps')!.text).toContain('Mar 2023');
    // April has 4 rows in the area against a median month of 11.
    expect(ids).toContain('low-2023-04');
    expect(ids).not.toContain('low-2023-01');
  });

  it('explains rows without a location and rows in other authorities', () => {
    expect(o.notes.find((n) => n.id === 'no-location')!.text).toMatch(/^1 row \(3\.2% of stored rows\) has no location/);
    expect(o.notes.find((n) => n.id === 'outside')!.text).toBe("3 rows fall in 1 other authority (most: Bedford 3). They are kept and excluded from Luton's figures.");
  });

  it('moves rows between inside and outside when the area changes', () => {
    const bedford = crimeOverview(metas, counted(parts), 'Bedford');
    expect(bedford.totals).toMatchObject({ inArea: 3, outside: 27, noLocation: 1 });
    expect(bedford.counts).toEqual([{ month: '2023-01', crimeType: 'Burglary', rows: 3 }]);
  });

  it("counts a stored month with none of the area's rows as a month without data for it", () => {
    // Bedford has rows only in January: February and April are stored, but not Bedford's.
    const bedford = crimeOverview(metas, counted(parts), 'Bedford');
    expect(bedford.coverage).toMatchObject({ first: '2023-01', last: '2023-01', gaps: [] });
    expect(bedford.notes.find((n) => n.id === 'empty-for-area')!.text).toBe(
      "2 stored months have no row in Bedford: Feb 2023, Apr 2023. For Bedford they count as months without data (gaps, or outside its coverage), never as months with no crime; import the force's files for those months to fill them.",
    );
    const nowhere = crimeOverview(metas, counted(parts), 'Barnet');
    expect(nowhere.coverage.first).toBeUndefined();
    expect(nowhere.notes.find((n) => n.id === 'empty-for-area')!.text).toMatch(/^None of the 3 stored months has a row in Barnet\./);
    expect(o.notes.map((n) => n.id)).not.toContain('empty-for-area');
  });

  it('notes crime IDs that repeat within a month', () => {
    const dup = months([streetRow({ 'Crime ID': 'aa' }), streetRow({ 'Crime ID': 'aa' }), streetRow({ 'Crime ID': '' }), streetRow({ 'Crime ID': '' })]);
    const d = crimeOverview(dup.metas, counted(dup.parts), 'Luton');
    expect(d.notes.find((n) => n.id === 'duplicate-ids')!.text).toMatch(/^1 crime ID appears on more than one row \(each within a single month/);
  });
});
