import { z } from 'zod';
import type { ColumnTable } from 'arquero';
import { mergeCounts, rankAuthorities, splitByArea } from './area';
import { coverage } from './months';
import { formatCount, formatMonth, formatPercent, plural } from './format';
import { isKnownCrimeType } from './police-uk/street-row';
import { pickRows, TraceRow } from './evidence/trace';
import { monthTypeCounts, type DuplicateIds, type PartSummary } from './crime-summary';

/** What the data view shows: coverage, rows by crime type and month, and data-quality notes. */
export const CrimeOverview = z.object({
  area: z.string().nullable(),
  coverage: z.object({
    first: z.string().optional(),
    last: z.string().optional(),
    gaps: z.array(z.string()),
    runs: z.array(z.tuple([z.string(), z.string()])),
  }),
  forces: z.array(z.object({ force: z.string(), months: z.number(), rows: z.number() })),
  /** Crime types, most rows first. */
  crimeTypes: z.array(z.string()),
  /** Rows in the area by month and crime type (zero cells omitted). */
  counts: z.array(z.object({ month: z.string(), crimeType: z.string(), rows: z.number() })),
  months: z.array(z.object({ month: z.string(), stored: z.number(), inArea: z.number(), outside: z.number(), noLocation: z.number(), rejected: z.number() })),
  totals: z.object({ stored: z.number(), inArea: z.number(), outside: z.number(), noLocation: z.number(), rejected: z.number() }),
  outsideByAuthority: z.array(z.object({ name: z.string(), rows: z.number() })),
  notes: z.array(z.object({ id: z.string(), severity: z.enum(['info', 'warning']), text: z.string() })),
});
export type CrimeOverview = z.infer<typeof CrimeOverview>;

/** The per-month facts the overview needs from stored partitions (no rows). */
export interface MonthMeta {
  month: string;
  force: string;
  rows: number;
  rejected: number;
  ladCounts: Record<string, number>;
}

/** What the overview needs from the stored rows: each force-month's counts and the repeated crime IDs, both worked out once per stored version. */
export interface CrimeCounts {
  summaries: readonly PartSummary[];
  /** null: not checked yet (the check reads every row; the page adds its note when it arrives, through {@link duplicateNote}). */
  duplicates: DuplicateIds | null;
}

/** A month with fewer than this share of the median month's rows is flagged as possibly incomplete. */
export const LOW_MONTH_SHARE = 0.6;

/**
 * Summarises stored crime for the data view.
 *
 * @param metas  one entry per stored force-month
 * @param crime  the same months' summaries ({@link summarisePart}) and repeated IDs ({@link duplicateIds})
 * @param area   the partnership area (authority name), or null for all located rows
 */
export function crimeOverview(metas: readonly MonthMeta[], crime: CrimeCounts, area: string | null): CrimeOverview {
  const byMonth = new Map<string, { stored: number; inArea: number; outside: number; noLocation: number; rejected: number }>();
  const forces = new Map<string, { months: Set<string>; rows: number }>();
  for (const m of metas) {
    const s = splitByArea(m.ladCounts, area ?? undefined);
    const cur = byMonth.get(m.month) ?? { stored: 0, inArea: 0, outside: 0, noLocation: 0, rejected: 0 };
    cur.stored += m.rows;
    cur.inArea += s.inside;
    cur.outside += s.outside;
    cur.noLocation += s.noLocation;
    cur.rejected += m.rejected;
    byMonth.set(m.month, cur);
    const f = forces.get(m.force) ?? { months: new Set(), rows: 0 };
    f.months.add(m.month);
    f.rows += m.rows;
    forces.set(m.force, f);
  }
  const months = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v }));
  const totals = months.reduce(
    (t, m) => ({ stored: t.stored + m.stored, inArea: t.inArea + m.inArea, outside: t.outside + m.outside, noLocation: t.noLocation + m.noLocation, rejected: t.rejected + m.rejected }),
    { stored: 0, inArea: 0, outside: 0, noLocation: 0, rejected: 0 },
  );
  // Coverage is the area's: a stored force-month with none of its rows is a month without data for it.
  const cov = coverage(months.filter((m) => m.inArea > 0).map((m) => m.month));
  const emptyForArea = months.filter((m) => m.stored > 0 && m.inArea === 0).map((m) => m.month);

  const counts = monthTypeCounts(crime.summaries, area);
  const typeTotals = new Map<string, number>();
  for (const c of counts) typeTotals.set(c.crimeType, (typeTotals.get(c.crimeType) ?? 0) + c.rows);
  const crimeTypes = [...typeTotals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);

  const outsideByAuthority = rankAuthorities(mergeCounts(metas.map((m) => m.ladCounts))).filter((a) => a.name !== area);

  return {
    area,
    coverage: { ...(cov.first === undefined ? {} : { first: cov.first, last: cov.last }), gaps: cov.gaps, runs: cov.runs },
    forces: [...forces.entries()].map(([force, f]) => ({ force, months: f.months.size, rows: f.rows })),
    crimeTypes,
    counts,
    months,
    totals,
    outsideByAuthority: area === null ? [] : outsideByAuthority,
    notes: qualityNotes({ area, months, totals, cov, emptyForArea, outsideByAuthority: area === null ? [] : outsideByAuthority, typeTotals, duplicateIds: crime.duplicates, forces: forces.size }),
  };
}

