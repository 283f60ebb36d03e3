import type { PartitionMeta } from './schema';

/**
 * Where a partition's rows live in the data store (version 6 on). An import
 * writes each partition's rows under a key of their own, `<key>@<importId>.<serial>`,
 * before it commits; the commit only points descriptions at them. Rows under
 * a data key never change, so what is derived from them (summaries, rows by
 * authority) holds as long as they exist, and an undo step can keep old rows
 * in place instead of copying them.
 */

/** The key of a partition's rows: its `dataKey`, or (stored before version 6) its own key. */
export const dataKeyOf = (meta: Pick<PartitionMeta, 'key' | 'dataKey'>): string => meta.dataKey ?? meta.key;

/**
 * A new data key for rows an import writes: `<key>@<importId>.<serial>`. The
 * serial keeps two files of one import that carry the same month apart until
 * one is kept.
 */
export const stagedKey = (key: string, importId: string, serial: string): string => `${key}@${importId}.${serial}`;

/** The import that wrote the rows under a data key; undefined for rows stored before version 6. */
export function importOfDataKey(dataKey: string): string | undefined {
  const at = dataKey.lastIndexOf('@');
  if (at < 0) return undefined;
  const dot = dataKey.indexOf('.', at);
  return dataKey.slice(at + 1, dot < 0 ? undefined : dot);
}

/**
 * About how many bytes a stored row takes when its description does not say
 * (stored before version 6): a police.uk month holds about 81 bytes a row, an
 * IMD or boundary row more; 100 keeps the undo budget on the safe side.
 */
export const LEGACY_BYTES_PER_ROW = 100;

/** About how many bytes a partition's rows take, for the undo budget. */
export const bytesOf = (meta: Pick<PartitionMeta, 'bytes' | 'rows'>): number => meta.bytes ?? meta.rows * LEGACY_BYTES_PER_ROW;

/** How long a staged import that never committed (a closed tab) keeps its rows before another import sweeps them. */
export const STAGING_EXPIRY_MS = 24 * 60 * 60 * 1000;
