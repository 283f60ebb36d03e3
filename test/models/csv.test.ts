import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, csvCell, formatCsv, parseCsv } from '../../models/csv';

describe('parseCsv', () => {
  it('splits plain records and numbers lines from 1', () => {
    expect(parseCsv('a,b\n1,2\n').records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const { records } = parseCsv('id,loc\n1,"On or near Park Street, Luton"\n2,"say ""hi"""\n3,"two\nlines"\n4,x');
    const rows = records.slice(1);
    expect(rows.map((r) => r.fields[1])).toEqual(['On or near Park Street, Luton', 'say "hi"', 'two\nlines', 'x']);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('strips a byte-order mark and accepts CRLF and lone CR', () => {
    const { records } = parseCsv('\uFEFFa,b\r\n1,2\r3,4\r\n');
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
    ]);
  });

  it('skips blank lines but still counts them', () => {
    expect(parseCsv('a\n\n\nb\n').records).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['b'], line: 4 },
    ]);
  });

  it('keeps a trailing empty field', () => {
    expect(parseCsv('a,b,\n').records[0]!.fields).toEqual(['a', 'b', '']);
    expect(parseCsv('a,b,').records[0]!.fields).toEqual(['a', 'b', '']);
  });

  it('reports an unterminated quote and text after a closing quote', () => {
    const { records, malformed } = parseCsv('a,b\n1,"x"y\n2,ok\n3,"never closed\n');
    expect(records.map((r) => r.fields[0])).toEqual(['a', '2']);
    expect(malformed).toEqual([
      { line: 2, reason: 'unexpected text after the closing quote of field 2' },
      { line: 4, reason: 'a quote opened on line 4 is never closed; this line is skipped and reading goes on from the next' },
    ]);
  });

  // Defect 3 of issue 14: one stray quote used to swallow the rest of the file as one malformed record.
  it('loses only the line a stray quote opened on, and reads on from the next line', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},"place ${i + 1}",x`);
    rows[4] = '5,"On or near Park Street,x';
    // A second stray quote later in the file closes nothing either.
    rows[30] = '31,"Bad" tail,x';
    const text = ['id,location,z', ...rows].join('\n') + '\n';
    const whole = parseCsv(text);
    expect(whole.records.map((r) => r.fields[0]).slice(1)).toEqual(rows.map((_, i) => String(i + 1)).filter((id) => id !== '5' && id !== '31'));
    expect(whole.malformed.map((m) => m.line)).toEqual([6, 32]);
    expect(whole.malformed[0]!.reason).toMatch(/^a quote opened on line 6 does not close a field .*; this line is skipped and reading goes on from the next$/);
    for (const size of [1, 3, 17, 100]) {
      const got: string[] = [];
      const bad: number[] = [];
      const t = createCsvTokenizer({ record: (f) => got.push(f[0]!), malformed: (line) => bad.push(line) });
      for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size));
      t.end();
      expect(got).toEqual(whole.records.map((r) => r.fields[0]));
      expect(bad).toEqual(whole.malformed.map((m) => m.line));
    }
  });

  it('keeps a quoted field over several lines within the limit, and refuses one past it', () => {
    const ok = parseCsv('a,b\n1,"two\nlines"\n2,z\n');
    expect(ok.records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'two\nlines'],
      ['2', 'z'],
    ]);
    const rows: string[] = [];
    createCsvTokenizer({ record: (f) => rows.push(f.join('|')), malformed: () => rows.push('bad') }, { maxFieldLines: 0 }).push('1,"two\nlines"\n2,z\n');
    expect(rows).toEqual(['bad', 'lines"', '2|z']);
  });

  it('skips a line longer than the limit without holding it all', () => {
    const bad: string[] = [];
    const got: string[] = [];
    const t = createCsvTokenizer({ record: (f) => got.push(f[0]!), malformed: (line, reason) => bad.push(`${line}: ${reason}`) }, { maxRecordChars: 1000 });
    t.push('a,b\n');
    for (let i = 0; i < 50; i++) t.push('0'.repeat(100));
    t.push('\nnext,1\n');
    t.end();
    expect(got).toEqual(['a', 'next']);
    expect(bad).toEqual(['2: the line is longer than 1,000 characters; it is skipped']);
  });

  it('gives the same records however the text is split into chunks', () => {
    const text = '\uFEFFh1,h2\r\n"a,1","b\r\nc"\r\nplain,"q""q"\r\n\r\nlast,row';
    const whole = parseCsv(text).records;
    for (let size = 1; size <= 7; size++) {
      const got: { fields: string[]; line: number }[] = [];
      const t = createCsvTokenizer({ record: (fields, line) => got.push({ fields: fields.slice(), line }) });
      for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size));
      t.end();
      expect(got, `chunk size ${size}`).toEqual(whole);
    }
  });
});

describe('csvCell', () => {
  it('quotes when needed and neutralises spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(
      formatCsv([
        ['a', 1],
        ['"q"', null],
      ]),
    ).toBe('a,1\r\n"""q""",\r\n');
  });
});
