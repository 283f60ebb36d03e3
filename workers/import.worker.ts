/// <reference lib="webworker" />
/**
 * The store's writer: imports, sample loading, deletes and undo all run here,
 * off the page's thread.
 */
import { expose } from 'comlink';
import { z } from 'zod';
import { openDataStore } from '../src/data/idb-store';
import { importFiles, type ImportProgress, type Shrink } from '../src/engines/import/importer';
import type { SourceFile } from '../src/engines/import/source-file';
import type { ImportReport, UndoSummary } from '../src/data/schema';

/** A sample file to fetch from the app's own origin. */
export const SampleFile = z.object({ name: z.string(), url: z.string(), bytes: z.number().int().nonnegative() });
export type SampleFile = z.infer<typeof SampleFile>;

const store = openDataStore();
let cancelled = false;

function fetched(f: SampleFile): SourceFile {
  return {
    name: f.name,
    size: f.bytes,
    async arrayBuffer() {
      const r = await fetch(f.url);
      if (!r.ok) throw new Error(`${f.name}: HTTP ${r.status}`);
      return r.arrayBuffer();
    },
    stream() {
      const body = new TransformStream<Uint8Array, Uint8Array>();
      fetch(f.url)
        .then((r) => {
          if (!r.ok || r.body === null) throw new Error(`${f.name}: HTTP ${r.status}`);
          return r.body.pipeTo(body.writable);
        })
        .catch((e: unknown) => body.writable.abort(e));
      return body.readable;
    },
  };
}

const api = {
  /** Imports files the user picked or dropped. */
  async importFiles(files: File[], onProgress: (p: ImportProgress) => void, confirmShrink?: (shrinks: Shrink[]) => Promise<boolean>): Promise<ImportReport> {
    cancelled = false;
    const options = { source: 'import' as const, onProgress, cancelled: () => cancelled };
    return importFiles(await store, z.array(z.instanceof(File)).parse(files), confirmShrink === undefined ? options : { ...options, confirmShrink });
  },
  /** Loads the embedded sample (first visit, or on request after it was deleted). */
  async loadSample(files: SampleFile[], label: string, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
    cancelled = false;
    const list = z.array(SampleFile).parse(files).map(fetched);
    return importFiles(await store, list, { source: 'sample', datasetLabel: label, onProgress, cancelled: () => cancelled });
  },
  /** Deletes a dataset and everything it loaded (undoable). Runs here so large deletes never block the page. */
  async deleteDataset(id: string): Promise<UndoSummary> {
    return (await store).deleteDataset(z.string().parse(id));
  },
  /** Undoes the step with this id (an import, a replacement or a delete). */
  async undo(id: string): Promise<void> {
    return (await store).undo(z.string().parse(id));
  },
  /** Stops the running import; nothing from it is stored. */
  cancel(): void {
    cancelled = true;
  },
};
export type ImportApi = typeof api;
expose(api);
