import { createCsvTokenizer, detach, type CsvTokenizer } from '../csv';
import { CrimeBatchBuilder, type CrimeBatch } from './crime-batch';
import type { RowProblem } from '../row-problem';
import { CRIME_TYPES, matchStreetHeader, readStreetRow, type HeaderMatch, type StreetColumn } from './street-row';
import { normaliseLabel } from '../encoding';

/** police.uk's crime types by a loose key (letters and digits, lower case), to catch a near-duplicate. */
const LOOSE_TYPES = new Map<string, string>(CRIME_TYPES.map((t) => [looseKey(t), t]));
function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * A crime type as police.uk names it: NFKC, hidden characters gone, spaces
 * collapsed, and a near-duplicate of a published type (other case or
 * punctuation) read as that type. Anything else is kept as normalised.
 *
 * @example canonicalCrimeType('ｂｕｒｇｌａｒｙ\u200b') // 'Burglary'
 */
export function canonicalCrimeType(raw: string): string {
  const t = normaliseLabel(raw);
  return LOOSE_TYPES.get(looseKey(t)) ?? t;
}

/** At most this many problems are kept per file; all are still counted. */
export const MAX_PROBLEMS_PER_FILE = 5000;

/** The rows of one force-month found in a file. */
export interface StreetBatch {
  force: string;
  month: string;
  batch: CrimeBatch;
  /** Rows per local authority name ('' = no location). */
  ladCounts: Record<string, number>;
  /** Rows of this force-month that were rejected. */
  rejected: number;
}

export type StreetFileResult =
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'wrong-columns'; missing: StreetColumn[]; header: string[] }
  | {
      ok: true;
      batches: StreetBatch[];
      problems: RowProblem[];
      /** Problems beyond {@link MAX_PROBLEMS_PER_FILE}, counted but not kept. */
      problemsDropped: number;
      accepted: number;
      rejected: number;
      /** Rejected rows whose month could not be read. */
      rejectedWithoutMonth: number;
      extraColumns: string[];
      lines: number;
      /** Crime types written differently from police.uk's names (hidden characters, fullwidth letters, case) and read as them. */
      relabelled: { from: string; to: string; rows: number }[];
    };

const POLICE_UK_NAME = /^(\d{4})-(0[1-9]|1[0-2])-[^/\\]*street\.csv(\.gz)?$/i;

/**
 * The month a file holds by its police.uk name ("2023-10-bedfordshire-street.csv",
 * also inside a folder or archive), or undefined for any other name.
 *
 * @example monthOfFileName('2023-10/2023-10-bedfordshire-street.csv') // '2023-10'
 */
export function monthOfFileName(name: string): string | undefined {
  const m = POLICE_UK_NAME.exec(name.split(/[/\\]/).pop() ?? '');
  return m === null ? undefined : `${m[1]}-${m[2]}`;
}

export interface StreetFileOptions {
  /**
   * The month the file holds (from its police.uk name). police.uk publishes one
   * file per force and month, so a row of another month is rejected rather
   * than allowed to replace that whole stored month.
   */
  month?: string;
}

/**
 * Parses a police.uk street-level CSV pushed in text chunks, validating every
 * row and grouping good rows by force and month.
 *
 * @example
 *   const p = createStreetFileParser();
 *   p.push(text);
 *   const result = p.end(); // { ok: true, batches: [{ force, month, batch }], problems, ... }
 */
