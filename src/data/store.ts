import type { Dataset, ImportReport, PartitionData, PartitionKind, PartitionMeta, Settings, StoredAreaRows, StoredIds, StoredSummary, UndoSummary } from './schema';
import type { AreaRows } from '../../models/area-rows';
import type { IdPrefixes, PartSummary } from '../../models/crime-summary';

/** A partition to store: its description and its rows. */
export interface PartitionWrite {
  meta: PartitionMeta;
  data: PartitionData;
  /**
   * crime: what is derived from the month and stored beside it, worked out
   * when the store writes the month, so an import holds one month's at a time.
   */
  derive?: () => Derived;
}

/** What is stored beside a crime month, derived from its rows. */
export interface Derived {
  /** The month's counts by crime type × LSOA, so pages that need counts never read rows. */
  summary?: PartSummary;
  /** The month's rows split by authority, so a partnership's pages read only its own rows. */
  areas?: AreaRows[];
  /** The month's crime ID prefixes, so the repeated-ID check reads 17 bytes a row. */
  ids?: IdPrefixes;
}

/** A partition whose rows `stageParts` has already written: its description, with `dataKey` saying where. */
export interface StagedPart {
  meta: PartitionMeta & { dataKey: string };
  staged: true;
}

export interface ImportCommit {
  dataset: Dataset;
  /** The parts, their rows already written by `stageParts`. */
  parts: StagedPart[];
  /** The report to keep; the store fills in each part's replaced/added status and the undo id. */
  report: ImportReport;
  /** Settings to change in the same transaction (for example the area chosen on a first import). */
  settings?: Partial<Settings>;
  undoLabel: string;
}

/**
 * The workbench's local data: police.uk months, IMD tables and boundaries,
 * the datasets they came from, import reports and undo history. One
 * implementation (IndexedDB via idb) serves the app, its workers and the Node
 * tests (through fake-indexeddb).
 */
export interface DataStore {
  /** Descriptions of stored partitions (cheap: no rows), optionally of one kind. */
  partitions(kind?: PartitionKind): Promise<PartitionMeta[]>;
  /** Rows of the given partitions, in the order asked; missing keys are skipped. */
  partitionData(keys: readonly string[]): Promise<PartitionData[]>;
  /** The stored summaries of the given crime partitions (missing keys skipped; check `importId` against the description). */
  summaries(keys: readonly string[]): Promise<StoredSummary[]>;
  /** One authority's rows of the given crime partitions (missing keys skipped; check `importId` against the description). */
  areaRows(lad: string, keys: readonly string[]): Promise<StoredAreaRows[]>;
  /** The stored ID prefixes of the given crime partitions (missing keys skipped; check `importId` against the description). */
  crimeIds(keys: readonly string[]): Promise<StoredIds[]>;
  datasets(): Promise<Dataset[]>;
  /**
   * Writes the rows of an import's parts (and what is derived from them) ahead
   * of its commit, one transaction per call, so an import holds one file's rows
   * at a time. Staged rows are invisible to every reader until `commitImport`
   * names them. A part carrying exactly the rows stored for its key is not
   * written again: its description points at the stored rows. Returns each
   * part's description with `dataKey` (and `bytes`) filled in.
   */
  stageParts(importId: string, parts: readonly PartitionWrite[]): Promise<(PartitionMeta & { dataKey: string })[]>;
  /**
   * Deletes rows an import staged but will not commit (superseded by another
   * file, kept back at the user's request, or the whole import when it is
   * cancelled or fails); only this import's own, unreferenced rows. Without
   * `dataKeys`, all of them, and the import is no longer counted as running.
   */
  dropStaged(importId: string, dataKeys?: readonly string[]): Promise<void>;
  /**
   * Stores an import atomically. A partition whose key is already stored
   * replaces it (the old one is kept in place for the undo history); datasets
   * left with nothing are removed. Returns the report as stored.
   */
  commitImport(commit: ImportCommit): Promise<ImportReport>;
  /** Deletes a dataset and its partitions; undoable. */
  deleteDataset(id: string): Promise<UndoSummary>;
  /** The most recent step that can be undone. */
  lastUndo(): Promise<UndoSummary | undefined>;
  undo(id: string): Promise<void>;
  /** Import reports, newest first. */
  reports(limit?: number): Promise<ImportReport[]>;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /**
   * Reads the small records (descriptions, datasets, settings, latest
   * reports, undo) and says which cannot be read, and which records an
   * upgrade kept as they were.
   */
  health(): Promise<StoreHealth>;
  /** Every record of every object store, as stored, for a download before clearing. */
  exportAll(): Promise<Record<string, unknown[]>>;
  /** Increases on every change; lets caches know when to refresh. */
  version(): Promise<number>;
  close(): void;
}

/** A stored record this version cannot read: what it is, and the first validation problem. */
export interface StoreProblem {
  what: string;
  detail: string;
}

export interface StoreHealth {
  problems: StoreProblem[];
  /** Records an upgrade could not convert, kept as they were for download. */
  legacy: { store: string; key: string; reason: string }[];
}
