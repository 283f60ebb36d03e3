import { describe, expect, it } from 'vitest';
import { buildDashboard, dashboardConfig, dashboardPeriods, DashboardSettings, DEFAULT_DASHBOARD_SETTINGS, factorText, ragRuleWords } from '../../../models/dashboard/dashboard';
import { dashboardCsv } from '../../../models/dashboard/csv';
import { compareWindows, quarterLabel, quarterWindows } from '../../../models/dashboard/windows';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { countCube } from '../../../models/evidence/cube';
import { computeEvidence, changeEvidence } from '../../../models/evidence/evidence';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';
import { parseCsv } from '../../../models/csv';
import { crimeRows } from '../../fixtures/crime-rows';

const MONTHS = monthRange('2022-01', '2023-12');
const population = { total: 200000, lsoas: 121, ladcd: 'E06000032', ladnm: 'Luton', source: 'mid-2015 population (IMD 2019 File 6)' };
/** Month-to-month wobble (sums to 0 over any six consecutive months), so no series is perfectly flat. */
const WOBBLE = [0, 2, -1, 1, -2, 0];
const w = (month: string) => WOBBLE[MONTHS.indexOf(month) % 6]!;
// Burglary: 10 a month in 2022, 15 a month in 2023 and 30 a month Oct-Dec 2023. Robbery: 8 a month in 2022, 6 in 2023. Shoplifting: 30. Each with the wobble.
const rows = crimeRows(
  MONTHS.flatMap((month) => [
    { month, crimeType: 'Burglary', times: w(month) + (month < '2023-01' ? 10 : month < '2023-10' ? 15 : 30) },
    { month, crimeType: 'Robbery', times: w(month) + (month < '2023-01' ? 8 : 6) },
    { month, crimeType: 'Shoplifting', times: w(month) + 30 },
  ]),
);
const cube = countCube(rows, 'Luton');
const evidence = computeEvidence({
  cube,
  storedMonths: MONTHS,
  population,
  config: { catalogue: DEFAULT_CATALOGUE, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, period: { end: null, months: 12 } },
});
const dashboard = (s: Partial<DashboardSettings> = {}) => buildDashboard(evidence, { ...DEFAULT_DASHBOARD_SETTINGS, ...s });
const row = (d: ReturnType<typeof dashboard>, id: string) => d.rows.find((r) => r.issueId === id)!;

describe('quarterWindows and compareWindows', () => {
  it('compare the latest quarter with the same quarter a year earlier, using the evidence change test', () => {
    const q = quarterWindows('2023-12', new Set(MONTHS));
    expect([q.current.from, q.current.to, q.previous.from, q.previous.to]).toEqual(['2023-10', '2023-12', '2022-10', '2022-12']);
    expect(quarterLabel(q.current)).toBe('Oct to Dec 2023');
    const c = compareWindows(evidence.issues.find((i) => i.id === 'burglary')!.series, q.current, q.previous);
    expect(c).toMatchObject({ current: 89, previous: 29, exposure: { current: 3, previous: 3 } });
    expect(c.change).toEqual(changeEvidence(29, 89, { previous: 3, current: 3 }));
    expect(c.change!.text).toBe('Up 60 (207%)');
  });

  it('counts only months with data, and gives no change without an earlier period', () => {
    const series = [
      { month: '2023-10', count: 5 },
      { month: '2023-11', count: null },
      { month: '2023-12', count: 7 },
    ];
    const c = compareWindows(series, { months: ['2023-10', '2023-11', '2023-12'] }, { months: ['2022-10', '2022-11', '2022-12'] });
    expect(c).toEqual({ current: 12, previous: null, exposure: { current: 2, previous: 0 }, change: null });
  });
});

