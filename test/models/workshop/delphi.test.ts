import { describe, expect, it } from 'vitest';
import { cellAgreement } from '../../../models/workshop/agreement';
import { applyRound2, delphiSheet, readDelphiSheet } from '../../../models/workshop/delphi';
import { readScoringSheet } from '../../../models/workshop/sheet';
import { seedAssessment } from '../risk-matrix/fixtures';

const a = seedAssessment();
const ids = a.model.criteria.map((c) => c.id);
const [i0, i1] = a.issues;
const crit = a.model.criteria[0]!;
const c1 = a.model.criteria[1]!;

/** Three scorers agree on everything (3) except issue 0 × first criterion, where Fire says 5 and the others 1 and 2 (range 4: flagged). */
const sheet = (scorer: string, x: number) =>
  [`scorer,issue,${ids.join(',')}`, `${scorer},${i0!.label},${ids.map((_, k) => (k === 0 ? x : 3)).join(',')}`, `${scorer},${i1!.label},${ids.map(() => 3).join(',')}`].join('\n');
const sheets = [sheet('Police', 1), sheet('Council', 2), sheet('Fire', 5)].flatMap((t, k) => readScoringSheet(`s${k}.csv`, t, a.model, a.issues).sheets);
const issueIds = [i0!.id, i1!.id];

describe('Delphi second round', () => {
  const cells = cellAgreement(a.model, issueIds, sheets);

  it('exports only the flagged cells, with the group median and each scorer’s round 1 score', () => {
    expect(cells.filter((c) => c.flagged).length).toBe(1);
    const lines = delphiSheet(a.issues, cells, sheets).trim().split('\r\n');
    expect(lines).toEqual(['scorer,issue,criterion,group median,round 1,round 2', `Police,${i0!.label},${crit.id},2,1,`, `Council,${i0!.label},${crit.id},2,2,`, `Fire,${i0!.label},${crit.id},2,5,`]);
  });

  it('round 2 replaces round 1 for the revised cells and the agreement is recomputed (hand-worked)', () => {
    // Fire moves 5 → 3 and Police 1 → 2; Council leaves round 2 blank (keeps 2). Round 2 scores 2, 2, 3: median 2, range 1, no longer flagged.
    const text = ['scorer,issue,criterion,group median,round 1,round 2', `Police,${i0!.label},${crit.id},2,1,2`, `Council,${i0!.label},${crit.id},2,2,`, `Fire,${i0!.label},${crit.id},2,5,3`].join(
      '\n',
    );
    const r = readDelphiSheet('r2.csv', text, a.model, a.issues, cells, sheets);
    expect(r.problems).toEqual([]);
    expect(r.revisions).toEqual([
      { scorer: 'Police', issueId: i0!.id, criterionId: crit.id, value: 2 },
      { scorer: 'Fire', issueId: i0!.id, criterionId: crit.id, value: 3 },
    ]);
    const after = cellAgreement(a.model, issueIds, applyRound2(sheets, r.revisions));
    const cell = after.find((c) => c.issueId === i0!.id && c.criterionId === crit.id)!;
    expect(cell).toMatchObject({ scores: [2, 2, 3], median: 2, range: 1, flagged: false });
    expect(after.filter((c) => c.flagged)).toEqual([]);
    // Round 1 is untouched.
    expect(sheets[2]!.scores.get(i0!.id)!.get(crit.id)).toBe(5);
  });

  it('refuses cells that were not flagged, unknown scorers and out-of-range scores, by file, line and column', () => {
    const text = ['scorer,issue,criterion,round 2', `Police,${i0!.label},${c1.id},4`, `Health,${i0!.label},${crit.id},2`, `Fire,${i0!.label},${crit.id},99`].join('\n');
    const r = readDelphiSheet('r2.csv', text, a.model, a.issues, cells, sheets);
    expect(r.revisions).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'criterion'],
      [3, 'scorer'],
      [4, 'round 2'],
    ]);
    expect(r.problems[0]!.reason).toContain('was not flagged');
  });
});
