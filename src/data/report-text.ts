import { formatCount, formatDateTime, formatMonth, plural } from '../../models/format';
import type { ImportReport, PartOutcome } from './schema';

/** A replacement holding less than this share of the rows it replaced is called out. */
export const SHRINK_WARNING_SHARE = 0.5;

/** Whether a part replaced stored data with much less of it (a fragment, or a file cut short). */
export const shrank = (p: PartOutcome): boolean => p.status === 'replaced' && p.replaced !== undefined && p.stored < SHRINK_WARNING_SHARE * p.replaced.rows;

/** A part of an import as the user knows it: a month of street crime ("Oct 2023"), or a table's label. */
export const partName = (p: PartOutcome): string => (p.kind === 'crime' && p.month !== undefined ? formatMonth(p.month) : p.label);

/**
 * One paragraph saying what an import did, in the order a user asks:
 * what was added, what was replaced (never double counted), what was refused.
 *
 * @example summariseImport(report) // 'Imported on 22/11/2026, 14:03 from 2 files: 1 month added ...'
 */
export function summariseImport(r: ImportReport): string[] {
  const lines: string[] = [];
  const added = r.parts.filter((p) => p.status === 'added');
  const replaced = r.parts.filter((p) => p.status === 'replaced');
  const superseded = r.parts.filter((p) => p.status === 'superseded');
  const allRejected = r.parts.filter((p) => p.status === 'rejected');
  const storedParts = [...added, ...replaced];
  const crimeRows = storedParts.filter((p) => p.kind === 'crime').reduce((s, p) => s + p.stored, 0);
  const tables = storedParts.filter((p) => p.kind !== 'crime').length;
  const rejected = r.files.reduce((s, f) => s + f.rejected, 0);
  const refused = r.files.filter((f) => f.status === 'refused' || f.status === 'failed');
  const what = r.source === 'sample' ? 'Sample loaded' : 'Imported';
  const crime = (ps: PartOutcome[]) => ps.filter((p) => p.kind === 'crime');
  const stored = [crimeRows > 0 || tables === 0 ? `${formatCount(crimeRows)} street-crime rows stored` : '', tables > 0 ? plural(tables, 'reference table') + ' stored' : '']
    .filter(Boolean)
    .join(' and ');
  if (r.undoneAt !== undefined) lines.push(`Undone on ${formatDateTime(r.undoneAt)}: what this import stored has been taken back out.`);
  lines.push(
    `${what} on ${formatDateTime(r.finishedAt)} from ${plural(r.files.length, 'file')}: ${stored}, ${plural(rejected, 'row')} rejected` +
      (refused.length > 0 ? `, ${plural(refused.length, 'file')} refused.` : '.'),
  );
  if (added.length > 0) {
    const months = crime(added).length;
    const other = added.length - months;
    lines.push(`Added: ${[months > 0 ? plural(months, 'month') + ' of street crime' : '', other > 0 ? plural(other, 'reference table') : ''].filter(Boolean).join(' and ')}.`);
  }
  const changed = replaced.filter((p) => p.unchanged !== true);
  const same = replaced.filter((p) => p.unchanged === true);
  if (changed.length > 0) {
    const detail = changed.map((p) => `${partName(p)} (${plural(p.replaced?.rows ?? 0, 'earlier row')} from ${p.replaced?.fileName ?? 'an earlier load'})`);
    lines.push(`Already stored, so replaced rather than added (nothing is counted twice): ${detail.join('; ')}.`);
  }
  if (same.length > 0) {
    lines.push(`Already stored with exactly the same rows, so kept as they were (nothing is counted twice; only the file name and date are new): ${same.map(partName).join(', ')}.`);
  }
  const shrunk = replaced.filter(shrank);
  if (shrunk.length > 0) {
    lines.push(
      `Much smaller than what ${shrunk.length === 1 ? 'it' : 'they'} replaced, so check the ${shrunk.length === 1 ? 'file is' : 'files are'} complete (Undo puts the earlier rows back): ${shrunk
        .map((p) => `${partName(p)} now ${plural(p.stored, 'row')} from ${p.fileName}, was ${formatCount(p.replaced!.rows)} from ${p.replaced!.fileName}`)
        .join('; ')}.`,
    );
  }
  if (superseded.length > 0) {
    lines.push(
      `In more than one file of this import, so one copy was kept (the one with more rows; the later on a tie) and nothing is counted twice: ${superseded
        .map((p) => `${partName(p)}: kept from ${p.supersededBy ?? 'another file'}, not from ${p.fileName} (${plural(p.stored, 'row')})`)
        .join('; ')}.`,
    );
  }
  if (allRejected.some((p) => p.month === undefined)) {
    const n = allRejected.filter((p) => p.month === undefined).reduce((s, p) => s + p.rejected, 0);
    lines.push(`${plural(n, 'row')} could not be placed in a month because the month itself was unreadable; see the rejected rows.`);
  }
  if (allRejected.some((p) => p.month !== undefined)) {
    lines.push(
      `Every row was rejected, so nothing was stored for: ${allRejected
        .filter((p) => p.month !== undefined)
        .map(partName)
        .join(', ')}.`,
    );
  }
  for (const f of refused) lines.push(`${f.name}: ${f.message}`);
  return lines;
}
