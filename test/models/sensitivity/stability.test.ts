import { describe, expect, it } from 'vitest';
import { linearProblem } from '../../../models/sensitivity/problem';
import { stabilityIntervals } from '../../../models/sensitivity/stability';
import { seedAssessment, seedId } from '../../fixtures/seed-matrix';

/*
 * Hand arithmetic on the 2014 seed (all weights 1, weighted sum). Moving one
 * criterion's weight to x with the others at 1, an issue's total is
 * (its total − its score on that criterion) + score × x.
 *
 * Community priority (the other eight weights sum to 8):
 *   Domestic Abuse 33 − 1 + x = 32 + x        ASB (Personal) 32 − 5 + 5x = 27 + 5x
 *   Terrorism      32 − 1 + x = 31 + x        ASB (Nuisance) 31 − 5 + 5x = 26 + 5x
 *   Burglary Dwelling 31 − 3 + 3x = 28 + 3x   Distraction Burglary 30 − 3 + 3x = 27 + 3x
 *   ASB (Environmental) 29 − 5 + 5x = 24 + 5x Most Serious Violence 29 − 1 + x = 28 + x
 *   Hate Crime 29 − 2 + 2x = 27 + 2x
 * First place: Domestic Abuse meets ASB (Personal) at 32 + x = 27 + 5x, x = 5/4 = 1.25, and nobody
 *   passes it going down (Terrorism stays 1 behind). So first place holds for x in [0, 1.25];
 *   as a share, 1.25 / (1.25 + 8) = 13.5%.
 * Top 5 {DA, ASB (P), Terrorism, ASB (N), Burglary Dwelling}: going up, the first outsider to reach an
 *   insider is ASB (Environmental) meeting Terrorism at 31 + x = 24 + 5x, x = 7/4 = 1.75 (it meets
 *   Burglary Dwelling only at 2). Going down, ASB (Nuisance) meets Most Serious Violence (26 + 5x =
 *   28 + x) and Distraction Burglary (26 + 5x = 27 + 3x) both at x = 0.5; just below 0.5 Most Serious
 *   Violence (28 + x) is above Distraction Burglary (27 + 3x), so it takes the fifth place.
 *
 * Likelihood: Domestic Abuse 28 + 5x, Terrorism 31 + x, ASB (Personal) 27 + 5x, ASB (Nuisance) 26 + 5x.
 *   Terrorism passes Domestic Abuse below 28 + 5x = 31 + x, x = 3/4; nobody passes it going up (the
 *   issues rising as fast, likelihood 5, are all behind it). First place holds for x ≥ 0.75.
 *
 * Performance deteriorating: Domestic Abuse 30 + 3x, Terrorism 32 (scores 0), Burglary Dwelling 26 + 5x.
 *   Terrorism passes below x = 2/3; Burglary Dwelling passes above 26 + 5x = 30 + 3x, x = 2.
 */
const p = linearProblem(seedAssessment);
const report = stabilityIntervals(p, 5);
const first = (id: string) => report.first.find((s) => s.criterionId === id)!;
const top = (id: string) => report.top.find((s) => s.criterionId === id)!;

