import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMD_FILES, sniffImdHeader } from '../../../models/imd';
import type { LsoaLink } from '../../../models/need/assign';
import { crimeCube, crimePeriod } from '../../../models/need/crime-cube';
import { buildIndicators, type ImdScores, type ImdValues, type LsoaPopulation } from '../../../models/need/indicators';
import { needMatrix } from '../../../models/need/matrix';
import { DEFAULT_SETTINGS } from '../../../models/need/schema';
import { readTable } from '../../../models/tabular';

// Five Luton LSOAs in IMD 2019 File 5's exact layout (its 20 columns, as MHCLG publishes them); the scores are made up (round steps).
const FILE5 = readFileSync(new URL('../../fixtures/imd2019-file5-luton.csv', import.meta.url), 'utf8');
const header = (text: string) =>
  text
    .split('\n')[0]!
    .match(/("[^"]*"|[^,]+)/g)!
    .map((h) => h.replace(/"/g, ''));

describe('IMD 2019 File 5 (scores)', () => {
  it('is recognised by its header and read row by row', () => {
    expect(sniffImdHeader(header(FILE5))).toBe('imd5');
    const r = readTable(FILE5, IMD_FILES.imd5.columns, IMD_FILES.imd5.schema);
    if (!r.ok) throw new Error('not read');
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(5);
    expect(r.rows[0]).toEqual({
      line: 2,
      row: {
        lsoa11cd: 'E01015693',
        lsoa11nm: 'Luton 007A',
        ladcd: 'E06000032',
        ladnm: 'Luton',
        imdScore: 10,
        incomeScore: 0.1,
        employmentScore: 0.05,
        educationScore: 20,
        healthScore: -0.5,
        crimeScore: 0.25,
        housingScore: 25,
        environmentScore: 15,
      },
    });
  });

  it('reports a bad score by line and column, and refuses a file without the score columns', () => {
    const bad = FILE5.replace('E01015695,Luton 007C,E06000032,Luton,30.000', 'E01015695,Luton 007C,E06000032,Luton,n/a');
    const r = readTable(bad, IMD_FILES.imd5.columns, IMD_FILES.imd5.schema);
    if (!r.ok) throw new Error('not read');
    expect(r.rows).toHaveLength(4);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 4, column: 'Index of Multiple Deprivation (IMD) Score' });
    expect(r.problems[0]!.reason).toContain('IMD score must be a number, found "n/a"');

    const noIncome = FILE5.replace('Income Score (rate)', 'Income');
    expect(sniffImdHeader(header(noIncome))).toBeUndefined();
    const refused = readTable(noIncome, IMD_FILES.imd5.columns, IMD_FILES.imd5.schema);
    expect(refused).toMatchObject({ ok: false, reason: 'wrong-columns', missing: ['Income Score (rate)'] });
  });
});

// Two areas: LSOAs a (1,000 residents) and b (3,000) in area 0, c (2,000) in area 1.
const links: LsoaLink[] = [
  { lsoa: 'a', target: 0, share: 1, method: 'ons-centroid' },
  { lsoa: 'b', target: 0, share: 1, method: 'ons-centroid' },
  { lsoa: 'c', target: 1, share: 1, method: 'ons-centroid' },
];
const population = new Map<string, LsoaPopulation>([
  ['a', { population: 1000, children: 0, aged60plus: 0 }],
  ['b', { population: 3000, children: 0, aged60plus: 0 }],
  ['c', { population: 2000, children: 0, aged60plus: 0 }],
]);
const ranks = new Map<string, ImdValues>([
  ['a', { imd: { rank: 100, decile: 1 }, income: { rank: 200, decile: 1 } }],
  ['b', { imd: { rank: 500, decile: 2 }, income: { rank: 900, decile: 1 } }],
  ['c', { imd: { rank: 30000, decile: 10 }, income: { rank: 25000, decile: 8 } }],
]);
const scores = new Map<string, ImdScores>([
  ['a', { imd: 60, income: 0.4 }],
  ['b', { imd: 20, income: 0.2 }],
  ['c', { imd: 5, income: 0.05 }],
]);
const areas = [
  { code: 'E05000001', name: 'North' },
  { code: 'E05000002', name: 'South' },
];
const cube = crimeCube(Int32Array.of(0, 1), ['Burglary', 'Burglary'], ['2023-01', '2023-01'], 2);
const build = (withScores: boolean) =>
  buildIndicators({
    level: 'ward',
    areas,
    links,
    linkNote: 'test',
    imd: ranks,
    imdSource: 'File 2',
    ...(withScores ? { imdScores: scores, scoreSource: 'IoD2019 File 5 (scores.csv)' } : {}),
    population,
    cube,
    period: crimePeriod(cube, 12),
    crimeNote: 'test',
    user: [],
  });

describe('IMD mean scores in the need matrix', () => {
  it('averages scores weighted by residents (higher = more deprived)', () => {
    const t = build(true);
    const income = t.indicators.find((i) => i.id === 'imd:income:score')!;
    // Hand-worked: area 0 (0.4 × 1,000 + 0.2 × 3,000) ÷ 4,000 = 0.25; area 1 0.05; partnership (400 + 600 + 100) ÷ 6,000 = 0.18333…
    expect(income.values[0]).toBeCloseTo(0.25, 12);
    expect(income.values[1]).toBeCloseTo(0.05, 12);
    expect(income.partnership).toBeCloseTo(1100 / 6000, 12);
    expect(income).toMatchObject({ label: 'Income domain: mean score', unit: 'score', direction: 'higher', group: 'imd' });
    expect(income.description).toContain('IoD2019 File 5 (scores.csv)');
    // IMD score: (60 × 1,000 + 20 × 3,000) ÷ 4,000 = 30.
    expect(t.indicators.find((i) => i.id === 'imd:imd:score')!.values[0]).toBeCloseTo(30, 12);
    // Ranks are still there to choose.
    expect(t.indicators.find((i) => i.id === 'imd:income:rank')!.values[0]).toBeCloseTo((200 * 1000 + 900 * 3000) / 4000, 12);
  });

  it('uses scores by default, and falls back to mean ranks (saying so) when File 5 is not loaded', () => {
    const settings = { ...DEFAULT_SETTINGS, indicators: [{ id: 'imd:income:score', direction: 'higher' as const, weight: 1 }] };
    expect(DEFAULT_SETTINGS.indicators.filter((c) => c.id.startsWith('imd:')).every((c) => c.id.endsWith(':score') && c.direction === 'higher')).toBe(true);

    const withScores = needMatrix(build(true), areas, settings);
    expect(withScores.indicators.map((i) => i.id)).toEqual(['imd:income:score']);
    expect(withScores.rankFallbacks).toEqual([]);
    expect(withScores.areas[0]!.name).toBe('North');

    const ranksOnly = needMatrix(build(false), areas, settings);
    expect(ranksOnly.indicators.map((i) => [i.id, i.direction])).toEqual([['imd:income:rank', 'lower']]);
    expect(ranksOnly.rankFallbacks).toEqual(['imd:income:score']);
    expect(ranksOnly.unavailable).toEqual([]);
    // Lower mean rank is more need: North (mean rank 725) before South (25,000).
    expect(ranksOnly.areas[0]!.name).toBe('North');

    // A rank chosen as well wins over the stand-in (no duplicate column).
    const both = needMatrix(build(false), areas, { ...settings, indicators: [...settings.indicators, { id: 'imd:income:rank', direction: 'lower', weight: 2 }] });
    expect(both.indicators.map((i) => [i.id, i.weight])).toEqual([['imd:income:rank', 2]]);
    expect(both.rankFallbacks).toEqual([]);
  });
});
