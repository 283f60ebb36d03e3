import type { Remote } from 'comlink';
import type { Workers } from '../../workers/client';
import type { SensitivityApi } from '../../workers/sensitivity.worker';

/**
 * What scripts driving the built app may reach: `npm run bench:smaa` times SMAA
 * inside the app's own sensitivity worker through it. Nothing is shown and no
 * data is exposed that the page does not already hold.
 */
export interface ScriptHooks {
  sensitivity: Remote<SensitivityApi>;
}

declare global {
  interface Window {
    cspScriptHooks?: ScriptHooks;
  }
}

/** @example exposeForScripts(startWorkers()) // window.cspScriptHooks.sensitivity.smaa(…) */
export function exposeForScripts(workers: Workers): void {
  window.cspScriptHooks = { sensitivity: workers.sensitivity };
}
