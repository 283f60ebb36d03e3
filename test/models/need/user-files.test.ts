import { describe, expect, it } from 'vitest';
import { readUserIndicators } from '../../../models/need/user-indicators';
import { readLookup } from '../../../models/need/lookup';

const known = new Set(['E05014742', 'E05014739', 'E01015693']);

describe('readUserIndicators', () => {
  it('reads values per area and indicator, keeping the line of each', () => {
    const r = readUserIndicators('Area code,Indicator,Value\nE05014742,Referrals,"1,204"\ne05014739,Referrals,8.5\nE05014742,Youth clubs,2\n', 'mine.csv', known, 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems).toEqual([]);
    expect(r.indicators).toEqual([
      { name: 'Referrals', fileName: 'mine.csv', importedAt: 0, values: { E05014742: 1204, E05014739: 8.5 }, lines: { E05014742: 2, E05014739: 3 } },
      { name: 'Youth clubs', fileName: 'mine.csv', importedAt: 0, values: { E05014742: 2 }, lines: { E05014742: 4 } },
    ]);
  });

  it('reports each bad row by line, column and reason, and keeps the good ones', () => {
    const text = [
      'area code,indicator,value',
      'E05014742,Referrals,12',
      'E05099999,Referrals,3',
      'E05014739,Referrals,abc',
      'X1,Referrals,4',
      'E05014742,Referrals,13',
      'E01015693,,4',
      'E01015693,Referrals',
    ].join('\n');
    const r = readUserIndicators(text, 'mine.csv', known, 0);
    if (!r.ok) throw new Error(r.reason);
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [3, 'area code', 'not a ward or LSOA of the loaded boundaries'],
      [4, 'value', 'value must be a number, found "abc"'],
      [5, 'area code', 'not a ward (E05…) or LSOA (E01…) code: "X1"'],
      [6, 'area code', 'E05014742 already has a value for “Referrals” on line 2'],
      [7, 'indicator', 'indicator name is empty'],
      [8, '(whole row)', 'expected 3 fields, found 2'],
    ]);
    expect(r.indicators[0]!.values).toEqual({ E05014742: 12 });
  });

  it('refuses a file without the columns, naming the ones it lacks', () => {
    const r = readUserIndicators('ward,score\nE05014742,3', 'wrong.csv', known, 0);
    expect(r).toMatchObject({ ok: false, missing: ['area code', 'indicator', 'value'] });
    expect(r.ok === false && r.reason).toMatch(/lacks the columns area code, indicator, value \(found ward, score\)/);
  });
});

describe('readLookup', () => {
  it('reads lsoa code, ward code pairs', () => {
    const r = readLookup('lsoa code,ward code\nE01015693,E05014735\nE01015694,E05014735\n', 'l.csv', 0);
    expect(r.ok && r.lookup.pairs).toEqual({ E01015693: 'E05014735', E01015694: 'E05014735' });
  });

  it('reads an ONS lookup by its LSOA..CD and WD..CD columns', () => {
    const r = readLookup('LSOA21CD,LSOA21NM,WD24CD,WD24NM\nE01015693,Luton 007A,E05014735,Barnfield\n', 'ons.csv', 0);
    expect(r.ok && r.lookup.pairs).toEqual({ E01015693: 'E05014735' });
  });

  it('reports an LSOA given two wards and bad codes', () => {
    const r = readLookup('lsoa code,ward code\nE01015693,E05014735\nE01015693,E05014735\nE01015693,E05014736\nE0101,E05014736\n', 'l.csv', 0);
    if (!r.ok) throw new Error(r.reason);
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [4, 'ward code', 'E01015693 is already given ward E05014735 on line 2'],
      [5, 'lsoa code', 'not an LSOA code (E01…): "E0101"'],
    ]);
  });
});
