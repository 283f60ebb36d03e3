import { z } from 'zod';

/**
 * ONS boundary GeoJSON (WGS84): wards, 2011 LSOAs and 2021 LSOAs. The level is
 * recognised from the ONS property names (WD25CD, LSOA11CD, LSOA21CD, ...).
 */

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Ring = z.array(Position).min(4);
export const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type Geometry = z.infer<typeof Geometry>;

const Feature = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: Geometry,
});

export const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

export const BOUNDARY_LEVELS = {
  ward: { label: 'Wards', code: /^WD\d{2}CD$/, name: /^WD\d{2}NM$/ },
  lsoa11: { label: 'LSOAs (2011)', code: /^LSOA11CD$/, name: /^LSOA11NM$/ },
  lsoa21: { label: 'LSOAs (2021)', code: /^LSOA21CD$/, name: /^LSOA21NM$/ },
} as const;
export type BoundaryLevel = keyof typeof BOUNDARY_LEVELS;

/** One area's boundary, reduced to what the workbench uses. */
export const Area = z.object({
  code: z.string().min(1),
  name: z.string(),
  /** The local authority code (LAD..CD, LADCD_ACTIVE), '' when the file does not say. */
  lad: z.string(),
  /** ONS population-weighted or geometric centroid when the file gives one. */
  centroid: z.tuple([z.number(), z.number()]).nullable(),
  geometry: Geometry,
});
export type Area = z.infer<typeof Area>;

export type BoundaryParse =
  | { ok: false; reason: string }
  | { ok: true; level: BoundaryLevel; areas: Area[]; problems: { feature: number; reason: string }[] };

/**
 * Reads an ONS boundary GeoJSON text.
 *
 * @example parseBoundaries(text) // { ok: true, level: 'ward', areas: [{ code: 'E05014735', name: 'Barnfield', ... }] }
 */
export function parseBoundaries(text: string): BoundaryParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  const fc = FeatureCollection.safeParse(json);
  if (!fc.success) return { ok: false, reason: 'not a GeoJSON FeatureCollection' };
  const first = fc.data.features[0] as { properties?: Record<string, unknown> } | undefined;
  const keys = Object.keys(first?.properties ?? {});
  const level = (Object.keys(BOUNDARY_LEVELS) as BoundaryLevel[]).find((l) => keys.some((k) => BOUNDARY_LEVELS[l].code.test(k)));
  if (level === undefined) {
    return { ok: false, reason: 'no ward or LSOA code property (expected one of WD..CD, LSOA11CD, LSOA21CD)' };
  }
  const codeKey = keys.find((k) => BOUNDARY_LEVELS[level].code.test(k))!;
  const nameKey = keys.find((k) => BOUNDARY_LEVELS[level].name.test(k));
  const ladKey = keys.find((k) => /^LAD\d{2}CD$/.test(k)) ?? keys.find((k) => k === 'LADCD_ACTIVE');
  const areas: Area[] = [];
  const problems: { feature: number; reason: string }[] = [];
  fc.data.features.forEach((raw, i) => {
    const f = Feature.safeParse(raw);
    if (!f.success) {
      problems.push({ feature: i + 1, reason: `invalid feature: ${f.error.issues[0]?.message ?? 'unknown problem'}` });
      return;
    }
    const p = f.data.properties ?? {};
    const code = String(p[codeKey] ?? '');
    if (code === '') {
      problems.push({ feature: i + 1, reason: `feature has no ${codeKey}` });
      return;
    }
    const lon = Number(p['LONG']);
    const lat = Number(p['LAT']);
    areas.push({
      code,
      name: String(nameKey === undefined ? code : (p[nameKey] ?? code)).trim(),
      lad: ladKey === undefined ? '' : String(p[ladKey] ?? ''),
      centroid: Number.isFinite(lon) && Number.isFinite(lat) && p['LONG'] !== null && p['LAT'] !== null ? [lon, lat] : null,
      geometry: f.data.geometry,
    });
  });
  return { ok: true, level, areas, problems };
}
