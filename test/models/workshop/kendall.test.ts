import { describe, expect, it } from 'vitest';
import { chiSquareUpper, kendallW, midRanks } from '../../../models/workshop/kendall';

describe('kendallW', () => {
  it('equals a hand computation: 3 scorers, 4 issues, no ties', () => {
    // Ranks (1 = highest): A 1,2,3,4; B 1,3,2,4; C 2,1,3,4. Rank sums 4, 6, 8, 12; mean m(n+1)/2 = 7.5.
    // S = 3.5² + 1.5² + 0.5² + 4.5² = 35; W = 12·35 / (3²·(4³ − 4)) = 420/540 = 7/9.
    // χ² = m(n − 1)W = 3·3·7/9 = 7 on 3 df; p = scipy.stats.chi2.sf(7, 3) = 0.07189777249646509.
    const r = kendallW([
      [4, 3, 2, 1],
      [4, 2, 3, 1],
      [3, 4, 2, 1],
    ]);
    expect(r.w).toBeCloseTo(7 / 9, 14);
    expect(r.chiSquare).toBeCloseTo(7, 12);
    expect(r.df).toBe(3);
    expect(r.p).toBeCloseTo(0.07189777249646509, 12);
  });

  it('corrects for ties by hand: scorer B ties the first two issues', () => {
    // B's ranks 1.5, 1.5, 3, 4 (one tie group of 2: T = 2³ − 2 = 6). Rank sums 4.5, 4.5, 9, 12; S = 40.5.
    // W = 12·40.5 / (9·60 − 3·6) = 486/522 = 0.9310344827586207; χ² = 9W = 8.379310344827585;
    // p = scipy.stats.chi2.sf(8.379310344827585, 3) = 0.03878968696448412.
    const r = kendallW([
      [4, 3, 2, 1],
      [4, 4, 2, 1],
      [3, 4, 2, 1],
    ]);
    expect(r.w).toBeCloseTo(486 / 522, 14);
    expect(r.p).toBeCloseTo(0.03878968696448412, 12);
  });

  it('is 1 for identical rankings', () =>
    expect(
      kendallW([
        [1, 2, 3],
        [1, 2, 3],
      ]).w,
    ).toBeCloseTo(1, 14));
  it('needs two scorers', () => expect(() => kendallW([[1, 2]])).toThrow(/at least 2 scorers/));
});

describe('midRanks', () => {
  it('shares tied ranks', () => expect(midRanks([5, 3, 5, 1])).toEqual([1.5, 3, 1.5, 4]));
});

describe('chiSquareUpper', () => {
  // scipy.stats.chi2.sf: (3.84, 1) 0.05004352124870519; (20, 10) 0.029252688076961127; (0.5, 4) 0.9735009788392561
  it('matches scipy', () => {
    expect(chiSquareUpper(3.84, 1)).toBeCloseTo(0.05004352124870519, 12);
    expect(chiSquareUpper(20, 10)).toBeCloseTo(0.029252688076961127, 12);
    expect(chiSquareUpper(0.5, 4)).toBeCloseTo(0.9735009788392561, 12);
  });
});
