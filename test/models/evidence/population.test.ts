import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { IMD_FILE6_COLUMNS, ImdFile6Row } from '../../../models/imd';
import { areaPopulation, currentPopulation, FALLBACK_CAVEAT, rateBasis, ratePerThousand, type OnsPopulationTable } from '../../../models/evidence/population';
import { readTable } from '../../../models/tabular';

const text = readFileSync(new URL('../../../sample-data/imd2019/File_6_-_IoD2019_Population_Denominators_E06000032.csv', import.meta.url), 'utf8');

describe('areaPopulation', () => {
  it('sums File 6 mid-2015 population over the area’s 2011 LSOAs', () => {
    const read = readTable(text, IMD_FILE6_COLUMNS, ImdFile6Row);
    if (!read.ok) throw new Error('File 6 not read');
    // Independent sum with d3-dsv.
    const independent = csvParse(text).reduce((s, r) => s + Number((r['Total population: mid 2015 (excluding prisoners)'] ?? '').replace(/,/g, '')), 0);
    const p = areaPopulation(
      read.rows.map((r) => r.row),
      'luton',
    );
    expect(p).toEqual({
      total: independent,
      lsoas: 121,
      ladcd: 'E06000032',
      ladnm: 'Luton',
      source: 'mid-2015 population (IMD 2019 File 6)',
      basis: 'residents, mid-2015 (IMD 2019)',
      year: 2015,
      caveat: FALLBACK_CAVEAT,
      households: null,
    });
    expect(independent).toBeGreaterThan(200000);
    expect(
      areaPopulation(
        read.rows.map((r) => r.row),
        'Bedford',
      ),
    ).toBeNull();
  });
});

describe('ratePerThousand', () => {
  it('is count × 1,000 ÷ population', () => {
    expect(ratePerThousand(500, 200000)).toBe(2.5);
    expect(ratePerThousand(5, 0)).toBeNull();
  });
});

describe('currentPopulation', () => {
  const row = (lsoa21cd: string, value: number, ladnm = 'Luton') => ({ lsoa21cd, ladcd: ladnm === 'Luton' ? 'E06000032' : null, ladnm, value });
  const file6 = [{ lsoa11cd: 'E01015600', ladcd: 'E06000032', ladnm: 'Luton', population: 900 }];
  const mid2021: OnsPopulationTable = { measure: 'residents', origin: 'mid-year', year: 2021, rows: [row('E01015693', 1000), row('E01015694', 1100), row('E01017500', 5, 'Central Bedfordshire')] };
  const census: OnsPopulationTable = { measure: 'residents', origin: 'census', year: 2021, rows: [row('E01015693', 990), row('E01015694', 1000)] };
  const mid2022: OnsPopulationTable = { ...mid2021, year: 2022, rows: [row('E01015693', 1010), row('E01015694', 1200)] };
  const households: OnsPopulationTable = { measure: 'households', origin: 'census', year: 2021, rows: [row('E01015693', 400), row('E01015694', 420)] };

  it('falls back to File 6 with its caveat, then prefers the newest ONS residents (mid-year before census of the same year)', () => {
    expect(currentPopulation([], file6, 'Luton')).toMatchObject({ total: 900, caveat: FALLBACK_CAVEAT, year: 2015 });
    // Hand-worked: 1,000 + 1,100 (the Central Bedfordshire row is another area's).
    expect(currentPopulation([census, mid2021], file6, 'luton')).toMatchObject({ total: 2100, lsoas: 2, caveat: null, year: 2021, basis: 'residents, mid-2021', ladcd: 'E06000032' });
    expect(currentPopulation([census], file6, 'Luton')).toMatchObject({ total: 1990, basis: 'residents, Census 2021', source: 'Census 2021 usual residents (ONS TS001)' });
    expect(currentPopulation([mid2021, mid2022, census], file6, 'Luton')).toMatchObject({ total: 2210, basis: 'residents, mid-2022' });
    expect(currentPopulation([mid2021], [], 'Bedford')).toBeNull();
  });

  it('adds households, the denominator burglary uses', () => {
    const p = currentPopulation([mid2022, households], file6, 'Luton')!;
    expect(p.households).toEqual({ total: 820, lsoas: 2, basis: 'households, Census 2021', year: 2021 });
    expect(rateBasis(p)).toBe('per 1,000 residents, mid-2022');
    expect(rateBasis(p, true)).toBe('per 1,000 households, Census 2021');
    // Households alone keep the File 6 residents (with their caveat).
    expect(currentPopulation([households], file6, 'Luton')).toMatchObject({ total: 900, caveat: FALLBACK_CAVEAT, households: { total: 820 } });
  });
});
