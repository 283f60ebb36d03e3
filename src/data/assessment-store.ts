import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from 'zod';
import { Assessment, summarise, upgradeAssessment, type AssessmentSummary } from '../../models/risk-matrix/assessment';
import { APP_DATABASES, ChangeAnnouncer, Version } from './changes';
import { checkNewest, newestStep, pushStep } from './undo-log';

/**
 * Where assessments live: their own IndexedDB database, apart from the
 * imported data, so a matrix never waits on a large import and either can be
 * cleared alone.
 */
export const ASSESSMENT_DB_NAME = APP_DATABASES.assessments;
/**
 * Version history: 1 (8e6cccd) assessments, undo, kv. Fields added since
 * (scenarios, sensitivity settings) are optional, so a record of any earlier
 * release still validates; a new layout must add a step here.
 */
const DB_VERSION = 1;
/** How many steps can be undone (across assessments). */
const UNDO_DEPTH = 30;

/** An assessment in a list; `problem` is set when the stored record cannot be read. */
export type StoredAssessmentSummary = AssessmentSummary & { problem?: string };

export interface AssessmentUndoSummary {
  id: string;
  createdAt: number;
  label: string;
  assessmentId: string;
}

/**
 * The assessments store: whole assessments, validated on every read, with an
 * undo history and a version announced on the shared change channel on every
 * change (changes.ts; so other pages and tabs refresh).
 */
export interface AssessmentStore {
  list(): Promise<StoredAssessmentSummary[]>;
  get(id: string): Promise<Assessment | undefined>;
  /**
   * Saves an assessment (new or changed), stamping `updatedAt`. With an undo
   * label the stored version before the change is kept, so the step can be undone.
   */
  /** `whatIf`: the step changed what-if state (a weight dragged), so undoing it puts that back too. */
  save(a: Assessment, undoLabel?: string, whatIf?: boolean): Promise<Assessment>;
  /** Deletes an assessment; undoable. */
  delete(id: string, undoLabel?: string): Promise<AssessmentUndoSummary>;
  lastUndo(): Promise<AssessmentUndoSummary | undefined>;
  /**
   * Puts the assessment back as it was before the step. What-if state (draft
   * weights, the cut line and the sensitivity set-up) is left as it is now.
   */
  undo(id: string): Promise<void>;
  /** The assessment the user last opened. */
  currentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
  /**
   * On the very first visit only (in one transaction, so two tabs cannot both
   * do it): stores `make()` and opens it. Returns whether it did.
   */
  seedOnce(make: () => Assessment): Promise<boolean>;
  version(): Promise<number>;
  close(): void;
}

const UndoEntry = z.object({
  id: z.string(),
  createdAt: z.number(),
  label: z.string(),
  assessmentId: z.string(),
  /** The record before the step; null when the step created it. */
  before: z.unknown(),
  /** A change of what-if state (draft weights, cut line, sensitivity set-up): undo restores it too. */
  whatIf: z.boolean().optional(),
});
type UndoEntry = z.infer<typeof UndoEntry>;

interface AssessmentDB extends DBSchema {
  assessments: { key: string; value: unknown };
  undo: { key: string; value: UndoEntry; indexes: { createdAt: number } };
  kv: { key: string; value: unknown };
}

type Tx = IDBPTransaction<AssessmentDB, ('assessments' | 'undo' | 'kv')[], 'readwrite'>;

/**
 * Opens the assessments store (page, worker or Node with fake-indexeddb).
 *
 * @example const store = await openAssessmentStore(); const list = await store.list();
 */
export async function openAssessmentStore(name = ASSESSMENT_DB_NAME): Promise<AssessmentStore> {
  const db = await openDB<AssessmentDB>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('assessments', { keyPath: 'id' });
      db.createObjectStore('undo', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      db.createObjectStore('kv');
    },
    blocking() {
      db.close();
    },
  });
  return new IdbAssessmentStore(db, name);
}

class IdbAssessmentStore implements AssessmentStore {
  private readonly changes: ChangeAnnouncer;
  /** Keeps stamps strictly increasing, so two saves in one millisecond stay ordered. */
  private lastStamp = 0;

  constructor(
    private readonly db: IDBPDatabase<AssessmentDB>,
    name: string,
  ) {
    this.changes = new ChangeAnnouncer('assessments', name);
  }

