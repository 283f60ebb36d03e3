import { Gunzip, Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

/**
 * Limits on what an archive may expand to. The largest real police.uk month
 * for a large force is about 25 MB of CSV; an entry ten times that is refused
 * as not a police.uk file (a "zip bomb" of zeros stops here, not in memory).
 */
export const ARCHIVE_LIMITS = { entryBytes: 256 * 1024 * 1024, totalBytes: 1024 * 1024 * 1024 };
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

/** A file or archive entry that cannot be read, with a message naming it and why. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
}

/** Thrown when the user cancels; the importer turns it into "nothing stored". */
export class ReadCancelled extends Error {
  override readonly name = 'ReadCancelled';
}

/** Compressed bytes handed to a decompressor at once: small, so caps and cancel are checked often. */
const SLICE = 16 * 1024;
const MiB = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('en-GB')} MB`;

/**
 * Lets the worker's message loop run (so a Cancel can arrive) every ~30 ms of
 * busy work, and throws {@link ReadCancelled} once it has.
 */
export function breather(cancelled?: () => boolean): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last >= 30) {
      await new Promise((r) => setTimeout(r, 0));
      last = performance.now();
    }
    if (cancelled?.() === true) throw new ReadCancelled('cancelled');
  };
}

/**
 * Gunzips `bytes` in slices, refusing output beyond `limit` bytes and a stream
 * that ends early, each by the file's name.
 *
 * @example const csv = await gunzip('2023-01-street.csv.gz', bytes, { limit: ARCHIVE_LIMITS.entryBytes });
 */
export async function gunzip(name: string, bytes: Uint8Array, opts: { limit?: number; cancelled?: () => boolean } = {}): Promise<Uint8Array> {
  const limit = opts.limit ?? ARCHIVE_LIMITS.entryBytes;
  const breathe = breather(opts.cancelled);
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const g = new Gunzip((chunk, final) => {
    size += chunk.byteLength;
    if (size > limit) throw new ReadError(`${name} expands to more than ${MiB(limit)}, far more than any police.uk file: it is not read`);
    parts.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < bytes.byteLength; i += SLICE) {
      g.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.byteLength);
      await breathe();
    }
  } catch (e) {
    if (e instanceof ReadError || e instanceof ReadCancelled) throw e;
    if (/unexpected EOF/i.test((e as Error).message)) throw new ReadError(`${name} is cut short: the compressed data ends early (was the download finished?)`);
    throw new ReadError(`${name} is not a readable gzip file (${(e as Error).message}): it may be damaged`);
  }
  if (!done) throw new ReadError(`${name} is cut short: the compressed data ends early (was the download finished?)`);
  return concat(parts, size);
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** What a zip held: entries to import, and entries left out or refused, each named. */
export interface ZipContents {
  entries: { name: string; bytes: Uint8Array }[];
  /** Entries not imported: archive inside the archive, other kinds of file, too large. */
  skipped: { name: string; reason: string }[];
}

const WANTED = /\.(csv|geojson|json)(\.gz)?$/i;
const ARCHIVE = /\.(zip|gz|tgz|tar|7z|rar)$/i;

/**
 * Unzips an archive in slices with caps on each entry and the whole, checking
 * cancel as it goes. Throws a {@link ReadError} naming the archive when it is
 * not a zip, is damaged or is cut short.
 */
export async function unzip(name: string, bytes: Uint8Array, opts: { limits?: ArchiveLimits; cancelled?: () => boolean } = {}): Promise<ZipContents> {
  const limits = opts.limits ?? ARCHIVE_LIMITS;
  const breathe = breather(opts.cancelled);
  const out: ZipContents = { entries: [], skipped: [] };
  const open = new Set<string>();
  let total = 0;
  let failure: Error | undefined;
  const unzipper = new Unzip((file) => {
    const entry = file.name;
    if (entry.endsWith('/') || entry.startsWith('__MACOSX/')) return;
    if (!WANTED.test(entry) || (ARCHIVE.test(entry) && !/\.(csv|geojson|json)\.gz$/i.test(entry))) {
      out.skipped.push({
        name: entry,
        reason: ARCHIVE.test(entry) ? 'an archive inside the archive is not opened: extract it and import its files' : 'not a CSV or GeoJSON file',
      });
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    let dropped = false;
    open.add(entry);
    file.ondata = (err, chunk, final) => {
      if (failure !== undefined || dropped) return;
      if (err !== null) {
        failure = new ReadError(`${name}: the entry ${entry} is damaged (${err.message})`);
        return;
      }
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > limits.entryBytes) {
        dropped = true;
        parts.length = 0;
        file.terminate();
        open.delete(entry);
        out.skipped.push({ name: entry, reason: `expands to more than ${MiB(limits.entryBytes)}, far more than any police.uk file` });
        return;
      }
      if (total > limits.totalBytes) {
        failure = new ReadError(`${name} expands to more than ${MiB(limits.totalBytes)} in all: it is not read`);
        return;
      }
      parts.push(chunk);
      if (final) {
        open.delete(entry);
        out.entries.push({ name: entry, bytes: concat(parts, size) });
      }
    };
    try {
      file.start();
    } catch (e) {
      open.delete(entry);
      out.skipped.push({ name: entry, reason: `compressed in a way the workbench cannot read (${(e as Error).message})` });
    }
  });
  unzipper.register(UnzipInflate);
  unzipper.register(UnzipPassThrough);
  try {
    for (let i = 0; i < bytes.byteLength && failure === undefined; i += SLICE) {
      unzipper.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.byteLength);
      await breathe();
    }
    if (bytes.byteLength === 0) unzipper.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ReadCancelled) throw e;
    throw new ReadError(`${name} is not a readable zip file (${(e as Error).message})`);
  }
  if (failure !== undefined) throw failure;
  if (open.size > 0) throw new ReadError(`${name} is cut short: ${[...open].join(', ')} ends early (was the download finished?)`);
  if (out.entries.length === 0 && out.skipped.length === 0) throw new ReadError(`${name} holds no files: it is empty, damaged or not a zip file`);
  out.entries.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}
