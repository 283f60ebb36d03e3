import { z } from 'zod';
import { DIRECTIONS, STANDARDISATIONS, type Direction, type Standardisation } from './standardise';

/**
 * The need matrix's settings and the records it keeps (user indicators, the
 * LSOA-to-ward lookup). Validated when stored, read back, and when they cross
 * into the need worker.
 */

export const NeedLevel = z.enum(['ward', 'lsoa']);
export type NeedLevel = z.infer<typeof NeedLevel>;
/** How each level is named: as a heading, in running text, one, and with its article. */
export const LEVEL_LABELS: Record<NeedLevel, { plural: string; inText: string; one: string; a: string }> = {
  ward: { plural: 'Wards', inText: 'wards', one: 'ward', a: 'a ward' },
  lsoa: { plural: 'LSOAs (2021)', inText: 'LSOAs (2021)', one: 'LSOA', a: 'an LSOA' },
};

export const DirectionSchema = z.enum(Object.keys(DIRECTIONS) as [Direction, ...Direction[]]);
export const StandardisationSchema = z.enum(Object.keys(STANDARDISATIONS) as [Standardisation, ...Standardisation[]]);

export const IndicatorChoice = z.object({
  id: z.string().min(1),
  direction: DirectionSchema,
  weight: z.number().min(0).max(100),
});
export type IndicatorChoice = z.infer<typeof IndicatorChoice>;

/** Crime rates are over the last 12 or 24 loaded months, or every loaded month (0). */
export const PERIODS = [12, 24, 0] as const;
export const PeriodMonths = z.union([z.literal(12), z.literal(24), z.literal(0)]);
export type PeriodMonths = z.infer<typeof PeriodMonths>;

export const NeedSettings = z.object({
  level: NeedLevel,
  periodMonths: PeriodMonths,
  method: StandardisationSchema,
  indicators: z.array(IndicatorChoice).max(200),
  /** Areas with fewer residents than this are flagged. */
  smallPopulation: z.number().int().min(0).max(1_000_000),
  /** How many areas count as "the top" in the robustness checks. */
  topN: z.number().int().min(1).max(1000),
  /** What the map colours: 'composite' or an indicator id. */
  mapIndicator: z.string(),
});
export type NeedSettings = z.infer<typeof NeedSettings>;

/**
 * The indicators chosen when an area is first opened: crime, ASB and the deprivation domains the 2014 Community Matrix drew on (income, employment, education, health),
 * as population-weighted mean IMD scores (File 5); where File 5 is not loaded the matrix falls back to mean ranks and says so (see needMatrix).
 */
export const DEFAULT_INDICATORS: readonly IndicatorChoice[] = [
  { id: 'crime:all', direction: 'higher', weight: 1 },
  { id: 'crime:Anti-social behaviour', direction: 'higher', weight: 1 },
  { id: 'crime:Violence and sexual offences', direction: 'higher', weight: 1 },
  { id: 'imd:income:score', direction: 'higher', weight: 1 },
  { id: 'imd:employment:score', direction: 'higher', weight: 1 },
  { id: 'imd:education:score', direction: 'higher', weight: 1 },
  { id: 'imd:health:score', direction: 'higher', weight: 1 },
];

export const DEFAULT_SETTINGS: NeedSettings = {
  level: 'ward',
  periodMonths: 12,
  method: 'zscore',
  indicators: [...DEFAULT_INDICATORS],
  smallPopulation: 1000,
  topN: 5,
  mapIndicator: 'composite',
};

const AreaCode = z.string().regex(/^[EW]0[15]\d{6}$/);

/** One indicator from a user's area-indicator CSV: a value per ward or LSOA code, and the line each came from. */
export const UserIndicator = z.object({
  name: z.string().min(1),
  fileName: z.string(),
  importedAt: z.number(),
  values: z.record(AreaCode, z.number()),
  lines: z.record(AreaCode, z.number().int().positive()),
});
export type UserIndicator = z.infer<typeof UserIndicator>;

/** A user's LSOA → ward lookup (for example ONS "LSOA to Ward"), with the line of each pair. */
export const WardLookup = z.object({
  fileName: z.string(),
  importedAt: z.number(),
  pairs: z.record(z.string(), z.string()),
  lines: z.record(z.string(), z.number().int().positive()),
});
export type WardLookup = z.infer<typeof WardLookup>;
