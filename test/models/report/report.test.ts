import { describe, expect, it } from 'vitest';
import { buildDashboard, DEFAULT_DASHBOARD_SETTINGS } from '../../../models/dashboard/dashboard';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { countCube } from '../../../models/evidence/cube';
import { computeEvidence } from '../../../models/evidence/evidence';
import { matchIssues } from '../../../models/evidence/grid';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';
import { buildReport, chartedIssues, summarySection, type ReportInput } from '../../../models/report/build';
import { trendPlainWords } from '../../../models/report/plain';
import { peerComparison } from '../../../models/peers/peers';
import { assembleReport, linkedCrimeIssues } from '../../../models/report/assemble';
import { alignIssues, rankingChanges } from '../../../models/report/changes';
import { fillsThirdOfPage, section, sectionLines, type Block } from '../../../models/report/document';
import { reportHotspots } from '../../../models/report/hotspots';
import { caveats, executiveSummary } from '../../../models/report/summary';
import { baselineWeights } from '../../../models/risk-matrix/assessment';
import { setCell } from '../../../models/risk-matrix/issue-edit';
import { movements } from '../../../models/risk-matrix/movement';
import { rank } from '../../../models/risk-matrix/score';
import { setDraftWeight } from '../../../models/risk-matrix/weights-edit';
import { linearProblem } from '../../../models/sensitivity/problem';
import { SmaaRun } from '../../../models/sensitivity/smaa';
import { topNShare } from '../../../models/sensitivity/summary';
import { seedAssessment } from '../../../src/data/seed-assessment';
import { crimeRows } from '../../fixtures/crime-rows';

const MONTHS = monthRange('2022-01', '2023-12');
// Burglary 10 a month in 2022 and 12 in 2023; ASB 100 then 80; wobble keeps the series from being flat.
const WOBBLE = [0, 2, -1, 1, -2, 0];
const rows = crimeRows(
  MONTHS.flatMap((month, i) => [
    { month, crimeType: 'Burglary', times: (month < '2023-01' ? 10 : 12) + WOBBLE[i % 6]! },
    { month, crimeType: 'Anti-social behaviour', times: (month < '2023-01' ? 100 : 80) + WOBBLE[i % 6]! },
  ]),
);
const population = { total: 200000, lsoas: 121, ladcd: 'E06000032', ladnm: 'Luton', source: 'mid-2015 population (IMD 2019 File 6)' };
const evidence = computeEvidence({
  cube: countCube(rows, 'Luton'),
  storedMonths: MONTHS,
  population,
  config: { catalogue: DEFAULT_CATALOGUE, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, period: { end: null, months: 12 } },
});
const dashboard = buildDashboard(evidence, DEFAULT_DASHBOARD_SETTINGS);

let seed = seedAssessment('seed', Date.UTC(2026, 0, 5));
const id = (label: string) => seed.issues.find((i) => i.label === label)!.id;
seed = setCell(seed, id('Domestic Abuse'), 'likelihood', { rationale: 'MARAC cases well above the national average', confidence: 'Low' });
const links = { ...matchIssues(seed.issues, DEFAULT_CATALOGUE), [id('ASB (Personal)')]: 'anti-social-behaviour', [id('Burglary Dwelling')]: 'burglary' };
const ranked = rank(seed.model, seed.issues, seed.scores, seed.draftWeights);

describe('rankingChanges', () => {
  it('reports movements and entries and exits from the top N against the baseline weights', () => {
    const draft = setDraftWeight(seed, 'community_priority', 3);
    const now = rank(draft.model, draft.issues, draft.scores, draft.draftWeights);
    const before = rank(draft.model, draft.issues, draft.scores, baselineWeights(draft));
    const c = rankingChanges(now, before, 5, 'the baseline weights');
    expect(c.top[0]).toMatchObject({ label: 'ASB (Personal)', rankLabel: '1', was: '=2', movement: { kind: 'up', places: 1 } });
    expect(c.left).toEqual([
      { label: 'Domestic Abuse', rankLabel: '6' },
      { label: 'Terrorism', rankLabel: '7' },
    ]);
    expect(c.sentence).toMatch(/^Against the baseline weights: ASB \(Personal\) up 1 place to 1st; /);
    expect(c.sentence).toMatch(/Domestic Abuse \(now 6th\) and Terrorism \(now 7th\) left it\.$/);
    expect(rankingChanges(before, before, 5, 'the baseline weights').sentence).toBe('Against the baseline weights, the top 5 are unchanged.');
  });

  it('matches another assessment’s issues by id or by name', () => {
    const other = { ...seed, issues: seed.issues.map((i, k) => ({ id: `old-${k}`, label: k === 0 ? i.label.toUpperCase() : i.label })) };
    const scores = Object.fromEntries(seed.issues.map((i, k) => [`old-${k}`, seed.scores[i.id]!]));
    const align = alignIssues(seed.issues, other.issues);
    expect(align.get('old-0')).toBe(seed.issues[0]!.id);
    const prev = rank(other.model, other.issues, scores);
    const c = rankingChanges(ranked, prev, 5, '“2024 assessment”', align);
    expect(c.sentence).toBe('Against “2024 assessment”, the top 5 are unchanged.');
  });
});

