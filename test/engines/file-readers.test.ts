import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readProjectFile } from '../../models/project/read';
import { createAssessment } from '../../models/risk-matrix/assessment';
import { issueIdAllocator, issueIdFor } from '../../models/risk-matrix/ids';
import { replaceMatrix } from '../../models/risk-matrix/issue-edit';
import { applyMatrixRead, importMatrixFile } from '../../models/risk-matrix/matrix-import';
import { totals } from '../../models/risk-matrix/score';
import { fileReaders } from '../../src/engines/file-readers';
import { PROJECT_STEPS, type FileProgress } from '../../models/file-progress';
import { SEED_CSV, seedTemplate } from '../models/risk-matrix/fixtures';
import { heavyIssue, heavyMatrixCsv, heavyProjectText, heavyTotal } from '../hostile/heavy';

const model = seedTemplate();
const cols = model.criteria.map((c) => c.id).join(',');
/** Labels whose ids collide: "Issue", "Issue!" and "???" all make "issue"; "issue-2" is also what the second "issue" gets. */
const TRICKY = `issue,${cols},total\nIssue,1,,,,,,,,,1\nIssue!,2,,,,,,,,,3\nissue-2,3,,,,,,,,,3\n???,0,,,,,,,,,\nIssue?,1,,,,,,,,,\n"Issue, 2",5,,,,,,,,,5\nissue 2 2,1,,,,,,,,,\n!!!,1,,,,,,,,,\n`;
const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('fileReaders.readMatrix (what the files worker runs)', () => {
  // The digests are of JSON.stringify of readMatrixCsv's result computed by the code before the reading moved to the
  // worker and the ids became linear (commit d4d4d15, bundled and run in Node): the worker returns the same, field for field.
  it('reads the 2014 seed exactly as the page used to', () => {
    expect(sha(fileReaders.readMatrix(SEED_CSV, model))).toBe('147569e3e6c7491dfd5db8f510c57bdecf6cba4f4562dade307ee7e37f02bdda');
  });

  it('gives colliding names the same ids as before', () => {
    const r = fileReaders.readMatrix(TRICKY, model);
    expect(sha(r)).toBe('94cd492ecf8213d55562e5e0b32644333babb413ec4e213bd5c6d7680f3ef0cf');
    if (!r.ok) throw new Error('expected the file to be read');
    expect(r.issues.map((i) => i.id)).toEqual(['issue', 'issue-2', 'issue-2-2', 'issue-3', 'issue-4', 'issue-2-3', 'issue-2-2-2', 'issue-5']);
    expect(r.mismatches).toEqual([{ line: 3, issue: 'Issue!', inFile: 3, computed: 2 }]);
  });

  it('applied to an assessment, equals importing the file on the page', () => {
    const a = createAssessment(model, { id: 'a', name: 'A', now: 1 });
    const filled = importMatrixFile(a, 'seed.csv', SEED_CSV, 2);
    if (!filled.ok) throw new Error('the seed should import');
    for (const base of [a, filled.assessment]) {
      expect(applyMatrixRead(base, 'tricky.csv', fileReaders.readMatrix(TRICKY, base.model), 3)).toEqual(importMatrixFile(base, 'tricky.csv', TRICKY, 3));
    }
  });

  it('reports progress in characters read, ending at the whole file', () => {
    const text = heavyMatrixCsv(5_000);
    const seen: FileProgress[] = [];
    fileReaders.readMatrix(text, model, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ done: text.length, total: text.length, what: 'reading the rows' });
    expect(seen.every((p, i) => i === 0 || p.done > seen[i - 1]!.done)).toBe(true);
  });

  it('reads a 10,000-issue matrix with the totals the generator wrote (linear: it took 15 s, quadratic ids)', () => {
    const r = fileReaders.readMatrix(heavyMatrixCsv(10_000), model);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.issues).toHaveLength(10_000);
    expect(r.mismatches).toEqual([]);
    const t = totals(model, r.issues, r.scores);
    expect([0, 1, 4_321, 9_999].map((i) => [r.issues[i]!.label, t[i]!.total])).toEqual([0, 1, 4_321, 9_999].map((i) => [heavyIssue(i), heavyTotal(i, 9)]));
  });
});

describe('issueIdAllocator', () => {
  it('gives what issueIdFor gives against every id before it', () => {
    const labels = ['Issue', 'Issue!', 'issue-2', '???', 'Issue?', 'Issue, 2', 'issue 2 2', '!!!', 'ASB', 'asb', 'ASB-2', 'asb 2'];
    const taken = new Set(['issue-3', 'asb-3']);
    const next = issueIdAllocator(new Set(taken));
    const before = new Set(taken);
    for (const label of labels) {
      const id = issueIdFor(label, before);
      before.add(id);
      expect(next(label)).toBe(id);
    }
  });

  it('keeps replaceMatrix linear and its ids as before', () => {
    const a = createAssessment(model, { id: 'a', name: 'A', now: 1 });
    const r = fileReaders.readMatrix(TRICKY, model);
    if (!r.ok) throw new Error('expected the file to be read');
    const once = replaceMatrix(a, r.issues, r.scores);
    // Read again onto itself: every label is kept with its id.
    expect(replaceMatrix(once, r.issues, r.scores).issues).toEqual(once.issues);
  });
});

describe('fileReaders.readProject (what the files worker runs)', () => {
  it('returns what readProjectFile returns, and says when it checks the fields', () => {
    const text = heavyProjectText(20, 12);
    const seen: FileProgress[] = [];
    const r = fileReaders.readProject(text, (p) => seen.push(p));
    expect(r).toEqual(readProjectFile(text));
    expect(r.ok).toBe(true);
    expect(seen).toEqual([
      { done: 0, total: PROJECT_STEPS, what: 'reading the file' },
      { done: 1, total: PROJECT_STEPS, what: 'checking every field' },
    ]);
  });

  it('refuses a bad file with the same words as before', () => {
    expect(fileReaders.readProject('{"format":"csp-workbench-project","version":2}')).toEqual(readProjectFile('{"format":"csp-workbench-project","version":2}'));
    expect(fileReaders.readProject('not json').ok).toBe(false);
  });
});
