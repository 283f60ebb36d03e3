// Over 300 lines: importFiles and what every format shares (archives, progress, cancel, staging, the shrink
// question, the commit); each format's own reading is in ./formats/.
import { z } from 'zod';
import { detach, parseCsv } from '../../../models/csv';
import { matchStreetHeader, STREET_COLUMNS } from '../../../models/police-uk/street-row';
import { mergeCounts, rankAuthorities } from '../../../models/area';
import { formatDateTime, formatCount, formatMonth } from '../../../models/format';
import { PARTITION_LABELS, type Dataset, type FileOutcome, type FileProblem, type ImportReport, type PartOutcome, type PartitionMeta, type Settings } from '../../data/schema';
import type { DataStore, PartitionWrite } from '../../data/store';
import { partName } from '../../data/report-text';
import { expandArchives, prefetch, readText, type ReadOptions, type SourceFile } from './source-file';
import { ReadCancelled, ReadError, type ArchiveLimits } from './archive';
import { clip, fileOutcome, type AnyImportFormat, type StageContext } from './formats/format';
import { IMPORT_FORMATS } from './formats';
import { idPrefixes, summarisePart } from '../../../models/crime-summary';
import { splitByAuthority } from '../../../models/area-rows';
import { fingerprint } from '../../data/same-data';

/** At most this many rejected rows are kept per import (all are counted). */
export const MAX_PROBLEMS_PER_IMPORT = 20000;

