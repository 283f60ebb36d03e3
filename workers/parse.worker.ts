/// <reference lib="webworker" />
/**
 * A second reader beside the import worker: it parses and validates whole
 * files so that two files are read at once. It never touches the store.
 */
import { expose, transfer } from 'comlink';
import { z } from 'zod';
import { readFile, transferables, type FileRead } from '../src/data/read-file';

let cancelled = false;

const api = {
  async read(file: File, onBytes: (n: number) => void): Promise<FileRead> {
    cancelled = false;
    const read = await readFile(z.instanceof(File).parse(file), (n) => {
      onBytes(n);
      if (cancelled) throw new Error('import cancelled');
    });
    return transfer(read, transferables(read));
  },
  cancel(): void {
    cancelled = true;
  },
};
export type ParseApi = typeof api;
expose(api);