describe('executiveSummary', () => {
  const smaa = (() => {
    const run = new SmaaRun(linearProblem({ model: seed.model, issues: seed.issues, scores: seed.scores }), { samples: 2_000 });
    while (!run.done) run.step(2_000);
    return run.result();
  })();
  const summary = executiveSummary({ assessment: seed, ranked, n: 5, changes: null, evidence, dashboard: dashboard.rows, links, robustness: smaa, where: null });

  it('names the top N with a one-line rationale built from the scores, confidence, evidence and robustness', () => {
    expect(summary.priorities.map((p) => p.label)).toEqual(['Domestic Abuse', 'ASB (Personal)', 'Terrorism', 'ASB (Nuisance)', 'Burglary Dwelling']);
    const da = summary.priorities[0]!;
    expect(da.scores).toBe('PCC priority / national priority (5), Physical harm to victim (5) and Psychological harm to victim (5) contribute most after weighting');
    expect(da.confidence).toBe('confidence 1 Low, 8 not stated');
    expect(da.evidence).toBe('no data yet for Domestic abuse (local counts)');
    const share = topNShare(smaa, 5)[seed.issues.findIndex((i) => i.label === 'Domestic Abuse')]!;
    expect(da.robustness).toBe(`in the top 5 in ${(share * 100).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}% of plausible weightings`);
    const burglary = summary.priorities[4]!;
    // The evidence figures are the evidence's own: 12 × 12 = 144 against 120, up 20%.
    expect(burglary.evidence).toBe(`evidence: Burglary (police.uk) 144 in Jan 2023 to Dec 2023, up 24 (20%), not significant; 0.72 per 1,000; dashboard No significant change`);
    expect(summary.priorities[2]!.evidence).toBe('no evidence issue linked');
    expect(burglary.line).toMatch(/^Burglary Dwelling \(=4, total 31\): .* contribute most after weighting; confidence not recorded; evidence: Burglary .*plausible weightings\.$/);
  });

  it('says what the ranking is and which issues lead', () => {
    expect(summary.intro).toBe(
      '“Central Bedfordshire 2014-15 (seed)” ranks 32 issues on 9 criteria (Central Bedfordshire 2014-15 risk matrix (9 criteria, summed); the formula and weights are under Priorities). The top 5 for Luton: Domestic Abuse, ASB (Personal), Terrorism, ASB (Nuisance) and Burglary Dwelling.',
    );
  });

  it('lists caveats: data notes, a cut line that splits a tie, Low confidence, unlinked priorities', () => {
    const c = caveats({ assessment: seed, ranked, n: 4, links, notes: [...evidence.notes, ...evidence.notes], needMissing: ['No ward boundaries are loaded for Luton.'] });
    const texts = c.map((x) => x.text);
    expect(texts).toContain('The top 4 splits a tie at 31 (=4): ASB (Nuisance) and Burglary Dwelling. Which of them fall in the top 4 is only their order in the assessment.');
    expect(texts).toContain('Some scores of Domestic Abuse are given with Low confidence.');
    expect(texts).toContain('No ward boundaries are loaded for Luton.');
    expect(texts.find((t) => t.startsWith('No evidence issue is linked to'))).toMatch(/Domestic Abuse|Terrorism/);
    // What concerns the top N is a warning, so the executive summary's caveats carry it.
    expect(c.filter((x) => /^(No evidence issue is linked|Some scores of)/.test(x.text)).map((x) => x.severity)).toEqual(['warning', 'warning']);
    // Notes repeated by id appear once.
    expect(texts.filter((t) => t === evidence.notes[0]?.text).length).toBeLessThanOrEqual(1);
  });
});

