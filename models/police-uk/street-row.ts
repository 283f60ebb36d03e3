import { z } from 'zod';
import type { RowProblem } from '../row-problem';

/**
 * The police.uk street-level crime file: columns exactly as published on
 * data.police.uk (monthly "street" downloads).
 */
export const STREET_COLUMNS = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;
export type StreetColumn = (typeof STREET_COLUMNS)[number];

/** The 14 crime types police.uk publishes (since May 2013). */
export const CRIME_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];

const KNOWN_CRIME_TYPES: ReadonlySet<string> = new Set(CRIME_TYPES);
export const isKnownCrimeType = (t: string): t is CrimeType => KNOWN_CRIME_TYPES.has(t);

/** The bounding box police.uk points fall in (England, Wales and Northern Ireland, with a margin). */
export const UK_BOUNDS = { minLongitude: -8.7, maxLongitude: 1.8, minLatitude: 49.8, maxLatitude: 61 } as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LSOA_CODE = /^[EW]01\d{6}$/;

/** A value as quoted in a reason: at most 100 characters, so a huge value is never copied into every report line. */
export const shown = (v: unknown): string => {
  const s = String(v);
  return s.length > 100 ? `${s.slice(0, 100)}…` : s;
};

/** Longest field a police.uk row holds is well under this (a location or an outcome). */
export const MAX_FIELD_CHARS = 1000;

const coordinate = (label: string) => z.string().regex(/^$|^-?\d{1,3}(\.\d+)?$/, { error: (i) => `${label} must be a decimal number of degrees, found "${shown(i.input)}"` });

/**
 * One validated row of a street-level file: the 12 raw strings keyed by field
 * name. Coordinates stay text here ('' = no location) and are parsed once when
 * the row is stored; validation keeps to plain string checks so that zod's
 * compiled fast path can check 160,000 rows in tens of milliseconds.
 */
export const StreetRow = z
  .object({
    crimeId: z.string(),
    month: z.string().regex(MONTH, { error: (i) => `month must be YYYY-MM, found "${shown(i.input)}"` }),
    reportedBy: z.string().min(1, { error: 'the reporting force is empty' }),
    fallsWithin: z.string(),
    longitude: coordinate('longitude'),
    latitude: coordinate('latitude'),
    location: z.string(),
    lsoaCode: z.string().regex(/^$|^[EW]01\d{6}$/, { error: (i) => `LSOA code must look like E01012345, found "${shown(i.input)}"` }),
    lsoaName: z.string(),
    crimeType: z.string().min(1, { error: 'the crime type is empty' }),
    outcome: z.string(),
    context: z.string(),
  })
  .superRefine((row, ctx) => {
    if ((row.longitude === '') !== (row.latitude === '')) {
      const missing = row.longitude === '' ? 'longitude' : 'latitude';
      ctx.addIssue({ code: 'custom', path: [missing], message: `${missing} is empty but the other coordinate is given` });
      return;
    }
    if (row.longitude !== '') {
      const lon = Number(row.longitude);
      const lat = Number(row.latitude);
      const b = UK_BOUNDS;
      if (lon < b.minLongitude || lon > b.maxLongitude) {
        ctx.addIssue({ code: 'custom', path: ['longitude'], message: `longitude ${row.longitude} is outside the United Kingdom (${b.minLongitude} to ${b.maxLongitude})` });
      } else if (lat < b.minLatitude || lat > b.maxLatitude) {
        ctx.addIssue({ code: 'custom', path: ['latitude'], message: `latitude ${row.latitude} is outside the United Kingdom (${b.minLatitude} to ${b.maxLatitude})` });
      }
    }
    if (row.lsoaCode !== '' && row.lsoaName === '') {
      ctx.addIssue({ code: 'custom', path: ['lsoaName'], message: 'LSOA name is empty but an LSOA code is given' });
    }
  });
export type StreetRow = z.infer<typeof StreetRow>;
export type StreetField = keyof StreetRow;

/** Field name → the published column it comes from. */
export const FIELD_COLUMN: Readonly<Record<StreetField, StreetColumn>> = {
  crimeId: 'Crime ID',
  month: 'Month',
  reportedBy: 'Reported by',
  fallsWithin: 'Falls within',
  longitude: 'Longitude',
  latitude: 'Latitude',
  location: 'Location',
  lsoaCode: 'LSOA code',
  lsoaName: 'LSOA name',
  crimeType: 'Crime type',
  outcome: 'Last outcome category',
  context: 'Context',
};
const FIELDS = Object.keys(FIELD_COLUMN) as StreetField[];

