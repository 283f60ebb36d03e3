import { Gunzip } from 'fflate';
import { decodeText, NotUtf8Error, sniffEncoding, streamDecoder, WINDOWS_1252_NOTE } from '../../../models/encoding';
import { ARCHIVE_LIMITS, breather, gunzip, ReadCancelled, ReadError, unzip, type ArchiveLimits } from './archive';

/**
 * Anything the importer can read: a browser File, a fetched sample file, a
 * zip entry, or a Node buffer in tests.
 */
export interface SourceFile {
  readonly name: string;
  /** Size in bytes as stored (compressed size for .gz). */
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
  /** All the bytes at once, when the source can give them cheaply (a File can). */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export function sourceFromBytes(name: string, bytes: Uint8Array): SourceFile {
  return {
    name,
    size: bytes.byteLength,
    arrayBuffer: async () => bytes.slice().buffer,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          // Hand the bytes over in 256 KiB slices so progress moves through large files.
          for (let i = 0; i < bytes.byteLength; i += 1 << 18) controller.enqueue(bytes.subarray(i, i + (1 << 18)));
          controller.close();
        },
      }),
  };
}

export function sourceFromText(name: string, text: string): SourceFile {
  return sourceFromBytes(name, new TextEncoder().encode(text));
}

const isZip = (name: string) => /\.zip$/i.test(name);

/** A file that could not be imported (a damaged archive, an entry left out), said by name. */
export interface SkippedFile {
  name: string;
  size: number;
  status: 'refused' | 'empty' | 'failed';
  message: string;
}

/**
 * Expands zip archives (a police.uk download is a zip of month folders) into
 * their CSV and GeoJSON entries; other files pass through. A damaged, empty
 * or oversized archive, and each entry left out (another archive inside,
 * another kind of file), is named in `skipped`; the other files go on.
 */
export async function expandArchives(files: readonly SourceFile[], opts: { limits?: ArchiveLimits; cancelled?: () => boolean } = {}): Promise<{ files: SourceFile[]; skipped: SkippedFile[] }> {
  const out: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const f of files) {
    if (!isZip(f.name)) {
      out.push(f);
      continue;
    }
    try {
      const bytes = new Uint8Array(f.arrayBuffer !== undefined ? await f.arrayBuffer() : await new Response(f.stream()).arrayBuffer());
      const zip = await unzip(f.name, bytes, opts);
      for (const e of zip.entries) out.push(sourceFromBytes(`${f.name}/${e.name}`, e.bytes));
      for (const e of zip.skipped) skipped.push({ name: `${f.name}/${e.name}`, size: 0, status: 'refused', message: `Left out: ${e.reason}.` });
      if (zip.entries.length === 0) skipped.push({ name: f.name, size: f.size, status: 'empty', message: 'Holds no CSV or GeoJSON file to import (see the entries left out).' });
    } catch (e) {
      if (e instanceof ReadCancelled) throw e;
      skipped.push({ name: f.name, size: f.size, status: 'failed', message: e instanceof ReadError ? `${e.message}.` : `Could not be opened: ${(e as Error).message}.` });
    }
  }
  return { files: out, skipped };
}

/**
 * Starts reading a file's bytes now, so that the read (done off this thread by
 * the browser) overlaps with parsing the file before it. Large files are left
 * to stream.
 */
export function prefetch(file: SourceFile): SourceFile {
  if (file.size > WHOLE_FILE_LIMIT || file.arrayBuffer === undefined) return file;
  const bytes = file.arrayBuffer();
  bytes.catch(() => undefined); // a failure is reported when the bytes are used
  return { name: file.name, size: file.size, stream: () => file.stream(), arrayBuffer: () => bytes };
}

/** Files up to this size are read and decoded in one go; larger ones are streamed. */
export const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;
/** Text is handed to parsers in slices of this many characters, so progress keeps moving. */
const SLICE = 1 << 20;

const isGzip = (b: Uint8Array) => b.byteLength >= 2 && b[0] === 0x1f && b[1] === 0x8b;

export interface ReadOptions {
  /** Files up to this size are read whole; larger ones are streamed. */
  wholeFileLimit?: number;
  /** Polled often, also inside decompression; when true, reading stops with {@link ReadCancelled}. */
  cancelled?: () => boolean;
  /** Told how the text was read when it was not plain UTF-8 (for the file's outcome). */
  onNote?: (note: string) => void;
  limits?: ArchiveLimits;
}