export const ImportProgress = z.object({
  phase: z.enum(['reading', 'saving', 'done']),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  fileName: z.string(),
  fileBytes: z.number(),
  fileSize: z.number(),
  bytes: z.number(),
  totalBytes: z.number(),
  rows: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export interface ImportOptions {
  source: 'sample' | 'import';
  /** Label for the dataset; defaults to "Import of <date> (<n> files)". */
  datasetLabel?: string;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Asked before a month is replaced by a copy with less than half its rows
   * (a truncated or damaged file); false keeps the stored copies of those
   * months and stores the rest. Without it, such replacements go ahead and
   * the report calls them out.
   */
  confirmShrink?: (shrinks: Shrink[]) => Promise<boolean>;
  /** Caps on what archives and gzip files may expand to (default ARCHIVE_LIMITS). */
  limits?: ArchiveLimits;
  /** Polled between chunks; when it returns true the import stops and nothing is stored. */
  cancelled?: () => boolean;
  now?: () => number;
}

/** A month about to be replaced by a much smaller copy. */
export interface Shrink {
  key: string;
  label: string;
  fileName: string;
  storedRows: number;
  newRows: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled; nothing was stored');
    this.name = 'ImportCancelled';
  }
}

type FileRead = { kind: 'format'; format: AnyImportFormat; result: unknown } | { kind: 'unrecognised'; missing: string[]; hint: string; duplicated?: string[] } | { kind: 'empty' };

const PROGRESS_INTERVAL_MS = 100;

/**
 * Imports files into the store: recognises police.uk street files, IMD 2019
 * files and ONS boundaries, validates every row, and stores each force-month
 * (or authority) so that loading it again replaces it.
 *
 * @example const report = await importFiles(store, [file], { source: 'import' });
 */
export async function importFiles(store: DataStore, input: readonly SourceFile[], options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const t0 = performance.now();
  const importId = crypto.randomUUID();
  const bounds = { ...(options.cancelled === undefined ? {} : { cancelled: options.cancelled }), ...(options.limits === undefined ? {} : { limits: options.limits }) };
  const expanded = await expandArchives(input, bounds).catch(rethrowCancel);
  const files = expanded.files;
  const totalBytes = files.reduce((s, f) => s + f.size, 0);
  let bytes = 0;
  let rows = 0;
  let lastTick = 0;
  const progress = (phase: ImportProgress['phase'], i: number, fileBytes: number, force = false) => {
    const t = Date.now();
    if (!force && t - lastTick < PROGRESS_INTERVAL_MS) return;
    lastTick = t;
    const f = files[i];
    options.onProgress?.({
      phase,
      fileIndex: i,
      fileCount: files.length,
      fileName: f?.name ?? '',
      fileBytes,
      fileSize: f?.size ?? 0,
      bytes,
      totalBytes,
      rows,
    });
  };

  const outcomes: FileOutcome[] = expanded.skipped.map((x) => ({ ...fileOutcome({ name: x.name, size: x.size } as SourceFile, 'unrecognised', x.status, x.message) }));
  const problems: FileProblem[] = [];
  let problemsDropped = 0;
  // Parts kept so far, by key. A part's rows are written to the store (staged) when its file is read; from then
  // on only its description is held here, so the import holds one file's rows at a time.
  const staged = new Map<string, { meta: PartitionMeta; write?: PartitionWrite; outcome: PartOutcome }>();
  // Staged rows displaced by a later file of the import, deleted at the next flush.
  const displaced: string[] = [];
  const partOutcomes: PartOutcome[] = [];

  // Two files of one import carrying the same force-month (or table): the one with more rows is kept
  // (on a tie, the later), so a fragment never displaces a whole month and nothing is counted twice.
  const stage = (write: PartitionWrite, outcome: PartOutcome) => {
    partOutcomes.push(outcome);
    const earlier = staged.get(write.meta.key);
    if (earlier !== undefined && earlier.meta.rows > write.meta.rows) {
      outcome.status = 'superseded';
      outcome.supersededBy = earlier.outcome.fileName;
      return;
    }
    if (earlier !== undefined) {
      earlier.outcome.status = 'superseded';
      earlier.outcome.supersededBy = outcome.fileName;
      if (earlier.meta.dataKey !== undefined) displaced.push(earlier.meta.dataKey);
    }
    staged.set(write.meta.key, { meta: write.meta, write, outcome });
  };
  // Writes the rows read so far and lets go of them; deletes rows a later file displaced.
  const flush = async () => {
    const pending = [...staged.values()].filter((s) => s.write !== undefined);
    if (pending.length > 0) {
      // Fingerprinted first (WebCrypto is asynchronous, so not inside the store's transaction).
      for (const s of pending) s.write = { ...s.write!, meta: { ...s.write!.meta, fingerprint: await fingerprint({ ...s.write!.data, key: '' }) } };
      const metas = await store.stageParts(
        importId,
        pending.map((s) => withDerived(s.write!)),
      );
      pending.forEach((s, i) => {
        s.meta = metas[i]!;
        delete s.write;
      });
    }
    if (displaced.length > 0) await store.dropStaged(importId, displaced.splice(0));
  };
  const keepProblems = (file: string, list: readonly Omit<FileProblem, 'file'>[], dropped: number) => {
    for (const p of list) {
      // Bounded whatever the reader: a huge value is quoted, never copied whole into the stored report;
      // detached, so a kept problem does not keep its file's whole text alive until the import ends.
      if (problems.length < MAX_PROBLEMS_PER_IMPORT) problems.push({ file, ...p, column: detach(p.column), reason: detach(clip(p.reason, 300)), value: detach(clip(p.value, 100)) });
      else problemsDropped++;
    }
    problemsDropped += dropped;
  };
  // Descriptions outlive their file's text: their names are detached from it (see detach).
  const meta = (key: string, kind: PartitionMeta['kind'], fileName: string, extra: Partial<PartitionMeta>): PartitionMeta => ({
    key: detach(key),
    kind,
    datasetId: '',
    importId,
    fileName,
    importedAt: startedAt,
    rows: 0,
    rejected: 0,
    ...extra,
    ...(extra.lad === undefined ? {} : { lad: detach(extra.lad) }),
    ...(extra.ladName === undefined ? {} : { ladName: detach(extra.ladName) }),
    ...(extra.force === undefined ? {} : { force: detach(extra.force) }),
  });

  try {
    return await readAndCommit();
  } catch (e) {
    // Nothing of a failed or cancelled import stays: the rows it staged go too.
    await store.dropStaged(importId).catch(() => undefined);
    throw e;
  }

  async function readAndCommit(): Promise<ImportReport> {
    let next = files[0] === undefined ? undefined : prefetch(files[0]);
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const current = next!;
      next = files[i + 1] === undefined ? undefined : prefetch(files[i + 1]!);
      let fileBytes = 0;
      progress('reading', i, 0, i === 0);
      let read: FileRead;
      const notes: string[] = [];
      try {
        read = await readFile(
          current,
          (n) => {
            fileBytes += n;
            bytes += n;
            progress('reading', i, fileBytes);
            if (options.cancelled?.()) throw new ImportCancelled();
          },
          { onNote: (note) => notes.push(note), ...bounds },
        );
      } catch (e) {
        if (e instanceof ImportCancelled || e instanceof ReadCancelled) throw new ImportCancelled();
        const message = e instanceof ReadError ? `${e.message}.` : `Could not be read: ${(e as Error).message || (e as Error).name}.`;
        outcomes.push(fileOutcome(file, 'unrecognised', 'failed', message));
        continue;
      }
      const said = outcomes.length;
      bytes += file.size - fileBytes; // files refused early are not read to the end
      switch (read.kind) {
        case 'empty':
          outcomes.push(fileOutcome(file, 'unrecognised', 'empty', 'Empty: no header row and no data.'));
          break;
        case 'unrecognised':
          if (read.duplicated !== undefined) {
            outcomes.push(
              fileOutcome(
                file,
                'police-uk-street',
                'refused',
                `Refused: the header names ${read.duplicated.map((c) => `“${c}”`).join(', ')} more than once, so which column holds the data is a guess. Remove the extra column and import it again.`,
              ),
            );
            break;
          }
          outcomes.push({
            ...fileOutcome(file, 'unrecognised', 'refused', `Not a police.uk street-level crime file: it lacks the columns ${read.missing.join(', ')}.${read.hint}`),
            missingColumns: read.missing,
          });
          break;
        case 'format': {
          const ctx: StageContext = {
            file,
            stage,
            reject: (outcome) => partOutcomes.push(outcome),
            problems: (list, dropped) => keepProblems(file.name, list, dropped),
            meta: (key, kind, extra) => meta(key, kind, file.name, extra),
          };
          const done = read.format.toPartitions(read.result, ctx);
          rows += done.rows;
          outcomes.push(done.outcome);
          await flush().catch((e: unknown) => {
            throw new Error(saveFailure(e));
          });
          break;
        }
      }
      // How the text was read (another encoding), on the file's own outcome.
      const mine = outcomes[said];
      if (mine !== undefined && notes.length > 0) mine.message += ` ${notes.join(' ')}`;
    }

    markSuperseded(outcomes, partOutcomes);
    progress('saving', files.length - 1, 0, true);
    const readMs = performance.now() - t0;
    const finishedAt = now();
    const datasetId = crypto.randomUUID();
    let writes = [...staged.values()].map(({ meta }) => {
      if (meta.dataKey === undefined) throw new Error(`${meta.key} was never staged`);
      return { ...meta, dataKey: meta.dataKey, datasetId };
    });
    const shrinks = await shrinking(store, writes);
    if (shrinks.length > 0 && options.confirmShrink !== undefined && !(await options.confirmShrink(shrinks))) {
      const keep = new Set(shrinks.map((x) => x.key));
      await store.dropStaged(
        importId,
        writes.filter((w) => keep.has(w.key)).map((w) => w.dataKey),
      );
      writes = writes.filter((w) => !keep.has(w.key));
      for (const x of shrinks) {
        const part = staged.get(x.key)!.outcome;
        part.status = 'superseded';
        part.supersededBy = `the stored copy (${formatCount(x.storedRows)} rows), kept at your request`;
        const file = outcomes.find((o) => o.name === x.fileName);
        if (file !== undefined) file.message += ` ${x.label} not stored: you kept the ${formatCount(x.storedRows)} already stored rather than replace them with ${formatCount(x.newRows)}.`;
      }
    }
    const dataset: Dataset = {
      id: datasetId,
      label: options.datasetLabel ?? `Import of ${formatDateTime(startedAt)} (${files.length} ${files.length === 1 ? 'file' : 'files'})`,
      source: options.source,
      createdAt: startedAt,
      importId,
      fileNames: files.map((f) => f.name),
    };
    const settingsPatch = await chooseSettings(store, writes, options.source);
    const report: ImportReport = {
      id: importId,
      source: options.source,
      startedAt,
      finishedAt,
      files: outcomes,
      parts: partOutcomes.sort((a, b) => a.key.localeCompare(b.key)),
      problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
      problemsDropped,
      timings: { readMs },
    };
    const t1 = performance.now();
    const stored = await store
      .commitImport({
        dataset,
        parts: writes.map((meta) => ({ meta, staged: true as const })),
        report,
        ...(settingsPatch === undefined ? {} : { settings: settingsPatch }),
        undoLabel: options.source === 'sample' ? 'Load the sample data' : `${dataset.label}`,
      })
      .catch((e: unknown) => {
        throw new Error(saveFailure(e));
      });
    progress('done', files.length - 1, 0, true);
    return { ...stored, timings: { readMs, saveMs: performance.now() - t1 } };
  }
}