interface NoteInput {
  area: string | null;
  months: CrimeOverview['months'];
  totals: CrimeOverview['totals'];
  cov: ReturnType<typeof coverage>;
  /** Stored months with no row in the area. */
  emptyForArea: string[];
  outsideByAuthority: { name: string; rows: number }[];
  typeTotals: Map<string, number>;
  duplicateIds: DuplicateIds | null;
  forces: number;
}

/** Plain-English data-quality notes, most important first. */
function qualityNotes(x: NoteInput): CrimeOverview['notes'] {
  const notes: CrimeOverview['notes'] = [];
  const { totals } = x;
  if (totals.stored === 0) return [{ id: 'no-data', severity: 'warning', text: 'No police.uk street crime is stored yet. Load the sample or import files on the Data page.' }];
  if (x.area === null) notes.push({ id: 'no-area', severity: 'warning', text: 'No partnership area is chosen, so every located row is counted. Choose the local authority above.' });
  if (x.emptyForArea.length > 0) {
    const where = x.area ?? 'any authority';
    notes.push({
      id: 'empty-for-area',
      severity: 'warning',
      text:
        x.cov.first === undefined
          ? `None of the ${plural(x.months.length, 'stored month')} has a row in ${where}. Choose the partnership area above, or import its police.uk files.`
          : `${plural(x.emptyForArea.length, 'stored month')} ${x.emptyForArea.length === 1 ? 'has' : 'have'} no row in ${where}: ${monthList(x.emptyForArea)}. For ${where} ${x.emptyForArea.length === 1 ? 'it counts' : 'they count'} as months without data (gaps, or outside its coverage), never as months with no crime; import the force's files for ${x.emptyForArea.length === 1 ? 'that month' : 'those months'} to fill them.`,
    });
  }
  if (x.cov.gaps.length > 0) {
    notes.push({
      id: 'gaps',
      severity: 'warning',
      text: `${plural(x.cov.gaps.length, 'month')} missing between ${formatMonth(x.cov.first!)} and ${formatMonth(x.cov.last!)}: ${x.cov.gaps.map(formatMonth).join(', ')}. Totals and trends that span a missing month are understated until it is loaded.`,
    });
  }
  const located = x.months.filter((m) => m.inArea > 0);
  const median = medianOf(located.map((m) => m.inArea));
  for (const m of located) {
    if (m.inArea < LOW_MONTH_SHARE * median) {
      notes.push({
        id: `low-${m.month}`,
        severity: 'warning',
        text: `${formatMonth(m.month)} has ${formatCount(m.inArea)} rows in the area, ${formatPercent(1 - m.inArea / median, 0)} below the median month (${formatCount(median)}); check that its file is complete.`,
      });
    }
  }
  if (totals.noLocation > 0) {
    notes.push({
      id: 'no-location',
      severity: 'info',
      text: `${plural(totals.noLocation, 'row')} (${formatPercent(totals.noLocation / totals.stored)} of stored rows) ${totals.noLocation === 1 ? 'has' : 'have'} no location ("No location" on police.uk). They are kept and counted here, but cannot be placed in an area, so they are excluded from the area's figures.`,
    });
  }
  if (x.area !== null && totals.outside > 0) {
    const top = x.outsideByAuthority.slice(0, 3).map((a) => `${a.name} ${formatCount(a.rows)}`);
    notes.push({
      id: 'outside',
      severity: 'info',
      text: `${plural(totals.outside, 'row')} ${totals.outside === 1 ? 'falls' : 'fall'} in ${plural(x.outsideByAuthority.length, 'other authority', 'other authorities')} (most: ${top.join(', ')}). They are kept and excluded from ${x.area}'s figures.`,
    });
  }
  if (totals.rejected > 0) {
    notes.push({
      id: 'rejected',
      severity: 'info',
      text: `${plural(totals.rejected, 'row')} of the stored months ${totals.rejected === 1 ? 'was' : 'were'} rejected at import; the Data page lists each with its file, line and reason.`,
    });
  }
  const unknown = [...x.typeTotals.keys()].filter((t) => !isKnownCrimeType(t));
  if (unknown.length > 0) {
    notes.push({ id: 'unknown-types', severity: 'warning', text: `Crime types police.uk no longer publishes: ${unknown.join(', ')}. Map them to issues by hand.` });
  }
  const repeated = x.duplicateIds === null ? null : duplicateNote(x.duplicateIds);
  if (repeated !== null) notes.push(repeated);
  if (x.forces > 1) notes.push({ id: 'forces', severity: 'info', text: `Rows come from ${x.forces} forces.` });
  return notes;
}

