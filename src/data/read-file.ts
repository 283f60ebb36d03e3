import { parseCsv } from '../../models/csv';
import { parseBoundaries, type BoundaryParse } from '../../models/boundaries';
import { IMD_FILES, sniffImdHeader, type ImdFileKind } from '../../models/imd';
import { createStreetFileParser, type StreetFileResult } from '../../models/police-uk/street-file';
import { matchStreetHeader, STREET_COLUMNS } from '../../models/police-uk/street-row';
import { readTable, type TableResult } from '../../models/tabular';
import { readText, type SourceFile } from './source-file';

/** What reading a file found: its kind and its parsed contents. */
export type FileRead =
  | { kind: 'police-uk-street'; result: StreetFileResult }
  | { kind: ImdFileKind; result: TableResult<Record<string, string | number>> }
  | { kind: 'boundaries'; result: BoundaryParse }
  | { kind: 'unrecognised'; missing: string[]; hint: string }
  | { kind: 'empty' };


const OUTCOMES_HINT = ' It looks like a police.uk outcomes file; load the matching "-street" file instead.';
const STOP_SEARCH_HINT = ' It looks like a police.uk stop-and-search file, which the workbench does not use.';

/**
 * Reads one file, deciding what it is from its first bytes and header, and
 * parses it (validating every row). Runs wherever it is called: the import
 * worker or a parse worker beside it.
 */
export async function readFile(file: SourceFile, onBytes: (n: number) => void): Promise<FileRead> {
  const chunks = readText(file, onBytes);
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

  if (trimmed.startsWith('{')) {
    let text = head;
    for await (const chunk of chunks) text += chunk;
    return { kind: 'boundaries', result: parseBoundaries(text.replace(/^\uFEFF/, '')) };
  }

  const firstLine = trimmed.slice(0, trimmed.search(/\r?\n|$/));
  const header = parseCsv(firstLine).records[0]?.fields ?? [];
  const street = matchStreetHeader(header);
  if (street.ok) {
    const parser = createStreetFileParser();
    parser.push(head);
    for await (const chunk of chunks) parser.push(chunk);
    return { kind: 'police-uk-street', result: parser.end() };
  }
  const imd = sniffImdHeader(header);
  if (imd !== undefined) {
    let text = head;
    for await (const chunk of chunks) text += chunk;
    const spec = IMD_FILES[imd];
    return { kind: imd, result: readTable(text, spec.columns, spec.schema) as TableResult<Record<string, string | number>> };
  }
  await chunks.return(undefined);
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const hint = names.has('outcome type') ? OUTCOMES_HINT : names.has('part of a policing operation') ? STOP_SEARCH_HINT : '';
  return { kind: 'unrecognised', missing: street.missing.length > 0 ? street.missing : [...STREET_COLUMNS], hint };
}

/** The typed-array buffers inside a read, so a worker can hand them over without copying. */
export function transferables(read: FileRead): ArrayBuffer[] {
  if (read.kind !== 'police-uk-street' || !read.result.ok) return [];
  return read.result.batches.flatMap(({ batch: b }) =>
    [b.line, b.crimeId.bytes, b.crimeId.kind, b.longitude, b.latitude, ...[b.location, b.lsoaCode, b.lsoaName, b.crimeType, b.outcome, b.fallsWithin, b.context].map((d) => d.codes)].map(
      (a) => a.buffer as ArrayBuffer,
    ),
  );
}
