import { z } from 'zod';

/**
 * One version counter per store and one channel for all of them. Each of the
 * workbench's five stores (its own IndexedDB database) keeps a change counter
 * under the key 'version' of its `kv` object store, raised inside the
 * transaction of every change, and announces the new value on the shared
 * channel once the change has committed. Views and page-side caches listen
 * to that one channel (`listenForChanges`) and know, by the versions, whether
 * what they hold is still current.
 */

/** A store's change counter. */
export const Version = z.number().int().nonnegative();

/** The workbench's stores, each its own database. */
export const StoreName = z.enum(['data', 'evidence', 'need', 'assessments', 'reports']);
export type StoreName = z.infer<typeof StoreName>;

/** What a store announces after a change: which store (and database, so tests' stores stay apart) and its new version. */
export const Change = z.object({ store: StoreName, db: z.string(), version: Version });
export type Change = z.infer<typeof Change>;

/**
 * What a store announces when a long change begins (an import's first
 * write), before anything is visible: holders of large caches of the data
 * (the crime engine's row columns) let them go, so the change's own memory
 * does not come on top of theirs.
 */
export const Starting = z.object({ store: StoreName, db: z.string(), starting: z.string() });
export type Starting = z.infer<typeof Starting>;

/** The app's own database of each store (tests open others by name). */
export const APP_DATABASES: Readonly<Record<StoreName, string>> = {
  data: 'csp-workbench-data',
  evidence: 'csp-workbench-evidence',
  need: 'csp-workbench-need',
  assessments: 'csp-workbench-assessments',
  reports: 'csp-workbench-report',
};

/** Each store's version as last announced (0: no change seen since the page opened). */
export type Versions = Readonly<Record<StoreName, number>>;
export const NO_VERSIONS: Versions = { data: 0, evidence: 0, need: 0, assessments: 0, reports: 0 };

/** Name of the one channel every store announces its changes on. */
export const CHANGES_CHANNEL = 'csp-workbench-changes';

/** The part of an idb object store (in a readwrite transaction) the counter needs. */
export interface KvStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

/**
 * Adds one to the store's version inside the caller's transaction, so the
 * change and its new version commit together; returns the new version.
 *
 * @example const version = await bumpVersion(tx.objectStore('kv'));
 */
export async function bumpVersion(kv: KvStore): Promise<number> {
  const version = Version.parse((await kv.get('version')) ?? 0) + 1;
  await kv.put(version, 'version');
  return version;
}

/**
 * A store's side of the channel: raises its version in a change's
 * transaction and announces it once the transaction has committed.
 *
 * @example
 *   private readonly changes = new ChangeAnnouncer('evidence', name);
 *   …; await this.changes.commit(tx, tx.objectStore('kv'));
 */
export class ChangeAnnouncer {
  private readonly channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGES_CHANNEL);

  constructor(
    private readonly store: StoreName,
    private readonly db: string,
  ) {}

  /** Raises the version in `kv` (part of `tx`), waits for `tx` to commit, then announces; returns the new version. */
  async commit(tx: { done: Promise<void> }, kv: KvStore): Promise<number> {
    const version = await bumpVersion(kv);
    await tx.done;
    this.announce(version);
    return version;
  }

  announce(version: number): void {
    const change: Change = { store: this.store, db: this.db, version };
    this.channel?.postMessage(change);
  }

  /** Says a long change (`what`, e.g. 'import') has begun writing. */
  starting(what: string): void {
    const start: Starting = { store: this.store, db: this.db, starting: what };
    this.channel?.postMessage(start);
  }

  close(): void {
    this.channel?.close();
  }
}

/**
 * Calls `on` for every change announced by the named stores of the named
 * databases (by default, every store of the app's own); returns a function
 * that stops listening.
 *
 * @example const stop = listenForChanges(() => void reload(), { assessments: APP_DATABASES.assessments });
 */
export function listenForChanges(on: (change: Change) => void, dbs: Partial<Record<StoreName, string>> = APP_DATABASES): () => void {
  return listen(Change, on, dbs);
}

/**
 * Calls `on` when one of the named stores begins a long change (see {@link Starting}); returns a function that stops listening.
 *
 * @example listenForStarts(() => loader.release(), { data: APP_DATABASES.data });
 */
export function listenForStarts(on: (start: Starting) => void, dbs: Partial<Record<StoreName, string>> = APP_DATABASES): () => void {
  return listen(Starting, on, dbs);
}

function listen<T extends { store: StoreName; db: string }>(schema: z.ZodType<T>, on: (message: T) => void, dbs: Partial<Record<StoreName, string>>): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const message = schema.safeParse(e.data);
    if (message.success && dbs[message.data.store] === message.data.db) on(message.data);
  };
  return () => channel.close();
}
