import { describe, expect, it } from 'vitest';
import { nearlyAllCount, ragStatus, rateAgainstTarget, Target, targetWords } from '../../../models/dashboard/rag';

describe('ragStatus (the Barnet rule)', () => {
  it('all positive is Green', () => {
    expect(ragStatus(['positive', 'positive', 'positive'])).toMatchObject({ rag: 'green', words: 'Green: all 3 rated indicators positive' });
    expect(ragStatus(['positive']).rag).toBe('green');
  });

  it('indicators that are not rated do not count', () => {
    expect(ragStatus(['positive', 'not-rated', 'not-rated']).rag).toBe('green');
    expect(ragStatus(['not-rated', 'not-rated'])).toMatchObject({ rag: 'none', rated: 0 });
    expect(ragStatus([]).rag).toBe('none');
  });

  it('is No significant change (neutral) when the only factors are changes that are not significant', () => {
    expect(ragStatus(['neutral', 'neutral', 'not-rated'])).toMatchObject({ rag: 'neutral', rated: 0, words: expect.stringMatching(/^No significant change/) });
    // Neutral factors never count against the seed rule: one significant fall among them is Green, one rise Red.
    expect(ragStatus(['positive', 'neutral', 'not-rated']).rag).toBe('green');
    expect(ragStatus(['negative', 'neutral']).rag).toBe('red');
  });

  it('mixed is Amber', () => {
    expect(ragStatus(['positive', 'negative'])).toMatchObject({ rag: 'amber', words: 'Amber: 1 positive and 1 negative of 2 rated indicators' });
    expect(ragStatus(['negative', 'negative', 'positive']).rag).toBe('amber');
  });

  it('all negative is Red', () => {
    expect(ragStatus(['negative', 'negative'])).toMatchObject({ rag: 'red', words: 'Red: all 2 rated indicators negative' });
    expect(ragStatus(['negative']).rag).toBe('red');
  });

  it('nearly all negative is Red: at least three quarters of the rated indicators, rounded up', () => {
    expect([1, 2, 3, 4, 5, 8].map((n) => nearlyAllCount(n))).toEqual([1, 2, 3, 3, 4, 6]);
    expect(ragStatus(['negative', 'negative', 'negative', 'positive']).rag).toBe('red');
    expect(ragStatus(['negative', 'negative', 'positive', 'positive']).rag).toBe('amber');
    expect(ragStatus(['negative', 'negative', 'negative', 'negative', 'positive']).rag).toBe('red');
    expect(ragStatus(['negative', 'negative', 'negative', 'positive', 'positive']).rag).toBe('amber');
    // A stricter "nearly all" (90%) needs all four.
    expect(ragStatus(['negative', 'negative', 'negative', 'positive'], 0.9).rag).toBe('amber');
  });

  it('an amber target makes the status at best Amber', () => {
    expect(ragStatus(['positive', 'amber']).rag).toBe('amber');
    expect(ragStatus(['amber']).rag).toBe('amber');
    expect(ragStatus(['negative', 'negative', 'negative', 'amber']).rag).toBe('red');
  });
});

describe('targets', () => {
  const luton = { better: 'higher', green: 95, red: 90 } as const;
  it('rates as the Luton probation dashboard does: Green above 95%, Amber 90%–95%, Red below 90%', () => {
    expect([96, 95, 92, 90, 89.9].map((v) => rateAgainstTarget(v, luton))).toEqual(['positive', 'amber', 'amber', 'amber', 'negative']);
    expect(targetWords(luton, '%')).toBe('green above 95%, amber 90%–95%, red below 90%');
  });

  it('rates lower-is-better targets the other way round', () => {
    const t = { better: 'lower', green: -5, red: 0 } as const;
    expect([-10, -5, -2, 0, 3].map((v) => rateAgainstTarget(v, t))).toEqual(['positive', 'amber', 'amber', 'amber', 'negative']);
  });

  it('refuses thresholds the wrong way round', () => {
    expect(Target.safeParse({ issueId: 'burglary', indicator: 'rate', better: 'higher', green: 90, red: 95 }).error?.issues[0]?.message).toMatch(/cannot be above the green one/);
    expect(Target.safeParse({ issueId: 'burglary', indicator: 'rate', better: 'lower', green: 5, red: 3 }).success).toBe(false);
  });
});
