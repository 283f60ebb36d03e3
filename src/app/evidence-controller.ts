import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { EvidenceConfig } from '../../models/evidence/evidence';
import { proxy } from '../../workers/client';
import type { EvidenceProgress } from '../engines/evidence-source';
import type { EvidenceSetup } from '../data/evidence-store';
import type { Services, WorkbenchState } from './context';

/** Progress is shown once a recompute has taken this long. */
const SLOW_MS = 200;

/**
 * The evidence a page shows: the analyst's set-up read from the evidence
 * store, and every issue's evidence worked out by the evidence worker for the
 * chosen area, again whenever the stored data, the area or the set-up
 * changes. Progress is reported once a recompute is slow.
 *
 * @example
 *   private readonly ev = new EvidenceController(this, () => this.services, () => this.wb);
 *   render() { return this.ev.evidence.render({ complete: (r) => … }) }
 */
export class EvidenceController implements ReactiveController {
  /** Progress of a slow recompute, else null. */
  progress: EvidenceProgress | null = null;
  /** True once a recompute has run longer than {@link SLOW_MS}. */
  slow = false;
  private setupVersion = 0;
  private configFor: { setup: EvidenceSetup; config: EvidenceConfig } | undefined;

  readonly setup: Task<readonly [number], EvidenceSetup>;
  readonly evidence;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly services: () => Services | undefined,
    wb: () => WorkbenchState | undefined,
  ) {
    host.addController(this);
    this.setup = new Task(host, {
      task: async ([v]) => {
        void v;
        const s = this.services();
        if (s === undefined) throw new Error('the workbench is not ready');
        return s.evidenceStore.setup();
      },
      args: () => [this.setupVersion] as const,
    });
    this.evidence = new Task(host, {
      task: async ([version, area, setup]) => {
        void version;
        const s = this.services();
        if (setup === undefined || s === undefined) return undefined;
        const timer = setTimeout(() => this.set({ slow: true }), SLOW_MS);
        try {
          return await s.evidence.evidence(
            { area: area ?? null, config: this.config(setup) },
            proxy((p: EvidenceProgress) => this.set({ progress: p })),
          );
        } finally {
          clearTimeout(timer);
          this.set({ slow: false, progress: null });
        }
      },
      args: () => [wb()?.versions.data, wb()?.area, this.setup.value] as const,
    });
  }

  hostConnected(): void {}

  /** Reads the set-up again (after an editor has saved it). */
  reread(): void {
    this.setupVersion++;
    this.host.requestUpdate();
  }

  /** The set-up's evidence config, the same object while the set-up is (so tasks that take it do not re-run on every render). */
  config(setup: EvidenceSetup): EvidenceConfig {
    if (this.configFor?.setup !== setup) {
      this.configFor = { setup, config: { catalogue: setup.catalogue, localCounts: setup.localCounts, weights: setup.weights, period: setup.period } };
    }
    return this.configFor.config;
  }

  private set(p: Partial<Pick<EvidenceController, 'slow' | 'progress'>>): void {
    Object.assign(this, p);
    this.host.requestUpdate();
  }
}
