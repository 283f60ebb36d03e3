import { describe, expect, it } from 'vitest';
import {
  band,
  bandsInWords,
  BandingRule,
  BandingRules,
  DEFAULT_BANDING_RULES,
  METRIC_FIGURES,
  metricText,
  proposalBasis,
  proposeScore,
  proposeScores,
  rangeText,
  rulesProblems,
} from '../../../models/evidence/banding';
import type { EvidenceResult } from '../../../models/evidence/evidence';
import { Criterion } from '../../../models/risk-matrix/schema';
import { issueEvidence } from '../../fixtures/evidence';
import { SEED_SCALE } from '../../fixtures/seed-matrix';

const rule = (id: string) => DEFAULT_BANDING_RULES.rules.find((r) => r.criterionId === id)!;
const criterion = (id: string, label: string): Criterion => Criterion.parse({ id, label, description: '', group: 'Likelihood', scale: SEED_SCALE, weight: 1 });

const issue = issueEvidence;

describe('band', () => {
  it('puts a value in the band whose lower threshold it reaches', () => {
    expect(band(5, [10, 50, 100, 300])).toEqual({ index: 0, from: null, to: 10 });
    expect(band(10, [10, 50, 100, 300])).toEqual({ index: 1, from: 10, to: 50 });
    expect(band(49.99, [10, 50, 100, 300])).toEqual({ index: 1, from: 10, to: 50 });
    expect(band(300, [10, 50, 100, 300])).toEqual({ index: 4, from: 300, to: null });
    expect(band(-3, [])).toEqual({ index: 0, from: null, to: null });
  });
});

describe('BandingRule', () => {
  it('needs one more score than thresholds, and increasing thresholds', () => {
    const bad = BandingRule.safeParse({ ...rule('likelihood'), thresholds: [10, 5], scores: [1, 2] });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['Likelihood: 2 thresholds make 3 bands, so give 3 scores (found 2)', 'Likelihood: thresholds must increase (10 is followed by 5)']);
    expect(BandingRules.safeParse(DEFAULT_BANDING_RULES).success).toBe(true);
    expect(BandingRules.safeParse({ rules: [rule('likelihood'), rule('likelihood')] }).error?.issues[0]?.message).toBe('two rules propose scores for “likelihood”');
  });
});

describe('likelihood from monthly volume', () => {
  it('proposes a score from the mean a month, naming the band and the scale level', () => {
    const p = proposeScore(issue(719, 948), rule('likelihood'), criterion('likelihood', 'Likelihood'), 'Oct 2012 to Sep 2013');
    expect(p).toMatchObject({ value: 3, valueLabel: 'Medium', metricValue: 79, metricText: '79.0 a month', band: { index: 2, from: 50, to: 100 } });
    expect(p.explanation).toBe('79.0 a month (Oct 2012 to Sep 2013) is at least 50 and below 100 a month → 3 (Medium).');
  });

  it('gives most of the seed matrix’s likelihood scores from the seed plan’s volumes (a calibration, not a rule)', () => {
    // Seed plan volumes Oct 2012-Sep 2013 and the 2014 matrix's likelihood scores.
    const cases: [string, number, number][] = [
      ['Burglary Dwelling', 948, 3],
      ['TFMV', 1458, 4],
      ['Criminal Damage', 1957, 4],
      ['Most Serious Violence', 35, 1],
      ['Personal Robbery', 128, 2],
      ['ASB (12 × 624 a month)', 7486, 5],
      ['Sexual Offences', 70, 2],
      ['TOMV/TWOC', 258, 1],
    ];
    const got = cases.map(([label, volume, seed]) => [label, proposeScore(issue(volume, volume), rule('likelihood')).value, seed]);
    const agree = got.filter(([, a, b]) => a === b).map(([l]) => l);
    expect(agree).toEqual(['Burglary Dwelling', 'TFMV', 'Criminal Damage', 'Most Serious Violence', 'Personal Robbery', 'ASB (12 × 624 a month)']);
  });
});

describe('performance deteriorating from change', () => {
  const r = rule('performance_deteriorating');

  it('bands a significant change by its size', () => {
    expect(proposeScore(issue(719, 948), r).value).toBe(5); // +32%, significant
    expect(proposeScore(issue(1849, 1700), r).value).toBe(2); // −8%, significant
    expect(proposeScore(issue(1000, 850), r).value).toBe(1); // −15%, significant
    expect(proposeScore(issue(20000, 20800), r).value).toBe(4); // +4%, significant on large counts
  });

  it('scores a change that is not significant as no real change', () => {
    const p = proposeScore(issue(2030, 1957), r);
    expect(p).toMatchObject({ value: 3, band: null, metricText: '−3.6% on the previous period' });
    expect(p.explanation).toBe('−3.6% on the previous period is not significant at 5% (p = 0.25), so no real change is shown → 3.');
    expect(proposeScore(issue(719, 948), r).explanation).toBe('+31.8% on the previous period, significant at 5%, is +10% or more → 5.');
  });

  it('bands regardless when the rule says so', () => {
    expect(proposeScore(issue(2030, 1957), { ...r, notSignificantScore: null }).value).toBe(2);
  });

  it('proposes nothing when there is nothing to compare with', () => {
    const p = proposeScore(issue(0, 5, { change: null, previous: null }), r);
    expect(p).toMatchObject({ value: null, explanation: 'No change: the previous period has no data.' });
  });
});