describe('buildDashboard', () => {
  it('takes the rolling 12 months from the evidence itself', () => {
    const b = row(dashboard(), 'burglary');
    const e = evidence.issues.find((i) => i.id === 'burglary')!;
    expect(b.rolling).toMatchObject({ current: e.volume, previous: e.previous, exposure: e.exposure });
    // The same test and unadjusted p-value; the adjustment is over the dashboard's own tests (rolling and quarter changes together).
    const { pAdjusted: _p, tests: _t, significant: _s, words: _w, ...same } = e.change!;
    expect(b.rolling.change).toMatchObject(same);
    const d = dashboard();
    const family = d.rows.flatMap((r) => [r.rolling.change, r.quarter.change]).filter((c) => c !== null);
    expect(b.rolling.change!.tests).toBe(family.length);
    expect(e.change!.tests).toBe(evidence.issues.filter((i) => i.change !== null).length);
    expect([b.rolling.current, b.rolling.previous]).toEqual([15 * 9 + 30 * 3, 120]);
    expect(b.ratePer1000).toBe(e.ratePer1000);
  });

  it('rates a significant rise Red, and a change that is not significant No significant change (grey), by default', () => {
    const d = dashboard();
    expect(row(d, 'burglary').rag).toMatchObject({ rag: 'red', negative: 3 }); // both periods up significantly, December unusually high
    // Robbery fell 25% (96 → 72, p = 0.07) and 25% in the quarter: neither significant, so neutral factors, not Green.
    expect(row(d, 'robbery').rag).toMatchObject({ rag: 'neutral', rated: 0, positive: 0, negative: 0 });
    expect(row(d, 'robbery').indicators[0]).toMatchObject({ rating: 'neutral', reason: 'no significant change (not significant at 5%)' });
    expect(factorText(row(d, 'robbery').indicators[0]!, row(d, 'robbery'))).toBe('12 months down 25% (no significant change)');
    expect(row(d, 'shoplifting').rag).toMatchObject({ rag: 'neutral', words: expect.stringMatching(/^No significant change/) });
    expect(row(d, 'shoplifting').recent.map((m) => m.status)).toEqual(['within', 'within', 'within']);
    expect(row(d, 'burglary').recent.map((m) => m.status)).toEqual(['high', 'high', 'high']);
  });

  it('keeps the old rule as a setting: every rise or fall counts', () => {
    const d = dashboard({ significantOnly: false });
    expect(row(d, 'burglary').rag).toMatchObject({ rag: 'red', negative: 3 });
    expect(row(d, 'robbery').rag).toMatchObject({ rag: 'green', positive: 2 });
    expect(row(d, 'shoplifting').rag.rag).toBe('none');
    expect(row(d, 'shoplifting').recent.map((m) => m.status)).toEqual(['within', 'within', 'within']);
    expect(row(d, 'burglary').recent.map((m) => m.status)).toEqual(['high', 'high', 'high']);
  });

  it('applies targets per indicator and issue', () => {
    // Shoplifting at 360 a year, 1.8 per 1,000, against a rate target: green below 2, red above 3.
    const d = dashboard({ targets: [{ issueId: 'shoplifting', indicator: 'rate', better: 'lower', green: 2, red: 3 }] });
    expect(row(d, 'shoplifting').rag.rag).toBe('green');
    const rate = row(d, 'shoplifting').indicators.find((i) => i.id === 'rate')!;
    expect(rate).toMatchObject({ rating: 'positive', reason: 'green against the target (green below 2, amber 2–3, red above 3)' });
    // A target on the 12-month change replaces the direction rule: robbery fell 25%, amber between -30% and -20%.
    const d2 = dashboard({ targets: [{ issueId: 'robbery', indicator: 'rolling-change', better: 'lower', green: -30, red: -20 }] });
    expect(row(d2, 'robbery').indicators[0]!.rating).toBe('amber'); // a target rates the change whether or not it is significant
    expect(row(d2, 'robbery').rag.rag).toBe('amber');
  });

  it('can count only significant changes, and can treat a rise as good news', () => {
    // Robbery 96 → 72 is not significant at 5% (p = 0.07); burglary 120 → 225 is.
    expect(evidence.issues.find((i) => i.id === 'robbery')!.change).toMatchObject({ significant: false });
    const d = dashboard({ significantOnly: true });
    expect(row(d, 'robbery').indicators[0]).toMatchObject({ rating: 'neutral', reason: 'no significant change (not significant at 5%)' });
    expect(row(d, 'burglary').indicators[0]!.rating).toBe('negative');
    const d2 = dashboard({ risingIsPositive: ['burglary'] });
    expect(row(d2, 'burglary').rag.rag).toBe('green');
  });

  it('has no rating for an issue without data', () => {
    expect(row(dashboard(), 'domestic-abuse')).toMatchObject({ hasData: false, indicators: [], rag: { rag: 'none' } });
  });

  it('states its rule', () => {
    expect(ragRuleWords(DEFAULT_DASHBOARD_SETTINGS)).toMatch(/Green when all rated indicators are positive, Amber when they are mixed, Red when all or nearly all are negative/);
  });
});