export function createStreetFileParser(options: StreetFileOptions = {}): { push(chunk: string): void; end(): StreetFileResult; readonly refused: boolean } {
  const fileMonth = options.month;
  let header: HeaderMatch | undefined;
  let headerFields: string[] = [];
  const groups = new Map<string, { force: string; month: string; builder: CrimeBatchBuilder }>();
  const problems: RowProblem[] = [];
  let problemsDropped = 0;
  let accepted = 0;
  let rejected = 0;
  let rejectedWithoutMonth = 0;
  const rejectedByMonth = new Map<string, number>();
  const relabelled = new Map<string, { to: string; rows: number }>();
  let lastType = '';
  let lastCanonical = '';

  function reject(p: RowProblem) {
    rejected++;
    if (p.month === undefined) rejectedWithoutMonth++;
    else rejectedByMonth.set(p.month, (rejectedByMonth.get(p.month) ?? 0) + 1);
    if (problems.length < MAX_PROBLEMS_PER_FILE) problems.push(p);
    else problemsDropped++;
  }

  // police.uk fields never span lines: a quote that would run past its line is a stray one, costing that line only.
  const tokenizer: CsvTokenizer = createCsvTokenizer(
    {
      record(fields, line) {
        if (header === undefined) {
          headerFields = fields.slice();
          header = matchStreetHeader(fields);
          return;
        }
        if (!header.ok) return;
        const r = readStreetRow(fields, line, header);
        if (!r.ok) return reject(r.problem);
        const { row } = r;
        if (row.crimeType !== lastType) {
          lastType = row.crimeType;
          lastCanonical = canonicalCrimeType(row.crimeType);
        }
        if (lastCanonical !== row.crimeType) {
          const seen = relabelled.get(row.crimeType);
          if (seen === undefined) relabelled.set(detach(row.crimeType), { to: lastCanonical, rows: 1 });
          else seen.rows++;
          row.crimeType = lastCanonical;
        }
        if (fileMonth !== undefined && row.month !== fileMonth) {
          return reject({
            line,
            column: 'Month',
            reason: `Not the month of this file (${fileMonth}, from its police.uk name); a police.uk street file holds one month, so the row is not stored`,
            value: row.month,
            month: fileMonth,
          });
        }
        const key = `${row.reportedBy}\u0000${row.month}`;
        let g = groups.get(key);
        if (g === undefined) {
          g = { force: detach(row.reportedBy), month: detach(row.month), builder: new CrimeBatchBuilder() };
          groups.set(key, g);
        }
        g.builder.add(row, line);
        accepted++;
      },
      malformed(line, reason, text) {
        if (header === undefined || !header.ok) return;
        reject({ line, column: '(whole row)', reason, value: text.length > 100 ? `${text.slice(0, 100)}…` : text });
      },
    },
    { maxFieldLines: 0 },
  );

  return {
    push(chunk) {
      if (header !== undefined && !header.ok) return;
      tokenizer.push(chunk);
    },
    get refused() {
      return header !== undefined && !header.ok;
    },
    end(): StreetFileResult {
      tokenizer.end();
      if (header === undefined) return { ok: false, reason: 'empty' };
      if (!header.ok) return { ok: false, reason: 'wrong-columns', missing: header.missing, header: headerFields };
      const batches: StreetBatch[] = [];
      // A rejected row may not name its force reliably, so a month's rejects are
      // counted once, against the first force seen in that month.
      const unassigned = new Map(rejectedByMonth);
      for (const g of groups.values()) {
        batches.push({
          force: g.force,
          month: g.month,
          batch: g.builder.finish(),
          ladCounts: g.builder.ladCounts(),
          rejected: unassigned.get(g.month) ?? 0,
        });
        unassigned.delete(g.month);
      }
      // Months in which every row was rejected still deserve a line in the outcome.
      for (const [month, n] of unassigned) {
        batches.push({ force: '', month, batch: new CrimeBatchBuilder().finish(), ladCounts: {}, rejected: n });
      }
      batches.sort((a, b) => a.month.localeCompare(b.month) || a.force.localeCompare(b.force));
      return {
        ok: true,
        batches,
        problems,
        problemsDropped,
        accepted,
        rejected,
        rejectedWithoutMonth,
        extraColumns: header.extra,
        lines: tokenizer.lines,
        relabelled: [...relabelled].map(([from, x]) => ({ from, ...x })),
      };
    },
  };
}
