import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { ImportApi } from './import.worker';
import type { CrimeApi } from './crime.worker';
import type { DataApi } from './data-api';
import type { EvidenceApi } from './evidence-api';
import type { SensitivityApi } from './sensitivity.worker';
import type { NeedApi } from './need-api';
import type { HotspotsApi } from './hotspots-api';
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
  /**
   * Stops the crime worker if it is answering nothing (it starts again on the
   * next call), and says whether it did: an import about to begin calls this,
   * so the worker's caches of rows (out of date once the import commits) give
   * their memory back at once rather than after a collection that an idle
   * worker may not run.
   */
  stopCrimeIfIdle(): boolean;
}

/**
 * A comlink proxy whose worker starts on first use (the first method read
 * from it), not when the app opens: a user who only looks at the Data page
 * never pays for the Sensitivity or Community need engines. Reading `then`
 * does not start it, so the proxy can pass through promises and contexts.
 * The service worker precaches every worker script, so a worker first
 * started offline still loads.
 */
export function lazyRemote<T>(start: () => Worker, options: { idleMs?: number } = {}): Remote<T> {
  return lazyWorker<T>(start, options).remote;
}

/** {@link lazyRemote}, with a way to stop the worker now (the next call starts it again). */
function lazyWorker<T>(start: () => Worker, options: { idleMs?: number } = {}): { remote: Remote<T>; stop(): void } {
  let remote: Remote<T> | undefined;
  let worker: Worker | undefined;
  let pending = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    if (remote === undefined) {
      worker = start();
      remote = wrap<T>(worker);
    }
    return remote as Record<PropertyKey, unknown>;
  };
  // With idleMs, a worker that has answered every call and had none for idleMs is stopped (its memory goes
  // back to the system: an import's parsed months can be a gigabyte); the next call starts a fresh one.
  const stop = () => {
    (remote as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy]?.();
    worker?.terminate();
    remote = undefined;
    worker = undefined;
  };
  const settled = () => {
    if (--pending > 0 || options.idleMs === undefined) return;
    timer = setTimeout(stop, options.idleMs);
  };
  const proxied = new Proxy({} as Remote<T>, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      if (options.idleMs === undefined) return open()[prop];
      return (...args: unknown[]) => {
        clearTimeout(timer);
        pending++;
        const call = (open()[prop] as (...a: unknown[]) => Promise<unknown>)(...args);
        call.then(settled, settled);
        return call;
      };
    },
  });
  return { remote: proxied, stop };
}

/** The crime engine's calls in flight: how many a page waits on, and the background ones (asked again on a new worker). */
interface EngineCalls {
  n: number;
  background: Set<{ again(): void }>;
}

/**
 * One part of the crime engine's API (Data, Evidence, Need, Hot spots), as a
 * proxy that starts the shared crime worker only when a method is first
 * called, and counts the calls in flight (`calls`), so the worker is stopped
 * only between them. A background call (`background`: the repeated-ID check,
 * which may run for a minute) does not keep the worker: when it is stopped,
 * the call is asked again of the new one, and its caller sees one answer.
 */
function enginePart<K extends keyof CrimeApi>(crime: Remote<CrimeApi>, key: K, calls: EngineCalls, background: readonly string[] = []): Remote<CrimeApi[K]> {
  return new Proxy({} as Remote<CrimeApi[K]>, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      return (...args: unknown[]) => {
        const send = () => (crime[key] as unknown as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>)[prop]!(...args);
        if (background.includes(String(prop))) {
          return new Promise((resolve, reject) => {
            let sent = 0;
            const entry = {
              again() {
                const mine = ++sent;
                // A stopped worker never answers; only the latest sending settles the call.
                const settle = (f: (v: unknown) => void) => (v: unknown) => {
                  if (mine !== sent) return;
                  calls.background.delete(entry);
                  f(v);
                };
                send().then(settle(resolve), settle(reject));
              },
            };
            calls.background.add(entry);
            entry.again();
          });
        }
        calls.n++;
        const call = send();
        const settled = () => void calls.n--;
        call.then(settled, settled);
        return call;
      };
    },
  });
}

/** How long the import and files workers stay after their last call. */
const IDLE_MS = 2000;

/** The only place the app starts workers; each starts when first used. One crime worker serves the data, evidence, need and hot-spot APIs. */
export function startWorkers(): Workers {
  const crime = lazyWorker<CrimeApi>(() => new Worker(new URL('./crime.worker.ts', import.meta.url), { type: 'module', name: 'crime' }));
  const calls: EngineCalls = { n: 0, background: new Set() };
  return {
    // The import and files workers hold a whole import or project while they work, and nothing after: stopped when idle.
    importer: lazyRemote<ImportApi>(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }), { idleMs: IDLE_MS }),
    data: enginePart(crime.remote, 'data', calls, ['repeatedIds']),
    evidence: enginePart(crime.remote, 'evidence', calls),
    sensitivity: lazyRemote<SensitivityApi>(() => new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'sensitivity' })),
    need: enginePart(crime.remote, 'need', calls),
    hotspots: enginePart(crime.remote, 'hotspots', calls),
    files: lazyRemote<FilesApi>(() => new Worker(new URL('./files.worker.ts', import.meta.url), { type: 'module', name: 'files' }), { idleMs: IDLE_MS }),
    stopCrimeIfIdle: () => {
      if (calls.n > 0) return false;
      crime.stop();
      for (const call of [...calls.background]) call.again();
      return true;
    },
  };
}

/** The sensitivity worker alone (SMAA, stability, what-ifs): for pages and harnesses that need nothing else. */
export function startSensitivityWorker(): Remote<SensitivityApi> {
  return wrap<SensitivityApi>(new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'sensitivity' }));
}

export { proxy };
export type { Remote };