describe('dashboardCsv', () => {
  it('writes one row per issue with numbers as numbers', () => {
    const csv = dashboardCsv(dashboard());
    const { records } = parseCsv(csv);
    const head = records[0]!.fields;
    const burglary = records.find((r) => r.fields[0] === 'Burglary')!.fields;
    const at = (h: string) => burglary[head.indexOf(h)];
    expect(at('RAG')).toBe('Red');
    expect(at('12-month volume')).toBe('225');
    expect(at('previous 12 months')).toBe('120');
    expect(at('12-month change %')).toBe('87.5');
    expect(at('quarter change')).toBe('Up 60 (207%)');
    expect(at('exception Dec 2023')).toBe('unusually high');
    expect(records).toHaveLength(1 + DEFAULT_CATALOGUE.issues.length);
  });

  it('names what the rate is per, the peer rank and the long-run trend', () => {
    const d = dashboard();
    const burglaryRow = d.rows.find((r) => r.issueId === 'burglary')!;
    const peers = {
      partnership: 'Luton',
      months: [],
      areas: [],
      leftOut: [],
      warnings: [],
      knownCodes: [],
      issues: [{ issueId: 'burglary', label: 'Burglary', rates: [], rank: { rank: 2, of: 3, text: '2nd lowest of 3' }, groupRank: null }],
    };
    const { records } = parseCsv(dashboardCsv(d, peers));
    const head = records[0]!.fields;
    const at = (h: string) => records.find((r) => r.fields[0] === 'Burglary')!.fields[head.indexOf(h)];
    expect(at('rate basis')).toBe('per 1,000 residents (mid-2015 population (IMD 2019 File 6))');
    expect(at('peer rank')).toBe('2nd lowest of 3');
    expect(at('peer group rank')).toBe('');
    // The trend columns are the row's own fit, in percent a year.
    expect(burglaryRow.trend).toBeTruthy();
    expect(Number(at('long-run trend % a year'))).toBeCloseTo(100 * burglaryRow.trend!.annualChange, 2);
    expect(Number(at('long-run trend 95% interval low %'))).toBeCloseTo(100 * burglaryRow.trend!.lower, 2);
    expect(at('long-run trend')).toMatch(/^(up|down) \d+\.\d% a year \(95% interval/);
    // Without a peer comparison the rank is left empty, not guessed.
    const plain = parseCsv(dashboardCsv(d)).records;
    expect(plain.find((r) => r.fields[0] === 'Burglary')!.fields[head.indexOf('peer rank')]).toBe('');
  });
});

describe('DashboardSettings', () => {
  it('refuses settings out of range with a reason a user can act on', () => {
    const bad = (s: object) => DashboardSettings.safeParse({ ...DEFAULT_DASHBOARD_SETTINGS, ...s }).error?.issues[0]?.message;
    expect(bad({ exceptions: { ...DEFAULT_DASHBOARD_SETTINGS.exceptions, baselineMonths: 3 } })).toBe('the baseline is 6 to 60 months');
    expect(bad({ nearlyAll: 0.3 })).toBe('“nearly all” is 50% to 100% of the rated indicators');
    expect(bad({ exceptions: { ...DEFAULT_DASHBOARD_SETTINGS.exceptions, minimumBaseline: 30 } })).toBe('the minimum baseline cannot be longer than the baseline');
  });
});

describe('buildDashboard with financial and calendar periods (issue 11)', () => {
  const fiscalEvidence = computeEvidence({
    cube,
    storedMonths: MONTHS,
    population,
    config: dashboardConfig({ catalogue: DEFAULT_CATALOGUE, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, period: { end: null, months: 6 } }, { periods: 'fiscal' }),
  });
  const d = buildDashboard(fiscalEvidence, { ...DEFAULT_DASHBOARD_SETTINGS, periods: 'fiscal' });
  const sum = (id: string, from: string, to: string) =>
    fiscalEvidence.issues
      .find((i) => i.id === id)!
      .series.filter((s) => s.month >= from && s.month <= to)
      .reduce((a, s) => a + (s.count ?? 0), 0);

  it('compares the financial year to date and the financial quarter with a year earlier', () => {
    expect(d.rolling?.current).toMatchObject({ from: '2023-04', to: '2023-12', name: '2023/24 to date (Apr 2023 to Dec 2023)' });
    expect(d.rolling?.previous).toMatchObject({ from: '2022-04', to: '2022-12' });
    expect(d.quarter?.current).toMatchObject({ from: '2023-10', to: '2023-12', name: 'Q3 2023/24 (Oct to Dec 2023)' });
    expect(d.quarter?.previous).toMatchObject({ from: '2022-10', to: '2022-12', name: 'Q3 2022/23 (Oct to Dec 2022)' });
    const r = row(d, 'burglary');
    expect([r.rolling.current, r.rolling.previous]).toEqual([sum('burglary', '2023-04', '2023-12'), sum('burglary', '2022-04', '2022-12')]);
    expect([r.quarter.current, r.quarter.previous]).toEqual([sum('burglary', '2023-10', '2023-12'), sum('burglary', '2022-10', '2022-12')]);
  });

  it('names the periods in every label', () => {
    const r = row(d, 'burglary');
    expect(r.indicators.map((i) => i.label)).toEqual([
      '2023/24 to date (Apr 2023 to Dec 2023) on 2022/23 to the same point (Apr 2022 to Dec 2022)',
      'Q3 2023/24 (Oct to Dec 2023) on Q3 2022/23 (Oct to Dec 2022)',
      'Dec 2023 against its control limits',
      'Rate per 1,000 residents (mid-2015 population (IMD 2019 File 6))',
      'Volume, 2023/24 to date (Apr 2023 to Dec 2023)',
    ]);
    expect(factorText(r.indicators[0]!, r)).toMatch(/^2023\/24 to date (up|down|unchanged)/);
    expect(factorText(r.indicators[1]!, r)).toMatch(/^Q3 2023\/24 (up|down|unchanged)/);
    expect(dashboardPeriods(d)).toMatchObject({
      yearHeading: '2023/24 to date (Apr 2023 to Dec 2023)',
      yearChangeHeading: 'Change on 2022/23 to the same point (Apr 2022 to Dec 2022)',
      quarterHeading: 'Q3 2023/24 (Oct to Dec 2023)',
    });
    expect(d.notes.find((n) => n.id === 'partial-period')?.text).toContain('2023/24 is not complete');
    expect(ragRuleWords({ ...DEFAULT_DASHBOARD_SETTINGS, periods: 'fiscal' })).toContain(
      'Indicators: the financial year (to date, while it is not over) and the financial quarter, each on the same period a year earlier',
    );
    expect(d.notes.find((n) => n.id === 'fdr')?.text ?? '').toContain('the financial year and quarter changes on this page');
  });

  it('reads settings stored before the choice as rolling, and offers calendar years', () => {
    expect(DashboardSettings.parse({ ...DEFAULT_DASHBOARD_SETTINGS, periods: undefined }).periods).toBeUndefined();
    expect(dashboardPeriods(dashboard())).toMatchObject({ yearHeading: 'Rolling 12 months', quarterHeading: 'Latest quarter (Oct to Dec 2023)' });
    const cal = computeEvidence({
      cube,
      storedMonths: MONTHS,
      population,
      config: dashboardConfig({ catalogue: DEFAULT_CATALOGUE, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, period: { end: '2023-05', months: 12 } }, { periods: 'calendar' }),
    });
    const c = buildDashboard(cal, { ...DEFAULT_DASHBOARD_SETTINGS, periods: 'calendar' });
    expect(c.rolling?.current).toMatchObject({ from: '2023-01', to: '2023-12', name: '2023 (Jan 2023 to Dec 2023)' });
    expect(c.quarter?.current).toMatchObject({ from: '2023-10', to: '2023-12', name: 'Q4 2023 (Oct to Dec 2023)' });
  });
});
