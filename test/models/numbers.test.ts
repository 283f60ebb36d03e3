import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../models/evidence/catalogue';
import { readLocalCounts } from '../../models/evidence/local-counts';
import { Assessment } from '../../models/risk-matrix/assessment';
import { setDraftWeight } from '../../models/risk-matrix/weights-edit';
import { seedAssessment } from '../../src/data/seed-assessment';

describe('numbers stay exact and finite (issue 14, defects 12 and 13)', () => {
  it('rejects a local count that would push totals past the exact-integer limit', () => {
    const local = DEFAULT_CATALOGUE.issues.find((i) => i.source === 'local')!;
    const r = readLocalCounts(`issue,month,count\n${local.label},2023-01,9007199254740991\n${local.label},2023-02,41\n`, 'c.csv', DEFAULT_CATALOGUE, 1);
    if (!r.ok) throw new Error('refused');
    expect(r.counts.map((c) => c.count)).toEqual([41]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 2, column: 'count', reason: expect.stringMatching(/too large.*at most 1,000,000/) })]);
  });

  it('refuses a weight of 1e308 in a stored assessment or project, and from the weight box', () => {
    const a = seedAssessment('w', 1);
    const bad = { ...a, draftWeights: { community_priority: 1e308 } };
    const r = Assessment.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('a weight is at most 1000');
    expect(() => setDraftWeight(a, 'community_priority', 1e308)).toThrow('a weight must be a number from 0 to 1000, not 1e+308');
  });
});