/**
 * A crime month with its counts by crime type × LSOA, its rows by authority
 * and its ID prefixes, written beside it so the crime engine can count
 * without reading rows, read one partnership's rows without the force's, and
 * check repeated IDs without reading every column.
 */
function withDerived(w: PartitionWrite): PartitionWrite {
  const { meta, data } = w;
  if (data.kind !== 'crime') return w;
  return {
    ...w,
    derive: () => ({
      summary: summarisePart({ key: meta.key, month: meta.month ?? '', force: meta.force ?? '', fileName: meta.fileName, batch: data.batch }),
      areas: splitByAuthority(data.batch),
      ids: idPrefixes(data.batch),
    }),
  };
}

/** The reason a commit failed, in words; the browser's own message is blank for a full disk. */
export function saveFailure(e: unknown): string {
  const err = e instanceof Error || (typeof e === 'object' && e !== null) ? (e as { name?: string; message?: string }) : { message: String(e) };
  const name = err.name ?? '';
  const message = err.message ?? '';
  if (/quota/i.test(name) || /quota|space|disk/i.test(message)) {
    return 'This browser has no room left to store the import (its storage quota for this site is full). Nothing from the import was stored. Delete datasets you no longer need on this page, or free disk space, then try again.';
  }
  return `The import could not be saved: ${message || name || 'the browser gave no reason'}. Nothing from it was stored.`;
}

