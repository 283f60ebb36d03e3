import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { EditError } from '../../models/risk-matrix/edit-error';
import { type AssessmentStore, type AssessmentUndoSummary, type StoredAssessmentSummary } from '../data/assessment-store';
import type { AssessmentEditEvent } from './assessment-edit';
import { APP_DATABASES, listenForChanges } from '../data/changes';
import { atVersion } from './memo';

/**
 * The list, the last undoable step and the open assessment, read again only
 * when the store's version has moved since the last read; every page's
 * controller shares it, so a return to a page costs one small read, not the
 * list's validation of every assessment. (A change committed between the
 * version and the reads is read too, and read again at its own version next time.)
 */
const readAt = atVersion(async (store: AssessmentStore) => {
  const [list, wanted, lastUndo] = await Promise.all([store.list(), store.currentId(), store.lastUndo()]);
  const readable = list.filter((s) => s.problem === undefined);
  const id = readable.some((s) => s.id === wanted) ? wanted : readable[0]?.id;
  const current = id === undefined ? undefined : await store.get(id);
  return { list, lastUndo, current };
});

/** How long after the last live change (a weight being dragged) it is saved. */
const LIVE_SAVE_DELAY_MS = 400;

/**
 * The open assessment for a page: loads it and the list from the store,
 * applies edits at once (so typing and dragging never wait on IndexedDB) and
 * saves them in order behind the scenes, and reloads when another page or
 * tab changes the store.
 *
 * @example
 *   private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
 *   render() { return this.ctl.current === undefined ? … : html`<csp-score-grid .assessment=${this.ctl.current}>` }
 */
export class AssessmentController implements ReactiveController {
  list: StoredAssessmentSummary[] = [];
  current: Assessment | undefined;
  lastUndo: AssessmentUndoSummary | undefined;
  loading = true;
  /** Why the store could not be read or written, for an alert. */
  failure: string | undefined;

  private stopListening: (() => void) | undefined;
  private saving: Promise<unknown> = Promise.resolve();
  private unsaved = 0;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the pending live change was, for its undo step. */
  private liveLabel: string | undefined;
  /** Bumped on every local edit, so a load that started before it does not overwrite it. */
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly store: () => AssessmentStore | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('assessment-edit', this.onEdit);
    this.stopListening = listenForChanges(
      () => {
        if (this.unsaved === 0 && this.liveTimer === undefined) void this.load();
      },
      { assessments: APP_DATABASES.assessments },
    );
    // Context values arrive as the host connects; read the store once they have.
    queueMicrotask(() => void this.load());
  }

  hostDisconnected(): void {
    this.host.removeEventListener('assessment-edit', this.onEdit);
    this.stopListening?.();
    this.flushLive();
  }

  /** Re-reads the list, the open assessment and the last undoable step. */
  async load(): Promise<void> {
    const store = this.store();
    if (store === undefined) return;
    const seq = this.seq;
    try {
      const { list, lastUndo, current } = await readAt(store, await store.version());
      this.list = list;
      this.lastUndo = lastUndo;
      if (seq === this.seq) this.current = current;
      this.failure = undefined;
    } catch (e) {
      this.failure = message(e);
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  /** Opens another assessment (remembered for the next visit). */
  async open(id: string): Promise<void> {
    this.flushLive();
    await this.saving;
    await this.store()?.setCurrentId(id);
    await this.load();
  }

  /** Saves a new assessment and opens it; undoable. */
  async create(a: Assessment, label: string): Promise<void> {
    const store = this.store();
    if (store === undefined) return;
    await this.run(async () => {
      await store.save(a, label);
      await store.setCurrentId(a.id);
    });
  }

  async remove(id: string): Promise<void> {
    const store = this.store();
    if (store === undefined) return;
    await this.run(() => store.delete(id));
  }

  /** {@link undo} as a callback, for the undo bar. */
  readonly undoStep = (id: string): Promise<void> => this.undo(id);

  /**
   * Undoes the step the bar showed, once the changes being saved are stored.
   * If one of them was saved since, the store refuses (only the newest step
   * can be undone) and the bar says so; either way the list and the newest
   * step are read again.
   */
  async undo(id: string): Promise<void> {
    const store = this.store();
    if (store === undefined) return;
    this.flushLive();
    await this.saving;
    this.seq++;
    try {
      await store.undo(id);
    } finally {
      await this.load();
    }
  }

  /** A change is waiting or being saved: the newest step shown is the one before it, so the undo bar waits. */
  get writing(): boolean {
    return this.unsaved > 0 || this.liveTimer !== undefined;
  }

  private async run(step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (e) {
      this.failure = message(e);
    }
    await this.load();
  }

  private readonly onEdit = (e: AssessmentEditEvent) => {
    e.stopPropagation();
    e.handled = true;
    const a = this.current;
    if (a === undefined) {
      e.error = 'no assessment is open';
      return;
    }
    let next: Assessment;
    try {
      next = e.apply(a);
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      e.error = err.message;
      return;
    }
    if (next === a) return;
    this.seq++;
    this.current = next;
    this.host.requestUpdate();
    if (e.mode === 'live') {
      clearTimeout(this.liveTimer);
      this.liveLabel = e.label;
      this.liveTimer = setTimeout(() => this.flushLive(), LIVE_SAVE_DELAY_MS);
    } else {
      // A pending live change is its own step, saved before this one.
      if (this.liveTimer !== undefined) this.persist(a, this.liveLabel, true);
      clearTimeout(this.liveTimer);
      this.liveTimer = undefined;
      this.persist(next, e.label);
    }
  };

  /** Saves a pending live change now. */
  flushLive(): void {
    if (this.liveTimer === undefined) return;
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
    // A drag of a weight is one undoable step, named after its last change ("Weight of Likelihood").
    if (this.current !== undefined) this.persist(this.current, this.liveLabel, true);
  }

  private persist(a: Assessment, undoLabel?: string, whatIf?: boolean): void {
    const store = this.store();
    if (store === undefined) return;
    this.unsaved++;
    this.saving = this.saving
      .then(() => store.save(a, undoLabel, whatIf))
      .then(async () => {
        this.lastUndo = await store.lastUndo();
        this.failure = undefined;
      })
      .catch((err: unknown) => {
        this.failure = `Your last change could not be saved: ${message(err)}`;
      })
      .finally(() => {
        this.unsaved--;
        this.host.requestUpdate();
      });
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
