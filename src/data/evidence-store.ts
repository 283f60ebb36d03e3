import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { ScoreDecision } from '../../models/evidence/audit';
import { BandingRules, DEFAULT_BANDING_RULES } from '../../models/evidence/banding';
import { Catalogue, DEFAULT_CATALOGUE } from '../../models/evidence/catalogue';
import { AssessmentLinks, IssueLink, withLinks } from '../../models/evidence/links';
import { LocalCount, localCountKey, mergeLocalCounts, type LocalCountsMerge } from '../../models/evidence/local-counts';
import { DEFAULT_PERIOD, PeriodChoice } from '../../models/evidence/period';
import type { EvidenceSetup } from '../../models/evidence/setup';
import { DEFAULT_WEIGHT_TABLES, WeightTables } from '../../models/evidence/weights';
import { APP_DATABASES, ChangeAnnouncer, Version } from './changes';

export const EVIDENCE_DB_NAME = APP_DATABASES.evidence;
/**
 * 1: kv, localCounts, decisions. 2: links (issue links per assessment). Each
 * step only adds stores, so an upgrade keeps everything already held.
 */
export const EVIDENCE_DB_VERSION = 2;

/** Everything the analyst has set up for the evidence (models/evidence/setup.ts): kept in its own IndexedDB database. */
export { EvidenceSetup } from '../../models/evidence/setup';

/**
 * The evidence workbench's own store: the issue catalogue (crime-type
 * mapping), local monthly counts, harm and cost weight tables, banding rules,
 * the chosen period, the audit trail of score decisions, and each
 * assessment's links from its issues to catalogue issues. Records are
 * validated with zod when read back; what was never saved reads as the
 * default.
 */
export interface EvidenceStore {
  setup(): Promise<EvidenceSetup>;
  /** Saves the catalogue; local counts of issues it no longer has as local issues are removed. Returns how many. */
  saveCatalogue(catalogue: Catalogue): Promise<{ removedCounts: number }>;
  /** Stores counts, replacing any held for the same issue-month. */
  putLocalCounts(counts: readonly LocalCount[]): Promise<Pick<LocalCountsMerge, 'added' | 'replaced'>>;
  /** Removes an issue's local counts (or one month of them); returns how many. */
  deleteLocalCounts(issueId: string, month?: string): Promise<number>;
  saveWeights(weights: WeightTables): Promise<void>;
  saveBanding(rules: BandingRules): Promise<void>;
  savePeriod(period: PeriodChoice): Promise<void>;
  /** The audit trail of one assessment, oldest first. */
  decisions(assessmentId: string): Promise<ScoreDecision[]>;
  /** Appends a decision to the audit trail (decisions are never changed or removed). */
  recordDecision(decision: ScoreDecision): Promise<void>;
  /** Appends several decisions in one transaction: all of them or, if any is refused, none. */
  recordDecisions(decisions: readonly ScoreDecision[]): Promise<void>;
  /** An assessment's stored issue links, by assessment issue id ({} when none are stored). */
  links(assessmentId: string): Promise<Record<string, IssueLink>>;
  /**
   * Sets or (with null) removes stored links of an assessment's issues;
   * returns the links now stored.
   */
  saveLinks(assessmentId: string, changes: Readonly<Record<string, IssueLink | null>>): Promise<Record<string, IssueLink>>;
  /** Increases on every change. */
  version(): Promise<number>;
  close(): void;
}

interface EvidenceDB extends DBSchema {
  kv: { key: string; value: unknown };
  localCounts: { key: string; value: LocalCount; indexes: { issueId: string } };
  decisions: { key: string; value: ScoreDecision; indexes: { assessmentId: string } };
  links: { key: string; value: AssessmentLinks };
}

/**
 * Opens the evidence store. Works on the main thread, in workers and in Node
 * with fake-indexeddb.
 *
 * @example const store = await openEvidenceStore(); const { catalogue } = await store.setup();
 */
export async function openEvidenceStore(name = EVIDENCE_DB_NAME): Promise<EvidenceStore> {
  const db = await openDB<EvidenceDB>(name, EVIDENCE_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('kv');
        db.createObjectStore('localCounts').createIndex('issueId', 'issueId');
        db.createObjectStore('decisions', { keyPath: 'id' }).createIndex('assessmentId', 'assessmentId');
      }
      if (oldVersion < 2) db.createObjectStore('links', { keyPath: 'assessmentId' });
    },
    blocking() {
      db.close();
    },
  });
  return new IdbEvidenceStore(db, new ChangeAnnouncer('evidence', name));
}

/** Validates what is about to be stored, failing with the first problem in words. */
function valid<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** Reads a stored record, naming it when it no longer fits its schema rather than overwriting it. */
function readRecord<S extends z.ZodType>(what: string, schema: S, value: unknown, fallback: z.infer<S>): z.infer<S> {
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`the stored ${what} cannot be read (${parsed.error.issues[0]!.message})`);
  return parsed.data;
}

class IdbEvidenceStore implements EvidenceStore {
  constructor(
    private readonly db: IDBPDatabase<EvidenceDB>,
    private readonly changes: ChangeAnnouncer,
  ) {}

