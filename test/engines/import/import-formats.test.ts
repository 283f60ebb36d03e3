import { describe, expect, it } from 'vitest';
import { IMD_FILES } from '../../../models/imd';
import { STREET_COLUMNS } from '../../../models/police-uk/street-row';
import { IMPORT_FORMATS } from '../../../src/engines/import/formats';
import { boundaries } from '../../../src/engines/import/formats/boundaries';
import { imd } from '../../../src/engines/import/formats/imd';
import { onsPopulation } from '../../../src/engines/import/formats/ons-population';
import { policeUkStreet } from '../../../src/engines/import/formats/police-uk-street';
import type { Probe } from '../../../src/engines/import/formats/format';

const probe = (header: string[], head = `${header.join(',')}\n`): Probe => ({ file: { name: 'f.csv', size: head.length } as Probe['file'], head, header });

describe('import format registry', () => {
  // Each kind of file the workbench reads, by its first line; exactly one format takes each.
  const cases: [string, Probe, unknown][] = [
    ['police.uk street file', probe([...STREET_COLUMNS]), policeUkStreet],
    ['IMD 2019 File 1', probe(IMD_FILES.imd1.columns.map((c) => c.header)), imd],
    ['IMD 2019 File 6', probe(IMD_FILES.imd6.columns.map((c) => c.header)), imd],
    ['ONS mid-year estimate', probe(['LSOA 2021 Code', 'LSOA 2021 Name', 'Total']), onsPopulation],
    ['Census 2021 TS041', probe(['date', 'geography', 'geography code', 'Number of households: Total; measures: Value']), onsPopulation],
    ['GeoJSON', { ...probe([]), head: '\uFEFF  {"type":"FeatureCollection"' }, boundaries],
  ];
  it.each(cases)('%s is taken by one format only', (_, p, want) => {
    const taking = IMPORT_FORMATS.filter((f) => f.sniff(p));
    expect(taking).toEqual([want]);
  });

  it('takes no format for an outcomes file or a spreadsheet of something else', () => {
    expect(IMPORT_FORMATS.filter((f) => f.sniff(probe(['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Outcome type'])))).toEqual(
      [],
    );
    expect(IMPORT_FORMATS.filter((f) => f.sniff(probe(['Name', 'Value'])))).toEqual([]);
  });
});
