import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, NotUtf8Error, streamDecoder } from '../../../models/encoding';
import { readText, sourceFromBytes } from '../../../src/engines/import/source-file';

async function collect(bytes: Uint8Array, limit: number) {
  let counted = 0;
  let text = '';
  for await (const chunk of readText(sourceFromBytes('f', bytes), (n) => (counted += n), { wholeFileLimit: limit })) text += chunk;
  return { text, counted };
}

describe('readText', () => {
  const text = '\uFEFFCrime ID,Month\n' + 'é,2023-01\n'.repeat(150_000);
  const plain = new TextEncoder().encode(text);
  const gz = gzipSync(plain);

  it('reads a whole file at once or as a stream, plain or gzipped, with the same text and every byte counted', async () => {
    for (const [bytes, label] of [
      [plain, 'plain'],
      [gz, 'gzip'],
    ] as const) {
      for (const limit of [Infinity, 0]) {
        const got = await collect(bytes, limit);
        expect(got.text, `${label}, limit ${limit}`).toBe(text.slice(1)); // the decoder drops the byte-order mark
        expect(got.counted, `${label}, limit ${limit}`).toBe(bytes.byteLength);
      }
    }
  });
});

describe('readText on a streamed file that is not UTF-8 (issue 14, defect 14)', () => {
  // Windows-1252, built byte by byte: "Café" is 43 61 66 E9; "€" is 0x80 and "’" 0x92 in Windows-1252 (not Latin-1 controls).
  const line = (i: number) => `${i},Café Street,€5 ’n’ more,Bedfordshire Police\n`;
  const text = `Crime ID,Location,Note,Reported by\n${Array.from({ length: 40_000 }, (_, i) => line(i)).join('')}`;
  const cp1252 = Uint8Array.from(text, (ch) => (ch === '€' ? 0x80 : ch === '’' ? 0x92 : ch.charCodeAt(0)));

  it('is read as Windows-1252, the same text as a whole-file read, and says so', async () => {
    expect(cp1252.byteLength).toBeGreaterThan(1 << 20);
    const notes: string[] = [];
    let streamed = '';
    for await (const chunk of readText(sourceFromBytes('f.csv', cp1252), () => undefined, { wholeFileLimit: 0, onNote: (n) => notes.push(n) })) streamed += chunk;
    // Compared as booleans: a failing diff of two 2 MB strings takes half a minute to print.
    expect(streamed === text).toBe(true);
    expect(notes).toEqual([expect.stringMatching(/^Not UTF-8 text: read as Windows-1252/)]);
  });

  it('decodes in any chunking as decodeText decodes the whole', () => {
    const files: [string, Uint8Array][] = [
      ['Windows-1252', cp1252.subarray(0, 4000)],
      ['UTF-8', new TextEncoder().encode(text.slice(0, 4000))],
      ['UTF-8 with a byte-order mark', new TextEncoder().encode(`\ufeff${text.slice(0, 4000)}`)],
      ['ASCII', new TextEncoder().encode('a,b\n1,2\n')],
      ['UTF-16 (LE, BOM)', Uint8Array.from([0xff, 0xfe, 0x43, 0, 0xe9, 0, 0x0a, 0])],
      ['empty', new Uint8Array(0)],
    ];
    for (const [label, bytes] of files) {
      // Node's own TextDecoder('windows-1252') reads 0x80-0x9f as Latin-1 control characters when not streaming (so
      // decodeText in Node gives U+0080 for €; browsers give €): the Windows-1252 file is checked against its known text.
      const whole = label === 'Windows-1252' ? { text: text.slice(0, 4000), encoding: 'windows-1252' } : decodeText(bytes);
      // Sizes that split characters and the first non-ASCII byte every way (é is 2 bytes in UTF-8, € 3).
      for (const size of [1, 2, 3, 5, 36, 37, 38, 64, 4096]) {
        const d = streamDecoder();
        let got = '';
        for (let i = 0; i < bytes.byteLength; i += size) got += d.decode(bytes.subarray(i, i + size), false);
        got += d.decode(new Uint8Array(0), true);
        expect(got, `${label} in ${size}-byte chunks`).toBe(whole.text);
        if (bytes.byteLength > 0) expect(d.encoding(), `${label} in ${size}-byte chunks`).toBe(whole.encoding);
      }
    }
  });

  it('refuses a file that reads as UTF-8 at first and has bytes later that are not', async () => {
    // The Windows-1252 bytes come after the first 256 KiB slice, which reads as UTF-8.
    const mixed = new Uint8Array([...new TextEncoder().encode(`Crime ID,Location\n1,Café\n${'2,x\n'.repeat(100_000)}`), ...cp1252.subarray(0, 200)]);
    const d = streamDecoder();
    expect(() => {
      for (let i = 0; i < mixed.byteLength; i += 1000) d.decode(mixed.subarray(i, i + 1000), false);
    }).toThrow(NotUtf8Error);
    await expect(collect(mixed, 0)).rejects.toThrow(/is not UTF-8 text throughout .* “CSV UTF-8”/);
  });
});
