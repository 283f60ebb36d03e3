import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { IMD_FILE6_COLUMNS, ImdFile6Row } from '../../../models/imd';
import { areaPopulation, ratePerThousand } from '../../../models/evidence/population';
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
    expect(p).toEqual({ total: independent, lsoas: 121, ladcd: 'E06000032', ladnm: 'Luton', source: 'mid-2015 population (IMD 2019 File 6)' });
    expect(independent).toBeGreaterThan(200000);
    expect(areaPopulation(read.rows.map((r) => r.row), 'Bedford')).toBeNull();
  });
});

describe('ratePerThousand', () => {
  it('is count × 1,000 ÷ population', () => {
    expect(ratePerThousand(500, 200000)).toBe(2.5);
    expect(ratePerThousand(5, 0)).toBeNull();
  });
});
