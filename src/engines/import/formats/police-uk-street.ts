/** police.uk street-level crime files (`YYYY-MM-<force>-street.csv`): one partition per force and month. */
import { formatCount, formatMonth } from '../../../../models/format';
import { createStreetFileParser, monthOfFileName, type StreetFileResult } from '../../../../models/police-uk/street-file';
import { matchStreetHeader } from '../../../../models/police-uk/street-row';
import { partitionKey, type PartOutcome } from '../../../data/schema';
import { clip, fileOutcome, importFormat } from './format';

export const policeUkStreet = importFormat<StreetFileResult>({
  sniff: ({ header }) => matchStreetHeader(header).ok,

  async read({ file, head }, rest) {
    const month = monthOfFileName(file.name);
    const parser = createStreetFileParser(month === undefined ? {} : { month });
    parser.push(head);
    for await (const chunk of rest) parser.push(chunk);
    return parser.end();
  },

  toPartitions(r, ctx) {
    const { file } = ctx;
    if (!r.ok) return { outcome: fileOutcome(file, 'police-uk-street', 'empty', 'Has a header but no rows.'), rows: 0 };
    ctx.problems(r.problems, r.problemsDropped);
    for (const b of r.batches) {
      const key = partitionKey.crime(b.force, b.month);
      const outcome: PartOutcome = {
        key,
        kind: 'crime',
        fileName: file.name,
        label: b.month,
        month: b.month,
        force: b.force,
        stored: b.batch.n,
        rejected: b.rejected,
        ladCounts: b.ladCounts,
        status: b.batch.n === 0 ? 'rejected' : 'added',
      };
      if (b.batch.n === 0) {
        ctx.reject(outcome);
        continue;
      }
      ctx.stage(
        {
          meta: ctx.meta(key, 'crime', { rows: b.batch.n, rejected: b.rejected, month: b.month, force: b.force, ladCounts: b.ladCounts }),
          data: { key, kind: 'crime', batch: b.batch },
        },
        outcome,
      );
    }
    if (r.rejectedWithoutMonth > 0) {
      ctx.reject({ key: `crime||unreadable|${file.name}`, kind: 'crime', fileName: file.name, label: 'Month not readable', stored: 0, rejected: r.rejectedWithoutMonth, status: 'rejected' });
    }
    const months = [...new Set(r.batches.map((b) => b.month))].sort();
    const span = months.length === 0 ? 'no months' : months.length === 1 ? formatMonth(months[0]!) : `${formatMonth(months[0]!)} to ${formatMonth(months[months.length - 1]!)}`;
    const headerOnly = r.accepted === 0 && r.rejected === 0;
    return {
      outcome: {
        ...fileOutcome(
          file,
          'police-uk-street',
          headerOnly ? 'empty' : 'imported',
          headerOnly
            ? 'Has a header but no rows.'
            : `${formatCount(r.accepted)} rows read (${span}); ${formatCount(r.rejected)} rejected.${r.extraColumns.length > 0 ? ` Extra columns ignored: ${r.extraColumns.join(', ')}.` : ''}${relabelWords(r.relabelled)}`,
        ),
        accepted: r.accepted,
        rejected: r.rejected,
      },
      rows: r.accepted,
    };
  },
});

/** Crime types read as police.uk's names, said so the user can see why (hidden characters are shown as code points). */
function relabelWords(list: readonly { from: string; to: string; rows: number }[]): string {
  if (list.length === 0) return '';
  const visible = (s: string) =>
    [...s].map((ch) => (/[\p{L}\p{N}\p{P} ]/u.test(ch) && ch.charCodeAt(0) < 0xff00 ? ch : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join('');
  const shown = list.slice(0, 5).map((x) => `“${clip(visible(x.from), 60)}” as ${x.to} (${formatCount(x.rows)} ${x.rows === 1 ? 'row' : 'rows'})`);
  return ` Crime types written with hidden or unusual characters, or another case, were read as police.uk's names: ${shown.join('; ')}${list.length > 5 ? `; and ${list.length - 5} more` : ''}.`;
}
