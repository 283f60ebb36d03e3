import { z } from 'zod';
import { CrimeBatch } from '../../models/police-uk/crime-batch';
import { IdPrefixes, PartSummary } from '../../models/crime-summary';
import { AreaRows } from '../../models/area-rows';
import { ImdFile1Record, ImdFile2Record, ImdFile5Record, ImdFile6Record } from '../../models/imd';
import { Area } from '../../models/geo/boundaries';
import { RowProblem } from '../../models/row-problem';
import { PopulationMeasure, PopulationOrigin, PopulationRecord } from '../../models/population/ons-file';

/**
 * What the data store keeps, validated whenever it is read back. Every stored
 * thing is a partition with a natural key, so loading the same data again
 * replaces it instead of adding to it:
 *   crime|<force>|<YYYY-MM>   one force-month of police.uk street crime
 *   imd1|<LAD code>           IMD 2019 File 1 rows of one local authority (also imd2, imd6)
 *   ward|<LAD code>           ward boundaries of one local authority (also lsoa11, lsoa21)
 *   pop|<measure>|<origin>-<year>|<LAD name>   ONS residents or households by 2021 LSOA, one authority
 */

export const PartitionKind = z.enum(['crime', 'imd1', 'imd2', 'imd5', 'imd6', 'ward', 'lsoa11', 'lsoa21', 'pop']);
export type PartitionKind = z.infer<typeof PartitionKind>;

export const PARTITION_LABELS: Record<PartitionKind, string> = {
  crime: 'police.uk street crime',
  imd1: 'IMD 2019 File 1 (index)',
  imd2: 'IMD 2019 File 2 (domains)',
  imd5: 'IMD 2019 File 5 (scores)',
  imd6: 'IMD 2019 File 6 (population)',
  ward: 'Ward boundaries',
  lsoa11: 'LSOA boundaries (2011)',
  lsoa21: 'LSOA boundaries (2021)',
  pop: 'ONS population (2021 LSOAs)',
};

export const PartitionMeta = z.object({
  key: z.string(),
  kind: PartitionKind,
  datasetId: z.string(),
  importId: z.string(),
  fileName: z.string(),
  /** Milliseconds since 1970 (UTC). */
  importedAt: z.number(),
  rows: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** crime: the month and reporting force. */
  month: z.string().optional(),
  force: z.string().optional(),
  /** reference data: the local authority code and name. */
  lad: z.string().optional(),
  ladName: z.string().optional(),
  /** crime: rows per local authority name, from the LSOA name ('' = no location). */
  ladCounts: z.record(z.string(), z.number()).optional(),
  /**
   * Where its rows are in `data` (and what is derived from them in `summaries`
   * and `areaRows`): `<key>@<importId>.<serial>`, of the import that wrote them. Absent
   * for partitions stored before data version 6, which are under `key` itself.
   */
  dataKey: z.string().optional(),
  /** About how many bytes its rows take (approxBytes), for the undo budget; absent before version 6. */
  bytes: z.number().nonnegative().optional(),
  /** SHA-256 of its rows (see fingerprint in same-data.ts), so a re-import of the same rows is known without reading them; absent before version 6. */
  fingerprint: z.string().optional(),
});
export type PartitionMeta = z.infer<typeof PartitionMeta>;

export const PartitionData = z.discriminatedUnion('kind', [
  z.object({ key: z.string(), kind: z.literal('crime'), batch: CrimeBatch }),
  z.object({ key: z.string(), kind: z.literal('imd1'), rows: z.array(ImdFile1Record) }),
  z.object({ key: z.string(), kind: z.literal('imd2'), rows: z.array(ImdFile2Record) }),
  z.object({ key: z.string(), kind: z.literal('imd5'), rows: z.array(ImdFile5Record) }),
  z.object({ key: z.string(), kind: z.literal('imd6'), rows: z.array(ImdFile6Record) }),
  z.object({ key: z.string(), kind: z.enum(['ward', 'lsoa11', 'lsoa21']), areas: z.array(Area) }),
  z.object({ key: z.string(), kind: z.literal('pop'), measure: PopulationMeasure, origin: PopulationOrigin, year: z.number().int(), rows: z.array(PopulationRecord) }),
]);
export type PartitionData = z.infer<typeof PartitionData>;
export const partitionKey = {
  crime: (force: string, month: string) => `crime|${force}|${month}`,
  reference: (kind: Exclude<PartitionKind, 'crime'>, lad: string) => `${kind}|${lad}`,
  population: (measure: PopulationMeasure, origin: PopulationOrigin, year: number, ladName: string) => `pop|${measure}|${origin}-${year}|${ladName}`,
};

/**
 * A crime partition's counts by crime type × LSOA, written at import beside its
 * data. It stands for the data only while `importId` matches the partition's
 * description; otherwise the crime engine counts the data again. (The store
 * reads it by the description's `dataKey`, and answers with the description's
 * key and import: rows under a `dataKey` never change, so neither does what
 * was derived from them.)
 */
export const StoredSummary = z.object({ key: z.string(), importId: z.string(), summary: PartSummary });
export type StoredSummary = z.infer<typeof StoredSummary>;

/**
 * One authority's rows of a crime partition (see AreaRows), written at import
 * beside its data and keyed by partition and authority. Like a summary, it
 * stands for the data only while `importId` matches the description.
 */
