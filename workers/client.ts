import { proxy, wrap, type Remote } from 'comlink';
import type { ImportApi } from './import.worker';
import type { DataApi } from './data.worker';
import type { EvidenceApi } from './evidence.worker';
import type { SensitivityApi } from './sensitivity.worker';
import type { NeedApi } from './need.worker';
import type { HotspotsApi } from './hotspots.worker';

/** The app's workers, each behind its comlink proxy. */
export interface Workers {
  importer: Remote<ImportApi>;
  data: Remote<DataApi>;
  evidence: Remote<EvidenceApi>;
  sensitivity: Remote<SensitivityApi>;
  need: Remote<NeedApi>;
  hotspots: Remote<HotspotsApi>;
}

/**
 * The only place the app starts workers. Each is created once, at start-up, so
 * that its script is loaded while the network is there.
 */
export function startWorkers(): Workers {
  return {
    importer: wrap<ImportApi>(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })),
    data: wrap<DataApi>(new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'data' })),
    evidence: wrap<EvidenceApi>(new Worker(new URL('./evidence.worker.ts', import.meta.url), { type: 'module', name: 'evidence' })),
    sensitivity: startSensitivityWorker(),
    need: wrap<NeedApi>(new Worker(new URL('./need.worker.ts', import.meta.url), { type: 'module', name: 'need' })),
    hotspots: wrap<HotspotsApi>(new Worker(new URL('./hotspots.worker.ts', import.meta.url), { type: 'module', name: 'hotspots' })),
  };
}

/** The sensitivity worker alone (SMAA, stability, what-ifs): for pages and harnesses that need nothing else. */
export function startSensitivityWorker(): Remote<SensitivityApi> {
  return wrap<SensitivityApi>(new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'sensitivity' }));
}

export { proxy };
export type { Remote };
