import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, withCrimeTypes, type Catalogue } from '../../../models/evidence/catalogue';
import { countCube } from '../../../models/evidence/cube';
import { computeEvidence, type EvidenceConfig } from '../../../models/evidence/evidence';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';
import { crimeRows } from '../../fixtures/crime-rows';

const MONTHS = monthRange('2022-01', '2023-12');
const population = { total: 200000, lsoas: 121, ladcd: 'E06000032', ladnm: 'Luton', source: 'mid-2015 population (IMD 2019 File 6)' };
const config = (over: Partial<EvidenceConfig> = {}): EvidenceConfig => ({
  catalogue: DEFAULT_CATALOGUE,
  localCounts: [],
  weights: DEFAULT_WEIGHT_TABLES,
  period: { end: null, months: 12 },
  ...over,
});

// 2022: 10 burglaries a month in one LSOA; 2023: 15 a month, 12 of them in E01015601. Plus robbery and a Bedford row.
const rows = crimeRows([
  ...monthRange('2022-01', '2022-12').map((month) => ({ month, crimeType: 'Burglary', times: 10 })),
  ...monthRange('2023-01', '2023-12').flatMap((month) => [
    { month, crimeType: 'Burglary', lsoaCode: 'E01015601', lsoaName: 'Luton 002A', times: 12 },
    { month, crimeType: 'Burglary', times: 3 },
  ]),
  { month: '2023-06', crimeType: 'Robbery', lsoaCode: 'E01015602', lsoaName: 'Luton 003A', times: 4 },
  { month: '2023-06', crimeType: 'Burglary', lsoaCode: 'E01017541', lsoaName: 'Bedford 001B', times: 50 },
]);
const cube = countCube(rows, 'Luton');
const evidence = (over: Partial<EvidenceConfig> = {}, months = MONTHS) => computeEvidence({ cube, storedMonths: months, population, config: config(over) });
const issue = (e: ReturnType<typeof evidence>, id: string) => e.issues.find((i) => i.id === id)!;

describe('countCube', () => {
  it('counts the area’s rows by month, crime type and LSOA, leaving other authorities out', () => {
    expect(cube.n.reduce((a, b) => a + b, 0)).toBe(120 + 180 + 4);
    expect(cube.lsoas.map((l) => l.code)).toEqual(['E01015600', 'E01015601', 'E01015602']);
    expect(countCube(rows, null).n.reduce((a, b) => a + b, 0)).toBe(354);
  });
});

