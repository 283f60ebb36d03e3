import { describe, expect, it } from 'vitest';
import { buildDashboard, DEFAULT_DASHBOARD_SETTINGS } from '../../../models/dashboard/dashboard';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { countCube } from '../../../models/evidence/cube';
import { computeEvidence } from '../../../models/evidence/evidence';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';
import { BriefDetails } from '../../../models/report/brief-details';
import { changeWords, executiveBrief, robustWords, whyWords, wordCount } from '../../../models/report/brief';
import { finalRefusal, populationYear, readyChecks } from '../../../models/report/checklist';
import { rank } from '../../../models/risk-matrix/score';
import { seedAssessment } from '../../../src/data/seed-assessment';
import { crimeRows } from '../../fixtures/crime-rows';

const MONTHS = monthRange('2022-01', '2023-12');
// Burglary 10 a month in 2022 and 12 in 2023 (120 → 144, up 20%); ASB 100 then 80 (1,200 → 960, down 20%).
const rows = crimeRows(
  MONTHS.flatMap((month) => [
    { month, crimeType: 'Burglary', times: month < '2023-01' ? 10 : 12 },
    { month, crimeType: 'Anti-social behaviour', times: month < '2023-01' ? 100 : 80 },
  ]),
);
const evidence = computeEvidence({
  cube: countCube(rows, 'Luton'),
  storedMonths: MONTHS,
  population: { total: 200000, lsoas: 121, ladcd: 'E06000032', ladnm: 'Luton', source: 'mid-2015 population (IMD 2019 File 6)' },
  config: { catalogue: DEFAULT_CATALOGUE, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, period: { end: null, months: 12 } },
});
const dashboard = buildDashboard(evidence, DEFAULT_DASHBOARD_SETTINGS);
const seed0 = seedAssessment('seed', Date.UTC(2026, 0, 5));
const id = (label: string) => seed0.issues.find((i) => i.label === label)!.id;
const seed = { ...seed0, brief: BriefDetails.parse({ marking: 'OFFICIAL', recommendations: { [id('Domestic Abuse')]: { recommendation: 'Fund an IDVA post', leadPartner: 'Council' } } }) };
const ranked = rank(seed.model, seed.issues, seed.scores, seed.draftWeights);
const links = { [id('ASB (Personal)')]: 'anti-social-behaviour', [id('ASB (Nuisance)')]: 'anti-social-behaviour', [id('Burglary Dwelling')]: 'burglary' };
const brief = executiveBrief({ assessment: seed, ranked, n: 5, evidence, dashboard: dashboard.rows, links, robustness: null, where: null, changes: null, generatedAt: Date.UTC(2026, 0, 5) });

