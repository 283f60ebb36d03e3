import { describe, expect, it } from 'vitest';
import { whatWouldItTake } from '../../../models/sensitivity/inverse';
import { linearProblem } from '../../../models/sensitivity/problem';
import { runSmaa, type SmaaResult } from '../../../models/sensitivity/smaa';
import { adjacentPairsWords, centralWeightWords, pairwiseWords, smaaBasisWords, smaaHeadlineWords, smaaIssueWords } from '../../../models/sensitivity/smaa-words';
import { stabilityIntervals } from '../../../models/sensitivity/stability';
import { issueTornado, tornado } from '../../../models/sensitivity/tornado';
import { inverseWords, labelsOf, onlyIfWords, rankRangeWords, stabilityHeadlineWords, stabilityWords, tornadoWords } from '../../../models/sensitivity/weight-words';
import { listWords, ordinal, placeWords, share } from '../../../models/sensitivity/words';
import { toyAssessment } from '../../fixtures/toy-assessment';
import { seedAssessment, seedId } from '../../fixtures/seed-matrix';

const labels = labelsOf(seedAssessment);
const seed = linearProblem(seedAssessment);

/** A hand-made result: three issues, 1,000 samples. */
const made: SmaaResult = {
  issueIds: ['a', 'b', 'c'],
  issueLabels: ['Alpha', 'Beta', 'Gamma'],
  criterionIds: ['x', 'y'],
  criterionLabels: ['Harm', 'Cost'],
  seed: 1234,
  samples: 1000,
  requested: 1000,
  sampler: 'simplex',
  hitAndRun: null,
  uncertainCells: 0,
  rankCounts: [
    [600, 300, 100],
    [400, 500, 100],
    [0, 200, 800],
  ],
  above: [
    [0, 600, 900],
    [400, 0, 900],
    [0, 0, 0],
  ],
  centralWeights: [[0.7, 0.3], [0.2, 0.8], null],
};

describe('words', () => {
  it('writes ordinals, lists and shares the British way', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    expect(placeWords(3, true)).toBe('=3rd');
    expect(listWords(['A'])).toBe('A');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(share(0.13514)).toBe('13.5%');
  });
});

describe('SMAA words', () => {
  it('says where an issue stands across plausible weightings', () => {
    expect(smaaIssueWords(made, 'a', 2)).toBe('Alpha is in the top 2 in 90.0% of plausible weightings and ranks first in 60.0%.');
    expect(smaaIssueWords(made, 'c', 1)).toBe('Gamma is never in the top 1.');
    expect(smaaIssueWords(made, 'c', 3)).toBe('Gamma is in the top 3 in every plausible weighting and never ranks first.');
  });

  it('gives the headline and the basis', () => {
    expect(smaaHeadlineWords(made, 2)).toBe('Alpha is most often first (60.0% of plausible weightings). 2 issues are in the top 2 in at least 9 in 10: Alpha and Beta.');
    expect(smaaBasisWords(made)).toBe('Based on 1,000 plausible weightings drawn at random (seed 1234), every one equally likely. This is the uniform analysis: the weights now in use play no part.');
    expect(smaaBasisWords({ ...made, samples: 400, sampler: 'ordered-simplex', uncertainCells: 3 })).toBe(
      'Based on 400 plausible weightings drawn at random (seed 1234), every weighting that keeps the stated order of importance equally likely. Scores given with Medium or Low confidence were varied too (3 scores). The run was stopped after 400 of 1,000. This is the uniform analysis: the weights now in use play no part.',
    );
  });

  it('describes pairs and central weights', () => {
    expect(pairwiseWords(made, 'a', 'b')).toBe('Alpha ranks above Beta in 60.0% of plausible weightings.');
    expect(pairwiseWords(made, 'a', 'c')).toBe('Alpha ranks above Gamma in 90.0% of plausible weightings (level in 10.0%).');
    expect(centralWeightWords(made, 'a')).toBe('When Alpha ranks first, the weights average: Harm 70.0% and Cost 30.0% (an even split would give each 50.0%).');
    expect(centralWeightWords(made, 'c')).toBe('Gamma never ranks first, so there are no typical weights behind it coming first.');
    // Mean ranks: Alpha 1.5, Beta 1.7, Gamma 2.8.
    expect(adjacentPairsWords(made, 3)).toBe('In order of mean rank, each leading issue ranks above the next in: Alpha above Beta 60.0%, Beta above Gamma 90.0% of plausible weightings.');
    expect(adjacentPairsWords(made, 2, { a: 'A', b: 'B' })).toBe('In order of mean rank, each leading issue ranks above the next in: A above B 60.0% of plausible weightings.');
  });

  it('reads a real run on the seed', () => {
    const r = runSmaa(seed, { samples: 5000 });
    expect(smaaIssueWords(r, seedId('Domestic Abuse'), 5, 'Domestic Abuse')).toMatch(/^Domestic Abuse is in the top 5 in \d+\.\d% of plausible weightings and ranks first in \d+\.\d%\.$/);
  });
});

