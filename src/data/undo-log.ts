/**
 * The undo history every store keeps the same way: an `undo` object store
 * (key path `id`, index `createdAt`) of steps, newest undone first. Used
 * inside the caller's transaction, so a step commits with its change.
 * What a step holds, and how many are kept, is each store's own.
 */

/** What every step has. */
export interface UndoStep {
  id: string;
  createdAt: number;
  label: string;
}

/** The part of an idb `undo` object store the log reads. */
export interface ReadSteps<S extends UndoStep> {
  index(name: 'createdAt'): {
    openCursor(query: null, direction: 'prev'): Promise<{ value: S } | null>;
    getAll(): Promise<S[]>;
  };
}

/** The part of an idb `undo` object store (in a readwrite transaction) the log writes. */
export interface UndoSteps<S extends UndoStep> extends ReadSteps<S> {
  put(value: S): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/** The step undo would take now (the newest), or undefined. */
export async function newestStep<S extends UndoStep>(steps: ReadSteps<S>): Promise<S | undefined> {
  return (await steps.index('createdAt').openCursor(null, 'prev'))?.value;
}

/**
 * Refuses to undo a step that is not the newest. Each step puts back the state
 * just before it, so undoing an older one would also throw away every change
 * saved after it (a change saved between the undo bar showing its step and
 * the click). Call it in the undo's transaction, before anything changes.
 */
export async function checkNewest<S extends UndoStep>(steps: ReadSteps<S>, id: string): Promise<void> {
  const newest = await newestStep(steps);
  if (newest !== undefined && newest.id !== id) throw new Error(`a newer change (“${newest.label}”) was saved since; only the most recent change can be undone, and Undo now offers that one`);
}

/**
 * Stores a step after the newest (two steps in the same millisecond still
 * need an order, so its time moves on by one if needed), then deletes the
 * steps `keep` refuses, asking newest first (`index` 0 is the step just
 * stored, kept whatever the answer); returns the deleted steps, for what they held.
 *
 * @example const dropped = await pushStep(tx.objectStore('undo'), entry, (_s, i) => i < UNDO_DEPTH);
 */
export async function pushStep<S extends UndoStep>(steps: UndoSteps<S>, step: S, keep: (step: S, index: number) => boolean): Promise<S[]> {
  const newest = await newestStep(steps);
  if (newest !== undefined && step.createdAt <= newest.createdAt) step.createdAt = newest.createdAt + 1;
  await steps.put(step);
  const dropped: S[] = [];
  for (const [i, s] of (await steps.index('createdAt').getAll()).reverse().entries()) {
    // `keep` sees every step, newest first, so it can count what the kept ones hold.
    if (keep(s, i) || i === 0) continue;
    await steps.delete(s.id);
    dropped.push(s);
  }
  return dropped;
}
