import { unzipSync } from 'fflate';

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

/**
 * Expands zip archives (a police.uk download is a zip of month folders) into
 * their CSV and GeoJSON entries; other files pass through.
 */
export async function expandArchives(files: readonly SourceFile[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const f of files) {
    if (!isZip(f.name)) {
      out.push(f);
      continue;
    }
    const bytes = new Uint8Array(await new Response(f.stream()).arrayBuffer());
    const entries = unzipSync(bytes, { filter: (e) => /\.(csv|geojson|json)(\.gz)?$/i.test(e.name) && !e.name.startsWith('__MACOSX/') });
    for (const [name, data] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
      out.push(sourceFromBytes(`${f.name}/${name}`, data));
    }
  }
  return out;
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

/**
 * The file's text in chunks, gunzipping when the bytes start with the gzip
 * signature, and reporting raw bytes read as it goes. A file of ordinary size
 * is read and decoded at once (one native decode is far cheaper than hundreds
 * of small stream chunks) and handed out in 1 MiB slices; a very large file
 * is streamed so it never has to fit in memory as one string.
 */
export async function* readText(file: SourceFile, onBytes: (n: number) => void, wholeFileLimit = WHOLE_FILE_LIMIT): AsyncGenerator<string> {
  if (file.size <= wholeFileLimit) {
    const bytes = new Uint8Array(file.arrayBuffer !== undefined ? await file.arrayBuffer() : await new Response(file.stream()).arrayBuffer());
    const text = isGzip(bytes)
      ? await new Response(new Blob([bytes]).stream().pipeThrough(pair<Uint8Array>(new DecompressionStream('gzip')))).text()
      : new TextDecoder().decode(bytes);
    let reported = 0;
    for (let i = 0; i < text.length; i += SLICE) {
      const end = Math.min(text.length, i + SLICE);
      const upTo = Math.round((bytes.byteLength * end) / text.length);
      onBytes(upTo - reported);
      reported = upTo;
      yield text.slice(i, end);
    }
    if (reported < bytes.byteLength) onBytes(bytes.byteLength - reported);
    return;
  }
  yield* streamText(file, onBytes);
}

async function* streamText(file: SourceFile, onBytes: (n: number) => void): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const head = await reader.read();
  if (head.done) return;
  const gzip = isGzip(head.value);
  let first: Uint8Array | undefined = head.value;
  const raw = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first !== undefined ? { done: false as const, value: first } : await reader.read();
      first = undefined;
      if (next.done) return controller.close();
      onBytes(next.value.byteLength);
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const bytes = gzip ? raw.pipeThrough(pair<Uint8Array>(new DecompressionStream('gzip'))) : raw;
  const text = bytes.pipeThrough(pair<string>(new TextDecoderStream()));
  const r = text.getReader();
  try {
    for (;;) {
      const { done, value } = await r.read();
      if (done) return;
      yield value;
    }
  } finally {
    r.releaseLock();
  }
}

/** DOM's byte transforms accept any BufferSource; narrow them for pipeThrough. */
function pair<T>(t: { readable: ReadableStream<T>; writable: WritableStream<BufferSource> }): ReadableWritablePair<T, Uint8Array> {
  return t as unknown as ReadableWritablePair<T, Uint8Array>;
}
