import { windowLabel } from '../evidence/period';
import { formatCount, formatDate, plural } from '../format';
import type { DataDescription } from '../project/schema';

/**
 * The "Data used" table: one row per kind of stored data (police.uk months,
 * IMD files, boundaries), with what it covers, its files, rows and when it
 * was imported. `labels` names each kind (the data store's partition labels).
 *
 * @example dataUsedRows(data, PARTITION_LABELS)[0] // ['police.uk street crime', 'May 2021 to Dec 2023 (32 months; bedfordshire)', '32', '58,545', '01/02/2026']
 */
export function dataUsedRows(d: DataDescription, labels: Readonly<Record<string, string>> = {}): string[][] {
  const kinds = [...new Set(d.partitions.map((p) => p.kind))];
  const dates = (ts: number[]) => {
    const lo = formatDate(Math.min(...ts));
    const hi = formatDate(Math.max(...ts));
    return lo === hi ? lo : `${lo} to ${hi}`;
  };
  const rows = kinds.map((kind) => {
    const parts = d.partitions.filter((p) => p.kind === kind);
    const covers =
      kind === 'crime'
        ? d.crime.months.length === 0
          ? '—'
          : `${windowLabel({ from: d.crime.months[0]!, to: d.crime.months.at(-1)! })} (${plural(d.crime.months.length, 'month')}${d.crime.forces.length === 0 ? '' : `; ${d.crime.forces.join(', ')}`})`
        : parts.map((p) => p.key.split('|')[1] ?? p.key).join(', ');
    return [labels[kind] ?? kind, covers, formatCount(new Set(parts.map((p) => p.fileName)).size), formatCount(parts.reduce((t, p) => t + p.rows, 0)), dates(parts.map((p) => p.importedAt))];
  });
  for (const u of d.need.userIndicators) rows.push([`Area indicator “${u.name}”`, '—', '1', '—', formatDate(u.importedAt)]);
  if (d.need.lookup !== null) rows.push(['LSOA-to-ward lookup', d.need.lookup.fileName, '1', '—', formatDate(d.need.lookup.importedAt)]);
  return rows;
}
