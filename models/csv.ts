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

export function createCsvTokenizer(sink: CsvSink): CsvTokenizer {
  let pending = '';
  let line = 1;
  let started = false;
  let ended = false;
  const fields: string[] = [];

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
          for (;;) {
            const k = buf.indexOf('"', j);
            if (k === -1) {
              if (!final) return recordStart;
              sink.malformed?.(recordLine, 'a quoted field is never closed', trimLineEnd(buf.slice(recordStart, n)));
              line = recordLine + countBreaks(buf, recordStart, n);
              return n;
            }
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
      const buf = pending.length > 0 ? pending + chunk : chunk;
      const used = scan(buf, false);
      pending = used === buf.length ? '' : buf.slice(used);
    },
    end() {
      if (ended) return;
      ended = true;
      if (pending.length > 0) scan(pending, true);
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
