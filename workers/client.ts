import { proxy, wrap, type Remote } from 'comlink';
import type { ImportApi } from './import.worker';
import type { DataApi } from './data.worker';
import type { EvidenceApi } from './evidence.worker';
import type { SensitivityApi } from './sensitivity.worker';
import type { NeedApi } from './need.worker';
import type { HotspotsApi } from './hotspots.worker';
import type { FilesApi } from './files.worker';

/** The app's workers, each behind its comlink proxy. */
export interface Workers {
  importer: Remote<ImportApi>;
  data: Remote<DataApi>;
  evidence: Remote<EvidenceApi>;
  sensitivity: Remote<SensitivityApi>;
  need: Remote<NeedApi>;
  hotspots: Remote<HotspotsApi>;
  files: Remote<FilesApi>;
}

/**
 * A comlink proxy whose worker starts on first use (the first method read
 * from it), not when the app opens: a user who only looks at the Data page
 * never pays for the Sensitivity or Community need engines. Reading `then`
 * does not start it, so the proxy can pass through promises and contexts.
 * The service worker precaches every worker script, so a worker first
 * started offline still loads.
 */
export function lazyRemote<T>(start: () => Worker): Remote<T> {
  let remote: Remote<T> | undefined;
  return new Proxy({} as Remote<T>, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      remote ??= wrap<T>(start());
      return (remote as Record<PropertyKey, unknown>)[prop];
    },
  });
}

/** The only place the app starts workers; each starts when first used. */
export function startWorkers(): Workers {
  return {
    importer: lazyRemote<ImportApi>(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })),
    data: lazyRemote<DataApi>(() => new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'data' })),
    evidence: lazyRemote<EvidenceApi>(() => new Worker(new URL('./evidence.worker.ts', import.meta.url), { type: 'module', name: 'evidence' })),
    sensitivity: lazyRemote<SensitivityApi>(() => new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'sensitivity' })),
    need: lazyRemote<NeedApi>(() => new Worker(new URL('./need.worker.ts', import.meta.url), { type: 'module', name: 'need' })),
    hotspots: lazyRemote<HotspotsApi>(() => new Worker(new URL('./hotspots.worker.ts', import.meta.url), { type: 'module', name: 'hotspots' })),
    files: lazyRemote<FilesApi>(() => new Worker(new URL('./files.worker.ts', import.meta.url), { type: 'module', name: 'files' })),
  };
}

/** The sensitivity worker alone (SMAA, stability, what-ifs): for pages and harnesses that need nothing else. */
export function startSensitivityWorker(): Remote<SensitivityApi> {
  return wrap<SensitivityApi>(new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'sensitivity' }));
}

export { proxy };
export type { Remote };