/**
 * The file's text in chunks, gunzipping when the bytes start with the gzip
 * signature (capped, in slices, with cancel checked inside), and reporting raw
 * bytes read as it goes. A file of ordinary size is read and decoded at once
 * (UTF-8, UTF-16 with a byte-order mark, or Windows-1252 when it is not valid
 * UTF-8: see decodeText) and handed out in 1 MiB slices; a very large file is
 * streamed so it never has to fit in memory as one string.
 */
export async function* readText(file: SourceFile, onBytes: (n: number) => void, options: ReadOptions = {}): AsyncGenerator<string> {
  const breathe = breather(options.cancelled);
  if (file.size <= (options.wholeFileLimit ?? WHOLE_FILE_LIMIT)) {
    const bytes = new Uint8Array(file.arrayBuffer !== undefined ? await file.arrayBuffer() : await new Response(file.stream()).arrayBuffer());
    let raw: Uint8Array = bytes;
    if (isGzip(bytes)) raw = await gunzip(file.name, bytes, { limit: (options.limits ?? ARCHIVE_LIMITS).entryBytes, ...(options.cancelled ? { cancelled: options.cancelled } : {}) });
    else if (/\.gz$/i.test(file.name) && looksBinary(bytes)) throw new ReadError(`${file.name} is named .gz but is neither gzip data nor text`);
    const decoded = decodeText(raw);
    if (decoded.note !== undefined) options.onNote?.(decoded.note);
    const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
    let reported = 0;
    for (let i = 0; i < text.length; i += SLICE) {
      const end = Math.min(text.length, i + SLICE);
      const upTo = Math.round((bytes.byteLength * end) / text.length);
      onBytes(upTo - reported);
      reported = upTo;
      yield text.slice(i, end);
      await breathe();
    }
    if (reported < bytes.byteLength) onBytes(bytes.byteLength - reported);
    return;
  }
  yield* streamText(file, onBytes, options, breathe);
}

/** NUL bytes near the start: not text in any encoding a CSV uses (UTF-16 has a byte-order mark). */
function looksBinary(bytes: Uint8Array): boolean {
  if (sniffEncoding(bytes) !== 'utf-8') return false;
  return bytes.subarray(0, 4096).includes(0);
}

async function* streamText(file: SourceFile, onBytes: (n: number) => void, options: ReadOptions, breathe: () => Promise<void>): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const limit = (options.limits ?? ARCHIVE_LIMITS).entryBytes;
  let gz: Gunzip | undefined;
  const decoder = streamDecoder();
  let out: string[] = [];
  let expanded = 0;
  let ended = false;
  const decode = (chunk: Uint8Array, final: boolean) => {
    const before = decoder.encoding();
    let text: string;
    try {
      text = decoder.decode(chunk, final);
    } catch (e) {
      if (!(e instanceof NotUtf8Error)) throw e;
      throw new ReadError(`${file.name} is not UTF-8 text throughout (it starts as UTF-8, then has bytes that are not); save it from the spreadsheet as “CSV UTF-8” and import it again`);
    }
    const now = decoder.encoding();
    if (before === undefined && (now === 'utf-16le' || now === 'utf-16be')) options.onNote?.(`Read as UTF-16 text (${now === 'utf-16le' ? 'little' : 'big'}-endian).`);
    if (before === undefined && now === 'windows-1252') options.onNote?.(WINDOWS_1252_NOTE);
    if (text !== '') out.push(text);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes(value.byteLength);
      if (gz === undefined && expanded === 0 && isGzip(value)) {
        gz = new Gunzip((chunk, final) => {
          expanded += chunk.byteLength;
          if (expanded > limit) throw new ReadError(`${file.name} expands to more than ${Math.round(limit / 2 ** 20)} MB, far more than any police.uk file: it is not read`);
          decode(chunk, false);
          if (final) ended = true;
        });
      }
      if (gz !== undefined) {
        for (let i = 0; i < value.byteLength; i += 1 << 14) {
          gz.push(value.subarray(i, i + (1 << 14)));
          await breathe();
        }
      } else {
        expanded += value.byteLength;
        decode(value, false);
      }
      for (const t of out) yield t;
      out = [];
      await breathe();
    }
    if (gz !== undefined) {
      try {
        gz.push(new Uint8Array(0), true);
      } catch (e) {
        if (e instanceof ReadError) throw e;
      }
      if (!ended) throw new ReadError(`${file.name} is cut short: the compressed data ends early (was the download finished?)`);
    }
    decode(new Uint8Array(0), true);
    for (const t of out) yield t;
  } finally {
    reader.releaseLock();
  }
}
