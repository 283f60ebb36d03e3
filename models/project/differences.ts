import { formatCount, formatMonth, plural } from '../format';
import { windowLabel } from '../evidence/period';
import type { EvidenceSetup } from '../evidence/setup';
import type { DataDescription, SettingsSnapshot } from './schema';

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const monthList = (ms: readonly string[]) => (ms.length <= 6 ? ms.map(formatMonth).join(', ') : `${ms.slice(0, 3).map(formatMonth).join(', ')} … ${ms.slice(-2).map(formatMonth).join(', ')}`);
const span = (ms: readonly string[]) => (ms.length === 0 ? 'none' : windowLabel({ from: ms[0]!, to: ms.at(-1)! }));

/**
 * How the data described in a project file differs from the data loaded now,
 * in sentences (empty when they match). The import goes ahead either way; the
 * figures in a report depend on the data loaded.
 *
 * @example dataDifferences(file.data, now) // ['The file was made with 32 months of police.uk data (May 2021 to Dec 2023); 24 are loaded now …']
 */
export function dataDifferences(file: DataDescription, now: DataDescription): string[] {
  const out: string[] = [];
  if (file.area !== now.area) out.push(`The file was made for ${file.area ?? 'no partnership area'}; the partnership area now is ${now.area ?? 'not chosen'}.`);
  const fm = new Set(file.crime.months);
  const nm = new Set(now.crime.months);
  const missing = file.crime.months.filter((m) => !nm.has(m));
  const extra = now.crime.months.filter((m) => !fm.has(m));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `${plural(missing.length, 'month')} it used ${missing.length === 1 ? 'is' : 'are'} not loaded (${monthList(missing)})` : '',
      extra.length > 0 ? `${plural(extra.length, 'month')} ${extra.length === 1 ? 'is' : 'are'} loaded that it did not use (${monthList(extra)})` : '',
    ].filter((p) => p !== '');
    out.push(
      `The file was made with ${plural(file.crime.months.length, 'month')} of police.uk data (${span(file.crime.months)}); ${formatCount(now.crime.months.length)} ${now.crime.months.length === 1 ? 'is' : 'are'} loaded now (${span(now.crime.months)}): ${parts.join('; ')}.`,
    );
  }
  const nowParts = new Map(now.partitions.map((p) => [p.key, p]));
  const changed = file.partitions.filter((p) => {
    const n = nowParts.get(p.key);
    return n !== undefined && (n.rows !== p.rows || n.fileName !== p.fileName);
  });
  if (changed.length > 0) {
    out.push(
      `${plural(changed.length, 'stored part')} ${changed.length === 1 ? 'holds' : 'hold'} different rows now: ${changed
        .slice(0, 5)
        .map((p) => `${p.key} (${formatCount(p.rows)} rows from ${p.fileName} in the file; ${formatCount(nowParts.get(p.key)!.rows)} from ${nowParts.get(p.key)!.fileName} now)`)
        .join('; ')}${changed.length > 5 ? ' …' : ''}.`,
    );
  }
  const reference = (d: DataDescription) => new Set(d.partitions.filter((p) => p.kind !== 'crime').map((p) => p.key));
  const refNow = reference(now);
  const refGone = [...reference(file)].filter((k) => !refNow.has(k));
  if (refGone.length > 0) out.push(`Reference data the file used is not loaded: ${refGone.join(', ')}.`);
  const indNow = new Set(now.need.userIndicators.map((u) => u.name));
  const indGone = file.need.userIndicators.filter((u) => !indNow.has(u.name)).map((u) => u.name);
  if (indGone.length > 0) out.push(`Area indicators the file used are not loaded: ${indGone.join(', ')}.`);
  if (file.need.lookup !== null && now.need.lookup?.fileName !== file.need.lookup.fileName)
    out.push(`The file used the LSOA-to-ward lookup ${file.need.lookup.fileName}; ${now.need.lookup === null ? 'none is loaded now' : `${now.need.lookup.fileName} is loaded now`}.`);
  return out;
}

/**
 * Which of the file's settings differ from those in force, in words (empty
 * when none do).
 *
 * @example settingsDifferences(fileSettings, mine) // ['the issue catalogue', 'the assessment period (file: …; now: …)']
 */
export function settingsDifferences(file: SettingsSnapshot, now: SettingsSnapshot): string[] {
  const out: string[] = [];
  const e = file.evidence;
  const n = now.evidence;
  if (!same(e.catalogue, n.catalogue)) out.push(`the issue catalogue (${plural(e.catalogue.issues.length, 'issue')} in the file, ${formatCount(n.catalogue.issues.length)} now)`);
  if (!same(e.localCounts, n.localCounts)) out.push(`the local counts (${plural(e.localCounts.length, 'count')} in the file, ${formatCount(n.localCounts.length)} now)`);
  if (!same(e.weights, n.weights)) out.push('the harm and cost weight tables');
  if (!same(e.banding, n.banding)) out.push('the banding rules');
  const period = (p: EvidenceSetup['period']) => `${p.months} months to ${p.end === null ? 'the latest month' : formatMonth(p.end)}`;
  if (!same(e.period, n.period)) out.push(`the assessment period (file: ${period(e.period)}; now: ${period(n.period)})`);
  if (file.area !== now.area) out.push(`the partnership area (file: ${file.area ?? 'none'}; now: ${now.area ?? 'none'})`);
  if (file.need !== null && !same(file.need, now.need)) out.push(`the community need settings for ${file.need.area}`);
  if (!same(file.outputs.dashboard, now.outputs.dashboard)) out.push('the dashboard settings (exceptions, RAG and targets)');
  if (!same(file.outputs.report, now.outputs.report)) out.push('the report settings');
  return out;
}
