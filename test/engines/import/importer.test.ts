import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataStore } from '../../../src/data/idb-store';
import { importFiles, ImportCancelled } from '../../../src/engines/import/importer';
import { sourceFromBytes, sourceFromText } from '../../../src/engines/import/source-file';
import type { DataStore } from '../../../src/data/store';
import { streetCsv, streetRow } from '../../fixtures/police-uk';
import { withBadRings } from '../../hostile/cases';
import { parseBoundaries } from '../../../models/geo/boundaries';

const SHARED = new URL('../../../../shared/data/', import.meta.url);
const shared = (path: string) => readFileSync(new URL(path, SHARED));

let store: DataStore;
let dbCount = 0;
beforeEach(async () => {
  store = await openDataStore(`test-${++dbCount}-${Date.now()}`);
});
afterEach(() => store.close());

const jan = streetCsv([streetRow(), streetRow({ 'Crime type': 'Robbery' }), streetRow({ 'LSOA code': 'E01017541', 'LSOA name': 'Bedford 001B' })]);
const feb = streetCsv([streetRow({ Month: '2023-02' })]);

async function storedRows(s: DataStore) {
  return (await s.partitions('crime')).reduce((n, m) => n + m.rows, 0);
}

describe('importFiles', () => {
  it('stores each force-month and chooses the authority with most rows as the area', async () => {
    const report = await importFiles(store, [sourceFromText('2023-01-street.csv', jan), sourceFromText('2023-02-street.csv', feb)], { source: 'import' });
    expect(report.parts.map((p) => [p.month, p.stored, p.status])).toEqual([
      ['2023-01', 3, 'added'],
      ['2023-02', 1, 'added'],
    ]);
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    expect(await storedRows(store)).toBe(4);
    expect((await store.settings()).area).toBe('Luton');
    const [meta] = await store.partitions('crime');
    expect(meta!.ladCounts).toEqual({ Luton: 2, Bedford: 1 });
  });

  it('replaces a month loaded twice instead of double counting, and says so', async () => {
    await importFiles(store, [sourceFromText('2023-01-street.csv', jan)], { source: 'import' });
    const again = await importFiles(store, [sourceFromText('2023-01-street (1).csv', jan)], { source: 'import' });
    expect(await storedRows(store)).toBe(3);
    expect(again.parts).toEqual([expect.objectContaining({ month: '2023-01', status: 'replaced', stored: 3, replaced: expect.objectContaining({ fileName: '2023-01-street.csv', rows: 3 }) })]);
    // The first import's dataset lost its only month, so it is gone; the second remains.
    expect((await store.datasets()).map((d) => d.fileNames)).toEqual([['2023-01-street (1).csv']]);
  });

  it('keeps one copy of a month that appears twice in one import, the later on a tie, and names the file left out', async () => {
    const report = await importFiles(store, [sourceFromText('a.csv', jan), sourceFromText('b.csv', jan)], { source: 'import' });
    expect(report.parts.map((p) => [p.fileName, p.status, p.supersededBy])).toEqual([
      ['a.csv', 'superseded', 'b.csv'],
      ['b.csv', 'added', undefined],
    ]);
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['a.csv', 'superseded'],
      ['b.csv', 'imported'],
    ]);
    expect(report.files[0]!.message).toContain('Not stored, as another file of this import carries the same data with at least as many rows: Jan 2023 (3 rows; kept from b.csv).');
    expect(await storedRows(store)).toBe(3);
  });

  it('never lets a fragment of a month displace the whole month carried by another file of the same import', async () => {
    const fragment = streetCsv([streetRow({ 'Crime type': 'Drugs' })]);
    const report = await importFiles(store, [sourceFromText('whole.csv', jan), sourceFromText('fragment.csv', fragment)], { source: 'import' });
    expect(report.parts.map((p) => [p.fileName, p.status, p.supersededBy])).toEqual([
      ['whole.csv', 'added', undefined],
      ['fragment.csv', 'superseded', 'whole.csv'],
    ]);
    expect(await storedRows(store)).toBe(3);
    expect((await store.partitions('crime'))[0]!.fileName).toBe('whole.csv');
  });

  it('rejects a row of another month in a file whose police.uk name gives its month, so it cannot replace that month', async () => {
    await importFiles(store, [sourceFromText('2023-02-bedfordshire-street.csv', streetCsv([streetRow({ Month: '2023-02' }), streetRow({ Month: '2023-02' })]))], { source: 'import' });
    const mixed = streetCsv([streetRow(), streetRow(), streetRow({ Month: '2023-02' })]);
    const report = await importFiles(store, [sourceFromText('2023-01/2023-01-bedfordshire-street.csv', mixed)], { source: 'import' });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: '2023-01/2023-01-bedfordshire-street.csv',
        line: 4,
        column: 'Month',
        value: '2023-02',
        reason: expect.stringMatching(/^Not the month of this file \(2023-01, from its police\.uk name\)/),
      }),
    ]);
    expect(report.parts.map((p) => [p.month, p.stored, p.rejected, p.status])).toEqual([['2023-01', 2, 1, 'added']]);
    // February, stored earlier from its own file, is untouched.
    expect((await store.partitions('crime')).map((m) => [m.month, m.rows])).toEqual([
      ['2023-01', 2],
      ['2023-02', 2],
    ]);
  });

  it('refuses a file in another format by name, with its missing columns, and keeps the good files', async () => {
    const outcomes = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n';
    const report = await importFiles(store, [sourceFromText('2023-01-outcomes.csv', outcomes), sourceFromText('good.csv', feb)], { source: 'import' });
    expect(report.files[0]).toMatchObject({
      name: '2023-01-outcomes.csv',
      status: 'refused',
      missingColumns: ['Crime type', 'Last outcome category', 'Context'],
    });
    expect(report.files[0]!.message).toContain('lacks the columns Crime type, Last outcome category, Context');
    expect(report.files[0]!.message).toContain('outcomes file');
    expect(await storedRows(store)).toBe(1);
  });

  it('reports an empty file and stores nothing for it', async () => {
    const report = await importFiles(store, [sourceFromText('empty.csv', '')], { source: 'import' });
    expect(report.files).toEqual([expect.objectContaining({ status: 'empty' })]);
    expect(await store.datasets()).toEqual([]);
  });

  it('lists rejected rows by file, line, column and reason, and keeps the good rows', async () => {
    const bad = streetCsv([streetRow(), streetRow({ Month: '2023-1' }), streetRow({ Latitude: 'x' })]);
    const report = await importFiles(store, [sourceFromText('bad.csv', bad)], { source: 'import' });
    expect(report.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['bad.csv', 3, 'Month'],
      ['bad.csv', 4, 'Latitude'],
    ]);
    // The bad-month row cannot be placed in a month, so it gets a line of its own.
    expect(report.parts).toEqual([
      expect.objectContaining({ label: 'Month not readable', stored: 0, rejected: 1, status: 'rejected' }),
      expect.objectContaining({ month: '2023-01', stored: 1, rejected: 1 }),
    ]);
    expect(await storedRows(store)).toBe(1);
  });

  it('undoes a replacement, putting the earlier rows back', async () => {
    await importFiles(store, [sourceFromText('old.csv', jan)], { source: 'import' });
    await importFiles(store, [sourceFromText('new.csv', streetCsv([streetRow()]))], { source: 'import' });
    expect(await storedRows(store)).toBe(1);
    const undo = await store.lastUndo();
    await store.undo(undo!.id);
    expect(await storedRows(store)).toBe(3);
    expect((await store.partitions('crime'))[0]!.fileName).toBe('old.csv');
    expect((await store.datasets()).map((d) => d.fileNames[0])).toEqual(['old.csv']);
  });

  it('warns when a replacement holds much less than the month it replaced, and marks an undone import as undone', async () => {
    const { summariseImport } = await import('../../../src/data/report-text');
    await importFiles(store, [sourceFromText('whole.csv', jan)], { source: 'import' });
    const report = await importFiles(store, [sourceFromText('part.csv', streetCsv([streetRow()]))], { source: 'import' });
    expect(summariseImport(report)).toContain(
      'Much smaller than what it replaced, so check the file is complete (Undo puts the earlier rows back): Jan 2023 now 1 row from part.csv, was 3 from whole.csv.',
    );
    await store.undo(report.undoId!);
    const [last] = await store.reports(1);
    expect(last!.id).toBe(report.id);
    expect(last!.undoneAt).toBeTypeOf('number');
    expect(summariseImport(last!)[0]).toMatch(/^Undone on \d{2}\/\d{2}\/\d{4}/);
    // The other import's report is not marked.
    expect((await store.reports()).filter((r) => r.undoneAt !== undefined)).toHaveLength(1);
  });

  it('says a month re-imported with exactly the stored rows was kept as it was, and a changed one replaced', async () => {
    const { summariseImport } = await import('../../../src/data/report-text');
    await importFiles(store, [sourceFromText('2023-01-street.csv', jan), sourceFromText('2023-02-street.csv', feb)], { source: 'import' });
    const again = await importFiles(
      store,
      [sourceFromText('2023-01-street (1).csv', jan), sourceFromText('2023-02-street (1).csv', streetCsv([streetRow({ Month: '2023-02', 'Crime type': 'Robbery' })]))],
      { source: 'import' },
    );
    expect(again.parts.map((p) => [p.month, p.status, p.unchanged])).toEqual([
      ['2023-01', 'replaced', true],
      ['2023-02', 'replaced', undefined],
    ]);
    const lines = summariseImport(again);
    expect(lines).toContain('Already stored with exactly the same rows, so kept as they were (nothing is counted twice; only the file name and date are new): Jan 2023.');
    expect(lines.find((l) => l.startsWith('Already stored, so replaced'))).toBe(
      'Already stored, so replaced rather than added (nothing is counted twice): Feb 2023 (1 earlier row from 2023-02-street.csv).',
    );
    expect(await storedRows(store)).toBe(4);
  });

  it('deletes a dataset and can undo the delete', async () => {
    await importFiles(store, [sourceFromText('jan.csv', jan)], { source: 'import' });
    await importFiles(store, [sourceFromText('feb.csv', feb)], { source: 'import' });
    const [first] = await store.datasets();
    const undo = await store.deleteDataset(first!.id);
    expect((await store.partitions('crime')).map((m) => m.month)).toEqual(['2023-02']);
    await store.undo(undo.id);
    expect((await store.partitions('crime')).map((m) => m.month).sort()).toEqual(['2023-01', '2023-02']);
  });

  it('undoes the latest step first even when two steps share a millisecond', async () => {
    const at = () => 1_700_000_000_000;
    await importFiles(store, [sourceFromText('jan.csv', jan)], { source: 'import', now: at });
    await importFiles(store, [sourceFromText('feb.csv', feb)], { source: 'import', now: at });
    const last = await store.lastUndo();
    await store.undo(last!.id);
    expect((await store.partitions('crime')).map((m) => m.month)).toEqual(['2023-01']);
  });

  it('refuses to undo an import once a newer step is stored, and keeps both imports', async () => {
    const first = await importFiles(store, [sourceFromText('jan.csv', jan)], { source: 'import' });
    await importFiles(store, [sourceFromText('feb.csv', feb)], { source: 'import' });
    await expect(store.undo(first.undoId!)).rejects.toThrow(/^a newer change \(“Import of .*”\) was saved since; only the most recent change can be undone/);
    expect((await store.partitions('crime')).map((m) => m.month).sort()).toEqual(['2023-01', '2023-02']);
  });

  it('stops without storing anything when cancelled', async () => {
    await expect(importFiles(store, [sourceFromText('jan.csv', jan)], { source: 'import', cancelled: () => true })).rejects.toBeInstanceOf(ImportCancelled);
    expect(await store.datasets()).toEqual([]);
  });

  it('survives closing and reopening the database', async () => {
    const name = `persist-${Date.now()}`;
    const a = await openDataStore(name);
    await importFiles(a, [sourceFromText('jan.csv', jan)], { source: 'import' });
    a.close();
    const b = await openDataStore(name);
    expect(await storedRows(b)).toBe(3);
    expect((await b.reports()).length).toBe(1);
    b.close();
  });

  it('reads gzip files and zip archives', async () => {
    const gz = sourceFromBytes('2023-01-street.csv.gz', gzipSync(new TextEncoder().encode(jan)));
    const zip = sourceFromBytes(
      'download.zip',
      zipSync({ '2023-02/2023-02-bedfordshire-street.csv': new TextEncoder().encode(feb), '2023-02/2023-02-bedfordshire-outcomes.csv': new TextEncoder().encode('Crime ID,Outcome type\n') }),
    );
    const report = await importFiles(store, [gz, zip], { source: 'import' });
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['2023-01-street.csv.gz', 'imported'],
      ['download.zip/2023-02/2023-02-bedfordshire-outcomes.csv', 'refused'],
      ['download.zip/2023-02/2023-02-bedfordshire-street.csv', 'imported'],
    ]);
    expect(await storedRows(store)).toBe(4);
  });

  it('imports a real police.uk month with every row accounted for', async () => {
    const bytes = shared('police-uk/bedfordshire/2023-12-bedfordshire-street.csv');
    const lines =
      new TextDecoder()
        .decode(bytes)
        .split('\n')
        .filter((l) => l.trim() !== '').length - 1;
    const report = await importFiles(store, [sourceFromBytes('2023-12-bedfordshire-street.csv', bytes)], { source: 'import' });
    const [part] = report.parts;
    expect(part!.stored + part!.rejected).toBe(lines);
    expect(part!.rejected).toBe(0);
    const counts = part!.ladCounts!;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(lines);
    expect(counts['Luton']).toBeGreaterThan(1000);
    expect(counts['']).toBeGreaterThan(0); // police.uk rows with no location
  });

  it('imports IMD 2019 files and ONS boundaries, one partition per authority', async () => {
    const report = await importFiles(
      store,
      [
        sourceFromBytes('File_1.csv', shared('imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv')),
        sourceFromBytes('File_6.csv', shared('imd2019/File_6_-_IoD2019_Population_Denominators.csv')),
        sourceFromBytes('ward_E06000032.geojson', shared('boundaries/ward_E06000032.geojson')),
      ],
      { source: 'import' },
    );
    expect(report.files.map((f) => [f.kind, f.status])).toEqual([
      ['imd1', 'imported'],
      ['imd6', 'imported'],
      ['boundaries', 'imported'],
    ]);
    const keys = (await store.partitions()).map((m) => m.key).sort();
    expect(keys).toEqual(['imd1|E06000032', 'imd1|E06000055', 'imd1|E06000056', 'imd1|E09000003', 'imd6|E06000032', 'imd6|E06000055', 'imd6|E06000056', 'imd6|E09000003', 'ward|E06000032'].sort());
    const [pop] = await store.partitionData(['imd6|E06000032']);
    if (pop?.kind !== 'imd6') throw new Error('expected imd6');
    expect(pop.rows.length).toBe(121); // Luton's 2011 LSOAs
    expect(pop.rows.every((r) => r.population > 0)).toBe(true);
  });
});

