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

export type BoundaryParse = { ok: false; reason: string } | { ok: true; level: BoundaryLevel; areas: Area[]; problems: { feature: number; reason: string }[] };

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
    const bad = geometryProblem(f.data.geometry);
    if (bad !== undefined) {
      problems.push({ feature: i + 1, reason: `feature ${i + 1} (${code}${nameKey === undefined ? '' : ` ${String(p[nameKey] ?? '')}`}): ${bad}; it is left out` });
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

/**
 * Why a polygon cannot be used for point-in-polygon, or undefined: a ring
 * not closed, with fewer than three distinct points, with no area, with a
 * coordinate that is not a finite number, or (for rings up to 500 points,
 * where it is cheap) crossing itself like a bow tie.
 *
 * @example geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }) // 'ring 1 crosses itself'
 */
export function geometryProblem(g: Geometry): string | undefined {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let n = 0;
  for (const polygon of polygons) {
    for (const ring of polygon as number[][][]) {
      n++;
      const why = ringProblem(ring);
      if (why !== undefined) return `ring ${n} ${why}`;
    }
  }
  return undefined;
}

function ringProblem(ring: number[][]): string | undefined {
  if (!ring.every((pt) => Number.isFinite(pt[0]) && Number.isFinite(pt[1]))) return 'has a coordinate that is not a number';
  const a = ring[0]!;
  const z = ring[ring.length - 1]!;
  if (a[0] !== z[0] || a[1] !== z[1]) return 'is not closed (its last point is not its first)';
  if (new Set(ring.map((pt) => `${pt[0]},${pt[1]}`)).size < 3) return 'has fewer than three distinct points';
  let area = 0;
  for (let i = 0; i + 1 < ring.length; i++) area += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  if (Math.abs(area) < 1e-18) return 'has no area';
  if (ring.length <= 500 && crossesItself(ring)) return 'crosses itself';
  return undefined;
}

/** Whether two non-adjacent edges of a closed ring properly cross. */
function crossesItself(ring: number[][]): boolean {
  const m = ring.length - 1;
  const orient = (p: number[], q: number[], r: number[]) => Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
  for (let i = 0; i < m; i++) {
    for (let j = i + 2; j < m; j++) {
      if (i === 0 && j === m - 1) continue; // they share the closing point
      const [p1, p2, q1, q2] = [ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!];
      const d1 = orient(q1, q2, p1);
      const d2 = orient(q1, q2, p2);
      const d3 = orient(p1, p2, q1);
      const d4 = orient(p1, p2, q2);
      if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    }
  }
  return false;
}
