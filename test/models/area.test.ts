import { describe, expect, it } from 'vitest';
import { ladOfLsoaName, monthsWithAreaData, splitByArea, strayAuthorities } from '../../models/area';

describe('partnership area', () => {
  it('reads the authority from an LSOA name', () => {
    expect(ladOfLsoaName('Central Bedfordshire 012A')).toBe('Central Bedfordshire');
    expect(ladOfLsoaName('')).toBe('');
  });

  it('groups authorities with fewer than 1% of the largest one’s rows as stray', () => {
    // Bedfordshire's files, May 2021 to Dec 2023 (counted with python3 csv): Luton 58,545, North Hertfordshire 109, Wirral 1.
    const ranked = [
      { name: 'Luton', rows: 58_545 },
      { name: 'Central Bedfordshire', rows: 52_062 },
      { name: 'North Hertfordshire', rows: 109 },
      { name: 'Wirral', rows: 1 },
    ];
    const { main, other } = strayAuthorities(ranked);
    expect(main.map((a) => a.name)).toEqual(['Luton', 'Central Bedfordshire']);
    expect(other.map((a) => a.name)).toEqual(['North Hertfordshire', 'Wirral']);
    // 1% of 58,545 is 585.45: an authority at 586 rows is a main one.
    expect(strayAuthorities([...ranked, { name: 'Bedford', rows: 586 }]).main).toHaveLength(3);
    expect(strayAuthorities([])).toEqual({ main: [], other: [] });
  });

  it('splits rows into inside, outside and no location', () => {
    expect(splitByArea({ Luton: 5, Bedford: 2, '': 1 }, 'Luton')).toEqual({ inside: 5, outside: 2, noLocation: 1 });
    expect(splitByArea({ Luton: 5, Bedford: 2, '': 1 }, undefined)).toEqual({ inside: 7, outside: 0, noLocation: 1 });
  });

  it('has data for a month only where a stored month holds a row in the area', () => {
    const metas: { month: string; ladCounts: Record<string, number> }[] = [
      { month: '2023-02', ladCounts: { Luton: 3 } },
      { month: '2023-01', ladCounts: { Bedford: 9, '': 2 } },
      { month: '2023-03', ladCounts: { Luton: 0, Bedford: 4 } },
      { month: '2023-03', ladCounts: { Luton: 1 } },
    ];
    expect(monthsWithAreaData(metas, 'Luton')).toEqual(['2023-02', '2023-03']);
    expect(monthsWithAreaData(metas, 'Bedford')).toEqual(['2023-01', '2023-03']);
    expect(monthsWithAreaData(metas, 'Barnet')).toEqual([]);
    // With no area chosen, any located row counts; rows with no location alone do not.
    expect(monthsWithAreaData([{ month: '2023-04', ladCounts: { '': 5 } }, ...metas], null)).toEqual(['2023-01', '2023-02', '2023-03']);
  });
});