describe('stability words', () => {
  const report = stabilityIntervals(seed, 5);
  const l = { ...labels, criteria: { ...labels.criteria, community_priority: 'Community priority', likelihood: 'Likelihood' } };

  it('describes first place and the top 5 on Community priority', () => {
    expect(
      stabilityWords(
        report.first.find((s) => s.criterionId === 'community_priority')!,
        'first',
        report,
        l,
      ),
    ).toBe("Domestic Abuse stays first while Community priority's weight is at most 1.25 (up to 13.5% of the total weight); it is 1 now. Above that, ASB (Personal) replaces Domestic Abuse.");
    expect(
      stabilityWords(
        report.top.find((s) => s.criterionId === 'community_priority')!,
        'top',
        report,
        l,
      ),
    ).toBe(
      "The top 5 stays the same while Community priority's weight is between 0.5 and 1.75 (5.9% to 17.9% of the total weight); it is 1 now. Below that, Most Serious Violence replaces ASB (Nuisance). Above that, ASB (Environmental) replaces Terrorism.",
    );
    expect(
      stabilityWords(
        report.first.find((s) => s.criterionId === 'likelihood')!,
        'first',
        report,
        l,
      ),
    ).toBe("Domestic Abuse stays first while Likelihood's weight is at least 0.75 (8.6% or more of the total weight); it is 1 now. Below that, Terrorism replaces Domestic Abuse.");
  });

  it('picks the weight whose smallest move changes the set', () => {
    expect(stabilityHeadlineWords(report, 'first', l)).toMatch(/^The smallest single change that alters first place is .+'s weight going from 1 to /);
  });
});

describe('tornado words', () => {
  it('sums up an issue’s range', () => {
    const t = tornado(seed, 0.5);
    const words = tornadoWords(issueTornado(t, seedId('Domestic Abuse')), 0.5, labels);
    expect(words).toMatch(/^Moving any one weight by ±50% keeps Domestic Abuse between 1st and \d+(st|nd|rd|th) \(1st now\)\. It is most sensitive to /);
  });
});

describe('rank range words', () => {
  it('counts the issues that keep their rank and names the widest swings and who can be first', () => {
    // A and B swap with the weights; C is last whatever they are.
    const p = linearProblem(
      toyAssessment([
        [3, 1],
        [1, 3],
        [0, 0],
      ]),
    );
    const l = { issues: { A: 'Alpha', B: 'Beta', C: 'Gamma' }, criteria: {} };
    expect(rankRangeWords(tornado(p, 0.5), l)).toBe(
      'Moving any one weight by ±50% (the others held), 1 of 3 issues keeps its rank. The widest swings are Alpha (1st to 2nd) and Beta (1st to 2nd). Alpha and Beta can each be first.',
    );
    expect(rankRangeWords(tornado(p, 0), l)).toBe('Moving any one weight by ±0% (the others held), every issue keeps its rank. Alpha and Beta can each be first.');
    const q = linearProblem(
      toyAssessment([
        [3, 1],
        [1, 3],
      ]),
    );
    expect(rankRangeWords(tornado(q, 0.5), { issues: { A: 'Alpha', B: 'Beta' }, criteria: {} })).toBe(
      'Moving any one weight by ±50% (the others held), every issue’s rank can change. The widest swings are Alpha (1st to 2nd) and Beta (1st to 2nd). Alpha and Beta can each be first.',
    );
  });
});

describe('inverse words', () => {
  it('gives the single-weight and all-weights answers, and the "only if"', () => {
    const p = linearProblem(
      toyAssessment([
        [1, 0],
        [0, 2],
      ]),
    );
    const l = { issues: { A: 'Alpha', B: 'Beta' }, criteria: { c0: 'Harm', c1: 'Cost' } };
    const a = whatWouldItTake(p, 'A', 1);
    expect(inverseWords(a, l)).toEqual([
      "Alpha (2nd now) reaches first place if Harm's weight rises to 2 (from 50.0% to 66.7% of the total weight), the others unchanged: there it draws level at =1st.",
      'Changing several weights at once, the least change moves 16.7% of the total weight: Harm from 50.0% to 66.7% and Cost from 50.0% to 33.3%. Alpha then draws level at =1st.',
    ]);
    expect(onlyIfWords(a, l)).toBe('With the other weights in proportion, Alpha ranks first only if Harm carries more than 66.7% of the weight.');
  });

  it('explains an impossible target', () => {
    const a = whatWouldItTake(seed, seedId('Other Theft'), 1);
    const [single, all] = inverseWords(a, labels);
    expect(single).toBe('No single weight, changed on its own, brings Other Theft (=30th now) into first place.');
    expect(all).toMatch(
      /^No weighting of these criteria brings Other Theft into first place\. 11 issues score at least as high on every criterion \(Domestic Abuse, .+\), so they stay at or above Other Theft whatever the weights\. The best any weighting gives it is =?\d+(st|nd|rd|th)/,
    );
    expect(onlyIfWords(a, labels)).toBe('No single weight, changed on its own, makes Other Theft rank first.');
  });
});
