import { proxy, type Remote } from 'comlink';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ImportApi, SampleFile } from '../../workers/import.worker';
import type { ImportProgress, Shrink } from '../engines/import/importer';
import type { ImportReport } from '../data/schema';

export interface JobState {
  /** What is running, in words ("Loading the Luton sample"), or null when idle. */
  running: string | null;
  progress: ImportProgress | null;
  /** The report of the most recent import, including from earlier visits. */
  lastReport: ImportReport | null;
  error: string | null;
}

/**
 * Runs imports in the store worker one at a time and keeps their progress and
 * outcome for any view that wants them. Views subscribe with {@link JobsController}.
 * Fires `change` when what runs, the last report or the error changes, and
 * `progress` on every progress tick (only the progress bar listens to those,
 * so the page does not redraw its tables while a worker is busy).
 */
export class ImportJobs extends EventTarget {
  state: JobState = { running: null, progress: null, lastReport: null, error: null };

  /** `beforeRun` is called as each import starts (the app stops the crime worker if it is idle: see Workers.stopCrimeIfIdle). */
  constructor(
    private readonly worker: Remote<ImportApi>,
    private readonly beforeRun: () => void = () => {},
  ) {
    super();
  }

  /** Shows the report of an import from an earlier visit. */
  restore(report: ImportReport | null): void {
    if (this.state.lastReport === null) this.set({ lastReport: report });
  }

  /** Undoes a step of the data store; when it was the last import, its report says so. */
  async undo(id: string): Promise<void> {
    await this.worker.undo(id);
    const last = this.state.lastReport;
    if (last?.undoId === id) this.set({ lastReport: { ...last, undoneAt: Date.now() } });
  }

  /** `confirmShrink` is asked before a month is replaced by a copy with less than half its rows. */
  importFiles(files: File[], confirmShrink?: (shrinks: Shrink[]) => Promise<boolean>): Promise<ImportReport | null> {
    return this.run(`Importing ${files.length} ${files.length === 1 ? 'file' : 'files'}`, (onProgress) =>
      this.worker.importFiles(files, onProgress, confirmShrink === undefined ? undefined : proxy(confirmShrink)),
    );
  }

  loadSample(files: SampleFile[], label: string): Promise<ImportReport | null> {
    return this.run('Loading the Luton sample data', (onProgress) => this.worker.loadSample(files, label, onProgress));
  }

  /** Asks the running import to stop; it then ends as cancelled, storing nothing. */
  async cancel(): Promise<void> {
    await this.worker.cancel();
  }

  private async run(what: string, job: (onProgress: (p: ImportProgress) => void) => Promise<ImportReport>): Promise<ImportReport | null> {
    if (this.state.running !== null) throw new Error(`${this.state.running} is still running`);
    this.set({ running: what, progress: null, error: null });
    this.beforeRun();
    // Marks let a profile (or scripts/bench.mjs) time the import as the user sees it.
    performance.mark('import:start');
    try {
      const report = await job(proxy((p: ImportProgress) => this.set({ progress: p }, 'progress')));
      performance.mark('import:end');
      performance.measure('import', 'import:start', 'import:end');
      this.set({ running: null, progress: null, lastReport: report });
      return report;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.set({ running: null, progress: null, error: /cancelled/.test(message) ? 'The import was cancelled; nothing from it was stored.' : `The import failed: ${message}` });
      return null;
    }
  }

  private set(patch: Partial<JobState>, event: 'change' | 'progress' = 'change'): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event(event));
  }
}

/** Re-renders a Lit host whenever the jobs' state changes (and on progress ticks, when asked). */
export class JobsController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly jobs: () => ImportJobs | undefined,
    private readonly options: { progress?: boolean } = {},
  ) {
    host.addController(this);
  }
  private readonly onChange = () => this.host.requestUpdate();
  private subscribed: ImportJobs | undefined;
  hostConnected(): void {
    this.subscribe();
  }
  hostUpdate(): void {
    this.subscribe();
  }
  hostDisconnected(): void {
    this.listen(this.subscribed, false);
    this.subscribed = undefined;
  }
  get state(): JobState | undefined {
    return this.jobs()?.state;
  }
  private subscribe(): void {
    const jobs = this.jobs();
    if (jobs === this.subscribed) return;
    this.listen(this.subscribed, false);
    this.listen(jobs, true);
    this.subscribed = jobs;
  }
  private listen(jobs: ImportJobs | undefined, on: boolean): void {
    const events = this.options.progress === true ? ['change', 'progress'] : ['change'];
    for (const e of events) (on ? jobs?.addEventListener : jobs?.removeEventListener)?.call(jobs, e, this.onChange);
  }
}
