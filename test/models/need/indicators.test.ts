import { describe, expect, it } from 'vitest';
import type { LsoaLink } from '../../../models/need/assign';
import { crimeCube, crimePeriod, crimeWindowNote } from '../../../models/need/crime-cube';
import { buildIndicators, indicatorLabel, type ImdValues, type LsoaPopulation } from '../../../models/need/indicators';
import { needMatrix, needRobustness } from '../../../models/need/matrix';
import { DEFAULT_SETTINGS } from '../../../models/need/schema';

// Two areas. LSOAs a (1,000 residents, rank 100, decile 1) and b (3,000, rank 500, decile 2) lie in area 0;
// c (2,000, rank 30,000, decile 10) was split, and half of it is area 1.
const links: LsoaLink[] = [
  { lsoa: 'a', target: 0, share: 1, method: 'ons-centroid' },
  { lsoa: 'b', target: 0, share: 1, method: 'ons-centroid' },
  { lsoa: 'c', target: 1, share: 0.5, method: 'split' },
];
const imd = new Map<string, ImdValues>([
  ['a', { imd: { rank: 100, decile: 1 } }],
  ['b', { imd: { rank: 500, decile: 2 } }],
  ['c', { imd: { rank: 30000, decile: 10 } }],
]);
const population = new Map<string, LsoaPopulation>([
  ['a', { population: 1000, children: 200, aged60plus: 100 }],
  ['b', { population: 3000, children: 600, aged60plus: 900 }],
  ['c', { population: 2000, children: 400, aged60plus: 200 }],
]);
// Rows: area 0 has 3 ASB and 6 burglaries, area 1 has 2 burglaries; one row not assigned (-1), one of another authority (-2).
const areaOfRow = Int32Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -1, -2);
const type = ['Anti-social behaviour', 'Anti-social behaviour', 'Anti-social behaviour', ...Array(6).fill('Burglary'), 'Burglary', 'Burglary', 'Burglary', 'Drugs'];
const month = ['2023-01', '2023-02', '2023-03', '2023-01', '2023-01', '2023-02', '2023-02', '2023-03', '2023-03', '2023-01', '2023-03', '2023-02', '2022-06'];
const cube = crimeCube(areaOfRow, type, month, 2);
const areas = [
  { code: 'E05000001', name: 'North' },
  { code: 'E05000002', name: 'South' },
];
const table = buildIndicators({
  level: 'ward',
  areas,
  links,
  linkNote: 'test',
  imd,
  imdSource: 'File 1',
  population,
  cube,
  period: crimePeriod(cube, 12),
  crimeNote: 'test',
  user: [{ name: 'Clubs', fileName: 'c.csv', importedAt: 0, values: { E05000002: 4 }, lines: { E05000002: 2 } }],
});
const get = (id: string) => table.indicators.find((i) => i.id === id)!;

describe('buildIndicators', () => {
  it('sums residents over the placed LSOAs, with a split LSOA’s share, and marks the estimate', () => {
    expect(Array.from(table.population)).toEqual([4000, 1000]);
    expect(Array.from(table.estimated)).toEqual([0, 1]);
  });

  it('counts only the partnership’s months and annualises rates over the months with data', () => {
    // Months with partnership rows: Jan to Mar 2023 (June 2022 is another authority's row). Window: 12 months to Mar 2023, 3 with data.
    expect(cube.months).toEqual(['2023-01', '2023-02', '2023-03']);
    const all = get('crime:all');
    // Area 0: 6 burglaries / 4,000 × 1,000 × 12 / 3 = 6; area 1: 2 / 1,000 × 1,000 × 4 = 8; partnership: 8 / 5,000 × 1,000 × 4 = 6.4
    expect(Array.from(all.counts!)).toEqual([6, 2]);
    expect(all.values[0]).toBeCloseTo(6, 12);
    expect(all.values[1]).toBeCloseTo(8, 12);
    expect(all.partnership).toBeCloseTo(6.4, 12);
    expect(Array.from(get('crime:Anti-social behaviour').values)).toEqual([3, 0]);
    expect(all.description).toContain('9 months of the window have no data');
    expect(all.description).toContain('× 12 ÷ 3 months (annualised)');
  });

  it('weights IMD ranks by residents and gives the share of residents in the most deprived decile', () => {
    // (1,000 × 100 + 3,000 × 500) / 4,000 = 400; partnership (100,000 + 1,500,000 + 1,000 × 30,000) / 5,000 = 6,320
    expect(Array.from(get('imd:imd:rank').values)).toEqual([400, 30000]);
    expect(get('imd:imd:rank').partnership).toBeCloseTo(6320, 9);
    expect(Array.from(get('imd:imd:decile').values)).toEqual([1.75, 10]);
    expect(Array.from(get('imd:imd:d1').values)).toEqual([0.25, 0]);
    expect(get('imd:imd:rank').direction).toBe('lower');
  });

  it('gives population shares and the user’s own values (missing where not given)', () => {
    expect(Array.from(get('pop:children').values)).toEqual([0.2, 0.2]);
    expect(Array.from(get('pop:older').values)).toEqual([0.25, 0.1]);
    const clubs = get('user:Clubs');
    expect(clubs.values[0]).toBeNaN();
    expect(clubs.values[1]).toBe(4);
    expect(clubs.description).toContain('c.csv');
  });
});