  async list(): Promise<StoredAssessmentSummary[]> {
    const rows = await this.db.getAll('assessments');
    return rows
      .map((raw): StoredAssessmentSummary => {
        try {
          return summarise(upgradeAssessment(raw));
        } catch (e) {
          const r = z
            .object({ id: z.string(), name: z.string().catch('(no name)') })
            .catch({ id: '?', name: '(no name)' })
            .parse(raw);
          return { id: r.id, name: r.name, modelName: '', createdAt: 0, updatedAt: 0, issues: 0, criteria: 0, problem: problemText(e) };
        }
      })
      .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Assessment | undefined> {
    const raw = await this.db.get('assessments', id);
    return raw === undefined ? undefined : upgradeAssessment(raw);
  }

  async save(a: Assessment, undoLabel?: string, whatIf?: boolean): Promise<Assessment> {
    const next = Assessment.parse({ ...a, updatedAt: this.stamp() });
    const tx = this.db.transaction(['assessments', 'undo', 'kv'], 'readwrite');
    if (undoLabel !== undefined) {
      const before = (await tx.objectStore('assessments').get(a.id)) ?? null;
      await this.pushUndo(tx, { id: crypto.randomUUID(), createdAt: next.updatedAt, label: undoLabel, assessmentId: a.id, before, ...(whatIf === true ? { whatIf } : {}) });
    }
    await tx.objectStore('assessments').put(next);
    await this.changes.commit(tx, tx.objectStore('kv'));
    return next;
  }

  async delete(id: string, undoLabel?: string): Promise<AssessmentUndoSummary> {
    const tx = this.db.transaction(['assessments', 'undo', 'kv'], 'readwrite');
    const before = await tx.objectStore('assessments').get(id);
    if (before === undefined) throw new Error(`no assessment ${id}`);
    const name = z.object({ name: z.string() }).catch({ name: '(no name)' }).parse(before).name;
    const entry: UndoEntry = { id: crypto.randomUUID(), createdAt: this.stamp(), label: undoLabel ?? `Delete “${name}”`, assessmentId: id, before };
    await this.pushUndo(tx, entry);
    await tx.objectStore('assessments').delete(id);
    await this.changes.commit(tx, tx.objectStore('kv'));
    return { id: entry.id, createdAt: entry.createdAt, label: entry.label, assessmentId: id };
  }

  async lastUndo(): Promise<AssessmentUndoSummary | undefined> {
    const step = await newestStep(this.db.transaction('undo').store);
    if (step === undefined) return undefined;
    const { id, createdAt, label, assessmentId } = step;
    return { id, createdAt, label, assessmentId };
  }

  async undo(id: string): Promise<void> {
    const tx = this.db.transaction(['assessments', 'undo', 'kv'], 'readwrite');
    await checkNewest(tx.objectStore('undo'), id);
    const raw = await tx.objectStore('undo').get(id);
    if (raw === undefined) throw new Error(`nothing to undo with id ${id}`);
    const entry = UndoEntry.parse(raw);
    const current = await tx.objectStore('assessments').get(entry.assessmentId);
    if (entry.before === null) {
      await tx.objectStore('assessments').delete(entry.assessmentId);
    } else {
      const before = upgradeAssessment(entry.before);
      const now = current === undefined ? undefined : Assessment.safeParse(current);
      const keep = now?.success === true && entry.whatIf !== true ? { draftWeights: now.data.draftWeights, cutLine: now.data.cutLine, sensitivity: now.data.sensitivity } : {};
      // Draft weights only make sense with the criteria they weigh.
      const criteria = new Set(before.model.criteria.map((c) => c.id));
      const draftWeights = Object.fromEntries(Object.entries(keep.draftWeights ?? before.draftWeights).filter(([k]) => criteria.has(k)));
      await tx.objectStore('assessments').put(Assessment.parse({ ...before, ...keep, draftWeights, updatedAt: this.stamp() }));
    }
    await tx.objectStore('undo').delete(id);
    await this.changes.commit(tx, tx.objectStore('kv'));
  }

  async currentId(): Promise<string | undefined> {
    return z
      .string()
      .optional()
      .catch(undefined)
      .parse(await this.db.get('kv', 'current'));
  }

  async setCurrentId(id: string): Promise<void> {
    const tx = this.db.transaction('kv', 'readwrite');
    await tx.store.put(id, 'current');
    await this.changes.commit(tx, tx.store);
  }

  async seedOnce(make: () => Assessment): Promise<boolean> {
    const tx = this.db.transaction(['assessments', 'undo', 'kv'], 'readwrite');
    const seeded = (await tx.objectStore('kv').get('seeded')) === true;
    const count = await tx.objectStore('assessments').count();
    if (seeded || count > 0) {
      await tx.done;
      return false;
    }
    const a = Assessment.parse(make());
    await tx.objectStore('assessments').put(a);
    await tx.objectStore('kv').put(true, 'seeded');
    await tx.objectStore('kv').put(a.id, 'current');
    await this.changes.commit(tx, tx.objectStore('kv'));
    return true;
  }

  async version(): Promise<number> {
    return Version.parse((await this.db.get('kv', 'version')) ?? 0);
  }

  close(): void {
    this.changes.close();
    this.db.close();
  }

  private stamp(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  private async pushUndo(tx: Tx, entry: UndoEntry): Promise<void> {
    await pushStep(tx.objectStore('undo'), entry, (_step, i) => i < UNDO_DEPTH);
  }
}

function problemText(e: unknown): string {
  if (e instanceof z.ZodError)
    return e.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
  return e instanceof Error ? e.message : String(e);
}
