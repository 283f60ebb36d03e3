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
      { line: 4, reason: 'a quoted field is never closed' },
    ]);
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
    expect(formatCsv([['a', 1], ['"q"', null]])).toBe('a,1\r\n"""q""",\r\n');
  });
});
