import { proxy, wrap, type Remote } from 'comlink';
import type { ImportApi } from './import.worker';
import type { DataApi } from './data.worker';
import type { NeedApi } from './need.worker';

/**
 * The only place the app starts workers. Each is created once, at start-up, so
 * that its script is loaded while the network is there.
 */
export function startWorkers(): { importer: Remote<ImportApi>; data: Remote<DataApi>; need: Remote<NeedApi> } {
  return {
    importer: wrap<ImportApi>(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })),
    data: wrap<DataApi>(new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'data' })),
    need: wrap<NeedApi>(new Worker(new URL('./need.worker.ts', import.meta.url), { type: 'module', name: 'need' })),
  };
}

export { proxy };
export type { Remote };