describe('a replacement that would shrink a stored month by more than half (issue 14, defect 3)', () => {
  const month = (n: number) => streetCsv(Array.from({ length: n }, (_, i) => streetRow({ 'Crime ID': `c${i}` })));

  it('asks first; declining keeps the stored month and still stores the other files', async () => {
    await importFiles(store, [sourceFromText('2023-01-street.csv', month(10))], { source: 'import' });
    const asked: unknown[] = [];
    const report = await importFiles(store, [sourceFromText('2023-01-street (cut).csv', month(4)), sourceFromText('2023-02-street.csv', feb)], {
      source: 'import',
      confirmShrink: async (s) => {
        asked.push(...s);
        return false;
      },
    });
    expect(asked).toEqual([expect.objectContaining({ label: 'Jan 2023', storedRows: 10, newRows: 4, fileName: '2023-01-street (cut).csv' })]);
    const metas = await store.partitions('crime');
    expect(metas.map((m) => [m.month, m.rows]).sort()).toEqual([
      ['2023-01', 10],
      ['2023-02', 1],
    ]);
    expect(report.files[0]!.message).toMatch(/Jan 2023 not stored: you kept the 10 already stored rather than replace them with 4\./);
  });

  it('replaces when the user agrees, and does not ask for a month at least half as large', async () => {
    await importFiles(store, [sourceFromText('2023-01-street.csv', month(10))], { source: 'import' });
    let asked = 0;
    const confirmShrink = async () => (asked++, true);
    await importFiles(store, [sourceFromText('2023-01-street.csv', month(5))], { source: 'import', confirmShrink });
    expect(asked).toBe(0);
    await importFiles(store, [sourceFromText('2023-01-street.csv', month(2))], { source: 'import', confirmShrink });
    expect(asked).toBe(1);
    expect((await store.partitions('crime')).map((m) => m.rows)).toEqual([2]);
  });
});

