import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { countCube } from '../../../models/evidence/cube';
import { computeEvidence, type EvidenceConfig } from '../../../models/evidence/evidence';
import { traceFigure, type TraceRequest } from '../../../models/evidence/trace';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';
import { crimeRows } from '../../fixtures/crime-rows';

const rows = crimeRows([
  ...monthRange('2022-01', '2022-12').map((month) => ({ month, crimeType: 'Burglary', times: 2 })),
  ...monthRange('2023-01', '2023-12').flatMap((month) => [
    { month, crimeType: 'Burglary', lsoaCode: 'E01015601', lsoaName: 'Luton 002A', times: 3 },
    { month, crimeType: 'Vehicle crime', times: 1 },
  ]),
  { month: '2023-06', crimeType: 'Burglary', lsoaCode: 'E01017541', lsoaName: 'Bedford 001B', times: 5 },
]);
const cube = countCube(rows, 'Luton');
const config: EvidenceConfig = {
  catalogue: DEFAULT_CATALOGUE,
  localCounts: [
    { issueId: 'domestic-abuse', month: '2023-02', count: 41, source: { kind: 'file', file: 'da.csv', line: 3, at: Date.UTC(2024, 0, 15) } },
    { issueId: 'domestic-abuse', month: '2023-01', count: 40, source: { kind: 'typed', at: Date.UTC(2024, 0, 16) } },
  ],
  weights: { ...DEFAULT_WEIGHT_TABLES, cost: { ...DEFAULT_WEIGHT_TABLES.cost, source: 'Local estimate 2024', weights: { Burglary: 100 } } },
  period: { end: null, months: 12 },
};
const evidence = computeEvidence({
  cube,
  storedMonths: monthRange('2022-01', '2023-12'),
  population: { total: 1000, lsoas: 2, ladcd: 'E06000032', ladnm: 'Luton', source: 'mid-2015 population (IMD 2019 File 6)' },
  config,
});
const trace = (r: Partial<TraceRequest> & Pick<TraceRequest, 'issueId' | 'figure'>) => traceFigure({ rows, cube, evidence, config, request: { offset: 0, limit: 50, ...r } });

describe('traceFigure', () => {
  it('lists the rows a volume counts, with file and line, paged', () => {
    const t = trace({ issueId: 'burglary', figure: 'volume', limit: 5 });
    expect(t.text).toBe('36');
    expect(t.rows.total).toBe(36);
    expect(t.rows.items).toHaveLength(5);
    expect(t.rows.items[0]).toEqual({ file: '2023-01-street.csv', line: 2, month: '2023-01', crimeType: 'Burglary', lsoaCode: 'E01015601', lsoaName: 'Luton 002A' });
    expect(t.windows).toEqual([expect.objectContaining({ label: 'Current period: Jan 2023 to Dec 2023', total: 36 })]);
    expect(t.windows[0]!.months).toHaveLength(12);
    const page2 = trace({ issueId: 'burglary', figure: 'volume', offset: 35, limit: 5 });
    expect(page2.rows.items.map((r) => r.month)).toEqual(['2023-12']);
    // The Bedford rows are never counted.
    expect(trace({ issueId: 'burglary', figure: 'volume', limit: 1000 }).rows.items.every((r) => r.lsoaName.startsWith('Luton'))).toBe(true);
  });

  it('traces the previous period and a change to both periods', () => {
    expect(trace({ issueId: 'burglary', figure: 'previous' }).rows.total).toBe(24);
    const c = trace({ issueId: 'serious-acquisitive-crime', figure: 'change' });
    expect(c.rows.total).toBe(36 + 12 + 24);
    expect(c.windows.map((w) => w.total)).toEqual([48, 24]);
    expect(c.text).toBe('Up 24 (100%)');
    // Issue 11: the trace gives the dispersion, the test, the unadjusted p and the adjusted p.
    expect(c.explanation.at(-3)).toMatch(/^Dispersion (\d\.\d\d: the monthly counts vary|: too few months)/);
    expect(c.explanation.at(-2)).toMatch(/^Test: (exact conditional test for two Poisson counts|quasi-Poisson likelihood-ratio test) .*two-sided p = .* before adjustment/);
    expect(c.explanation.at(-1)).toMatch(/^Adjusted for the \d+ tests on the page \(Benjamini-Hochberg false discovery rate\): adjusted p = .*, significant at 5%\.$/);
  });

  it('shows the population behind a rate', () => {
    const r = trace({ issueId: 'burglary', figure: 'rate' });
    // The population here names no basis, so the rate says its source instead.
    expect(r.text).toMatch(/^36\.00 per 1,000 residents \(.+\)$/);
    expect(r.population?.total).toBe(1000);
    expect(r.explanation[0]).toBe('The 12-month volume (36) per 1,000 residents: 36 × 1,000 ÷ 1,000.');
  });

  it('lists only the top LSOAs’ rows for concentration', () => {
    const t = trace({ issueId: 'serious-acquisitive-crime', figure: 'concentration' });
    expect(t.lsoas).toEqual([{ code: 'E01015601', name: 'Luton 002A', count: 36 }]);
    expect(t.rows.total).toBe(36);
  });

  it('shows each crime type’s weight for a weighted volume', () => {
    const t = trace({ issueId: 'serious-acquisitive-crime', figure: 'cost' });
    expect(t.text).toBe('Needs weights for Vehicle crime');
    expect(t.crimeTypes).toEqual([
      { crimeType: 'Burglary', count: 36, weight: 100 },
      { crimeType: 'Robbery', count: 0, weight: null },
      { crimeType: 'Vehicle crime', count: 12, weight: null },
    ]);
    expect(t.explanation).toContain('Weights: Local estimate 2024.');
  });

  it('traces local counts to their file line or to when they were typed', () => {
    const t = trace({ issueId: 'domestic-abuse', figure: 'volume' });
    expect(t.text).toBe('81 (2 of 12 months)');
    expect(t.rows.total).toBe(0);
    expect(t.local).toEqual([
      { month: '2023-01', count: 40, source: 'typed in on 16/01/2024' },
      { month: '2023-02', count: 41, source: 'da.csv, line 3 (loaded 15/01/2024)' },
    ]);
    expect(t.windows[0]!.months.slice(0, 3)).toEqual([
      { month: '2023-01', count: 40 },
      { month: '2023-02', count: 41 },
      { month: '2023-03', count: null },
    ]);
  });

  it('traces the series to every month, crime types included', () => {
    const t = trace({ issueId: 'burglary', figure: 'series' });
    expect(t.rows.total).toBe(60);
    expect(t.windows[0]!.months).toHaveLength(24);
    expect(t.crimeTypes).toEqual([{ crimeType: 'Burglary', count: 60 }]);
    expect(trace({ issueId: 'burglary', figure: 'previous' }).crimeTypes).toEqual([{ crimeType: 'Burglary', count: 24 }]);
  });

  it('refuses an issue that is not in the catalogue', () => {
    expect(() => trace({ issueId: 'nope', figure: 'volume' })).toThrow('no issue “nope” in the catalogue');
  });
});
