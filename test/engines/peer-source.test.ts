import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../models/evidence/catalogue';
import { PeerGroup, rankText } from '../../models/peers/peers';
import { crimeDataLoader } from '../../src/engines/crime-source';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { peerSource } from '../../src/engines/peer-source';
import { sourceFromBytes } from '../../src/engines/import/source-file';
import type { DataStore } from '../../src/data/store';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const CRIME = `${SHARED}police-uk/bedfordshire/`;
const FILE6 = `${SHARED}imd2019/File_6_-_IoD2019_Population_Denominators.csv`;
const files2023 = readdirSync(CRIME)
  .filter((f) => f.startsWith('2023-'))
  .sort();
const AREAS = ['Luton', 'Bedford', 'Central Bedfordshire'];

/**
 * The independent figures: the shared 2023 files counted with d3-dsv by the
 * authority in the LSOA name, and File 6's total population summed by
 * authority name (its "1,375" thousands separators removed).
 */
function independent(crimeTypes: readonly string[]) {
  const counts = new Map<string, number>();
  for (const f of files2023) {
    for (const r of csvParse(readFileSync(CRIME + f, 'utf8').replace(/^\uFEFF/, ''))) {
      if (!crimeTypes.includes(r['Crime type']!)) continue;
      const lad = (r['LSOA name'] ?? '').replace(/ \d{3}[A-Z]$/, '');
      counts.set(lad, (counts.get(lad) ?? 0) + 1);
    }
  }
  const population = new Map<string, number>();
  for (const r of csvParse(readFileSync(FILE6, 'utf8').replace(/^\uFEFF/, ''))) {
    const name = r['Local Authority District name (2019)']!;
    population.set(name, (population.get(name) ?? 0) + Number(r['Total population: mid 2015 (excluding prisoners)']!.replace(/,/g, '')));
  }
  return AREAS.map((a) => ({ name: a, rate: (counts.get(a)! * 1000) / population.get(a)! }));
}

let store: DataStore;
beforeAll(async () => {
  store = await openDataStore(`peer-source-${Date.now()}`);
  const files = [...files2023.map((f) => CRIME + f), FILE6].map((p) => sourceFromBytes(p.split('/').at(-1)!, new Uint8Array(readFileSync(p))));
  await importFiles(store, files, { source: 'import' });
}, 180_000);
afterAll(() => store.close());

describe('peerSource on the shared Bedfordshire files', () => {
  for (const issueId of ['burglary', 'shoplifting', 'anti-social-behaviour']) {
    it(`ranks the three authorities’ ${issueId} rates as an independent count ÷ File 6 population does`, async () => {
      const issue = DEFAULT_CATALOGUE.issues.find((i) => i.id === issueId)!;
      const expected = independent(issue.crimeTypes).sort((a, b) => a.rate - b.rate);
      for (const area of AREAS) {
        const p = await peerSource(store, crimeDataLoader(store)).compare(area, DEFAULT_CATALOGUE, { end: '2023-12', months: 12 }, []);
        expect(p.months.length).toBe(12);
        const got = p.issues.find((i) => i.issueId === issueId)!;
        expect(got.rates.map((r) => r.name)).toEqual(expected.map((e) => e.name));
        got.rates.forEach((r, k) => expect(r.rate).toBeCloseTo(expected[k]!.rate, 10));
        const rank = expected.findIndex((e) => e.name === area) + 1;
        expect(got.rank).toEqual({ rank, of: 3, text: rankText(rank, 3) });
      }
    }, 60_000);
  }

  it('explains an area without population, an unknown code and a code without rows', async () => {
    const p = await peerSource(store, crimeDataLoader(store)).compare('Luton', DEFAULT_CATALOGUE, { end: '2023-12', months: 12 }, ['E09000003', 'E06099999', 'E06000055']);
    const reasons = new Map(p.leftOut.map((l) => [l.code || l.name, l.reason]));
    // Barnet has a population (File 6) and a few rows Bedfordshire recorded across its boundary: not a comparator, and the page says why.
    expect(reasons.get('E09000003')).toMatch(/^Barnet’s stored rows are crimes another force recorded across its boundary/);
    expect(reasons.get('E06099999')).toBe('E06099999 is not named by any loaded file (IMD File 6 or boundaries)');
    // Neighbouring authorities with a few stray rows and no population are left out together, with why.
    expect(reasons.get('Other authorities')).toMatch(/other authorities have only a few rows recorded across a force boundary/);
    expect(p.areas.map((a) => a.name).sort()).toEqual(['Bedford', 'Central Bedfordshire', 'Luton']);
    const burglary = p.issues.find((i) => i.issueId === 'burglary')!;
    expect(burglary.groupRank?.of).toBe(2); // Luton and Bedford
    expect(p.areas.find((a) => a.code === 'E06000055')?.inGroup).toBe(true);
  });

  it('refuses a peer group entry that is not a local authority code', () => {
    const r = PeerGroup.safeParse(['E06000032', 'Luton']);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('“Luton” is not a local authority code (like E06000032)');
  });
});

describe('rankText', () => {
  it('words ranks as the Barnet dashboard does', () => {
    expect(rankText(1, 3)).toBe('1st lowest of 3');
    expect(rankText(2, 3)).toBe('2nd lowest of 3');
    expect(rankText(3, 3)).toBe('3rd lowest of 3');
    expect(rankText(11, 32)).toBe('11th lowest of 32');
    expect(rankText(22, 32)).toBe('22nd lowest of 32');
  });
});