describe('needMatrix', () => {
  it('flags small and estimated populations and missing values, and leaves out indicators not available', () => {
    const m = needMatrix(table, areas, {
      ...DEFAULT_SETTINGS,
      smallPopulation: 2000,
      indicators: [
        { id: 'crime:all', direction: 'higher', weight: 1 },
        { id: 'user:Clubs', direction: 'higher', weight: 1 },
        { id: 'imd:income:rank', direction: 'lower', weight: 1 },
      ],
    });
    expect(m.unavailable).toEqual(['imd:income:rank']);
    const south = m.areas.find((a) => a.name === 'South')!;
    const north = m.areas.find((a) => a.name === 'North')!;
    expect(south).toMatchObject({ smallPopulation: true, populationEstimated: true, missing: [], counts: [2, null] });
    expect(north).toMatchObject({ smallPopulation: false, populationEstimated: false, missing: ['Clubs'] });
    // z-scores of [6, 8]: −1 and 1; North has no Clubs value, so it is scored on crime alone.
    expect(north.composite).toBeCloseTo(-1, 12);
    expect(south.composite).toBeCloseTo(0.5, 12);
    expect(m.areas.map((a) => a.rank)).toEqual([1, 2]);
  });

  it('reports which one-at-a-time weight changes alter the membership of the top N', () => {
    const r = needRobustness(table, areas, { ...DEFAULT_SETTINGS, topN: 1, indicators: [{ id: 'crime:all', direction: 'higher', weight: 1 }] }, 50);
    expect(r.changes).toBe(2);
    expect(r.changedBy).toEqual([]);
    expect(r.areas.map((a) => [a.name, a.monteCarloShare])).toEqual([['South', 1]]);
  });
});

describe('indicatorLabel', () => {
  it('names an indicator from its id, the same name the indicator carries when built', () => {
    expect(indicatorLabel('crime:all')).toBe('All crime (excluding ASB), rate');
    expect(indicatorLabel('crime:Anti-social behaviour')).toBe('Anti-social behaviour, rate');
    expect(indicatorLabel('imd:income:rank')).toBe('Income domain: mean rank');
    expect(indicatorLabel('imd:imd:d1')).toBe('Index of Multiple Deprivation: residents in most deprived 10%');
    expect(indicatorLabel('pop:older')).toBe('Residents aged 60 and over');
    expect(indicatorLabel('user:Fire calls')).toBe('Fire calls');
    expect(indicatorLabel('imd:nonsense:rank')).toBe('imd:nonsense:rank');
  });
});

describe('crimeWindowNote', () => {
  it("warns when months of the crime period hold none of the area's rows", () => {
    expect(crimeWindowNote(['2023-12'], 12, 'Central Bedfordshire')).toBe(
      'Crime rates use 1 of the 12 months to Dec 2023: 11 have no police.uk rows in Central Bedfordshire (not loaded, or loaded for other authorities only). Rates are annualised from the 1 month with data, so read them with care; import the missing months on the Data page.',
    );
    expect(crimeWindowNote(['2023-01', '2023-03'], 0, 'Luton')).toMatch(/^Crime rates use 2 of the 3 months from Jan 2023 to Mar 2023: one has no police\.uk rows in Luton/);
    const year = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
    expect(crimeWindowNote(year, 12, 'Luton')).toBeNull();
    expect(crimeWindowNote([], 12, 'Luton')).toBeNull();
  });
});