describe('cost impact from cost-weighted volume', () => {
  const r = rule('cost_impact');
  it('needs cost weights', () => {
    expect(proposeScore(issue(100, 120), r)).toMatchObject({ value: null, explanation: 'No cost-weighted volume: no cost weight is set for Burglary.' });
  });
  it('bands the cost-weighted volume', () => {
    const p = proposeScore(issue(100, 120, { cost: { value: 120 * 5930, missing: [], parts: [] } }), r);
    expect(p).toMatchObject({ value: 3, metricText: 'cost-weighted volume 711,600' });
    expect(p.explanation).toBe('Cost-weighted volume 711,600 is at least 500,000 and below 1,000,000 → 3.');
  });
});

describe('proposeScores', () => {
  it('proposes every rule for every issue, and says why none for an issue without data', () => {
    const local = issue(0, 0, { id: 'hate-crime', label: 'Hate crime', source: 'local', hasData: false, volume: null, monthlyMean: null, change: null });
    const evidence = { issues: [issue(719, 948), local], period: { current: { from: '2023-01', to: '2023-12' } } } as unknown as EvidenceResult;
    const p = proposeScores(evidence, DEFAULT_BANDING_RULES, [criterion('likelihood', 'Likelihood')]);
    expect(Object.keys(p)).toEqual(['burglary', 'hate-crime']);
    expect(Object.keys(p['burglary']!)).toEqual(['likelihood', 'performance_deteriorating', 'cost_impact']);
    expect(p['burglary']!['likelihood']!.explanation).toContain('(Jan 2023 to Dec 2023)');
    // A change names the current period and what it is compared with.
    expect(p['burglary']!['performance_deteriorating']!.explanation).toMatch(/^\+31\.8% on the previous period \(Jan 2023 to Dec 2023, against the same number of months before\)/);
    expect(p['hate-crime']!['likelihood']).toMatchObject({ value: null, explanation: 'No local counts for Hate crime in the current period.' });
    expect(p['burglary']!['likelihood']).toMatchObject({ issueId: 'burglary', evidenceIssueId: 'burglary', period: 'Jan 2023 to Dec 2023' });
  });
});

describe('proposalBasis', () => {
  it('changes with the evidence, period, rule or score, not with the wording', () => {
    const p = proposeScore(issue(719, 948), rule('likelihood'), criterion('likelihood', 'Likelihood'), 'Oct 2012 to Sep 2013');
    const basis = proposalBasis(p);
    expect(basis).toBe('burglary|Oct 2012 to Sep 2013|monthlyMean|79.0000000000|2|10,50,100,300|1,2,3,4,5|3');
    expect(proposalBasis({ ...p, explanation: 'reworded', valueLabel: 'Moderate', criterionLabel: 'How likely' })).toBe(basis);
    expect(proposalBasis(proposeScore(issue(719, 949), rule('likelihood'), undefined, 'Oct 2012 to Sep 2013'))).not.toBe(basis);
    expect(proposalBasis({ ...p, period: 'Nov 2012 to Oct 2013' })).not.toBe(basis);
    expect(proposalBasis({ ...p, thresholds: [10, 40, 100, 300] })).not.toBe(basis);
  });

  it('names the evidence table figure each metric is traced through', () => {
    expect(METRIC_FIGURES).toMatchObject({ monthlyMean: 'volume', changePercent: 'change', costWeighted: 'cost', ratePer1000: 'rate' });
  });
});

describe('rulesProblems', () => {
  it('finds rules for criteria the model lacks and scores off the scale', () => {
    const rules = { rules: [rule('likelihood'), { ...rule('cost_impact'), scores: [1, 2, 3, 4, 6] }, { ...rule('likelihood'), criterionId: 'harm', criterionLabel: 'Harm' }] };
    expect(rulesProblems(rules, [criterion('likelihood', 'Likelihood'), criterion('cost_impact', 'Cost Impact')])).toEqual([
      'Cost Impact: scores 6 are off its scale (0 to 5).',
      'The model has no criterion “harm” (Harm).',
    ]);
  });
});

describe('metricText and rangeText', () => {
  it('write each metric in words', () => {
    expect(metricText('changePercent', 31.85)).toBe('+31.9% on the previous period');
    expect(metricText('changePercent', 0)).toBe('0.0% on the previous period');
    expect(metricText('ratePer1000', 3.456)).toBe('3.46 per 1,000');
    expect(metricText('concentration', 42)).toBe('42.0% in the top 10% of LSOAs');
    expect(metricText('volume', 1234.4)).toBe('1,234 in the period');
  });

  it('write band ranges with the unit once', () => {
    expect(rangeText('monthlyMean', null, 10)).toBe('below 10 a month');
    expect(rangeText('monthlyMean', 300, null)).toBe('300 a month or more');
    expect(rangeText('changePercent', -10, 0)).toBe('at least −10% and below 0%');
    expect(rangeText('ratePer1000', 1.5, 3)).toBe('at least 1.5 and below 3 per 1,000');
    expect(rangeText('volume', null, null)).toBe('any value');
  });
});

describe('bandsInWords', () => {
  it('states every band of a rule', () => {
    expect(bandsInWords(rule('likelihood'))).toBe(
      'below 10 a month → 1; at least 10 and below 50 a month → 2; at least 50 and below 100 a month → 3; at least 100 and below 300 a month → 4; 300 a month or more → 5',
    );
    expect(bandsInWords(rule('performance_deteriorating'))).toBe('below −10% → 1; at least −10% and below 0% → 2; at least 0% and below +10% → 4; +10% or more → 5; not significant at 5% → 3');
  });
});
