/**
 * A streaming RFC 4180 CSV tokenizer that keeps physical line numbers, so a bad
 * row can be reported as "file, line, column".
 *
 * - Strips a UTF-8 byte-order mark at the start of the input.
 * - Accepts LF, CRLF and lone CR line endings.
 * - Quoted fields may contain commas, doubled quotes and line breaks.
 * - Blank lines are skipped (but still counted).
 *
 * @example
 *   const rows: string[][] = [];
 *   const t = createCsvTokenizer({ record: (fields) => rows.push(fields) });
 *   t.push('a,"b,c"\r\n1,2');
 *   t.end(); // rows = [['a', 'b,c'], ['1', '2']]
 */
export interface CsvSink {
  /**
   * A complete record; `line` is the 1-based physical line it starts on.
   * The array is reused for the next record (it saves an allocation per row):
   * copy it to keep it.
   */
  record(fields: string[], line: number): void;
  /** A record that cannot be tokenised (for example an unterminated quote). */
  malformed?(line: number, reason: string, text: string): void;
}

export interface CsvTokenizer {
  push(chunk: string): void;
  end(): void;
  /** Physical lines consumed so far. */
  readonly lines: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface CsvLimits {
  /**
   * Line breaks a quoted field may hold. A quote left open longer (a stray
   * `"`) costs only the line it opened on: that line is reported as malformed
   * and reading resumes at the next line.
   */
  maxFieldLines?: number;
  /** Characters a record may hold; a longer line is reported and skipped up to its end. */
  maxRecordChars?: number;
}

/** Defaults: generous for hand-written files (rationales over several lines), small enough that a stray quote costs little. */
export const CSV_LIMITS: Required<CsvLimits> = { maxFieldLines: 50, maxRecordChars: 1_000_000 };

/**
 * A copy of a field that does not share its file's text. The tokenizer cuts
 * fields out of the text it is given, and V8 keeps a cut of 13 or more
 * characters as a view of the whole text: one such field kept past its file
 * (a force name, a dictionary value, a quoted problem) keeps the file's entire
 * text alive, out of sight of the heap's own size. Use it on what outlives the
 * file; shorter strings are copies already.
 *
 * @example const force = detach(fields[9]);
 */
export function detach(s: string): string {
  // A JSON round trip builds new characters. (Cheaper-looking tricks are not: a cut of a concatenation can be
  // a cut of the original again, and split('') results are cached against the string they split.)
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export function createCsvTokenizer(sink: CsvSink, limits: CsvLimits = {}): CsvTokenizer {
  const { maxFieldLines, maxRecordChars } = { ...CSV_LIMITS, ...limits };
  let pending = '';
  let line = 1;
  let started = false;
  let ended = false;
  /** True while the rest of an over-long line is being dropped. */
  let skipping = false;
  const fields: string[] = [];

  /** The end of the physical line starting at `from` (index after its line break), or -1 if it is not in `buf`. */
  function nextLineStart(buf: string, from: number): number {
    for (let i = from; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === LF) return i + 1;
      if (c === CR) return buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
    return -1;
  }

  /** Tokenises `buf`; returns the index of the first character not consumed. */
  function scan(buf: string, final: boolean): number {
    const n = buf.length;
    let i = 0;
    records: while (i < n) {
      const recordStart = i;
      const recordLine = line;
      let lineBreaks = 0;
      let problem: string | undefined;
      fields.length = 0;
      for (;;) {
        if (i >= n) {
          // Input ends after a delimiter: "a,b," at the very end.
          if (!final) return recordStart;
          fields.push('');
          break;
        }
        let c = buf.charCodeAt(i);
        if (c === QUOTE) {
          let value = '';
          let j = i + 1;
          let breaks = 0;
          for (;;) {
            const k = buf.indexOf('"', j);
            breaks += countBreaks(buf, j, k === -1 ? n : k);
            if (breaks > maxFieldLines || (k === -1 && final)) {
              // A stray quote: only the line it opened on is lost; reading resumes on the next line.
              const resume = nextLineStart(buf, recordStart);
              const lineText = trimLineEnd(buf.slice(recordStart, resume === -1 ? n : resume));
              const why =
                k === -1 && breaks <= maxFieldLines
                  ? `a quote opened on line ${recordLine} is never closed`
                  : `a quote opened on line ${recordLine} is not closed within ${maxFieldLines + 1} ${maxFieldLines === 0 ? 'line' : 'lines'}`;
              sink.malformed?.(recordLine, `${why}; this line is skipped and reading goes on from the next`, lineText);
              line = recordLine + 1;
              if (resume === -1) return n;
              i = resume;
              continue records;
            }
            if (k === -1) return recordStart;
            // A quote at the very end of a chunk may be the first of a doubled pair.
            if (k + 1 === n && !final) return recordStart;
            if (buf.charCodeAt(k + 1) === QUOTE) {
              value += buf.slice(j, k + 1);
              j = k + 2;
              continue;
            }
            value += buf.slice(j, k);
            i = k + 1;
            break;
          }
          lineBreaks += countBreaks(value, 0, value.length);
          fields.push(value);
          if (i < n) {
            c = buf.charCodeAt(i);
            if (c !== COMMA && c !== LF && c !== CR) {
              problem ??= `unexpected text after the closing quote of field ${fields.length}`;
              while (i < n && (c = buf.charCodeAt(i)) !== COMMA && c !== LF && c !== CR) i++;
              if (i >= n && !final) return recordStart;
            }
          }
        } else {
          let j = i;
          while (j < n && (c = buf.charCodeAt(j)) !== COMMA && c !== LF && c !== CR) j++;
          if (j >= n && !final) return recordStart;
          fields.push(buf.slice(i, j));
          i = j;
        }
        if (i >= n) break; // end of final input
        c = buf.charCodeAt(i);
        if (c === COMMA) {
          i++;
          continue;
        }
        // End of record: LF, CR or CRLF.
        if (c === CR) {
          if (i + 1 >= n && !final) return recordStart;
          i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i++;
        }
        lineBreaks++;
        break;
      }
      if (problem !== undefined && lineBreaks > 1) {
        // A quote that opened a field and closed lines later in the middle of other text was a stray one:
        // only its own line is lost.
        const resume = nextLineStart(buf, recordStart);
        sink.malformed?.(
          recordLine,
          `a quote opened on line ${recordLine} does not close a field (${problem}); this line is skipped and reading goes on from the next`,
          trimLineEnd(buf.slice(recordStart, resume)),
        );
        line = recordLine + 1;
        i = resume;
        continue records;
      }
      line = recordLine + lineBreaks;
      if (problem !== undefined) {
        sink.malformed?.(recordLine, problem, trimLineEnd(buf.slice(recordStart, i)));
        continue records;
      }
      if (fields.length === 1 && fields[0] === '') continue records; // blank line
      sink.record(fields, recordLine);
    }
    return n;
  }

  return {
    push(chunk: string) {
      if (ended) throw new Error('push after end');
      if (!started && chunk.length > 0) {
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      if (skipping) {
        const resume = nextLineStart(chunk, 0);
        if (resume === -1) return;
        skipping = false;
        line++;
        chunk = chunk.slice(resume);
      }
      const buf = pending.length > 0 ? pending + chunk : chunk;
      const used = scan(buf, false);
      pending = used === buf.length ? '' : buf.slice(used);
      if (pending.length > maxRecordChars) {
        // One record longer than any real row: report it, drop it to the end of its line (no rescanning a growing buffer).
        sink.malformed?.(line, `the line is longer than ${maxRecordChars.toLocaleString('en-GB')} characters; it is skipped`, pending.slice(0, 100));
        const breaks = countBreaks(pending, 0, pending.length);
        line += breaks;
        pending = '';
        skipping = true;
      }
    },
    end() {
      if (ended) return;
      ended = true;
      if (pending.length > 0 && !skipping) scan(pending, true);
      pending = '';
    },
    get lines() {
      return line;
    },
  };
}

function countBreaks(s: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR) {
      breaks++;
      if (s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return breaks;
}

function trimLineEnd(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}

/** Tokenises a whole string at once. */
export function parseCsv(text: string): { records: { fields: string[]; line: number }[]; malformed: { line: number; reason: string }[] } {
  const records: { fields: string[]; line: number }[] = [];
  const malformed: { line: number; reason: string }[] = [];
  const t = createCsvTokenizer({
    record: (fields, line) => records.push({ fields: fields.slice(), line }),
    malformed: (line, reason) => malformed.push({ line, reason }),
  });
  t.push(text);
  t.end();
  return { records, malformed };
}

/**
 * Quotes a value for CSV output when it needs it, and neutralises text that a
 * spreadsheet would run as a formula (a cell starting with = + - @, tab or CR
 * gets a leading apostrophe). Numbers are written as numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Reads back text that {@link csvCell} neutralised: a leading apostrophe before
 * = + - @, tab or CR is dropped, so a file the workbench wrote imports as it was.
 *
 * @example csvText("'-2 on last year") // '-2 on last year'
 */
export function csvText(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Formats rows as CSV text with CRLF line endings (what spreadsheets expect). */
export function formatCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