describe('executiveBrief', () => {
  it('names the top 5 with the user’s recommendation, and the marking', () => {
    expect(brief.priorities.map((p) => p.issue)).toEqual(ranked.slice(0, 5).map((r) => r.label));
    expect(brief.priorities[0]).toMatchObject({ issue: 'Domestic Abuse', recommendation: 'Fund an IDVA post', leadPartner: 'Council', evidence: 'No data linked yet' });
    expect(brief.marking).toBe('OFFICIAL');
    expect(brief.titleBlock.find((t) => t.label === 'Period covered')?.value).toBe('Jan 2023 to Dec 2023');
  });

  it('says a shared count once: the first priority quotes it, the others point to it', () => {
    // Hand-worked: ASB 80 × 12 = 960 against 100 × 12 = 1,200, down 20%.
    const asb = brief.priorities.filter((p) => p.issue.startsWith('ASB ('));
    expect(asb.map((p) => p.evidence)).toEqual(['960 incidents, down 20% on the year before — more than chance', `Same count as ${asb[0]!.issue} (see the note below)`]);
    expect(brief.shared).toEqual([`${asb.map((p) => p.issue).join(' and ')} share one count: 960 anti-social behaviour incidents.`]);
  });

  it('gives the headline tiles in words', () => {
    // All crime excluding ASB is the burglary here: 144 against 120, up 20%.
    expect(brief.tiles[0]).toEqual({ label: 'All crime, latest 12 months', value: '144', words: 'offences, up 20% on the year before — could be chance' });
    expect(brief.tiles[1]!.value).toBe('960');
  });

  it('marks on the map the areas of the Where column, each with the priorities that name it, and says so in words', () => {
    const areas = (names: string[]) => names.map((name, i) => ({ code: `W${name}`, name, count: 30 - i, share: 0.1 }));
    const where = {
      levelLabel: 'wards',
      top: [],
      method: '',
      byIssue: {
        'anti-social-behaviour': { first: '2023-01', last: '2023-12', months: 12, crimeTypes: ['Anti-social behaviour'], total: 960, areas: areas(['Central', 'South', 'High Town']) },
        burglary: { first: '2023-01', last: '2023-12', months: 12, crimeTypes: ['Burglary'], total: 144, areas: areas(['Dallow', 'Central', 'Biscot', 'Lewsey']) },
      },
    };
    const b = executiveBrief({ assessment: seed, ranked, n: 5, evidence, dashboard: dashboard.rows, links, robustness: null, where, changes: null, generatedAt: 0 });
    const named = (issue: string) => b.priorities.find((p) => p.issue === issue)!.where;
    expect(named('Burglary Dwelling')).toBe('Dallow, Central and Biscot');
    // Every area the Where column names is marked, and only those (Lewsey, the fourth, is not).
    const whereNames = new Set(b.priorities.flatMap((p) => (p.where === '—' ? [] : p.where.split(/, | and /))));
    expect(new Set(b.mapAreas.map((m) => m.name))).toEqual(whereNames);
    expect(b.mapAreas.find((m) => m.name === 'Central')!.priorities).toEqual(['ASB (Personal)', 'ASB (Nuisance)', 'Burglary Dwelling']);
    expect(b.map!.caption).toBe('Where the top 5 priorities happen most');
    expect(b.map!.description).toContain('Central (ASB (Personal), ASB (Nuisance) and Burglary Dwelling); ');
    expect(b.map!.source).toBe('Source: police.uk rows of Jan 2023 to Dec 2023 placed in wards by their coordinates; ONS boundaries.');
    expect(brief.map).toBeNull();
  });

  it('keeps every why sentence within 25 words, with no formula symbols', () => {
    for (const r of ranked) {
      const s = whyWords(seed, r);
      expect(wordCount(s)).toBeLessThanOrEqual(25);
      expect(s).toMatch(/contributes? most after weighting\.$/);
      expect(s).not.toMatch(/[Σ×÷]|z-score|significan/);
    }
  });
});

describe('brief wording', () => {
  it('changeWords and robustWords', () => {
    // 1,301 against 1,016: (1301 - 1016) / 1016 = 28.05%.
    expect(changeWords(1301, 1016, (1301 - 1016) / 1016, true, 'offences', 12)).toBe('1,301 offences, up 28% on the year before — more than chance');
    expect(robustWords(0.9, 5)).toBe('in the top 5 in 9 of 10 plausible weightings');
    expect(robustWords(1, 5)).toBe('in the top 5 in every plausible weighting');
    expect(robustWords(0.97, 5)).toBe('in the top 5 in nearly all plausible weightings');
  });
});

describe('readyChecks', () => {
  const base = {
    top: [{ issue: 'Burglary', linked: true, scoresWithoutConfidence: 0 }],
    latestStored: '2023-12',
    periodEnd: '2023-12',
    populationSource: { label: 'mid-2015', year: 2015 },
    significantOnly: true,
  };
  it('passes a complete brief and refuses Final with reasons otherwise, unless overridden', () => {
    expect(readyChecks(base).every((c) => c.ok)).toBe(true);
    const bad = readyChecks({ ...base, top: [{ issue: 'Burglary', linked: false, scoresWithoutConfidence: 2 }], periodEnd: '2023-11', populationSource: null, significantOnly: false });
    expect(bad.filter((c) => !c.ok).map((c) => c.id)).toEqual(['links', 'confidence', 'current', 'population', 'rag']);
    expect(finalRefusal(bad, null)[0]).toBe('No evidence linked for Burglary.');
    expect(finalRefusal(bad, '  ')).toHaveLength(5);
    expect(finalRefusal(bad, 'Board meets tomorrow; links follow')).toEqual([]);
    expect(bad.find((c) => c.id === 'current')!.problem).toBe('The report ends in Nov 2023; the latest stored month is Dec 2023.');
  });
  it('reads a population year from its source', () => {
    expect(populationYear('mid-2015 population (IMD 2019 File 6)')).toBe(2015);
    expect(populationYear('census')).toBeNull();
  });
});
