import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { DEFAULT_OUTPUT_SETTINGS, OutputSettings } from '../../models/report/settings';
import { APP_DATABASES, ChangeAnnouncer, Version } from './changes';

export const REPORT_DB_NAME = APP_DATABASES.reports;
/** Version history: 1, kv only; unchanged since it was added. A new layout must add a step here. */
const DB_VERSION = 1;

/**
 * Settings that were replaced by a project file's, kept so the restore can
 * be undone. `value` is the whole set of settings in force before.
 */
export const RestoreUndo = z.object({ id: z.string(), createdAt: z.number(), label: z.string(), value: z.unknown() });
export type RestoreUndo = z.infer<typeof RestoreUndo>;

interface ReportDB extends DBSchema {
  kv: { key: string; value: unknown };
}

/**
 * The outputs' own records: dashboard and report settings, and the undo step
 * of the last settings restore from a project file. Validated when read.
 */
export interface ReportStore {
  settings(): Promise<OutputSettings>;
  saveSettings(settings: OutputSettings): Promise<void>;
  restoreUndo(): Promise<RestoreUndo | undefined>;
  setRestoreUndo(entry: RestoreUndo | null): Promise<void>;
  /** Increases on every change; announced on the shared change channel. */
  version(): Promise<number>;
  close(): void;
}

/**
 * Opens the report store (page, worker or Node with fake-indexeddb).
 *
 * @example const store = await openReportStore(); const { dashboard } = await store.settings();
 */
export async function openReportStore(name = REPORT_DB_NAME): Promise<ReportStore> {
  const db = await openDB<ReportDB>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('kv');
    },
    blocking() {
      db.close();
    },
  });
  return new IdbReportStore(db, new ChangeAnnouncer('reports', name));
}

class IdbReportStore implements ReportStore {
  constructor(
    private readonly db: IDBPDatabase<ReportDB>,
    private readonly changes: ChangeAnnouncer,
  ) {}

  async settings(): Promise<OutputSettings> {
    const raw = await this.db.get('kv', 'settings');
    if (raw === undefined) return DEFAULT_OUTPUT_SETTINGS;
    const parsed = OutputSettings.safeParse(raw);
    if (!parsed.success) throw new Error(`the stored dashboard and report settings cannot be read (${parsed.error.issues[0]!.message})`);
    return parsed.data;
  }

  async saveSettings(settings: OutputSettings): Promise<void> {
    await this.put('settings', OutputSettings.parse(settings));
  }

  async restoreUndo(): Promise<RestoreUndo | undefined> {
    const raw = await this.db.get('kv', 'restore-undo');
    return raw === undefined ? undefined : RestoreUndo.parse(raw);
  }

  async setRestoreUndo(entry: RestoreUndo | null): Promise<void> {
    await this.put('restore-undo', entry === null ? null : RestoreUndo.parse(entry));
  }

  async version(): Promise<number> {
    return Version.parse((await this.db.get('kv', 'version')) ?? 0);
  }

  close(): void {
    this.changes.close();
    this.db.close();
  }

  /** Stores (or, given null, removes) one record and announces the change. */
  private async put(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('kv', 'readwrite');
    if (value === null) await tx.store.delete(key);
    else await tx.store.put(value, key);
    await this.changes.commit(tx, tx.store);
  }
}
