import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from 'zod';
import { NeedSettings, UserIndicator, WardLookup } from '../../models/need/schema';
import { APP_DATABASES, ChangeAnnouncer, Version } from './changes';
import { checkNewest, newestStep, pushStep } from './undo-log';

export const NEED_DB_NAME = APP_DATABASES.need;
/** Version history: 1 (3f2c418) indicators, undo, kv; unchanged since. A new layout must add a step here. */
const DB_VERSION = 1;
/** How many changes to user indicators and the lookup can be undone. */
const UNDO_DEPTH = 5;

/** Enough to put back what a change to the user's indicators or lookup replaced or removed. */
const NeedUndo = z.object({
  id: z.string(),
  createdAt: z.number(),
  label: z.string(),
  /** Indicators to put back as they were. */
  restore: z.array(UserIndicator),
  /** Indicator names the change added (removed again on undo). */
  remove: z.array(z.string()),
  /** The lookup before the change, when the change touched it (null: there was none). */
  lookup: z.object({ before: WardLookup.nullable() }).optional(),
});
type NeedUndo = z.infer<typeof NeedUndo>;
export type NeedUndoSummary = Pick<NeedUndo, 'id' | 'createdAt' | 'label'>;

interface NeedDB extends DBSchema {
  indicators: { key: string; value: UserIndicator };
  undo: { key: string; value: NeedUndo; indexes: { createdAt: number } };
  kv: { key: string; value: unknown };
}

/**
 * The need matrix's own records, apart from the imported data: the user's
 * area indicators, their LSOA-to-ward lookup, and each partnership area's
 * matrix settings. Changes to indicators and the lookup can be undone.
 */
export interface NeedStore {
  userIndicators(): Promise<UserIndicator[]>;
  /** Stores indicators, replacing any with the same name; undoable. */
  saveIndicators(list: readonly UserIndicator[], label: string): Promise<NeedUndoSummary>;
  deleteIndicator(name: string): Promise<NeedUndoSummary>;
  lookup(): Promise<WardLookup | undefined>;
  /** Stores the lookup (replacing any), or removes it when given null; undoable. */
  setLookup(lookup: WardLookup | null, label: string): Promise<NeedUndoSummary>;
  lastUndo(): Promise<NeedUndoSummary | undefined>;
  undo(id: string): Promise<void>;
  settings(area: string): Promise<NeedSettings | undefined>;
  saveSettings(area: string, settings: NeedSettings): Promise<void>;
  /** Increases on every change to indicators or the lookup (not settings): what the need worker's cache keys on. */
  revision(): Promise<number>;
  /** Increases on every change, settings included; announced on the shared change channel. */
  version(): Promise<number>;
  close(): void;
}

/**
 * Opens the need store (IndexedDB; fake-indexeddb in Node tests).
 *
 * @example const need = await openNeedStore(); await need.saveSettings('Luton', settings);
 */
export async function openNeedStore(name = NEED_DB_NAME): Promise<NeedStore> {
  const db = await openDB<NeedDB>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('indicators', { keyPath: 'name' });
      db.createObjectStore('undo', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      db.createObjectStore('kv');
    },
    blocking() {
      db.close();
    },
  });
  return new IdbNeedStore(db, new ChangeAnnouncer('need', name));
}

type Tx = IDBPTransaction<NeedDB, ('indicators' | 'undo' | 'kv')[], 'readwrite'>;

class IdbNeedStore implements NeedStore {
  constructor(
    private readonly db: IDBPDatabase<NeedDB>,
    private readonly changes: ChangeAnnouncer,
  ) {}

  async userIndicators(): Promise<UserIndicator[]> {
    return z.array(UserIndicator).parse(await this.db.getAll('indicators'));
  }

  async saveIndicators(list: readonly UserIndicator[], label: string): Promise<NeedUndoSummary> {
    const valid = z.array(UserIndicator).parse(list);
    const tx = this.db.transaction(['indicators', 'undo', 'kv'], 'readwrite');
    const undo = entry(label);
    for (const ind of valid) {
      const old = await tx.objectStore('indicators').get(ind.name);
      if (old === undefined) undo.remove.push(ind.name);
      else undo.restore.push(old);
      await tx.objectStore('indicators').put(ind);
    }
    return this.finish(tx, undo);
  }

