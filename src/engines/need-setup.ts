import { z } from 'zod';
import { LINK_METHODS, type LinkMethod } from '../../models/need/assign';
import { crimeSummary } from '../../models/need/geography';
import type { IndicatorTable } from '../../models/need/indicators';
import { DEFAULT_SETTINGS, DirectionSchema, LEVEL_LABELS, NeedLevel, NeedSettings } from '../../models/need/schema';
import { PARTITION_LABELS } from '../data/schema';
import type { NeedContext } from './need-source';

/** What the need page shows about an area before any scoring: what is loaded, how data was placed, what is missing. */
export const NeedSetup = z.object({
  area: z.string(),
  lad: z.string().nullable(),
  levels: z.array(
    z.object({
      level: NeedLevel,
      label: z.string(),
      areas: z.number(),
      crime: z.object({ considered: z.number(), assigned: z.number(), notAssigned: z.number(), noCoordinates: z.number() }),
      crimeMethod: z.string(),
      crimeSummary: z.string(),
      /** How 2011 LSOAs (IMD and population) were placed: method label → count. */
      links: z.array(z.object({ method: z.string(), label: z.string(), lsoas: z.number() })),
      unplaced: z.array(z.string()),
      lookupUnknownWard: z.array(z.string()),
    }),
  ),
  /** Sentences about data that is not loaded for the area, and what that leaves out. */
  missing: z.array(z.string()),
  files: z.array(z.object({ kind: z.string(), fileName: z.string() })),
  /** The months with crime data for the area (the crime cube's). */
  months: z.object({ first: z.string(), last: z.string(), count: z.number(), list: z.array(z.string()) }).nullable(),
  userIndicators: z.array(z.object({ name: z.string(), fileName: z.string(), importedAt: z.number(), wards: z.number(), lsoas: z.number(), elsewhere: z.number() })),
  lookup: z.object({ fileName: z.string(), importedAt: z.number(), pairs: z.number(), used: z.number() }).nullable(),
  settings: NeedSettings,
  settingsStored: z.boolean(),
});
export type NeedSetup = z.infer<typeof NeedSetup>;

export const IndicatorInfo = z.object({
  id: z.string(),
  label: z.string(),
  group: z.string(),
  unit: z.string(),
  direction: DirectionSchema,
  description: z.string(),
});
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

/** The indicators of a table, without their values (for choosing). */
export const catalogueOf = (t: IndicatorTable): IndicatorInfo[] => t.indicators.map(({ id, label, group, unit, direction, description }) => ({ id, label, group, unit, direction, description }));

/**
 * Summarises a need context for the page.
 *
 * @example describeSetup(ctx, undefined).levels[0].crimeSummary // '57,935 of 58,545 rows placed in a ward (98.96%); …'
 */
export function describeSetup(ctx: NeedContext, stored: NeedSettings | undefined): NeedSetup {
  const levels = (['ward', 'lsoa'] as const).flatMap((level) => {
    const g = ctx.geography[level];
    if (g === undefined) return [];
    return [
      {
        level,
        label: LEVEL_LABELS[level].plural,
        areas: g.areas.length,
        crime: { considered: g.crime.considered, assigned: g.crime.assigned, notAssigned: g.crime.notAssigned, noCoordinates: g.crime.noCoordinates },
        crimeMethod: g.crimeNote,
        crimeSummary: crimeSummary(g.crime, LEVEL_LABELS[level].a),
        links: (Object.keys(LINK_METHODS) as LinkMethod[]).filter((m) => (g.linkCounts[m] ?? 0) > 0).map((m) => ({ method: m, label: LINK_METHODS[m], lsoas: g.linkCounts[m]! })),
        unplaced: g.unplaced,
        lookupUnknownWard: g.lookupUnknownWard,
      },
    ];
  });
  const missing: string[] = [];
  const name = ctx.area;
  if (ctx.lad === undefined)
    missing.push(`No boundaries or IMD rows are loaded for ${name}, so its wards and LSOAs are unknown. Load the ONS ward and LSOA boundary files (GeoJSON) for ${name} on the Data page.`);
  else {
    if (ctx.geography.ward === undefined) missing.push(`No ward boundaries are loaded for ${name} (${ctx.lad}): the ward matrix and map need an ONS ward boundary file.`);
    if (ctx.geography.lsoa === undefined) missing.push(`No 2021 LSOA boundaries are loaded for ${name}: the LSOA matrix and map need an ONS LSOA (2021) boundary file.`);
    if (ctx.files.lsoa11 === undefined)
      missing.push(`No 2011 LSOA boundaries are loaded for ${name}: IMD and population rows can be placed in wards only through a lookup file, and in 2021 LSOAs only where the code is unchanged.`);
    if (ctx.imdFile === null) missing.push(`No IMD 2019 File 1 or 2 is loaded for ${name}: deprivation indicators are unavailable.`);
    else if (ctx.imdFile === 'imd1') missing.push(`Only IMD 2019 File 1 is loaded for ${name}: load File 2 for the seven domains.`);
    if (ctx.population.size === 0)
      missing.push(`IMD 2019 File 6 (population) is not loaded for ${name}: crime rates per 1,000 cannot be computed, and IMD values are averaged without population weights.`);
  }
  const cube = ctx.cubes.ward ?? ctx.cubes.lsoa;
  const codesAt = (level: NeedLevel) => new Set(ctx.geography[level]?.areas.map((a) => a.code) ?? []);
  const wards = codesAt('ward');
  const lsoas = codesAt('lsoa');
  const lookupUsed = ctx.geography.ward?.linkCounts.lookup ?? 0;
  return {
    area: name,
    lad: ctx.lad ?? null,
    levels,
    missing,
    files: Object.entries(ctx.files).map(([kind, fileName]) => ({ kind: PARTITION_LABELS[kind as keyof typeof PARTITION_LABELS] ?? kind, fileName })),
    months: cube === undefined || cube.months.length === 0 ? null : { first: cube.months[0]!, last: cube.months.at(-1)!, count: cube.months.length, list: [...cube.months] },
    userIndicators: ctx.user.map((u) => {
      const codes = Object.keys(u.values);
      const w = codes.filter((c) => wards.has(c)).length;
      const l = codes.filter((c) => lsoas.has(c)).length;
      return { name: u.name, fileName: u.fileName, importedAt: u.importedAt, wards: w, lsoas: l, elsewhere: codes.length - w - l };
    }),
    lookup: ctx.lookup === undefined ? null : { fileName: ctx.lookup.fileName, importedAt: ctx.lookup.importedAt, pairs: Object.keys(ctx.lookup.pairs).length, used: lookupUsed },
    settings: stored ?? DEFAULT_SETTINGS,
    settingsStored: stored !== undefined,
  };
}
