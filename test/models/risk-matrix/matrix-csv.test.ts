import { describe, expect, it } from 'vitest';
import { formatMatrixCsv, readMatrixCsv } from '../../../models/risk-matrix/matrix-csv';
import { rank } from '../../../models/risk-matrix/score';
import { SEED_CSV, SEED_ROWS, seedTemplate } from './fixtures';

const model = seedTemplate();
const header = SEED_CSV.split('\n')[0]!.trim();
const ok = (text: string) => {
  const r = readMatrixCsv(text, model);
  if (!r.ok) throw new Error(`unexpected problems: ${JSON.stringify(r.problems)}`);
  return r;
};
const problems = (text: string) => {
  const r = readMatrixCsv(text, model);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems;
};

describe('readMatrixCsv', () => {
  it('reads the 2014 Central Bedfordshire matrix unchanged and reproduces its 32 totals and published order', () => {
    const r = ok(SEED_CSV);
    expect(r.issues).toHaveLength(32);
    expect(r.mismatches).toEqual([]);
    expect(r.notes).toEqual([]);
    const ranked = rank(model, r.issues, r.scores);
    expect(ranked.map((x) => [x.label, x.total])).toEqual(SEED_ROWS.map((row) => [row[0], Number(row.at(-1))]));
    expect(ranked[0]).toMatchObject({ label: 'Domestic Abuse', total: 33, rankLabel: '1' });
    expect(ranked.filter((x) => x.total === 32).map((x) => x.rankLabel)).toEqual(['=2', '=2']);
    expect(ranked.filter((x) => x.total === 31).map((x) => x.rankLabel)).toEqual(['=4', '=4']);
    expect(ranked.filter((x) => x.total === 29).map((x) => [x.label, x.rankLabel])).toEqual([
      ['ASB (Environmental)', '=7'],
      ['Most Serious Violence', '=7'],
      ['Hate Crime', '=7'],
    ]);
    expect(ranked.at(-1)).toMatchObject({ label: 'Street Drinking', total: 12, rankLabel: '32' });
  });

  it('gives issues ids made from their names', () => {
    expect(ok(SEED_CSV).issues.slice(0, 3)).toEqual([
      { id: 'domestic-abuse', label: 'Domestic Abuse' },
      { id: 'asb-personal', label: 'ASB (Personal)' },
      { id: 'terrorism', label: 'Terrorism' },
    ]);
  });

  it('accepts criterion labels as headings, CRLF, a byte-order mark and quoted names', () => {
    const text = '\uFEFFIssue,Likelihood,Community priority\r\n"Burglary, dwelling",3,4\r\n';
    const r = ok(text);
    expect(r.issues).toEqual([{ id: 'burglary-dwelling', label: 'Burglary, dwelling' }]);
    expect(r.scores['burglary-dwelling']).toMatchObject({ likelihood: { value: 3 }, community_priority: { value: 4 } });
    expect(r.notes[0]).toMatch(/^No column for “Performance issue – deteriorating”, .*: left unscored\.$/);
  });

  it('reports a total that disagrees with the scores, by row, and still imports', () => {
    const text = SEED_CSV.replace('Terrorism,0,5,1,5,5,5,5,5,1,32', 'Terrorism,0,5,1,5,5,5,5,5,1,30');
    const r = ok(text);
    expect(r.mismatches).toEqual([{ line: 4, issue: 'Terrorism', inFile: 30, computed: 32 }]);
  });

  it('refuses a value outside the scale, naming line and column', () => {
    const text = SEED_CSV.replace('Hate Crime,3,5,2,3,3,5,2,3,3,29', 'Hate Crime,3,5,2,3,3,5,2,3,7,29');
    expect(problems(text)).toEqual([{ line: 10, column: 'likelihood', reason: '“7” must be a whole number from 0 to 5', value: '7' }]);
  });

  it('refuses text and fractions where a score should be', () => {
    const p = problems(`${header}\nA,x,0,0,0,0,0,0,0,0,0\nB,0,2.5,0,0,0,0,0,0,0,0\n`);
    expect(p.map((x) => [x.line, x.column, x.reason])).toEqual([
      [2, 'performance_deteriorating', '“x” is not a number (Performance issue – deteriorating is scored 0 to 5)'],
      [3, 'poc_national_priority', '“2.5” must be a whole number from 0 to 5'],
    ]);
  });

  it('refuses unknown columns by name, and reads no rows under a wrong header', () => {
    const p = problems('issue,likelihood,severity,total\nA,1,2,3\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 1, column: 'severity' });
    expect(p[0]!.reason).toMatch(
      /^unknown column “severity”: it is not a criterion of “Central Bedfordshire 2014-15 risk matrix.*” \(expected issue, performance_deteriorating, .*, likelihood, total\)$/,
    );
  });

  it('refuses a first column that is not the issue', () => {
    expect(problems('name,likelihood\nA,1\n')[0]).toMatchObject({ line: 1, column: 'name', reason: 'the first column must be headed “issue”, found “name”' });
  });

  it('refuses short rows, unnamed and repeated issues, bad totals and bad confidence', () => {
    const p = problems(['issue,likelihood,total,likelihood.confidence', 'A,1,1,High', 'B,2', ',3,3,', 'a,1,1,', 'C,1,many,', 'D,1,1,sure'].join('\n'));
    expect(p.map((x) => [x.line, x.column, x.reason])).toEqual([
      [3, '(whole row)', 'expected 4 fields, found 2'],
      [4, 'issue', 'the issue has no name'],
      [5, 'issue', '“a” appears twice (first on line 2)'],
      [6, 'total', 'the total “many” is not a number'],
      [7, 'likelihood.confidence', 'confidence must be High, Medium or Low, found “sure”'],
    ]);
  });

  it('refuses an empty file and a header with no issues', () => {
    expect(problems('')[0]!.reason).toBe('the file is empty');
    expect(problems(`${header}\n`)[0]!.reason).toBe('the file has a header but no issues');
  });

  it('reports an unclosed quote on the line it starts', () => {
    expect(problems(`${header}\n"Domestic Abuse,3,5,1,3,5,5,1,5,5,33\n`)[0]).toMatchObject({
      line: 2,
      column: '(whole row)',
      reason: 'a quote opened on line 2 is never closed; this line is skipped and reading goes on from the next',
    });
  });

  it('treats blank cells as not yet scored', () => {
    const r = ok('issue,likelihood,community_priority\nA,,2\n');
    expect(r.scores['a']).toEqual({ likelihood: { value: null }, community_priority: { value: 2 } });
    expect(r.notes).toContain('1 blank cell is left unscored.');
  });
});

describe('formatMatrixCsv', () => {
  it('writes the seed back as the published file (with CRLF line ends)', () => {
    const r = ok(SEED_CSV);
    expect(formatMatrixCsv(model, r.issues, r.scores)).toBe(SEED_CSV.replace(/\r?\n/g, '\r\n'));
  });

  it('round-trips rationales and confidence, and neutralises formulas', () => {
    const r = ok('issue,likelihood\n"=HYPERLINK(""x"")",3\nB,\n');
    const scores = structuredClone(r.scores);
    scores['b']!['likelihood'] = { value: 2, rationale: 'Calls up, "sharply", since May', confidence: 'Low' };
    scores['b']!['cost_impact'] = { value: 1, rationale: '-2% on last year' };
    const text = formatMatrixCsv(model, r.issues, scores);
    expect(text.split('\r\n')[0]).toBe(
      'issue,performance_deteriorating,poc_national_priority,community_priority,harm_to_property,physical_harm_to_victim,psychological_harm_to_victim,generator_of_fear_worry,cost_impact,likelihood,total,cost_impact.rationale,likelihood.rationale,likelihood.confidence',
    );
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const back = ok(text);
    expect(back.scores['b']!['likelihood']).toEqual({ value: 2, rationale: 'Calls up, "sharply", since May', confidence: 'Low' });
    // The apostrophe that kept a spreadsheet from running the text is dropped again on import.
    expect(text).toContain(`'-2% on last year`);
    expect(back.scores['b']!['cost_impact']).toEqual({ value: 1, rationale: '-2% on last year' });
    expect(back.issues.map((i) => i.label)).toEqual(['=HYPERLINK("x")', 'B']);
    expect(back.mismatches).toEqual([]);
  });
});
