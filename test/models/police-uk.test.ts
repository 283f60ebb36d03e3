import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchStreetHeader } from '../../models/police-uk/street-row';
import { createStreetFileParser, type StreetFileResult } from '../../models/police-uk/street-file';
import { decode, decodeIds } from '../../models/police-uk/crime-batch';
import { HEADER, streetCsv, streetRow } from '../fixtures/police-uk';

function parse(text: string, chunk = Infinity): StreetFileResult {
  const p = createStreetFileParser();
  for (let i = 0; i < text.length; i += Math.min(chunk, text.length)) p.push(text.slice(i, i + chunk));
  return p.end();
}
function ok(r: StreetFileResult) {
  if (!r.ok) throw new Error(`expected a parsed file, got ${r.reason}`);
  return r;
}

describe('matchStreetHeader', () => {
  it('accepts the published header in any order and case', () => {
    const shuffled = HEADER.split(',')
      .reverse()
      .map((h) => h.toUpperCase());
    const m = matchStreetHeader(shuffled);
    expect(m.ok).toBe(true);
  });
  it('names the missing columns', () => {
    const m = matchStreetHeader(['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Outcome type']);
    expect(m).toEqual({ ok: false, missing: ['Crime type', 'Last outcome category', 'Context'] });
  });
});

describe('createStreetFileParser', () => {
  it('reads a good file into one batch per force-month', () => {
    const r = ok(parse(streetCsv([streetRow(), streetRow({ Month: '2023-02', 'Crime type': 'Robbery' }), streetRow({ 'Crime ID': '', 'Crime type': 'Anti-social behaviour' })])));
    expect(r.accepted).toBe(3);
    expect(r.rejected).toBe(0);
    expect(r.batches.map((b) => [b.force, b.month, b.batch.n])).toEqual([
      ['Bedfordshire Police', '2023-01', 2],
      ['Bedfordshire Police', '2023-02', 1],
    ]);
    const jan = r.batches[0]!.batch;
    expect(decode(jan.crimeType)).toEqual(['Burglary', 'Anti-social behaviour']);
    expect(decodeIds(jan.crimeId)).toEqual(['a1b2c3', '']);
    expect([...jan.line]).toEqual([2, 4]);
    expect(jan.longitude[0]).toBeCloseTo(-0.41334);
    expect(r.batches[0]!.ladCounts).toEqual({ Luton: 2 });
  });

  it('packs 64-digit hex crime IDs and keeps any other ID text exactly', () => {
    const hex = '8040547e251ee0927e6f8333f99a50d4f43bf4b4d6d29b033542bff24cd060e0';
    const r = ok(parse(streetCsv([streetRow({ 'Crime ID': hex }), streetRow({ 'Crime ID': '' }), streetRow({ 'Crime ID': hex.toUpperCase() }), streetRow({ 'Crime ID': 'x'.repeat(64) })])));
    const ids = r.batches[0]!.batch.crimeId;
    expect(decodeIds(ids)).toEqual([hex, '', hex.toUpperCase(), 'x'.repeat(64)]);
    expect([...ids.kind]).toEqual([1, 0, 2, 2]);
    expect(ids.bytes.length).toBe(4 * 32);
  });

  it('keeps quoted fields with commas', () => {
    const r = ok(parse(streetCsv([streetRow({ Location: 'On or near High Street, North' })])));
    expect(decode(r.batches[0]!.batch.location)).toEqual(['On or near High Street, North']);
  });

  it('handles a BOM and CRLF line endings, split anywhere', () => {
    const text = '\uFEFF' + streetCsv([streetRow(), streetRow({ Month: '2023-13' })]).replace(/\n/g, '\r\n');
    for (const chunk of [1, 5, 64, Infinity]) {
      const r = ok(parse(text, chunk));
      expect(r.accepted, `chunk ${chunk}`).toBe(1);
      expect(r.problems, `chunk ${chunk}`).toEqual([{ line: 3, column: 'Month', reason: 'month must be YYYY-MM, found "2023-13"', value: '2023-13' }]);
    }
  });

  it('says an empty file is empty', () => {
    expect(parse('')).toEqual({ ok: false, reason: 'empty' });
    expect(parse('\n\n')).toEqual({ ok: false, reason: 'empty' });
  });

  it('treats a header with no rows as a file with nothing in it', () => {
    const r = ok(parse(`${HEADER}\n`));
    expect([r.accepted, r.rejected, r.batches.length]).toEqual([0, 0, 0]);
  });

  it('refuses a file with the wrong columns, naming what is missing', () => {
    const r = parse('Type,Date,Part of a policing operation\nPerson search,2023-01-01,False\n');
    expect(r).toMatchObject({ ok: false, reason: 'wrong-columns' });
    if (!r.ok && r.reason === 'wrong-columns') expect(r.missing).toContain('Crime type');
  });

  it('rejects bad months with file line, column and reason', () => {
    const r = ok(parse(streetCsv([streetRow({ Month: 'Jan-23' }), streetRow({ Month: '' }), streetRow()])));
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [2, 'Month', 'month must be YYYY-MM, found "Jan-23"'],
      [3, 'Month', 'month must be YYYY-MM, found ""'],
    ]);
    expect(r.rejectedWithoutMonth).toBe(2);
    expect(r.accepted).toBe(1);
  });

  it('rejects bad coordinates but keeps rows with no location', () => {
    const r = ok(
      parse(
        streetCsv([
          streetRow({ Longitude: 'abc' }),
          streetRow({ Latitude: '95.1' }),
          streetRow({ Longitude: '', Latitude: '51.9' }),
          streetRow({ Longitude: '', Latitude: '', Location: 'No location', 'LSOA code': '', 'LSOA name': '' }),
        ]),
      ),
    );
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [2, 'Longitude', 'longitude must be a decimal number of degrees, found "abc"'],
      [3, 'Latitude', 'latitude 95.1 is outside the United Kingdom (49.8 to 61)'],
      [4, 'Longitude', 'longitude is empty but the other coordinate is given'],
    ]);
    expect(r.accepted).toBe(1);
    expect(r.batches[0]!.ladCounts).toEqual({ '': 1 });
    expect(Number.isNaN(r.batches[0]!.batch.longitude[0])).toBe(true);
    expect(r.batches[0]!.rejected).toBe(3);
  });

  it('rejects rows with the wrong number of fields and bad LSOA codes', () => {
    const r = ok(parse(`${HEADER}\n1,2023-01,x\n${streetCsv([streetRow({ 'LSOA code': 'Luton' })]).split('\n')[1]}\n`));
    expect(r.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [2, '(whole row)', 'expected 12 fields, found 3'],
      [3, 'LSOA code', 'LSOA code must look like E01012345, found "Luton"'],
    ]);
    // The short row still says its month, so it counts against January.
    expect(r.batches).toEqual([expect.objectContaining({ month: '2023-01', rejected: 2 })]);
  });

  it('counts rows per authority from the LSOA name', () => {
    const r = ok(
      parse(streetCsv([streetRow(), streetRow({ 'LSOA code': 'E01017541', 'LSOA name': 'Bedford 001B' }), streetRow({ 'LSOA code': 'E01033412', 'LSOA name': 'Central Bedfordshire 012A' })])),
    );
    expect(r.batches[0]!.ladCounts).toEqual({ Luton: 1, Bedford: 1, 'Central Bedfordshire': 1 });
  });
});

