import type { ColumnTable } from 'arquero';
import { rowColumns, rowTable, type RowColumns, type RowPart } from './row-columns';
import type { CrimePart } from '../../models/crime-table';
import { splitByAuthority } from '../../models/area-rows';
import { DuplicateCheck, idPrefixes, summarisePart, type DuplicateIds, type PartSummary } from '../../models/crime-summary';
import type { MonthMeta } from '../../models/overview';
import type { DataStore } from '../data/store';
import type { PartitionMeta } from '../data/schema';

/**
 * Every stored force-month, as the crime engine holds it: each month's counts
 * by crime type × LSOA (written at import; read without touching rows), and
 * the rows themselves, read from the store only when something needs a row
 * (placement, hot spots, traces, the repeated-ID check).
 */
export interface CrimeData {
  version: number;
  metas: MonthMeta[];
  /** One per stored month, in key order. */
  summaries: PartSummary[];
  /** The stored column batches (read from the store on each call; nothing keeps them). */
  parts(): Promise<CrimePart[]>;
  /** Repeated crime IDs across every stored month (worked out on first call, one month in memory at a time). */
  duplicates(): Promise<DuplicateIds>;
  /** The repeated IDs if already worked out, else null (never reads rows). */
  knownDuplicates(): DuplicateIds | null;
  /** Row columns (built on first call). */
  columns(): Promise<RowColumns>;
  /**
   * The row columns of one authority's rows only, in file order (built on
   * first call for that authority): read from the rows split by authority at
   * import, so a partnership's placement and hot spots never read the force's
   * other rows, IDs or outcomes.
   */
  areaColumns(lad: string): Promise<RowColumns>;
  /**
   * The rows as an arquero table for traces (built on first call, on the same
   * arrays as {@link columns}); with an authority, its rows only (on the arrays of {@link areaColumns}).
   */
  table(lad?: string | null): Promise<ColumnTable>;
  /** Lets go of the row columns and tables built so far (counts and the repeated-ID answer stay); the next call builds them again. */
  release(): void;
}

/** The crime engine's data, loaded once per store version, and able to let go of its row columns (see {@link crimeDataLoader}). */
export interface CrimeLoader {
  (): Promise<CrimeData>;
  /** Lets go of every cache of rows: the loader's and, through {@link CrimeLoader.onRelease}, the engines'. */
  release(): void;
  /** Calls `fn` on every release, so an engine drops what it built from the rows. */
  onRelease(fn: () => void): void;
}

/** What the engines are given: the loader, or (in tests) any function giving crime data. */
export type CrimeSource = (() => Promise<CrimeData>) & Partial<Pick<CrimeLoader, 'onRelease'>>;

/**
 * Loads the stored months once per store version: the crime engine calls this
 * on every request and gets the cached data until something is imported,
 * replaced or deleted. Counts come from the summaries written at import; a
 * month without one (stored before summaries existed, or put back by undo) is
 * counted from its rows once, and a month's summary is kept while its import
 * is unchanged. `idle` (the worker's Foreground, src/engines/foreground.ts) lets the repeated-ID
 * check wait while a page's request is answered.
 */