export const isMonth = (s: string): boolean => MONTH.test(s);
export const isLsoaCode = (s: string): boolean => LSOA_CODE.test(s);

/** Where each published column sits in a file's header, or which columns are missing. */
export type HeaderMatch = { ok: true; index: Readonly<Record<StreetField, number>>; width: number; extra: string[] } | { ok: false; missing: StreetColumn[]; duplicated?: StreetColumn[] };

/**
 * Matches a header row against the street-level columns (order-free, trimmed,
 * case-insensitive).
 *
 * @example matchStreetHeader(['Month', 'Crime type']) // { ok: false, missing: ['Crime ID', ...] }
 */
export function matchStreetHeader(header: readonly string[]): HeaderMatch {
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const));
  const missing = STREET_COLUMNS.filter((c) => !at.has(c.toLowerCase()));
  if (missing.length > 0) return { ok: false, missing };
  // A column given twice: which one holds the data is a guess, so the file is refused (the last used to win silently).
  const twice = STREET_COLUMNS.filter((c) => header.filter((h) => h.trim().toLowerCase() === c.toLowerCase()).length > 1);
  if (twice.length > 0) return { ok: false, missing: [], duplicated: twice };
  const index = Object.fromEntries(FIELDS.map((f) => [f, at.get(FIELD_COLUMN[f].toLowerCase())!])) as Record<StreetField, number>;
  const known = new Set<string>(STREET_COLUMNS.map((c) => c.toLowerCase()));
  return { ok: true, index, width: header.length, extra: header.filter((h) => h.trim() !== '' && !known.has(h.trim().toLowerCase())) };
}

/**
 * Validates one tokenised record against a matched header.
 * Returns the row, or the first problem found (named by its published column).
 */
export function readStreetRow(fields: readonly string[], line: number, header: Extract<HeaderMatch, { ok: true }>): { ok: true; row: StreetRow } | { ok: false; problem: RowProblem } {
  if (fields.length !== header.width) {
    return {
      ok: false,
      problem: {
        line,
        column: '(whole row)',
        reason: `expected ${header.width} fields, found ${fields.length}`,
        value: truncate(fields.join(',')),
        ...monthOf(fields, header),
      },
    };
  }
  const long = fields.findIndex((f) => f.length > MAX_FIELD_CHARS);
  if (long !== -1) {
    const field = FIELDS.find((f) => header.index[f] === long);
    return {
      ok: false,
      problem: {
        line,
        column: field === undefined ? `column ${long + 1}` : FIELD_COLUMN[field],
        reason: `the value is ${fields[long]!.length.toLocaleString('en-GB')} characters long, more than any police.uk field (${MAX_FIELD_CHARS.toLocaleString('en-GB')})`,
        value: shown(fields[long]),
        ...monthOf(fields, header),
      },
    };
  }
  const ix = header.index;
  const input: StreetRow = {
    crimeId: fields[ix.crimeId]!,
    month: fields[ix.month]!,
    reportedBy: fields[ix.reportedBy]!,
    fallsWithin: fields[ix.fallsWithin]!,
    longitude: fields[ix.longitude]!,
    latitude: fields[ix.latitude]!,
    location: fields[ix.location]!,
    lsoaCode: fields[ix.lsoaCode]!,
    lsoaName: fields[ix.lsoaName]!,
    crimeType: fields[ix.crimeType]!,
    outcome: fields[ix.outcome]!,
    context: fields[ix.context]!,
  };
  const parsed = StreetRow.safeParse(input);
  if (parsed.success) return { ok: true, row: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = (issue.path[0] ?? 'crimeId') as StreetField;
  return {
    ok: false,
    problem: {
      line,
      column: FIELD_COLUMN[field] ?? String(field),
      reason: issue.message,
      value: truncate(input[field] ?? ''),
      ...monthOf(fields, header),
    },
  };
}

function monthOf(fields: readonly string[], header: Extract<HeaderMatch, { ok: true }>): { month?: string } {
  const m = fields[header.index.month]?.trim();
  return m !== undefined && MONTH.test(m) ? { month: m } : {};
}

function truncate(s: string, max = 100): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
