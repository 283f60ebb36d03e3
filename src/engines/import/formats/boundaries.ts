/** ONS boundary GeoJSON (wards, 2011 and 2021 LSOAs): one partition per level and local authority. */
import { BOUNDARY_LEVELS, parseBoundaries, type BoundaryParse } from '../../../../models/geo/boundaries';
import { formatCount } from '../../../../models/format';
import { partitionKey } from '../../../data/schema';
import { fileOutcome, groupBy, importFormat, wholeText } from './format';

export const boundaries = importFormat<BoundaryParse>({
  sniff: ({ head }) =>
    head
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('{'),

  async read({ head }, rest) {
    return parseBoundaries((await wholeText(head, rest)).replace(/^\uFEFF/, ''));
  },

  toPartitions(r, ctx) {
    const { file } = ctx;
    if (!r.ok) return { outcome: fileOutcome(file, 'boundaries', 'refused', `Not a boundary file the workbench can read: ${r.reason}.`), rows: 0 };
    for (const p of r.problems) ctx.problems([{ line: p.feature, column: '(feature)', reason: p.reason, value: '' }], 0);
    for (const [lad, areas] of groupBy(r.areas, (a) => a.lad)) {
      const key = partitionKey.reference(r.level, lad === '' ? 'unknown' : lad);
      ctx.stage(
        { meta: ctx.meta(key, r.level, { rows: areas.length, lad }), data: { key, kind: r.level, areas } },
        { key, kind: r.level, fileName: file.name, label: `${BOUNDARY_LEVELS[r.level].label} ${lad}`, stored: areas.length, rejected: 0, status: 'added' },
      );
    }
    return {
      outcome: {
        ...fileOutcome(file, 'boundaries', 'imported', `${BOUNDARY_LEVELS[r.level].label}: ${formatCount(r.areas.length)} areas; ${formatCount(r.problems.length)} features rejected.`),
        accepted: r.areas.length,
        rejected: r.problems.length,
      },
      rows: r.areas.length,
    };
  },
});
