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
}

export function sourceFromBytes(name: string, bytes: Uint8Array): SourceFile {
  return {
    name,
    size: bytes.byteLength,
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
 * The file's text in decoded chunks, gunzipping when the bytes start with the
 * gzip signature, and reporting raw bytes read as it goes.
 */
export async function* readText(file: SourceFile, onBytes: (n: number) => void): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const head = await reader.read();
  if (head.done) return;
  const gzip = head.value.byteLength >= 2 && head.value[0] === 0x1f && head.value[1] === 0x8b;
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
