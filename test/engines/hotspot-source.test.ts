import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOTSPOT_SETTINGS } from '../../models/hotspots/schema';
import { crimeDataLoader } from '../../src/engines/crime-source';
import { hotspotSource } from '../../src/engines/hotspot-source';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromBytes } from '../../src/engines/import/source-file';
import type { DataStore } from '../../src/data/store';

const SAMPLE = new URL('../../sample-data/', import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, SAMPLE));
const MONTHS = ['2023-10', '2023-11', '2023-12'];
let store: DataStore;

beforeAll(async () => {
  store = await openDataStore(`hotspot-source-${Date.now()}`);
  const files = [
    sourceFromBytes('ward_E06000032.geojson', sample('boundaries/ward_E06000032.geojson')),
    sourceFromBytes('File_6.csv', sample('imd2019/File_6_-_IoD2019_Population_Denominators_E06000032.csv')),
    ...MONTHS.map((m) => sourceFromBytes(`${m}-luton-street.csv.gz`, sample(`police-uk/${m}-luton-street.csv.gz`))),
  ];
  await importFiles(store, files, { source: 'import' });
});
afterAll(() => store.close());

describe('hotspotSource', () => {
  const settings = { ...DEFAULT_HOTSPOT_SETTINGS, period: { end: null, months: 3 } };

  it('counts the area’s rows of the issue’s types, as its own rows (split at import) hold them', async () => {
    const data = crimeDataLoader(store);
    const src = hotspotSource(store, data);
    const result = await src.analyse('Luton', settings, ['Shoplifting']);
    const own = await (await data()).areaColumns('Luton');
    const expected = own.crimeType.filter((t, i) => t === 'Shoplifting' && MONTHS.includes(own.month[i]!)).length;
    const counted = result.cells.reduce((s, c) => s + c.count, 0);
    expect(counted).toBeGreaterThan(0);
    // Rows outside every ward are left out of the cells, never more than the area's rows.
    expect(counted).toBeLessThanOrEqual(expected);
  });

  it('keeps recent analyses: the Report’s issues asked again are answered without working them out, and a trace lists its own analysis’s rows', async () => {
    const src = hotspotSource(store);
    const shop = await src.analyse('Luton', settings, ['Shoplifting']);
    const burglary = await src.analyse('Luton', { ...settings, issueId: 'burglary' }, ['Burglary']);
    expect(await src.analyse('Luton', settings, ['Shoplifting'])).toBe(shop);
    expect(await src.analyse('Luton', { ...settings, issueId: 'burglary' }, ['Burglary'])).toBe(burglary);
    const cell = shop.cells.find((c) => c.count > 0)!;
    const trace = await src.trace('Luton', settings, ['Shoplifting'], cell.id, 0, 1000);
    expect(trace.total).toBe(cell.count);
    expect(new Set(trace.items.map((r) => r.crimeType))).toEqual(new Set(['Shoplifting']));
  });

  it('a trace lists its own analysis’s rows while another analysis is worked out at the same time', async () => {
    const src = hotspotSource(store);
    const shop = await src.analyse('Luton', settings, ['Shoplifting']);
    const cell = shop.cells.find((c) => c.count > 0)!;
    const [trace] = await Promise.all([src.trace('Luton', settings, ['Shoplifting'], cell.id, 0, 1000), src.analyse('Luton', { ...settings, issueId: 'vehicle' }, ['Vehicle crime'])]);
    expect(trace.total).toBe(cell.count);
    expect(new Set(trace.items.map((r) => r.crimeType))).toEqual(new Set(['Shoplifting']));
  });
});