function rethrowCancel(e: unknown): never {
  if (e instanceof ReadCancelled) throw new ImportCancelled();
  throw e;
}

/** Stored months that a write would replace with less than half as many rows. */
async function shrinking(store: DataStore, writes: readonly PartitionMeta[]): Promise<Shrink[]> {
  const stored = new Map((await store.partitions()).map((m) => [m.key, m]));
  return writes.flatMap((w) => {
    const old = stored.get(w.key);
    if (old === undefined || w.rows * 2 >= old.rows) return [];
    // A one-ward file replaces every ward of its authority: the same question as a month cut short.
    const label = w.kind === 'crime' ? formatMonth(w.month ?? '') : `${PARTITION_LABELS[w.kind]} of ${w.ladName ?? w.lad ?? 'the authority'}`;
    return [{ key: w.key, label, fileName: w.fileName, storedRows: old.rows, newRows: w.rows }];
  });
}

/** Says in each file's outcome which of its parts another file of the import displaced; a file with none left is 'superseded'. */
function markSuperseded(outcomes: FileOutcome[], parts: readonly PartOutcome[]): void {
  for (const o of outcomes) {
    if (o.status !== 'imported') continue;
    const mine = parts.filter((p) => p.fileName === o.name && p.status !== 'rejected');
    const lost = mine.filter((p) => p.status === 'superseded');
    if (lost.length === 0) continue;
    const what = lost.map((p) => `${partName(p)} (${formatCount(p.stored)} rows; kept from ${p.supersededBy ?? 'another file'})`);
    o.message += ` Not stored, as another file of this import carries the same data with at least as many rows: ${what.join('; ')}.`;
    if (lost.length === mine.length) o.status = 'superseded';
  }
}

/** On a first import, choose the partnership area: the authority with the most rows. */
async function chooseSettings(store: DataStore, writes: readonly PartitionMeta[], source: ImportOptions['source']): Promise<Partial<Settings> | undefined> {
  const current = await store.settings();
  const patch: Partial<Settings> = source === 'sample' ? { sampleLoaded: true } : {};
  if (current.area === undefined) {
    const replacing = new Set(writes.map((w) => w.key));
    const existing = (await store.partitions('crime')).filter((m) => !replacing.has(m.key));
    const counts = mergeCounts([...existing, ...writes].map((m) => m.ladCounts ?? {}));
    const top = rankAuthorities(counts)[0];
    if (top !== undefined) patch.area = top.name;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

const OUTCOMES_HINT = ' It looks like a police.uk outcomes file; load the matching "-street" file instead.';
const STOP_SEARCH_HINT = ' It looks like a police.uk stop-and-search file, which the workbench does not use.';

/** Reads one file, deciding what it is from its first bytes and header. */
async function readFile(file: SourceFile, onBytes: (n: number) => void, options: ReadOptions = {}): Promise<FileRead> {
  const chunks = readText(file, onBytes, options);
  let head = '';
  // Gather enough text to see the first line (or the start of a JSON document).
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    head += next.value;
    if (/\S/.test(head) && (head.trimStart().startsWith('{') || head.includes('\n'))) break;
  }
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') return { kind: 'empty' };

  const firstLine = trimmed.slice(0, trimmed.search(/\r?\n|$/));
  const header = trimmed.startsWith('{') ? [] : (parseCsv(firstLine).records[0]?.fields ?? []);
  const probe = { file, head, header };
  const format = IMPORT_FORMATS.find((f) => f.sniff(probe));
  if (format !== undefined) return { kind: 'format', format, result: await format.read(probe, chunks) };
  await chunks.return(undefined);
  // No format took it: say what a police.uk street file (the usual intent) would need.
  const street = matchStreetHeader(header);
  const missing = street.ok ? [] : street.missing;
  if (!street.ok && street.duplicated !== undefined) return { kind: 'unrecognised', missing: [], hint: '', duplicated: street.duplicated };
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const hint = names.has('outcome type') ? OUTCOMES_HINT : names.has('part of a policing operation') ? STOP_SEARCH_HINT : '';
  return { kind: 'unrecognised', missing: missing.length > 0 ? missing : [...STREET_COLUMNS], hint };
}