  async deleteIndicator(name: string): Promise<NeedUndoSummary> {
    const tx = this.db.transaction(['indicators', 'undo', 'kv'], 'readwrite');
    const old = await tx.objectStore('indicators').get(name);
    if (old === undefined) throw new Error(`no indicator named “${name}”`);
    const undo = entry(`Delete indicator “${name}”`);
    undo.restore.push(old);
    await tx.objectStore('indicators').delete(name);
    return this.finish(tx, undo);
  }

  async lookup(): Promise<WardLookup | undefined> {
    const raw = await this.db.get('kv', 'lookup');
    return raw === undefined ? undefined : WardLookup.parse(raw);
  }

  async setLookup(lookup: WardLookup | null, label: string): Promise<NeedUndoSummary> {
    const tx = this.db.transaction(['indicators', 'undo', 'kv'], 'readwrite');
    const before = await tx.objectStore('kv').get('lookup');
    const undo = entry(label);
    undo.lookup = { before: before === undefined ? null : WardLookup.parse(before) };
    if (lookup === null) await tx.objectStore('kv').delete('lookup');
    else await tx.objectStore('kv').put(WardLookup.parse(lookup), 'lookup');
    return this.finish(tx, undo);
  }

  async lastUndo(): Promise<NeedUndoSummary | undefined> {
    const step = await newestStep(this.db.transaction('undo').store);
    return step === undefined ? undefined : { id: step.id, createdAt: step.createdAt, label: step.label };
  }

  async undo(id: string): Promise<void> {
    const tx = this.db.transaction(['indicators', 'undo', 'kv'], 'readwrite');
    await checkNewest(tx.objectStore('undo'), id);
    const raw = await tx.objectStore('undo').get(id);
    if (raw === undefined) throw new Error(`nothing to undo with id ${id}`);
    const u = NeedUndo.parse(raw);
    for (const name of u.remove) await tx.objectStore('indicators').delete(name);
    for (const ind of u.restore) await tx.objectStore('indicators').put(ind);
    if (u.lookup !== undefined) {
      if (u.lookup.before === null) await tx.objectStore('kv').delete('lookup');
      else await tx.objectStore('kv').put(u.lookup.before, 'lookup');
    }
    await tx.objectStore('undo').delete(id);
    await bump(tx);
    await this.changes.commit(tx, tx.objectStore('kv'));
  }

  async settings(area: string): Promise<NeedSettings | undefined> {
    const raw = await this.db.get('kv', `settings|${area}`);
    if (raw === undefined) return undefined;
    // Settings from an older version that no longer validate are dropped, not fatal.
    const parsed = NeedSettings.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  async saveSettings(area: string, settings: NeedSettings): Promise<void> {
    const tx = this.db.transaction('kv', 'readwrite');
    await tx.store.put(NeedSettings.parse(settings), `settings|${area}`);
    await this.changes.commit(tx, tx.store);
  }

  async revision(): Promise<number> {
    return Version.parse((await this.db.get('kv', 'revision')) ?? 0);
  }

  async version(): Promise<number> {
    return Version.parse((await this.db.get('kv', 'version')) ?? 0);
  }

  close(): void {
    this.changes.close();
    this.db.close();
  }

  private async finish(tx: Tx, undo: NeedUndo): Promise<NeedUndoSummary> {
    await pushStep(tx.objectStore('undo'), undo, (_step, i) => i < UNDO_DEPTH);
    await bump(tx);
    await this.changes.commit(tx, tx.objectStore('kv'));
    return { id: undo.id, createdAt: undo.createdAt, label: undo.label };
  }
}

function entry(label: string): NeedUndo {
  return { id: crypto.randomUUID(), createdAt: Date.now(), label, restore: [], remove: [] };
}

async function bump(tx: Tx): Promise<void> {
  const kv = tx.objectStore('kv');
  await kv.put(Version.parse((await kv.get('revision')) ?? 0) + 1, 'revision');
}