describe('bounded reports and fields (issue 14, defects 8, 17, 18, 20)', () => {
  it('quotes at most 100 characters of a huge value in a reason and keeps 20 reports', async () => {
    const huge = 'x'.repeat(2_000_000);
    const text = streetCsv(Array.from({ length: 40 }, () => streetRow({ Month: huge })));
    const report = await importFiles(store, [sourceFromText('big.csv', text)], { source: 'import' });
    expect(report.problems).toHaveLength(40);
    expect(Math.max(...report.problems.map((p) => p.reason.length + p.value.length))).toBeLessThan(400);
    expect(JSON.stringify(await store.reports(1)).length).toBeLessThan(40 * 600);
    for (let i = 0; i < 22; i++) await importFiles(store, [sourceFromText(`f${i}.csv`, feb)], { source: 'import', now: () => 1000 + i });
    expect(await store.reports(100)).toHaveLength(20);
  });

  it('refuses a file with the Month column twice, and says nothing about a trailing empty column', async () => {
    const twice = jan.replace('Month,', 'Month,Month,').replace(/2023-01,/g, '2023-01,2023-01,');
    const trailing = jan
      .split('\n')
      .map((l) => (l === '' ? l : `${l},`))
      .join('\n');
    const report = await importFiles(store, [sourceFromText('twice.csv', twice), sourceFromText('2023-01-street.csv', trailing)], { source: 'import' });
    expect(report.files[0]).toMatchObject({ status: 'refused', message: expect.stringMatching(/names “Month” more than once/) });
    expect(report.files[1]).toMatchObject({ status: 'imported', accepted: 3 });
    expect(report.files[1]!.message).not.toMatch(/Extra columns/);
  });

  it('rejects a field longer than any police.uk field, by line and column', async () => {
    const text = streetCsv([streetRow({ Location: 'y'.repeat(5000) }), streetRow()]);
    const report = await importFiles(store, [sourceFromText('2023-01-street.csv', text)], { source: 'import' });
    expect(report.problems).toEqual([expect.objectContaining({ line: 2, column: 'Location', reason: 'the value is 5,000 characters long, more than any police.uk field (1,000)' })]);
  });
});

