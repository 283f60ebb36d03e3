/** ONS population by 2021 LSOA (mid-year estimates, Census 2021 residents and households): one partition per table and authority. */
import { formatCount } from '../../../../models/format';
import { parseOnsPopulation, populationSourceLabel, sniffPopulationHeader, type OnsPopulationParse } from '../../../../models/population/ons-file';
import { partitionKey } from '../../../data/schema';
import { fileOutcome, groupBy, importFormat, wholeText } from './format';

export const onsPopulation = importFormat<OnsPopulationParse>({
  sniff: ({ header }) => sniffPopulationHeader(header) !== undefined,

  async read({ file, head }, rest) {
    return parseOnsPopulation(await wholeText(head, rest), file.name)!;
  },

  toPartitions(r, ctx) {
    const { file } = ctx;
    if (!r.ok) return { outcome: fileOutcome(file, 'ons-population', 'refused', `An ONS population file, but ${r.reason}.`), rows: 0 };
    ctx.problems(r.problems, 0);
    const byLad = groupBy(r.rows, (row) => row.ladnm);
    const what = `${r.measure} (${populationSourceLabel(r.origin, r.year)})`;
    for (const [ladName, list] of byLad) {
      const key = partitionKey.population(r.measure, r.origin, r.year, ladName);
      const lad = list[0]!.ladcd ?? ladName;
      ctx.stage(
        { meta: ctx.meta(key, 'pop', { rows: list.length, rejected: 0, lad, ladName }), data: { key, kind: 'pop', measure: r.measure, origin: r.origin, year: r.year, rows: list } },
        { key, kind: 'pop', fileName: file.name, label: `${ladName}: ${what}`, stored: list.length, rejected: 0, status: 'added' },
      );
    }
    return {
      outcome: {
        ...fileOutcome(file, 'ons-population', 'imported', `ONS ${what}: ${formatCount(r.rows.length)} LSOAs in ${byLad.size} local authorities; ${formatCount(r.problems.length)} rows rejected.`),
        accepted: r.rows.length,
        rejected: r.problems.length,
      },
      rows: r.rows.length,
    };
  },
});
