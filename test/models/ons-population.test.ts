import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ladOfLsoaName, parseOnsPopulation, sniffPopulationHeader, yearOfFileName } from '../../models/population/ons-file';

const fixture = (name: string) => readFileSync(`test/fixtures/population/${name}`, 'utf8');
// Luton totals of the fictional fixtures, summed independently with python3's csv module:
// python3 -c "import csv; print(sum(int(r['Total']) for r in csv.DictReader(open(F)) if r['LAD 2021 Name']=='Luton'))"
const LUTON_MID_2022 = 243750;
const LUTON_TS001 = 236500;
const LUTON_TS041 = 86292;
const luton = (rows: { ladnm: string; value: number }[]) => rows.filter((r) => r.ladnm === 'Luton').reduce((s, r) => s + r.value, 0);

describe('ONS population files', () => {
  it('reads a mid-year LSOA estimate file, the year from its name', () => {
    const r = parseOnsPopulation(fixture('sapelsoasyoa-mid-2022-luton.csv'), 'sapelsoasyoa-mid-2022-luton.csv');
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect([r.measure, r.origin, r.year]).toEqual(['residents', 'mid-year', 2022]);
    expect(r.rows.filter((x) => x.ladnm === 'Luton')).toHaveLength(125);
    expect(luton(r.rows)).toBe(LUTON_MID_2022);
    expect(r.rows[0]).toMatchObject({ ladcd: 'E06000032', ladnm: 'Luton' });
    expect(r.problems).toEqual([]);
  });

  it('reads Census 2021 TS001 residents and TS041 households, the authority from the LSOA name', () => {
    const a = parseOnsPopulation(fixture('census2021-ts001-lsoa-luton.csv'), 'x.csv');
    const b = parseOnsPopulation(fixture('census2021-ts041-lsoa-luton.csv'), 'y.csv');
    expect(a?.ok && [a.measure, a.origin, a.year, luton(a.rows)]).toEqual(['residents', 'census', 2021, LUTON_TS001]);
    expect(b?.ok && [b.measure, b.origin, b.year, luton(b.rows)]).toEqual(['households', 'census', 2021, LUTON_TS041]);
    expect(a?.ok && a.rows.some((x) => x.ladnm === 'Central Bedfordshire')).toBe(true);
  });

  it('accepts the variants of the mid-year header', () => {
    expect(sniffPopulationHeader(['LAD 2023 Code', 'LAD 2023 Name', 'LSOA 2021 Code', 'LSOA 2021 Name', 'Total', '0', '1', '90+'])).toBe('ons-mid-year');
    expect(sniffPopulationHeader(['LSOA Code', 'LSOA Name', 'All Ages'])).toBe('ons-mid-year');
    expect(sniffPopulationHeader(['lsoa11cd', 'population'])).toBeUndefined();
    expect(yearOfFileName('sapelsoa_mid2022_v2.csv')).toBe(2022);
    expect(yearOfFileName('lsoa-estimates.csv')).toBeNull();
    expect(ladOfLsoaName('Milton Keynes 012C')).toBe('Milton Keynes');
  });

  it('reports each bad row by line and column and keeps the rest', () => {
    const text = [
      'LAD 2021 Code,LAD 2021 Name,LSOA 2021 Code,LSOA 2021 Name,Total,F0',
      'E06000032,Luton,E01015693,Luton 007A,1800,9',
      'E06000032,Luton,E0101569X,Luton 007B,1800,9',
      'E06000032,Luton,E01015695,Luton 007C,"1,9x0",9',
      'E06000032,Luton,E01015693,Luton 007A,1800,9',
      'E06000032,Luton,E01015696,Luton 007D,1700',
      'E0600003,Luton,E01015697,Luton 007E,1700,9',
      'E06000032,Luton,E01015698,Luton 017A,"2,000",9',
    ].join('\n');
    const r = parseOnsPopulation(text, 'mid-2021.csv');
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.rows.map((x) => [x.lsoa21cd, x.value])).toEqual([
      ['E01015693', 1800],
      ['E01015698', 2000],
    ]);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'LSOA 2021 Code'],
      [4, 'Total'],
      [5, 'LSOA 2021 Code'],
      [6, '(whole row)'],
      [7, 'LAD 2021 Code'],
    ]);
  });

  it('refuses a mid-year file whose name gives no year, and a census file mixing years', () => {
    const r = parseOnsPopulation('LSOA 2021 Code,LSOA 2021 Name,Total\nE01015693,Luton 007A,1\n', 'population.csv');
    expect(r?.ok === false && r.reason).toMatch(/file name must give the year/);
    const c = parseOnsPopulation('date,geography,geography code,Residence type: Total; measures: Value\n2021,Luton 007A,E01015693,5\n2011,Luton 007B,E01015694,5\n', 'ts001.csv');
    expect(c?.ok && c.problems.map((p) => [p.line, p.column])).toEqual([[3, 'date']]);
  });
});
