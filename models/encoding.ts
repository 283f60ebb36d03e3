/**
 * Text from a file's bytes, whatever encoding a spreadsheet saved it in:
 * UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark
 * (Excel's "Unicode text"), or Windows-1252 (Excel's plain "CSV" on Windows;
 * also covers Latin-1), recognised by not being valid UTF-8. `note` says in
 * words when the file was not UTF-8, so the user knows how it was read.
 *
 * @example decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9])) // { text: 'Café', encoding: 'windows-1252', note: '…' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName; note?: string } {
  const encoding = sniffEncoding(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return { text: new TextDecoder(encoding).decode(bytes), encoding, note: `Read as UTF-16 text (${encoding === 'utf-16le' ? 'little' : 'big'}-endian, as Excel's “Unicode text” saves it).` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', note: WINDOWS_1252_NOTE };
  }
}

/** What the file's outcome says when a file was read as Windows-1252. */
export const WINDOWS_1252_NOTE = 'Not UTF-8 text: read as Windows-1252 (Western European, as Excel saves “CSV” on Windows), so accented letters such as é come through. Check names with accents.';

/**
 * Decodes a stream of bytes as {@link decodeText} decodes them whole, chunk by
 * chunk, for files too large to hold at once. Text is ASCII-only until its
 * first byte over 0x7f, and ASCII reads the same in every encoding here, so the
 * choice waits until then: the bytes from there up to the last ASCII byte in
 * hand (whole characters in any encoding) are tried as UTF-8; if they are not
 * UTF-8, the whole file is read as Windows-1252, exactly as decodeText would.
 * A file that reads as UTF-8 at first and has bytes later that are not is
 * refused (`decode` throws a {@link NotUtf8Error}): what was read before cannot
 * be read again.
 *
 * @example const d = streamDecoder(); d.decode(new Uint8Array([0x43, 0x61, 0x66]), false) + d.decode(new Uint8Array([0xe9]), true) // 'Café'; d.encoding() // 'windows-1252'
 */
export function streamDecoder(): { decode(chunk: Uint8Array, final: boolean): string; encoding(): TextEncodingName | undefined } {
  let chosen: TextEncodingName | undefined;
  let decoder: TextDecoder | undefined;
  let carry = new Uint8Array(0);
  const use = (enc: TextEncodingName) => {
    chosen = enc;
    decoder = new TextDecoder(enc, enc === 'windows-1252' ? {} : { fatal: true });
  };
  const run = (bytes: Uint8Array, final: boolean) => {
    try {
      return decoder!.decode(bytes, { stream: !final });
    } catch {
      throw new NotUtf8Error();
    }
  };
  return {
    encoding: () => chosen,
    decode(chunk, final) {
      if (decoder !== undefined) return run(chunk, final);
      let bytes = chunk;
      if (carry.byteLength > 0) {
        bytes = new Uint8Array(carry.byteLength + chunk.byteLength);
        bytes.set(carry);
        bytes.set(chunk, carry.byteLength);
        carry = new Uint8Array(0);
      }
      const bom = sniffEncoding(bytes);
      if (bom !== 'utf-8') {
        use(bom);
        return run(bytes, final);
      }
      let high = 0;
      while (high < bytes.byteLength && bytes[high]! < 0x80) high++;
      if (high === bytes.byteLength && !final) return ascii(bytes);
      let end = bytes.byteLength;
      if (!final) while (end > high && bytes[end - 1]! >= 0x80) end--;
      if (end === high && !final) {
        // Only the start of a character is in hand: wait for the rest.
        carry = bytes.slice(high);
        return ascii(bytes.subarray(0, high));
      }
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(high, end));
        use('utf-8');
      } catch {
        use('windows-1252');
      }
      return run(bytes, final);
    },
  };
}

const ascii = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** Bytes that are not UTF-8 after text that was read as UTF-8. */
export class NotUtf8Error extends Error {
  constructor() {
    super('the text is not UTF-8 throughout');
    this.name = 'NotUtf8Error';
  }
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark names, or utf-8. */
export function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Crime-type text as police.uk writes it: Unicode NFKC (fullwidth letters and
 * no-break spaces become ordinary ones), zero-width characters removed, spaces
 * collapsed and trimmed. "Burglary" typed with a zero-width space or in
 * fullwidth letters is then the same type as "Burglary".
 *
 * @example normaliseLabel('Ｂｕｒｇｌａｒｙ\u200b ') // 'Burglary'
 */
export function normaliseLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