describe('buildReport', () => {
  const input = (): ReportInput => {
    const summary = executiveSummary({ assessment: seed, ranked, n: 5, changes: null, evidence, dashboard: dashboard.rows, links, robustness: null, where: null });
    return {
      assessment: seed,
      ranked,
      moves: movements(ranked, ranked),
      movesAgainst: 'the baseline weights',
      changes: rankingChanges(ranked, ranked, 5, 'the baseline weights'),
      n: 5,
      summary,
      caveats: caveats({ assessment: seed, ranked, n: 5, links, notes: evidence.notes, needMissing: [] }),
      evidence,
      dashboard,
      links,
      robustness: null,
      where: null,
      data: null,
      dataLabels: {},
      generatedAt: Date.UTC(2026, 1, 3),
    };
  };
  const tables = (blocks: readonly Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

  it('has the sections a strategic assessment needs, in order', () => {
    const doc = buildReport(input());
    expect(doc.title).toBe('Strategic assessment: Luton');
    expect(doc.subtitle).toBe('From the assessment “Central Bedfordshire 2014-15 (seed)”. Generated 03/02/2026.');
    expect(doc.sections.map((s) => s.heading)).toEqual(['Priorities', 'Evidence', 'Performance dashboard', 'Where: community need', 'Data quality', 'Methods and sources', 'Glossary']);
    const [changes] = tables(summarySection(input()).subsections[1]!.blocks);
    expect(changes).toMatchObject({ caption: 'The top 5 against the baseline weights', head: ['Rank', 'Change', 'Issue', 'Rank before'] });
    expect(changes!.rows[0]).toEqual(['1', '= no change', 'Domestic Abuse', '1']);
  });

  it('ranks every issue with the cut line under the top N, and tables the evidence and dashboard from their results', () => {
    const doc = buildReport(input());
    const [rankedTable] = tables(doc.sections[0]!.blocks);
    expect(rankedTable).toMatchObject({ caption: 'Ranked priorities', cutAfter: 5 });
    expect(rankedTable!.rows).toHaveLength(32);
    expect(rankedTable!.rows[0]!.slice(0, 4)).toEqual(['1', '=', 'Domestic Abuse', '33']);
    const rationale = tables(doc.sections[0]!.blocks).find((t) => t.id === 'rationales')!;
    expect(rationale.rows).toEqual([['Domestic Abuse', 'Likelihood', '5', 'Low', 'MARAC cases well above the national average']]);
    const ev = tables(doc.sections[1]!.blocks).find((t) => t.id === 'evidence')!;
    // The rate's basis is said once under the table; the long-run trend in plain words (its fit is pinned in test/models/stats).
    const burglaryTrend = evidence.issues.find((i) => i.id === 'burglary')!.trend!;
    expect(ev.rows.find((r) => r[0] === 'Burglary')).toEqual(['Burglary', '144', '120', 'Up 24 (20%)', 'not significant', '0.72', '100%', trendPlainWords(burglaryTrend)]);
    expect(ev.head.at(-1)).toBe('Long-run trend');
    expect(burglaryTrend.lower < 0 && burglaryTrend.upper > 0).toBe(true);
    expect(ev.rows.find((r) => r[0] === 'Burglary')!.at(-1)).toMatch(/^no clear trend \(between \d+% down and \d+% up a year\)$/);
    expect(ev.source).toContain('Rates per 1,000 residents (mid-2015 population (IMD 2019 File 6): 200,000)');
    const dash = tables(doc.sections[2]!.blocks).find((t) => t.id === 'dashboard')!;
    // police.uk issues have data once any month is stored (a type with no rows counts 0); local issues without counts are left out.
    expect(dash.rows.map((r) => r[0])).toEqual(evidence.issues.filter((i) => i.source === 'police-uk').map((i) => i.label));
    expect(dash.rows.find((r) => r[0] === 'Burglary')!.slice(1)).toEqual([
      // Neither rise is significant: neutral factors, and No significant change rather than Red or Amber (issue 11);
      // neutral factors are said by the change columns, so the factors cell names none.
      'No significant change',
      'none significant',
      '35',
      'Up 6 (21%)',
      '144',
      'Up 24 (20%)',
      '0.72',
      '—',
      'all usual',
    ]);
    expect(dash.head.slice(-3)).toEqual(['Rate per 1,000', 'Peer rank', 'Oct 2023 to Dec 2023']);
    expect(dash.source).toContain('Peer ranks were not worked out.');
  });

  it('names each issue’s peer rank (and peer-group rank) from the peer comparison', () => {
    const peers = peerComparison({
      partnership: 'Luton',
      comparators: [
        { name: 'Luton', code: 'E06000032', population: 200000, populationSource: 'mid-2015', counts: new Map([['2023-12', new Map([['Burglary', 20]])]]), covered: true },
        { name: 'Bedford', code: 'E06000055', population: 100000, populationSource: 'mid-2015', counts: new Map([['2023-12', new Map([['Burglary', 5]])]]), covered: true },
        { name: 'Central Bedfordshire', code: 'E06000056', population: 300000, populationSource: 'mid-2015', counts: new Map([['2023-12', new Map([['Burglary', 60]])]]), covered: true },
      ],
      window: ['2023-12'],
      issues: [{ id: 'burglary', label: 'Burglary', crimeTypes: ['Burglary'] }],
      peerGroup: ['E06000055'],
      knownCodes: new Map(),
    });
    // Rates per 1,000 a year, by hand: Bedford 5 × 1,000 ÷ 100,000 × 12 = 0.6; Luton 20 × … ÷ 200,000 × 12 = 1.2; Central Beds 60 × … ÷ 300,000 × 12 = 2.4.
    const dash = tables(buildReport({ ...input(), peers }).sections[2]!.blocks).find((t) => t.id === 'dashboard')!;
    expect(dash.rows.find((r) => r[0] === 'Burglary')![8]).toBe('2nd lowest of 3; peer group: 2nd lowest of 2');
    expect(dash.rows.find((r) => r[0] === 'Robbery')![8]).toBe('—');
    expect(dash.source).toMatch(/Peer rank: Rates per 1,000 residents a year over Dec 2023 to Dec 2023 .*for 3 areas/);
  });

  it('says where each top priority happens: busiest wards and hot spots, said once for priorities sharing evidence, the method in one line', () => {
    const areas = (names: string[]) => names.map((name, i) => ({ code: `W${i}`, name, count: 30 - i, share: 0.1 }));
    const topAreas = (types: string[], names: string[], total: number) => ({ first: '2023-01', last: '2023-12', months: 12, crimeTypes: types, total, areas: areas(names) });
    const where = {
      levelLabel: 'wards',
      top: [{ name: 'Central', rank: 1 }],
      method: '2 indicators (A; B), each standardised as a z-score and combined as Σ weight × standardised ÷ Σ weight',
      byIssue: { 'anti-social-behaviour': topAreas(['Anti-social behaviour'], ['Central', 'South'], 960), burglary: topAreas(['Burglary'], ['Dallow'], 144) },
      topTable: [{ rank: 1, name: 'Central', composite: 2.31, population: 10819 }],
    };
    const hot = (location: string) => ({ id: '1 2', x: 1, y: 2, ward: 'Dallow', count: 9, density: 1, z: 3.2, p: 0.001, pAdjusted: 0.01, classification: null, location, locationCount: 9 });
    const result = {
      area: 'Luton',
      crimeTypes: ['Burglary'],
      months: ['2023-01'],
      gaps: [],
      cellSize: 200,
      cellSizeAuto: true,
      bandwidth: 300,
      bandwidthAuto: true,
      distance: 300,
      neighbourCells: 1.5,
      meanNeighbours: 8,
      grid: { x0: 0, y0: 0, cols: 1, rows: 1 },
      wards: [],
      rowsUsed: 9,
      rowsOutside: 0,
      rowsNoCoordinates: 0,
      classified: false,
      ms: 1,
    };
    const hotspots = reportHotspots({ burglary: { ...result, cells: [hot('On or near Park Street')] }, 'anti-social-behaviour': { ...result, cells: [] } });
    const doc = buildReport({ ...input(), links: { ...links, [id('ASB (Nuisance)')]: 'anti-social-behaviour' }, where, hotspots });
    const whereSection = doc.sections.find((x) => x.id === 'where')!;
    const table = tables(whereSection.blocks).find((t) => t.id === 'where-priorities')!;
    expect(table.head).toEqual(['Priority', 'Evidence issue', 'Busiest wards (rows)', 'Rows placed', 'Hot spots (place, ward, rows)']);
    const row = (label: string) => table.rows.find((r) => r[0] === label)!;
    expect(row('Burglary Dwelling')).toEqual(['Burglary Dwelling', 'Burglary', 'Dallow (30)', '144', 'On or near Park Street (Dallow, 9)']);
    expect(row('ASB (Personal)')).toEqual(['ASB (Personal)', 'Anti-social behaviour', 'Central (30), South (29)', '960', 'no significant hot spot']);
    expect(row('ASB (Nuisance)')).toEqual(['ASB (Nuisance)', 'Anti-social behaviour', 'Same as ASB (Personal)', '960', 'Same as ASB (Personal)']);
    expect(table.source).toMatch(/^police\.uk rows placed in wards by their coordinates, Jan 2023 to Dec 2023\. Hot spots: /);
    // The need formula is in Methods and sources, not in the Where section.
    expect(JSON.stringify(whereSection)).not.toMatch(/Σ/);
    expect(doc.sections.find((x) => x.id === 'methods')!.blocks).toContainEqual({ kind: 'paragraph', text: `Community need: wards scored on ${where.method}.` });
  });

  it('estimates printed lines with figures two abreast and a figure beside its table taking no lines of its own', () => {
    const fig = (id: string, beside = false): Block => ({ kind: 'figure', id, chart: { type: 'contributions' }, caption: id, description: '', source: '', ...(beside ? { beside } : {}) });
    const tbl: Block = { kind: 'table', id: 't', caption: 't', head: ['a'], numeric: [false], rowHeader: 0, rows: [['1'], ['2']] };
    // Hand-worked: heading 3 + table (2 rows + 4) = 9; a figure is 22 lines; two abreast take 22; a third starts a new row.
    expect(sectionLines(section('s', 'S', [tbl]))).toBe(9);
    expect(sectionLines(section('s', 'S', [tbl, fig('a', true)]))).toBe(9);
    expect(sectionLines(section('s', 'S', [tbl, fig('a'), fig('b')]))).toBe(31);
    expect(sectionLines(section('s', 'S', [tbl, fig('a'), fig('b'), fig('c')]))).toBe(53);
    expect(fillsThirdOfPage(section('s', 'S', [tbl, fig('a'), fig('b')]))).toBe(true);
    expect(fillsThirdOfPage(section('s', 'S', [tbl, fig('a', true)]))).toBe(false);
  });

  it('draws a control chart, with its text equivalent, for each top priority linked to evidence with data', () => {
    expect(chartedIssues(input())).toEqual(['anti-social-behaviour', 'burglary']);
    const figures = buildReport(input()).sections[2]!.blocks.filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.kind === 'figure' && f.caption)).toEqual(['Anti-social behaviour: monthly count against its control limits', 'Burglary: monthly count against its control limits']);
    expect(figures[0]!.kind === 'figure' && figures[0]!.description).toMatch(/^Anti-social behaviour, monthly counts Jan 2022 to Dec 2023\. /);
    for (const f of figures) expect(f.kind === 'figure' && f.source).toMatch(/^Source: police\.uk street-level crime/);
  });
});