describe('stabilityIntervals on the seed matrix', () => {
  it('names the top 5 and first place now', () => {
    expect(report.topSet).toEqual(['Domestic Abuse', 'ASB (Personal)', 'Terrorism', 'ASB (Nuisance)', 'Burglary Dwelling'].map(seedId));
    expect(report.firstSet).toEqual([seedId('Domestic Abuse')]);
  });

  it('keeps Domestic Abuse first for Community priority in [0, 1.25], then ASB (Personal) takes over', () => {
    const s = first('community_priority');
    expect([s.lower, s.upper]).toEqual([0, 1.25]);
    expect(s.upperShare).toBeCloseTo(1.25 / 9.25, 12);
    expect(s.currentShare).toBeCloseTo(1 / 9, 12);
    expect(s.belowLower).toBeNull();
    expect(s.aboveUpper).toEqual({ enters: [seedId('ASB (Personal)')], leaves: [seedId('Domestic Abuse')] });
  });

  it('keeps the top 5 for Community priority in [0.5, 1.75], with the issues that swap at each end', () => {
    const s = top('community_priority');
    expect([s.lower, s.upper]).toEqual([0.5, 1.75]);
    expect(s.lowerShare).toBeCloseTo(0.5 / 8.5, 12);
    expect(s.upperShare).toBeCloseTo(1.75 / 9.75, 12);
    expect(s.belowLower).toEqual({ enters: [seedId('Most Serious Violence')], leaves: [seedId('ASB (Nuisance)')] });
    expect(s.aboveUpper).toEqual({ enters: [seedId('ASB (Environmental)')], leaves: [seedId('Terrorism')] });
  });

  it('keeps Domestic Abuse first for Likelihood from 0.75 upwards, however high', () => {
    const s = first('likelihood');
    expect([s.lower, s.upper, s.upperShare]).toEqual([0.75, null, 1]);
    expect(s.lowerShare).toBeCloseTo(0.75 / 8.75, 12);
    expect(s.belowLower).toEqual({ enters: [seedId('Terrorism')], leaves: [seedId('Domestic Abuse')] });
  });

  it('keeps Domestic Abuse first for Performance deteriorating in [⅔, 2]', () => {
    const s = first('performance_deteriorating');
    expect(s.lower).toBeCloseTo(2 / 3, 12);
    expect(s.upper).toBe(2);
    expect(s.aboveUpper).toEqual({ enters: [seedId('Burglary Dwelling')], leaves: [seedId('Domestic Abuse')] });
  });

  it('says a weight every top issue scores alike cannot move first place (PCC/national priority: all top issues score 5)', () => {
    expect([first('poc_national_priority').lower, first('poc_national_priority').upper]).toEqual([0, null]);
  });

  it('agrees with a fine scan of each weight, re-ranking with the contract at every step', async () => {
    const { rank } = await import('../../../models/risk-matrix/score');
    const { seedModel, seedIssues, seedScores } = await import('../../fixtures/seed-matrix');
    const setAt = (id: string, x: number, n: number) =>
      rank(seedModel, seedIssues, seedScores, { [id]: x })
        .filter((r) => r.rank <= n)
        .map((r) => r.issueId)
        .sort()
        .join();
    for (const [list, n] of [
      [report.first, 1],
      [report.top, 5],
    ] as const) {
      for (const s of list) {
        const now = setAt(s.criterionId, 1, n);
        // Inside the interval (stepping in from each end) the set is as now; just outside it is not.
        for (let k = 1; k < 40; k++) {
          const hi = s.upper ?? 10;
          expect(setAt(s.criterionId, s.lower + ((hi - s.lower) * k) / 40, n)).toBe(now);
        }
        if (s.upper !== null) expect(setAt(s.criterionId, s.upper + 1e-6, n)).not.toBe(now);
        if (s.lower > 0) expect(setAt(s.criterionId, s.lower - 1e-6, n)).not.toBe(now);
      }
    }
  });

  it('holds under harm × likelihood and the normalised average too (checked by scanning with the contract)', async () => {
    const { rank } = await import('../../../models/risk-matrix/score');
    const { RiskModel } = await import('../../../models/risk-matrix/schema');
    const { seedModel, seedIssues, seedScores } = await import('../../fixtures/seed-matrix');
    for (const aggregation of [{ kind: 'harm-x-likelihood', likelihood: 'likelihood' }, { kind: 'normalised-average' }] as const) {
      const model = RiskModel.parse({ ...seedModel, aggregation });
      const weights = { community_priority: 2, cost_impact: 0.5 };
      const r = stabilityIntervals(linearProblem({ model, issues: seedIssues, scores: seedScores, weights }), 3);
      const setAt = (id: string, x: number, n: number) =>
        rank(model, seedIssues, seedScores, { ...weights, [id]: x })
          .filter((q) => q.rank <= n)
          .map((q) => q.issueId)
          .sort()
          .join();
      for (const [list, n] of [
        [r.first, 1],
        [r.top, 3],
      ] as const) {
        for (const s of list) {
          const now = setAt(s.criterionId, s.current, n);
          for (let k = 1; k < 20; k++) expect(setAt(s.criterionId, s.lower + (((s.upper ?? 10) - s.lower) * k) / 20, n)).toBe(now);
          if (s.upper !== null) expect(setAt(s.criterionId, s.upper * (1 + 1e-6) + 1e-9, n)).not.toBe(now);
          if (s.lower > 0) expect(setAt(s.criterionId, s.lower * (1 - 1e-6), n)).not.toBe(now);
        }
      }
    }
  });

  it('refuses a top N below 1', () => {
    expect(() => stabilityIntervals(p, 0)).toThrow(/at least 1/);
  });
});
