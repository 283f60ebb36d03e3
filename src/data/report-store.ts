import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { DEFAULT_OUTPUT_SETTINGS, OutputSettings } from '../../models/report/settings';

export const REPORT_DB_NAME = 'csp-workbench-report';
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
  return new IdbReportStore(db);
}

class IdbReportStore implements ReportStore {
  constructor(private readonly db: IDBPDatabase<ReportDB>) {}

  async settings(): Promise<OutputSettings> {
    const raw = await this.db.get('kv', 'settings');
    if (raw === undefined) return DEFAULT_OUTPUT_SETTINGS;
    const parsed = OutputSettings.safeParse(raw);
    if (!parsed.success) throw new Error(`the stored dashboard and report settings cannot be read (${parsed.error.issues[0]!.message})`);
    return parsed.data;
  }

  async saveSettings(settings: OutputSettings): Promise<void> {
    await this.db.put('kv', OutputSettings.parse(settings), 'settings');
  }

  async restoreUndo(): Promise<RestoreUndo | undefined> {
    const raw = await this.db.get('kv', 'restore-undo');
    return raw === undefined ? undefined : RestoreUndo.parse(raw);
  }

  async setRestoreUndo(entry: RestoreUndo | null): Promise<void> {
    if (entry === null) await this.db.delete('kv', 'restore-undo');
    else await this.db.put('kv', RestoreUndo.parse(entry), 'restore-undo');
  }

  close(): void {
    this.db.close();
  }
}