export function crimeDataLoader(store: DataStore, options: { idle?: () => Promise<void> } = {}): CrimeLoader {
  const idle = options.idle ?? (() => Promise.resolve());
  let cached: Promise<CrimeData> | undefined;
  let cachedVersion = -1;
  let summaries = new Map<string, PartSummary>();
  // The stored months the cached data was read from, as "key|importId" lines.
  let months = '';
  const releases: (() => void)[] = [];
  const get = async () => {
    const version = await store.version();
    if (cached === undefined || version !== cachedVersion) {
      cachedVersion = version;
      const before = cached;
      cached = (async () => {
        const metas = (await store.partitions('crime')).sort((a, b) => a.key.localeCompare(b.key));
        const same = metas.map(idOf).join('\n');
        // A change that left every crime month as it was (a setting, a boundary file): the same data, its
        // repeated-ID check and row columns included, under the new version.
        const reused = same === months && before !== undefined ? await before.catch(() => undefined) : undefined;
        if (reused !== undefined) return { ...reused, version };
        const d = await load(store, version, metas, summaries, idle);
        summaries = d.reuse;
        months = same;
        return d.data;
      })();
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
  return Object.assign(get, {
    release: () => {
      void cached?.then(
        (d) => d.release(),
        () => undefined,
      );
      for (const fn of releases) fn();
    },
    onRelease: (fn: () => void) => void releases.push(fn),
  });
}

const idOf = (m: PartitionMeta) => `${m.key}|${m.importId}`;

async function load(
  store: DataStore,
  version: number,
  metas: readonly PartitionMeta[],
  previous: ReadonlyMap<string, PartSummary>,
  idle: () => Promise<void>,
): Promise<{ data: CrimeData; reuse: Map<string, PartSummary> }> {
  const unknown = metas.filter((m) => !previous.has(idOf(m)));
  const importOf = new Map(metas.map((m) => [m.key, m.importId]));
  const stored = new Map((await store.summaries(unknown.map((m) => m.key))).filter((s) => s.importId === importOf.get(s.key)).map((s) => [s.key, s.summary]));
  const reuse = new Map<string, PartSummary>();
  const summaries: PartSummary[] = [];
  const uncounted = metas.filter((m) => !previous.has(idOf(m)) && !stored.has(m.key));
  // Only the months without a valid summary are read here; every other month's rows wait until a page needs rows.
  const counted = new Map((await readParts(store, uncounted)).map((p) => [p.key, summarisePart(p)]));
  for (const m of metas) {
    const s = previous.get(idOf(m)) ?? stored.get(m.key) ?? counted.get(m.key);
    if (s === undefined) continue;
    reuse.set(idOf(m), s);
    summaries.push(s);
  }
  let dupes: Promise<DuplicateIds> | undefined;
  let known: DuplicateIds | null = null;
  let cols: Promise<RowColumns> | undefined;
  let rows: Promise<ColumnTable> | undefined;
  const columns = () => {
    cols ??= readParts(store, metas).then(rowColumns);
    cols.catch(() => (cols = undefined));
    return cols;
  };
  // One authority's columns (and their table, once a trace asks), kept for the last authority asked.
  let area: { lad: string; cols: Promise<RowColumns>; rows?: Promise<ColumnTable> } | undefined;
  const summaryOf = new Map(summaries.map((s) => [s.key, s]));
  const areaOf = (lad: string) => {
    if (area?.lad !== lad) {
      const entry: NonNullable<typeof area> = { lad, cols: readAreaParts(store, metas, summaryOf, lad).then(rowColumns) };
      entry.cols.catch(() => {
        if (area === entry) area = undefined;
      });
      area = entry;
    }
    return area;
  };
  return {
    reuse,
    data: {
      version,
      metas: metas.map((m) => ({ month: m.month ?? '', force: m.force ?? '', rows: m.rows, rejected: m.rejected, ladCounts: m.ladCounts ?? {} })),
      summaries,
      parts: () => readParts(store, metas),
      duplicates: () => {
        dupes ??= checkIds(store, metas, idle).then((r) => (known = r));
        dupes.catch(() => (dupes = undefined));
        return dupes;
      },
      knownDuplicates: () => known,
      columns,
      areaColumns: (lad) => areaOf(lad).cols,
      table: (lad) => {
        if (lad === undefined || lad === null) return (rows ??= columns().then(rowTable));
        const own = areaOf(lad);
        return (own.rows ??= own.cols.then(rowTable));
      },
      release: () => {
        cols = undefined;
        rows = undefined;
        area = undefined;
      },
    },
  };
}

/**
 * Reads the stored months one at a time: the store serves requests in turn,
 * so a page's small reads (a setting, a population table) wait for one month
 * rather than for all of them.
 */
async function readParts(store: DataStore, metas: readonly PartitionMeta[]): Promise<CrimePart[]> {
  const parts: CrimePart[] = [];
  for (const m of metas) {
    const [d] = await store.partitionData([m.key]);
    await yieldToRequests();
    if (d?.kind !== 'crime') continue;
    parts.push({ key: m.key, month: m.month ?? '', force: m.force ?? '', fileName: m.fileName, batch: d.batch });
  }
  return parts;
}

/**
 * One authority's rows of every stored month that has some, one month per
 * request: the rows split at import where they are still valid, else the
 * month's rows split now (a month stored before version 5, or put back by undo).
 */
async function readAreaParts(store: DataStore, metas: readonly PartitionMeta[], summaryOf: ReadonlyMap<string, PartSummary>, lad: string): Promise<RowPart[]> {
  const out: RowPart[] = [];
  // The month's summary says whether it has any of the authority's rows.
  const wanted = metas.filter((m) => summaryOf.get(m.key)?.lad.includes(lad) !== false);
  const ask = (i: number) => {
    const m = wanted[i];
    if (m === undefined) return undefined;
    const read = store.areaRows(lad, [m.key]);
    read.catch(() => {}); // awaited below; a failure is not unhandled while an earlier month is unpacked
    return read;
  };
  // Two reads in flight: the store reads the next month while this one is unpacked.
  let next = ask(0);
  for (const [i, m] of wanted.entries()) {
    const [stored] = (await next) ?? [];
    next = ask(i + 1);
    let rows = stored?.importId === m.importId ? stored.rows : undefined;
    if (rows === undefined) {
      const [d] = await store.partitionData([m.key]);
      if (d?.kind === 'crime') rows = splitByAuthority(d.batch).find((r) => r.lad === lad);
    }
    await yieldToRequests();
    if (rows !== undefined) out.push({ month: m.month ?? '', fileName: m.fileName, batch: rows });
  }
  return out;
}

/**
 * Repeated crime IDs across the stored months, reading one month at a time
 * and keeping only the ID table; before each month it waits until no page's
 * request is being answered (`idle`), so it runs in the gaps.
 */
async function checkIds(store: DataStore, metas: readonly PartitionMeta[], idle: () => Promise<void>): Promise<DuplicateIds> {
  const check = new DuplicateCheck(metas.reduce((s, m) => s + m.rows, 0));
  for (const m of metas) {
    await idle();
    // The ID prefixes written at import; a month without valid ones (stored before version 6) from its rows.
    const [stored] = await store.crimeIds([m.key]);
    if (stored?.importId === m.importId) check.add({ month: m.month ?? '', ids: stored.ids });
    else {
      const [d] = await store.partitionData([m.key]);
      if (d?.kind === 'crime') check.add({ month: m.month ?? '', ids: idPrefixes(d.batch) });
    }
    await yieldToRequests();
  }
  return check.result();
}

/** Lets the worker answer messages that arrived meanwhile before going on. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
