import { describe, expect, it } from 'vitest';
import { Assessment } from '../../../models/risk-matrix/assessment';
import { agreement, cellAgreement, consensusAssessment } from '../../../models/workshop/agreement';
import { readScoringSheet, scoringSheet } from '../../../models/workshop/sheet';
import { seedAssessment } from '../risk-matrix/fixtures';

const a = seedAssessment();
const ids = a.model.criteria.map((c) => c.id);
const [i0, i1] = a.issues;

/** A sheet scoring the first two issues: every criterion `x` for issue 0 and `y` for issue 1. */
const sheet = (scorer: string, x: number, y: number) =>
  [`scorer,issue,${ids.join(',')}`, `${scorer},${i0!.label},${ids.map(() => x).join(',')}`, `${scorer},${i1!.label},${ids.map(() => y).join(',')}`].join('\n');

describe('readScoringSheet', () => {
  it('reads back a sheet it wrote, pre-filled', () => {
    const r = readScoringSheet('police.csv', scoringSheet(a.model, a.issues, 'Police', a.scores), a.model, a.issues);
    expect(r.problems).toEqual([]);
    expect(r.sheets[0]!.scores.size).toBe(a.issues.length);
    expect(r.sheets[0]!.scores.get(i0!.id)!.get('likelihood')).toBe(a.scores[i0!.id]!['likelihood']!.value);
  });

  it('reports a renamed issue and an out-of-range score by file, line and column, and leaves those rows out', () => {
    const text = [
      `scorer,issue,${ids.join(',')}`,
      `Fire,Not an issue,${ids.map(() => 3).join(',')}`,
      `Fire,${i1!.label},${ids.map((_, k) => (k === 8 ? 7 : 3)).join(',')}`,
      `Fire,${i0!.label},${ids.map(() => 2).join(',')}`,
    ].join('\n');
    const r = readScoringSheet('fire.csv', text, a.model, a.issues);
    expect(r.problems).toEqual([
      { file: 'fire.csv', line: 2, column: 'issue', reason: 'no issue called “Not an issue” in the assessment' },
      { file: 'fire.csv', line: 3, column: 'likelihood', reason: expect.stringMatching(/^“7” /) },
    ]);
    expect([...r.sheets[0]!.scores.keys()]).toEqual([i0!.id]);
  });

  it('rejects a header naming an unknown criterion', () => {
    const r = readScoringSheet('x.csv', 'scorer,issue,colour\nA,B,1', a.model, a.issues);
    expect(r.sheets).toEqual([]);
    expect(r.problems[0]).toMatchObject({ file: 'x.csv', line: 1, column: 'colour' });
  });
});

describe('consensus of three constructed sheets', () => {
  const sheets = [sheet('Police', 1, 5), sheet('Council', 3, 4), sheet('Fire', 4, 0)].map((t, k) => readScoringSheet(`s${k}.csv`, t, a.model, a.issues).sheets[0]!);

  it('takes the exact median of each cell, flags a spread of 2 or more, and records who scored what', () => {
    const cells = cellAgreement(a.model, [i0!.id, i1!.id], sheets);
    // Issue 0: 1, 3, 4 → median 3, range 3 (flagged). Issue 1: 5, 4, 0 → median 4, range 5 (flagged).
    expect(cells.filter((c) => c.issueId === i0!.id).every((c) => c.median === 3 && c.range === 3 && c.flagged)).toBe(true);
    expect(cells.filter((c) => c.issueId === i1!.id).every((c) => c.median === 4 && c.range === 5)).toBe(true);
    const b = consensusAssessment({ ...a, issues: [i0!, i1!] }, sheets, 'median', { id: 'c', name: 'Consensus', now: 1 });
    expect(() => Assessment.parse(b)).not.toThrow();
    expect(b.scores[i0!.id]!['likelihood']).toEqual({ value: 3, rationale: 'Consensus (median) of Police 1, Council 3, Fire 4' });
    expect(b.scores[i1!.id]!['cost_impact']!.value).toBe(4);
    // Mean: issue 0 (1 + 3 + 4)/3 = 2.67 → 3, said in the rationale.
    const m = consensusAssessment({ ...a, issues: [i0!, i1!] }, sheets, 'mean', { id: 'm', name: 'Mean', now: 1 });
    expect(m.scores[i0!.id]!['likelihood']!.rationale).toBe('Consensus (mean) (2.67 rounded to 3) of Police 1, Council 3, Fire 4');
  });

  it('measures agreement over the issues every scorer ranked', () => {
    const r = agreement(a, sheets);
    expect(r.issueIds).toEqual([i0!.id, i1!.id]);
    // Two issues: Police and Council put issue 1 first, Fire issue 0: rank sums 5 and 4; S = 0.5; W = 12·0.5/(9·6) = 1/9.
    expect(r.overall.w).toBeCloseTo(1 / 9, 14);
  });
});
