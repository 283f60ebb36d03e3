import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../models/geo/boundaries';
import { pointInGeometry } from '../../models/geo/geometry';
import { needMatrix } from '../../models/need/matrix';
import { DEFAULT_SETTINGS } from '../../models/need/schema';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { openNeedStore, type NeedStore } from '../../src/data/need-store';
import { needSource, type NeedContext } from '../../src/engines/need-source';
import { describeSetup } from '../../src/engines/need-setup';
import { sourceFromBytes } from '../../src/engines/import/source-file';
import type { DataStore } from '../../src/data/store';

const SAMPLE = new URL('../../sample-data/', import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, SAMPLE));
const MONTHS = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
const IMD = {
  file2: 'imd2019/File_2_-_IoD2019_Domains_of_Deprivation_E06000032.csv',
  file6: 'imd2019/File_6_-_IoD2019_Population_Denominators_E06000032.csv',
};

let store: DataStore;
let need: NeedStore;
let ctx: NeedContext;
let source: ReturnType<typeof needSource>;

beforeAll(async () => {
  store = await openDataStore(`need-source-${Date.now()}`);
  need = await openNeedStore(`need-source-need-${Date.now()}`);
  const files = [
    ...['ward', 'lsoa11', 'lsoa21'].map((k) => sourceFromBytes(`${k}_E06000032.geojson`, sample(`boundaries/${k}_E06000032.geojson`))),
    sourceFromBytes('File_2.csv', sample(IMD.file2)),
    sourceFromBytes('File_6.csv', sample(IMD.file6)),
    ...MONTHS.map((m) => sourceFromBytes(`${m}-luton-street.csv.gz`, sample(`police-uk/${m}-luton-street.csv.gz`))),
  ];
  await importFiles(store, files, { source: 'import' });
  source = needSource(store, need);
  ctx = await source.context('Luton');
}, 60_000);
afterAll(() => {
  store.close();
  need.close();
});

/** The crime rows of the twelve months, read independently with d3-dsv. */
const rows = MONTHS.flatMap((m) =>
  csvParse(
    gunzipSync(sample(`police-uk/${m}-luton-street.csv.gz`))
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  ),
);
const wards = (() => {
  const r = parseBoundaries(sample('boundaries/ward_E06000032.geojson').toString('utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.areas;
})();
const csv = (path: string) => csvParse(sample(path).toString('utf8'));
const count = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));

describe('needSource on the Luton sample', () => {
  it('finds Luton’s code, its 20 wards and 125 LSOAs', () => {
    expect(ctx.lad).toBe('E06000032');
    expect(ctx.geography.ward!.areas).toHaveLength(20);
    expect(ctx.geography.lsoa!.areas).toHaveLength(125);
  });

  it('places each crime row in the ward whose polygon contains it, as a brute-force test over all wards does', () => {
    const expected = new Map<string, number>();
    let outside = 0;
    for (const r of rows) {
      const hits = wards.filter((w) => pointInGeometry(Number(r['Longitude']), Number(r['Latitude']), w.geometry));
      expect(hits.length).toBeLessThanOrEqual(1);
      if (hits.length === 0) outside++;
      else expected.set(hits[0]!.code, (expected.get(hits[0]!.code) ?? 0) + 1);
    }
    const g = ctx.geography.ward!;
    expect(g.crime.considered).toBe(rows.length);
    expect(g.crime.notAssigned).toBe(outside);
    expect(g.crime.assigned + g.crime.notAssigned + g.crime.noCoordinates).toBe(rows.length);
    const table = source.indicators(ctx, 'ward', 12)!;
    const all = table.indicators.find((i) => i.id === 'crime:all')!;
    const asb = table.indicators.find((i) => i.id === 'crime:Anti-social behaviour')!;
    g.areas.forEach((w, i) => expect(all.counts![i]! + asb.counts![i]!, w.name).toBe(expected.get(w.code) ?? 0));
  });

  it('places every 2011 LSOA in one ward by its ONS centroid, so ward populations add up to Luton’s', () => {
    const pop = csv(IMD.file6);
    const total = pop.reduce((s, r) => s + count(r['Total population: mid 2015 (excluding prisoners)']), 0);
    const g = ctx.geography.ward!;
    expect(g.links).toHaveLength(121);
    expect(g.linkCounts).toEqual({ 'ons-centroid': 121 });
    expect(g.unplaced).toEqual([]);
    const wardPop = source.indicators(ctx, 'ward', 12)!.population;
    expect(wardPop.reduce((s, x) => s + x, 0)).toBe(total);
    // 2021 LSOAs: unchanged codes, and the split LSOAs shared out, add up to the same total.
    const lsoaPop = source.indicators(ctx, 'lsoa', 12)!.population;
    expect(lsoaPop.reduce((s, x) => s + x, 0)).toBeCloseTo(total, 6);
    expect(ctx.geography.lsoa!.linkCounts['same-code']).toBe(118);
    expect(lsoaPop.every((p) => p > 0)).toBe(true);
  });

  it('computes rates per 1,000 from the counted rows and the residents', () => {
    const table = source.indicators(ctx, 'ward', 12)!;
    const all = table.indicators.find((i) => i.id === 'crime:all')!;
    table.population.forEach((p, i) => expect(all.values[i]).toBeCloseTo((all.counts![i]! / p) * 1000, 10));
    expect(all.description).toContain('Jan 2023 to Dec 2023');
  });

  it('gives the partnership’s population-weighted mean IMD rank as computed from Files 2 and 6', () => {
    const ranks = new Map(csv(IMD.file2).map((r) => [r['LSOA code (2011)']!, count(r['Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)'])]));
    const pops = csv(IMD.file6).map((r) => [r['LSOA code (2011)']!, count(r['Total population: mid 2015 (excluding prisoners)'])] as const);
    const expected = pops.reduce((s, [c, p]) => s + p * ranks.get(c)!, 0) / pops.reduce((s, [, p]) => s + p, 0);
    const imd = source.indicators(ctx, 'ward', 12)!.indicators.find((i) => i.id === 'imd:imd:rank')!;
    expect(imd.partnership).toBeCloseTo(expected, 8);
  });

  it('scores and ranks all 20 wards with the default settings', () => {
    const m = needMatrix(source.indicators(ctx, 'ward', 12)!, ctx.geography.ward!.areas, DEFAULT_SETTINGS);
    expect(m.unavailable).toEqual([]);
    expect(m.areas).toHaveLength(20);
    expect(m.areas.map((a) => a.rank)).toEqual([...m.areas.map((a) => a.rank)].sort((a, b) => a - b));
    expect(m.areas.every((a) => a.composite !== null && a.missing.length === 0)).toBe(true);
  });

  it('describes what is loaded and how data was placed', () => {
    const s = describeSetup(ctx, undefined);
    expect(s.missing).toEqual([]);
    expect(s.levels.map((l) => l.areas)).toEqual([20, 125]);
    expect(s.levels[0]!.crimeSummary).toMatch(/^[\d,]+ of [\d,]+ rows placed in a ward/);
    expect(s.months).toMatchObject({ first: '2023-01', last: '2023-12', count: 12 });
  });

  it('says clearly when no boundaries are loaded for the area', async () => {
    const other = await source.context('Bedford');
    expect(other.lad).toBeUndefined();
    expect(describeSetup(other, undefined).missing[0]).toMatch(/No boundaries or IMD rows are loaded for Bedford/);
  });
});
