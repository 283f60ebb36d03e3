/** English Indices of Deprivation 2019 files 1, 2, 5 and 6 (one row per 2011 LSOA): one partition per file and local authority. */
import { formatCount } from '../../../../models/format';
import { IMD_FILES, sniffImdHeader, type ImdFileKind } from '../../../../models/imd';
import { readTable, type TableResult } from '../../../../models/tabular';
import { partitionKey, type PartitionData } from '../../../data/schema';
import { fileOutcome, groupBy, importFormat, wholeText } from './format';

type ImdRow = Record<string, string | number>;

export const imd = importFormat<{ kind: ImdFileKind; result: TableResult<ImdRow> }>({
  sniff: ({ header }) => sniffImdHeader(header) !== undefined,

  async read({ head, header }, rest) {
    const kind = sniffImdHeader(header)!;
    const spec = IMD_FILES[kind];
    return { kind, result: readTable(await wholeText(head, rest), spec.columns, spec.schema) as TableResult<ImdRow> };
  },

  toPartitions({ kind, result: r }, ctx) {
    const { file } = ctx;
    if (!r.ok) return { outcome: fileOutcome(file, kind, r.reason === 'empty' ? 'empty' : 'refused', r.reason === 'empty' ? 'Empty.' : `Lacks the columns ${r.missing.join(', ')}.`), rows: 0 };
    ctx.problems(r.problems, 0);
    // Grouping appends in place: copying the list for each row made 60,000 rows of one authority take minutes.
    const byLad = groupBy(
      r.rows.map(({ row }) => row),
      (row) => String(row['ladcd']),
    );
    for (const [lad, list] of byLad) {
      const key = partitionKey.reference(kind, lad);
      const ladName = String(list[0]!['ladnm']);
      ctx.stage(
        { meta: ctx.meta(key, kind, { rows: list.length, rejected: 0, lad, ladName }), data: { key, kind, rows: list } as PartitionData },
        { key, kind, fileName: file.name, label: `${ladName} (${lad})`, stored: list.length, rejected: 0, status: 'added' },
      );
    }
    return {
      outcome: {
        ...fileOutcome(file, kind, 'imported', `${IMD_FILES[kind].label}: ${formatCount(r.rows.length)} LSOAs in ${byLad.size} local authorities; ${formatCount(r.problems.length)} rows rejected.`),
        accepted: r.rows.length,
        rejected: r.problems.length,
      },
      rows: r.rows.length,
    };
  },
});