describe('assembleReport', () => {
  it('compares with another stored assessment and names it', () => {
    const previous = { ...setDraftWeight(seed, 'community_priority', 3), id: 'prev', name: '2025 draft' };
    const r = assembleReport({
      assessment: seed,
      settings: { topN: 5, comparison: { kind: 'assessment', id: 'prev' }, robustness: false },
      previous,
      evidence,
      dashboard,
      links,
      robustness: null,
      need: null,
      overviewNotes: [],
      data: null,
      generatedAt: 0,
    });
    expect(r.changes?.against).toBe('“2025 draft”');
    expect(r.summary.changes).toMatch(/^Against “2025 draft”: Domestic Abuse up 5 places to 1st;/);
    expect(r.input.moves.get(id('ASB (Personal)'))).toEqual({ kind: 'down', places: 1 });
    expect(linkedCrimeIssues(seed, DEFAULT_CATALOGUE, links, 5)).toEqual({ 'anti-social-behaviour': ['Anti-social behaviour'], burglary: ['Burglary'] });
  });

  it('names as many priorities as the report asks, else as many as the Sensitivity page, else the cut line, else 5', () => {
    const parts = {
      settings: { topN: null, comparison: { kind: 'none' as const }, robustness: false },
      previous: null,
      evidence,
      dashboard,
      links,
      robustness: null,
      need: null,
      overviewNotes: [],
      data: null,
      generatedAt: 0,
    };
    expect(assembleReport({ ...parts, assessment: seed }).n).toBe(5);
    expect(assembleReport({ ...parts, assessment: { ...seed, cutLine: 7 } }).n).toBe(7);
    expect(assembleReport({ ...parts, assessment: { ...seed, cutLine: 7, sensitivity: { ...seed.sensitivity, topN: 3 } as typeof seed.sensitivity } }).n).toBe(3);
    expect(assembleReport({ ...parts, settings: { ...parts.settings, topN: 8 }, assessment: { ...seed, cutLine: 7 } }).n).toBe(8);
    expect(assembleReport({ ...parts, assessment: seed }).changes).toBeNull();
    const gone = assembleReport({ ...parts, settings: { ...parts.settings, comparison: { kind: 'assessment', id: 'deleted' } }, assessment: seed });
    expect(gone.changes).toBeNull();
    expect(gone.input.caveats[0]?.text).toMatch(/^The assessment chosen to compare the ranking with is no longer stored/);
  });
});