describe('computeEvidence', () => {
  it('gives volume, previous volume, change with its test, and rate per 1,000', () => {
    const b = issue(evidence(), 'burglary');
    expect(b).toMatchObject({ volume: 180, previous: 120, exposure: { current: 12, previous: 12 }, monthlyMean: 15, ratePer1000: 0.9 });
    expect(b.change).toMatchObject({ difference: 60, text: 'Up 60 (50%)', significant: true, words: 'significant at 5%' });
    expect(b.change!.relative).toBeCloseTo(0.5, 12);
  });

  it('combines crime types for combined issues', () => {
    const sac = issue(evidence(), 'serious-acquisitive-crime');
    expect([sac.volume, sac.previous]).toEqual([184, 120]);
    expect(sac.byCrimeType).toEqual([
      { crimeType: 'Burglary', current: 180, previous: 120 },
      { crimeType: 'Robbery', current: 4, previous: 0 },
      { crimeType: 'Vehicle crime', current: 0, previous: 0 },
    ]);
  });

  it('follows a change of mapping', () => {
    const catalogue: Catalogue = withCrimeTypes(DEFAULT_CATALOGUE, 'serious-acquisitive-crime', ['Robbery']);
    expect(issue(evidence({ catalogue }), 'serious-acquisitive-crime').volume).toBe(4);
  });

  it('gives a monthly series over every stored month, and a seasonal profile', () => {
    const b = issue(evidence(), 'burglary');
    expect(b.series).toHaveLength(24);
    expect(b.series[0]).toEqual({ month: '2022-01', count: 10 });
    expect(b.series.at(-1)).toEqual({ month: '2023-12', count: 15 });
    expect(b.seasonality!.byMonth.every((m) => m.index === 100)).toBe(true);
    const r = issue(evidence(), 'robbery');
    expect(r.seasonality!.peak).toEqual([6]);
  });

  it('measures concentration over the area’s LSOAs', () => {
    // 3 LSOAs → top 1 (a tenth, rounded up): E01015601 holds 144 of 180.
    expect(issue(evidence(), 'burglary').concentration).toEqual({ share: 144 / 180, top: 1, lsoas: 3, inTop: 144, total: 180 });
  });

  it('weights volumes only when every counted type has a weight', () => {
    const weights = { ...DEFAULT_WEIGHT_TABLES, cost: { ...DEFAULT_WEIGHT_TABLES.cost, source: 'test', weights: { Burglary: 2, Robbery: 10 } } };
    const e = evidence({ weights });
    expect(issue(e, 'burglary').cost!.value).toBe(360);
    // Vehicle crime has no rows, so its missing weight does not matter.
    expect(issue(e, 'serious-acquisitive-crime').cost!.value).toBe(400);
    expect(issue(e, 'serious-acquisitive-crime').harm).toMatchObject({ value: null, missing: ['Burglary', 'Robbery'] });
  });

  it('counts local issues from local counts, and says when there are none', () => {
    const localCounts = monthRange('2022-01', '2023-12').map((month, i) => ({ issueId: 'domestic-abuse', month, count: i < 12 ? 40 : 50, source: { kind: 'typed' as const, at: 0 } }));
    const e = evidence({ localCounts });
    expect(issue(e, 'domestic-abuse')).toMatchObject({ hasData: true, volume: 600, previous: 480, ratePer1000: 3, concentration: null });
    expect(issue(e, 'domestic-abuse').change?.text).toBe('Up 120 (25%)');
    expect(issue(e, 'hate-crime')).toMatchObject({ hasData: false, volume: null, change: null, series: [] });
    expect(e.notes.find((n) => n.id === 'local-empty')?.text).toContain('Hate crime, Child exploitation, Re-offending, Substance misuse');
  });

  it('counts stored months only and compares per month when a month is missing', () => {
    const stored = MONTHS.filter((m) => m !== '2023-03');
    const e = computeEvidence({ cube, storedMonths: stored, population, config: config() });
    const b = issue(e, 'burglary');
    // The cube still holds March's rows, but March is not a stored month for the period: the series shows a gap.
    expect(b.series.find((s) => s.month === '2023-03')).toEqual({ month: '2023-03', count: null });
    expect(b.exposure).toEqual({ current: 11, previous: 12 });
    expect(b.volume).toBe(165);
    expect(b.change!.text).toBe('Up 50% a month on average');
    expect(e.notes.find((n) => n.id === 'missing-current')?.text).toBe(
      '1 month of the current period (Jan 2023 to Dec 2023) has no police.uk rows in Luton stored: Mar 2023. Volumes count the 11 months with data; changes and their tests compare counts per month with data.',
    );
  });

  it('has no change when the previous period has no data', () => {
    const e = evidence({ period: { end: '2022-12', months: 12 } });
    expect(issue(e, 'burglary')).toMatchObject({ volume: 120, previous: null, change: null });
    expect(e.notes.map((n) => n.id)).toContain('missing-previous');
  });

  it('warns about unmapped crime types, a missing population and no area', () => {
    const catalogue = { issues: DEFAULT_CATALOGUE.issues.filter((i) => !i.crimeTypes.includes('Robbery')) };
    const e = computeEvidence({ cube: countCube(rows, null), storedMonths: MONTHS, population: null, config: config({ catalogue }) });
    expect(e.unmappedCrimeTypes).toEqual(['Robbery']);
    expect(e.notes.map((n) => n.id)).toEqual(expect.arrayContaining(['no-area', 'unmapped']));
    expect(issue(e, 'burglary').volume).toBe(230);
    expect(issue(e, 'burglary').ratePer1000).toBeNull();
    const noPop = computeEvidence({ cube, storedMonths: MONTHS, population: null, config: config() });
    expect(noPop.notes.map((n) => n.id)).toContain('no-population');
  });

  it('says so when nothing is stored', () => {
    const e = computeEvidence({ cube: countCube(crimeRows([]), 'Luton'), storedMonths: [], population: null, config: config() });
    expect(e.period).toBeNull();
    expect(e.notes).toEqual([expect.objectContaining({ id: 'no-data' })]);
    expect(e.issues.every((i) => !i.hasData)).toBe(true);
  });
});