describe('a stray quote in a police.uk file (issue 14, defect 3)', () => {
  const parse = (text: string, chunk = 4096) => {
    const p = createStreetFileParser();
    for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
    return p.end();
  };

  it('costs the row it is on: 39 of 40 rows stored, the line named', () => {
    const rows = Array.from({ length: 40 }, (_, i) => streetRow({ 'Crime ID': `id${i}` }).join(','));
    rows[4] = rows[4]!.replace('On or near Park Street', '"On or near Park Street');
    const r = parse([HEADER, ...rows].join('\n') + '\n', 97);
    if (!r.ok) throw new Error('refused');
    expect([r.accepted, r.rejected]).toEqual([39, 1]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 6, column: '(whole row)', reason: expect.stringMatching(/^a quote opened on line 6 /) })]);
  });

  it('in the real December 2023 file: every other row still stored', () => {
    const text = readFileSync(new URL('../../../shared/data/police-uk/bedfordshire/2023-12-bedfordshire-street.csv', import.meta.url), 'utf8');
    const clean = parse(text);
    const lines = text.split('\n');
    lines[5] = lines[5]!.replace(',On or near ', ',"On or near ');
    const broken = parse(lines.join('\n'));
    if (!clean.ok || !broken.ok) throw new Error('refused');
    expect(broken.accepted).toBe(clean.accepted - 1);
    expect(broken.problems.map((p) => p.line)).toEqual([6, ...clean.problems.map((p) => p.line)].sort((a, b) => a - b));
  });
});