  async setup(): Promise<EvidenceSetup> {
    const tx = this.db.transaction(['kv', 'localCounts']);
    const [catalogue, weights, banding, period, counts] = await Promise.all([
      tx.objectStore('kv').get('catalogue'),
      tx.objectStore('kv').get('weights'),
      tx.objectStore('kv').get('banding'),
      tx.objectStore('kv').get('period'),
      tx.objectStore('localCounts').getAll(),
    ]);
    await tx.done;
    return {
      catalogue: readRecord('issue catalogue', Catalogue, catalogue, DEFAULT_CATALOGUE),
      weights: readRecord('weight tables', WeightTables, weights, DEFAULT_WEIGHT_TABLES),
      banding: readRecord('banding rules', BandingRules, banding, DEFAULT_BANDING_RULES),
      period: readRecord('period', PeriodChoice, period, DEFAULT_PERIOD),
      localCounts: z
        .array(LocalCount)
        .parse(counts)
        .sort((a, b) => a.issueId.localeCompare(b.issueId) || a.month.localeCompare(b.month)),
    };
  }

  async saveCatalogue(catalogue: Catalogue): Promise<{ removedCounts: number }> {
    const checked = valid(Catalogue, catalogue);
    const local = new Set(checked.issues.filter((i) => i.source === 'local').map((i) => i.id));
    const tx = this.db.transaction(['kv', 'localCounts'], 'readwrite');
    await tx.objectStore('kv').put(checked, 'catalogue');
    let removedCounts = 0;
    let cursor = await tx.objectStore('localCounts').openCursor();
    while (cursor !== null) {
      if (!local.has(cursor.value.issueId)) {
        await cursor.delete();
        removedCounts++;
      }
      cursor = await cursor.continue();
    }
    await this.changes.commit(tx, tx.objectStore('kv'));
    return { removedCounts };
  }

  async putLocalCounts(counts: readonly LocalCount[]): Promise<Pick<LocalCountsMerge, 'added' | 'replaced'>> {
    const checked = valid(z.array(LocalCount), counts);
    const tx = this.db.transaction(['kv', 'localCounts'], 'readwrite');
    const store = tx.objectStore('localCounts');
    const held = (await Promise.all(checked.map((c) => store.get(localCountKey(c))))).filter((c) => c !== undefined);
    const merge = mergeLocalCounts(held, checked);
    for (const c of checked) await store.put(c, localCountKey(c));
    await this.changes.commit(tx, tx.objectStore('kv'));
    return { added: merge.added, replaced: merge.replaced };
  }

  async deleteLocalCounts(issueId: string, month?: string): Promise<number> {
    const tx = this.db.transaction(['kv', 'localCounts'], 'readwrite');
    const store = tx.objectStore('localCounts');
    const keys = month === undefined ? await store.index('issueId').getAllKeys(issueId) : [localCountKey({ issueId, month })];
    let removed = 0;
    for (const k of keys) {
      if ((await store.get(k)) === undefined) continue;
      await store.delete(k);
      removed++;
    }
    await this.changes.commit(tx, tx.objectStore('kv'));
    return removed;
  }

  async saveWeights(weights: WeightTables): Promise<void> {
    return this.putKv('weights', valid(WeightTables, weights));
  }

  async saveBanding(rules: BandingRules): Promise<void> {
    return this.putKv('banding', valid(BandingRules, rules));
  }

  async savePeriod(period: PeriodChoice): Promise<void> {
    return this.putKv('period', valid(PeriodChoice, period));
  }

  async decisions(assessmentId: string): Promise<ScoreDecision[]> {
    const rows = await this.db.getAllFromIndex('decisions', 'assessmentId', assessmentId);
    return z
      .array(ScoreDecision)
      .parse(rows)
      .sort((a, b) => a.at - b.at);
  }

  async recordDecision(decision: ScoreDecision): Promise<void> {
    return this.recordDecisions([decision]);
  }

  async recordDecisions(decisions: readonly ScoreDecision[]): Promise<void> {
    const checked = valid(z.array(ScoreDecision), decisions);
    if (checked.length === 0) return;
    const tx = this.db.transaction(['kv', 'decisions'], 'readwrite');
    // A decision is never replaced: the trail only grows.
    for (const d of checked) {
      if ((await tx.objectStore('decisions').get(d.id)) !== undefined) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new Error(`decision ${d.id} is already in the audit trail`);
      }
      await tx.objectStore('decisions').add(d);
    }
    await this.changes.commit(tx, tx.objectStore('kv'));
  }

  async links(assessmentId: string): Promise<Record<string, IssueLink>> {
    const raw = await this.db.get('links', assessmentId);
    return readRecord('issue links', AssessmentLinks, raw, { assessmentId, links: {} }).links;
  }

  async saveLinks(assessmentId: string, changes: Readonly<Record<string, IssueLink | null>>): Promise<Record<string, IssueLink>> {
    const checked = valid(z.record(z.string(), IssueLink.nullable()), changes);
    const tx = this.db.transaction(['kv', 'links'], 'readwrite');
    const held = readRecord('issue links', AssessmentLinks, await tx.objectStore('links').get(assessmentId), { assessmentId, links: {} });
    const next = valid(AssessmentLinks, { assessmentId, links: withLinks(held.links, checked) });
    await tx.objectStore('links').put(next);
    await this.changes.commit(tx, tx.objectStore('kv'));
    return next.links;
  }

  async version(): Promise<number> {
    return Version.parse((await this.db.get('kv', 'version')) ?? 0);
  }

  close(): void {
    this.changes.close();
    this.db.close();
  }

  private async putKv(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('kv', 'readwrite');
    await tx.store.put(value, key);
    await this.changes.commit(tx, tx.store);
  }
}