/** The data-quality note on repeated crime IDs, or null when every ID is on one row. */
export function duplicateNote(d: DuplicateIds): CrimeOverview['notes'][number] | null {
  if (d.ids === 0) return null;
  const where =
    d.sameMonth === d.ids ? 'each within a single month, as police.uk published them' : `${formatCount(d.sameMonth)} within a single month and ${formatCount(d.ids - d.sameMonth)} across months`;
  return {
    id: 'duplicate-ids',
    severity: 'info',
    text: `${plural(d.ids, 'crime ID')} ${d.ids === 1 ? 'appears' : 'appear'} on more than one row (${where}). The rows are kept as published; counts treat each row as one crime, as police.uk's own totals do.`,
  };
}

/** Months as text, runs of consecutive months shortened: "May 2021 to Nov 2023, Jan 2024". */
function monthList(months: readonly string[]): string {
  return coverage(months)
    .runs.map(([a, b]) => (a === b ? formatMonth(a) : `${formatMonth(a)} to ${formatMonth(b)}`))
    .join(', ');
}

function medianOf(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** What the Overview's chart and table show: chosen crime types (none chosen: none shown) and months from..to (YYYY-MM). */
export interface OverviewFilter {
  crimeTypes: readonly string[];
  from: string;
  to: string;
}

/**
 * The overview's counts narrowed to the chosen crime types and months, the
 * types kept in the overview's order (most rows first).
 *
 * @example filterCounts(o, { crimeTypes: ['Shoplifting'], from: '2023-01', to: '2023-12' }).counts
 */
export function filterCounts(o: Pick<CrimeOverview, 'counts' | 'crimeTypes'>, f: OverviewFilter): { crimeTypes: string[]; counts: CrimeOverview['counts'] } {
  const chosen = new Set(f.crimeTypes);
  return {
    crimeTypes: o.crimeTypes.filter((t) => chosen.has(t)),
    counts: o.counts.filter((c) => chosen.has(c.crimeType) && c.month >= f.from && c.month <= f.to),
  };
}

/** Which rows of the Overview to trace: one month (or a run of months) and the crime types counted, a page at a time. */
export const OverviewRowsRequest = z.object({
  area: z.string().nullable(),
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)).min(1),
  crimeTypes: z.array(z.string()).min(1),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1_000_000),
});
export type OverviewRowsRequest = z.infer<typeof OverviewRowsRequest>;

export const OverviewRows = z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(TraceRow) });
export type OverviewRows = z.infer<typeof OverviewRows>;

/**
 * The source rows (file and line) behind an Overview cell or bar: the
 * area's rows of those months and crime types, in month, file and line
 * order, picked as the Evidence page's traces pick theirs.
 */
export function overviewRows(rows: ColumnTable, request: OverviewRowsRequest): OverviewRows {
  const picked = pickRows(rows, request.area, request.crimeTypes, request.months, []);
  return { total: picked.numRows(), offset: request.offset, items: picked.slice(request.offset, request.offset + request.limit).objects() as TraceRow[] };
}