export const StoredAreaRows = z.object({ key: z.string(), lad: z.string(), importId: z.string(), rows: AreaRows });
export type StoredAreaRows = z.infer<typeof StoredAreaRows>;

/**
 * A crime partition's ID prefixes (see IdPrefixes), written at import beside
 * its data so the repeated-ID check reads 17 bytes a row, not every column.
 * Read and checked like a summary.
 */
export const StoredIds = z.object({ key: z.string(), importId: z.string(), ids: IdPrefixes });
export type StoredIds = z.infer<typeof StoredIds>;

/** One load of data: the embedded sample, or one import of a user's files. */
export const Dataset = z.object({
  id: z.string(),
  label: z.string(),
  source: z.enum(['sample', 'import']),
  createdAt: z.number(),
  importId: z.string(),
  fileNames: z.array(z.string()),
});
export type Dataset = z.infer<typeof Dataset>;

export const FileKind = z.enum(['police-uk-street', 'imd1', 'imd2', 'imd5', 'imd6', 'boundaries', 'ons-population', 'unrecognised']);
export type FileKind = z.infer<typeof FileKind>;

export const FileOutcome = z.object({
  name: z.string(),
  size: z.number(),
  kind: FileKind,
  /** superseded: read, but every part of it was left out for another file of the same import carrying the same data. */
  status: z.enum(['imported', 'refused', 'empty', 'failed', 'superseded']),
  /** One sentence for the user: what happened to this file and why. */
  message: z.string(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  missingColumns: z.array(z.string()).optional(),
});
export type FileOutcome = z.infer<typeof FileOutcome>;

export const PartOutcome = z.object({
  key: z.string(),
  kind: PartitionKind,
  fileName: z.string(),
  label: z.string(),
  month: z.string().optional(),
  force: z.string().optional(),
  stored: z.number().int(),
  rejected: z.number().int(),
  ladCounts: z.record(z.string(), z.number()).optional(),
  /**
   * added: new to the store; replaced: took the place of data already stored;
   * superseded: another file in the same import carried the same month (or
   * table) with more rows, or as many and came later (`supersededBy` names it);
   * rejected: every row was rejected, nothing stored.
   */
  status: z.enum(['added', 'replaced', 'superseded', 'rejected']),
  replaced: z.object({ fileName: z.string(), rows: z.number(), importedAt: z.number() }).optional(),
  /** For a replaced part: it carried exactly the rows already stored, which stay as they were (reports before 05/12/2026 never say so). */
  unchanged: z.boolean().optional(),
  /** For a superseded part: the file whose copy was kept. */
  supersededBy: z.string().optional(),
});
export type PartOutcome = z.infer<typeof PartOutcome>;

export const FileProblem = RowProblem.extend({ file: z.string() });
export type FileProblem = z.infer<typeof FileProblem>;

export const ImportReport = z.object({
  id: z.string(),
  source: z.enum(['sample', 'import']),
  datasetId: z.string().optional(),
  startedAt: z.number(),
  finishedAt: z.number(),
  files: z.array(FileOutcome),
  parts: z.array(PartOutcome),
  problems: z.array(FileProblem),
  /** Problems counted but not kept (beyond the per-file limit). */
  problemsDropped: z.number().int(),
  undoId: z.string().optional(),
  /** When the import was undone (its undo step taken). */
  undoneAt: z.number().optional(),
  /** Where the time went, in milliseconds: reading and validating files, then storing them. */
  timings: z.object({ readMs: z.number(), saveMs: z.number().optional() }).optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/**
 * Enough to put back what a destructive step removed. From data version 6 a
 * step copies no rows: the rows it may put back stay where they are in `data`
 * (under their `dataKey`), listed in `refs`, and are deleted only when no
 * description and no kept step refers to them.
 */
export const UndoEntry = z.object({
  id: z.string(),
  createdAt: z.number(),
  label: z.string(),
  restoreMetas: z.array(PartitionMeta),
  /** Copies of removed rows, written before data version 6 only; empty since. */
  restoreData: z.array(PartitionData),
  /** The `dataKey`s of rows this step keeps in place so that it can put them back. */
  refs: z.array(z.string()).optional(),
  restoreDatasets: z.array(Dataset),
  /** Partitions the step added, removed again on undo (only while they are still the ones it added). */
  removeKeys: z.array(z.object({ key: z.string(), importId: z.string() })),
  removeDatasetIds: z.array(z.string()),
  /**
   * Partitions whose stored data the step left in place because the import
   * carried exactly the same: undo puts back their old description only, so a
   * re-import of unchanged months keeps no copy of them.
   */
  keepData: z.array(z.string()).optional(),
  /** About how many bytes of old rows the step keeps (in `restoreData`, or in place under `refs`), for the undo budget. */
  bytes: z.number().nonnegative().optional(),
  /** The import report of the step, marked undone when it is undone. */
  reportId: z.string().optional(),
});
export type UndoEntry = z.infer<typeof UndoEntry>;
export const UndoSummary = UndoEntry.pick({ id: true, createdAt: true, label: true, bytes: true, refs: true });
export type UndoSummary = z.infer<typeof UndoSummary>;

export const Settings = z.object({
  /** The partnership area: a local authority name as police.uk LSOA names give it. */
  area: z.string().optional(),
  /** Whether the embedded sample has been loaded once (so it is not loaded again after a deliberate delete). */
  sampleLoaded: z.boolean().optional(),
});
export type Settings = z.infer<typeof Settings>;
