import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { mergeLocalCounts, readLocalCounts, type LocalCount } from '../../../models/evidence/local-counts';

const AT = Date.UTC(2024, 0, 15);
const read = (text: string) => readLocalCounts(text, 'local.csv', DEFAULT_CATALOGUE, AT);

describe('readLocalCounts', () => {
  it('reads counts by issue name or id, keeping file and line', () => {
    const r = read('issue,month,count\nDomestic abuse,2023-01,41\nhate-crime,2023-01,"1,203"\n');
    expect(r).toEqual({
      ok: true,
      problems: [],
      counts: [
        { issueId: 'domestic-abuse', month: '2023-01', count: 41, source: { kind: 'file', file: 'local.csv', line: 2, at: AT } },
        { issueId: 'hate-crime', month: '2023-01', count: 1203, source: { kind: 'file', file: 'local.csv', line: 3, at: AT } },
      ],
    });
  });

  it('rejects each bad row by line and column, saying why, and keeps the good ones', () => {
    const r = read(
      [
        'Issue,Month,Count',
        'Domestic abuse,2023-01,41',
        'Knife crime,2023-01,3',
        'Burglary,2023-01,50',
        'Domestic abuse,2023-13,4',
        'Domestic abuse,2023-02,-1',
        'Domestic abuse,2023-03,2.5',
        'Domestic abuse,2023-04,lots',
        'domestic abuse,2023-01,45',
        'Domestic abuse,2023-05',
        'Domestic abuse,2023-06,12',
        'Domestic abuse,2023-07,9007199254740993',
      ].join('\r\n'),
    );
    if (!r.ok) throw new Error('not read');
    expect(r.counts.map((c) => [c.month, c.count, c.source.kind === 'file' && c.source.line])).toEqual([
      ['2023-01', 41, 2],
      ['2023-06', 12, 11],
    ]);
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [3, 'issue', 'no issue called “Knife crime” in the catalogue; add it first or correct the name'],
      [4, 'issue', '“Burglary” is counted from police.uk data; local counts are for issues police.uk does not cover'],
      [5, 'month', 'month must be YYYY-MM, found "2023-13"'],
      [6, 'count', 'count cannot be negative, found -1'],
      [7, 'count', 'count must be a whole number, found 2.5'],
      [8, 'count', 'count must be a whole number, found "lots"'],
      [9, '(whole row)', 'duplicate of line 2 (Domestic abuse, 2023-01): the first is kept and this row is rejected'],
      [10, '(whole row)', 'expected 3 fields, found 2'],
      [12, 'count', 'count is too large to be a month’s incidents (at most 1,000,000), found 9007199254740993'],
    ]);
  });

  it('names the columns a file lacks, and reports an empty file', () => {
    expect(read('issue,period,value\nx,2023-01,1\n')).toMatchObject({ ok: false, reason: 'wrong-columns', missing: ['month', 'count'] });
    expect(read('')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('mergeLocalCounts', () => {
  const c = (month: string, count: number, line = 2): LocalCount => ({ issueId: 'domestic-abuse', month, count, source: { kind: 'file', file: 'a.csv', line, at: AT } });

  it('replaces a count for the same issue-month instead of adding to it', () => {
    const m = mergeLocalCounts([c('2023-01', 41), c('2023-02', 39)], [c('2023-02', 44), c('2023-03', 50)]);
    expect(m.added).toBe(1);
    expect(m.replaced).toEqual([{ issueId: 'domestic-abuse', month: '2023-02', before: 39, after: 44 }]);
    expect(m.counts.map((x) => [x.month, x.count])).toEqual([
      ['2023-01', 41],
      ['2023-02', 44],
      ['2023-03', 50],
    ]);
  });

  it('gives the same counts when the same file is loaded twice', () => {
    const once = mergeLocalCounts([], [c('2023-01', 41), c('2023-02', 39)]);
    const twice = mergeLocalCounts(once.counts, [c('2023-01', 41), c('2023-02', 39)]);
    expect(twice.counts).toEqual(once.counts);
    expect(twice.added).toBe(0);
  });
});
