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
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      note: 'Not UTF-8 text: read as Windows-1252 (Western European, as Excel saves “CSV” on Windows), so accented letters such as é come through. Check names with accents.',
    };
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
