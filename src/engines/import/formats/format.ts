/**
 * Import formats as a registry: each file format the workbench reads is one
 * module with `sniff` (is this file mine, from its first line?), `read` (the
 * whole file, validated row by row) and `toPartitions` (what it stores, and
 * what the user is told). `importFiles` (../importer.ts) asks the formats of
 * ./index.ts in order and owns only what every format shares: archives,
 * progress, cancel, one import staging its writes, and the commit.
 */
import type { FileKind, FileOutcome, FileProblem, PartitionMeta, PartOutcome } from '../../../data/schema';
import type { SourceFile } from '../source-file';
import type { PartitionWrite } from '../../../data/store';

/** What a format sees of a file before reading it: its first text and the first line as CSV fields. */
export interface Probe {
  file: SourceFile;
  /** The text read so far (at least the first line, or the start of a JSON document). */
  head: string;
  /** The first line, as CSV fields (empty for a JSON document). */
  header: readonly string[];
}

/** What a format may do while turning a read file into stored partitions. */
export interface StageContext {
  file: SourceFile;
  /** Adds a partition to the import; a later file with more rows for the same key displaces it. */
  stage(write: PartitionWrite, outcome: PartOutcome): void;
  /** A part of the file not stored (every row rejected), said in the report. */
  reject(outcome: PartOutcome): void;
  /** Rows rejected, by line and column (bounded whatever the reader). */
  problems(list: readonly Omit<FileProblem, 'file'>[], dropped: number): void;
  /** A partition's metadata with the import's id, file and time filled in. */
  meta(key: string, kind: PartitionMeta['kind'], extra: Partial<PartitionMeta>): PartitionMeta;
}

export interface ImportFormat<R> {
  /** Whether the file is in this format, from its first line. */
  sniff(probe: Probe): boolean;
  /** Reads the whole file: `rest` is the text after `probe.head`. */
  read(probe: Probe, rest: AsyncIterable<string>): Promise<R>;
  /** Stages what the file stores; returns the file's outcome and the rows it read. */
  toPartitions(result: R, ctx: StageContext): { outcome: FileOutcome; rows: number };
}

/** A format with its result type hidden, as the registry holds it. */
export type AnyImportFormat = ImportFormat<unknown>;

/** Defines a format, keeping its result type between read and toPartitions. */
export const importFormat = <R>(f: ImportFormat<R>): AnyImportFormat => f as AnyImportFormat;

/** The outcome of one file. */
export function fileOutcome(file: Pick<SourceFile, 'name' | 'size'>, kind: FileKind, status: FileOutcome['status'], message: string): FileOutcome {
  return { name: file.name, size: file.size, kind, status, message, accepted: 0, rejected: 0 };
}

/** A value cut to `max` characters, with an ellipsis when cut. */
export const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** The whole text: the head and the rest. */
export async function wholeText(head: string, rest: AsyncIterable<string>): Promise<string> {
  let text = head;
  for await (const chunk of rest) text += chunk;
  return text;
}

/** Groups items by a key, appending in place (linear in items). */
export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}
