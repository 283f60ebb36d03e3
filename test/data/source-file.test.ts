import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readText, sourceFromBytes } from '../../src/data/source-file';

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
