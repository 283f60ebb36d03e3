import { describe, expect, it } from 'vitest';
import { rank } from '../../../models/risk-matrix/score';
import { linearProblem } from '../../../models/sensitivity/problem';
import { issueTornado, rankRanges, tornado } from '../../../models/sensitivity/tornado';
import { seedAssessment, seedId, seedIssues, seedModel, seedScores } from '../../fixtures/seed-matrix';

const t = tornado(linearProblem(seedAssessment), 0.5);
const bar = (issue: string, criterion: string) => t.bars.find((b) => b.issueId === seedId(issue) && b.criterionId === criterion)!;

describe('tornado on the seed matrix (±50%)', () => {
  it('moves Domestic Abuse between 1st and =2nd on Community priority', () => {
    // Weight 0.5 to 1.5. DA 32 + x; ASB (Personal) 27 + 5x passes it at 1.25; at 1.5 ASB (Nuisance)
    // 26 + 5x = 33.5 draws level with DA 33.5 behind ASB (Personal) 34.5: DA is =2nd.
    const b = bar('Domestic Abuse', 'community_priority');
    expect([b.lowWeight, b.highWeight, b.rankAtLow, b.rankAtHigh, b.bestRank, b.worstRank, b.rankNow]).toEqual([0.5, 1.5, 1, 2, 1, 2, 1]);
  });

  it('gives every issue a bar for every criterion, widest first in an issue’s tornado', () => {
    expect(t.bars).toHaveLength(32 * 9);
    const ao = issueTornado(t, seedId('Adult Offending'));
    expect(ao).toHaveLength(9);
    for (let k = 1; k < ao.length; k++) expect(ao[k - 1]!.worstRank - ao[k - 1]!.bestRank).toBeGreaterThanOrEqual(ao[k]!.worstRank - ao[k]!.bestRank);
  });

  it('agrees with re-ranking by the contract across each range', () => {
    for (const b of t.bars.filter((_, k) => k % 7 === 0)) {
      const ranks: number[] = [];
      for (let k = 0; k <= 200; k++) {
        const x = b.lowWeight + ((b.highWeight - b.lowWeight) * k) / 200;
        ranks.push(rank(seedModel, seedIssues, seedScores, { [b.criterionId]: x }).find((r) => r.issueId === b.issueId)!.rank);
      }
      expect(ranks[0]).toBe(b.rankAtLow);
      expect(ranks[200]).toBe(b.rankAtHigh);
      expect(Math.min(...ranks)).toBeGreaterThanOrEqual(b.bestRank);
      expect(Math.max(...ranks)).toBeLessThanOrEqual(b.worstRank);
    }
  });

  it('summarises each issue’s range over all single-weight moves', () => {
    const da = rankRanges(t).get(seedId('Domestic Abuse'))!;
    expect(da.now).toBe(1);
    expect(da.best).toBe(1);
    expect(da.worst).toBeGreaterThanOrEqual(2);
    expect(da.tiedNow).toBe(false);
    // ASB (Personal) and Terrorism share second place on the seed.
    expect(rankRanges(t).get(seedId('Terrorism'))).toMatchObject({ now: 2, tiedNow: true });
    // The weight each issue is most sensitive to is the first bar of its own tornado.
    for (const [id, r] of rankRanges(t)) expect(r.widest).toBe(issueTornado(t, id)[0]);
  });

  it('keeps a zero weight at zero (±50% of nothing is nothing)', () => {
    const zero = tornado(linearProblem({ ...seedAssessment, weights: { cost_impact: 0 } }), 0.5);
    const b = zero.bars.find((x) => x.criterionId === 'cost_impact')!;
    expect([b.lowWeight, b.highWeight, b.bestRank]).toEqual([0, 0, b.worstRank]);
  });
});