describe('crime types that look the same (issue 14, defect 15)', () => {
  it('reads hidden characters, no-break spaces, fullwidth letters and case as the police.uk type, and says so', async () => {
    const text = streetCsv([
      streetRow(),
      streetRow({ 'Crime type': 'Burglary\u200b' }),
      streetRow({ 'Crime type': 'Ｂｕｒｇｌａｒｙ' }),
      streetRow({ 'Crime type': 'Vehicle\u00a0crime' }),
      streetRow({ 'Crime type': 'anti-social  behaviour ' }),
    ]);
    const report = await importFiles(store, [sourceFromText('2023-01-street.csv', text)], { source: 'import' });
    const [meta] = await store.partitions('crime');
    const [data] = await store.partitionData([meta!.key]);
    expect(data!.kind === 'crime' && data!.batch.crimeType.values).toEqual(['Burglary', 'Vehicle crime', 'Anti-social behaviour']);
    expect(report.files[0]!.message).toMatch(/were read as police\.uk's names: “BurglaryU\+200B” as Burglary \(1 row\); “U\+FF22/);
  });
});

describe('grouping reference rows by authority (issue 14, defect 10)', () => {
  it('groups 60,000 IMD rows of one authority in linear time (quadratic copying took minutes)', async () => {
    const sample = readFileSync(new URL('../../../sample-data/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation_E06000032.csv', import.meta.url), 'utf8');
    const [header, first] = sample.split(/\r?\n/);
    const cells = first!.split(',');
    const rows = Array.from({ length: 60_000 }, (_, i) => [`E01${String(i).padStart(6, '0')}`, ...cells.slice(1)].join(','));
    const report = await importFiles(store, [sourceFromText('imd1.csv', [header, ...rows].join('\n'))], { source: 'import' });
    expect(report.parts).toEqual([expect.objectContaining({ kind: 'imd1', stored: 60_000 })]);
  }, 20_000);
});

describe('boundary geometry (issue 14, defect 16)', () => {
  const wards = readFileSync(new URL('../../../sample-data/boundaries/ward_E06000032.geojson', import.meta.url), 'utf8');

  it('accepts every real ward and LSOA of the sample', () => {
    for (const f of ['ward_E06000032', 'lsoa11_E06000032', 'lsoa21_E06000032']) {
      const r = parseBoundaries(readFileSync(new URL(`../../../sample-data/boundaries/${f}.geojson`, import.meta.url), 'utf8'));
      expect(r.ok && r.problems).toEqual([]);
    }
  });

  it('leaves out a bow-tie, an unclosed and a degenerate ring, naming the feature', () => {
    const fc = JSON.parse(withBadRings(wards)) as { features: unknown[] };
    const r = parseBoundaries(JSON.stringify(fc));
    if (!r.ok) throw new Error(r.reason);
    expect(r.areas).toHaveLength(fc.features.length - 3);
    expect(r.problems.map((p) => p.reason.replace(/\(.*?\)/, '(…)'))).toEqual([
      'feature 1 (…): ring 1 crosses itself; it is left out',
      'feature 2 (…): ring 1 is not closed (its last point is not its first); it is left out',
      'feature 3 (…): ring 1 has fewer than three distinct points; it is left out',
    ]);
  });

  it('asks before a one-ward file replaces all the wards of the authority', async () => {
    await importFiles(store, [sourceFromText('wards.geojson', wards)], { source: 'import' });
    const fc = JSON.parse(wards) as { features: unknown[] };
    const one = JSON.stringify({ ...fc, features: fc.features.slice(0, 1) });
    const asked: { label: string; storedRows: number; newRows: number }[] = [];
    await importFiles(store, [sourceFromText('one-ward.geojson', one)], { source: 'import', confirmShrink: async (s) => (asked.push(...s), false) });
    expect(asked).toEqual([expect.objectContaining({ label: expect.stringMatching(/^Ward boundaries of /), storedRows: fc.features.length, newRows: 1 })]);
    expect((await store.partitions('ward')).map((m) => m.rows)).toEqual([fc.features.length]);
  });
});
