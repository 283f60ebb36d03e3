import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rank } from '../../models/risk-matrix/score';
import { SEED_ASSESSMENT_NAME, seedAssessment } from '../../src/data/seed-assessment';
import { SEED_CSV, SEED_ROWS } from '../models/risk-matrix/fixtures';

describe('seedAssessment', () => {
  it('bundles the published matrix unchanged', () => {
    expect(readFileSync(new URL('../../sample-data/reference/central-beds-2014-risk-matrix.csv', import.meta.url), 'utf8')).toBe(SEED_CSV);
  });

  it('imports the seed CSV through the matrix import path and reproduces all 32 published totals in the published order', () => {
    const a = seedAssessment('s', Date.UTC(2026, 10, 22));
    expect(a.name).toBe(SEED_ASSESSMENT_NAME);
    expect(a.lastImport).toEqual({ fileName: 'central-beds-2014-risk-matrix.csv', importedAt: Date.UTC(2026, 10, 22), issues: 32, totalMismatches: 0 });
    const ranked = rank(a.model, a.issues, a.scores, a.draftWeights);
    expect(ranked.map((r) => r.label)).toEqual(SEED_ROWS.map((r) => r[0]));
    expect(ranked.map((r) => r.total)).toEqual(SEED_ROWS.map((r) => Number(r.at(-1))));
    expect(ranked.map((r) => r.rankLabel).join(' ')).toBe('1 =2 =2 =4 =4 6 =7 =7 =7 =10 =10 =12 =12 =14 =14 =14 17 =18 =18 =20 =20 22 23 =24 =24 26 27 28 29 =30 =30 32');
  });
});
