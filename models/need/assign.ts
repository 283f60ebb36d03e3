import type { Area, Geometry } from '../geo/boundaries';
import { interiorPoint, pointInGeometry } from '../geo/geometry';
import { PointMemo } from './point-memo';
import type { AreaIndex } from '../geo/spatial-index';

/**
 * Placing data in areas. Crime rows are placed by their coordinates; data on
 * 2011 LSOAs (IMD, population) by the LSOA's centroid, by a lookup the user
 * imports, or, for 2021 LSOAs, by LSOA code with the 2011→2021 splits and
 * merges found geometrically.
 */

/** How a 2011 LSOA was placed. */
export const LINK_METHODS = {
  lookup: 'lookup file',
  'ons-centroid': 'ONS centroid (LONG/LAT) in polygon',
  'computed-centroid': 'computed centroid in polygon (the file gives none)',
  'same-code': 'same LSOA code in 2011 and 2021',
  split: 'split equally between the 2021 LSOAs whose interior points fall in it',
  changed: 'code changed in 2021 (the new LSOA’s interior point falls in it)',
  merged: 'its centroid falls in a merged 2021 LSOA',
} as const;
export type LinkMethod = keyof typeof LINK_METHODS;

/** A 2011 LSOA's share in a target area (share 1 unless the LSOA was split). */
export interface LsoaLink {
  lsoa: string;
  target: number;
  share: number;
  method: LinkMethod;
}

export interface LinkResult {
  links: LsoaLink[];
  /** 2011 LSOAs placed in no target area. */
  unplaced: string[];
  /** Links by method. */
  byMethod: Partial<Record<LinkMethod, number>>;
}

const count = (links: readonly LsoaLink[]) => {
  const out: Partial<Record<LinkMethod, number>> = {};
  for (const l of links) out[l.method] = (out[l.method] ?? 0) + 1;
  return out;
};

/** A 2011 LSOA to place: its boundary when loaded (IMD rows can name LSOAs whose boundaries are not). */
export interface LsoaPlace {
  code: string;
  centroid: Area['centroid'];
  geometry: Geometry | null;
}

/** The point a 2011 LSOA is placed by: the ONS centroid when the file has one, else a computed interior point. */
export function lsoaPoint(a: LsoaPlace): { point: readonly [number, number]; method: 'ons-centroid' | 'computed-centroid' } | undefined {
  if (a.centroid !== null) return { point: a.centroid, method: 'ons-centroid' };
  return a.geometry === null ? undefined : { point: interiorPoint(a.geometry), method: 'computed-centroid' };
}

/**
 * Places each 2011 LSOA in one ward: by the lookup when it names a ward of
 * `wards`, otherwise by the LSOA's centroid in the ward polygons.
 *
 * @example linkLsoasToWards(lsoa11, wards, wardIndex).byMethod // { 'ons-centroid': 121 }
 */
export function linkLsoasToWards(lsoas: readonly LsoaPlace[], wards: readonly Area[], wardIndex: AreaIndex, lookup?: Readonly<Record<string, string>>): LinkResult & { lookupUnknownWard: string[] } {
  const wardAt = new Map(wards.map((w, i) => [w.code, i]));
  const links: LsoaLink[] = [];
  const unplaced: string[] = [];
  const lookupUnknownWard: string[] = [];
  for (const l of lsoas) {
    const named = lookup?.[l.code];
    if (named !== undefined) {
      const target = wardAt.get(named);
      if (target !== undefined) {
        links.push({ lsoa: l.code, target, share: 1, method: 'lookup' });
        continue;
      }
      lookupUnknownWard.push(l.code);
    }
    const at = lsoaPoint(l);
    const target = at === undefined ? -1 : wardIndex.locate(at.point[0], at.point[1]);
    if (target < 0) unplaced.push(l.code);
    else links.push({ lsoa: l.code, target, share: 1, method: at!.method });
  }
  return { links, unplaced, byMethod: count(links), lookupUnknownWard };
}

/**
 * Relates 2011 LSOAs to 2021 LSOAs. An unchanged LSOA keeps its code. A 2011
 * LSOA whose code is gone is shared equally between the new 2021 LSOAs whose
 * interior points lie in it (a split: LSOAs are drawn to hold similar
 * numbers of residents, so equal shares are the natural estimate; with one
 * such LSOA its code simply changed); if none does, it was merged, and goes
 * wholly to the 2021 LSOA containing its centroid.
 *
 * @example linkLsoa11To21(lsoa11, lsoa21, lsoa21Index).byMethod // { 'same-code': 118, split: 7 }
 */
export function linkLsoa11To21(lsoa11: readonly LsoaPlace[], lsoa21: readonly Area[], lsoa21Index: AreaIndex): LinkResult {
  const at21 = new Map(lsoa21.map((a, i) => [a.code, i]));
  const codes11 = new Set(lsoa11.map((a) => a.code));
  const newOnes = lsoa21.map((a, i) => ({ a, i })).filter(({ a }) => !codes11.has(a.code));
  const newPoints = newOnes.map(({ a, i }) => ({ i, p: interiorPoint(a.geometry) }));
  const links: LsoaLink[] = [];
  const unplaced: string[] = [];
  for (const l of lsoa11) {
    const same = at21.get(l.code);
    if (same !== undefined) {
      links.push({ lsoa: l.code, target: same, share: 1, method: 'same-code' });
      continue;
    }
    const g = l.geometry;
    const children = g === null ? [] : newPoints.filter(({ p }) => pointInGeometry(p[0], p[1], g)).map(({ i }) => i);
    if (children.length > 0) {
      for (const target of children) links.push({ lsoa: l.code, target, share: 1 / children.length, method: children.length > 1 ? 'split' : 'changed' });
      continue;
    }
    const at = lsoaPoint(l);
    const target = at === undefined ? -1 : lsoa21Index.locate(at.point[0], at.point[1]);
    if (target < 0) unplaced.push(l.code);
    else links.push({ lsoa: l.code, target, share: 1, method: 'merged' });
  }
  return { links, unplaced, byMethod: count(links) };
}

/** Where a crime row went. Non-negative values are area indexes. */
export const ROW = { notAssigned: -1, otherAuthority: -2, noCoordinates: -3 } as const;

export interface RowAssignment {
  /** Per crime-table row: area index, or one of {@link ROW}. */
  areaOfRow: Int32Array;
  /** Rows of the partnership area considered. */
  considered: number;
  assigned: number;
  notAssigned: number;
  noCoordinates: number;
}

const tally = (areaOfRow: Int32Array): RowAssignment => {
  let assigned = 0;
  let notAssigned = 0;
  let noCoordinates = 0;
  for (const a of areaOfRow) {
    if (a >= 0) assigned++;
    else if (a === ROW.notAssigned) notAssigned++;
    else if (a === ROW.noCoordinates) noCoordinates++;
  }
  return { areaOfRow, considered: assigned + notAssigned + noCoordinates, assigned, notAssigned, noCoordinates };
};

/**
 * Places the partnership's crime rows in areas by point-in-polygon on their
 * coordinates. A row whose point falls outside every polygon (police.uk
 * snaps points to anonymous map points, and boundaries are generalised) is
 * counted as not assigned, never forced into the nearest area.
 *
 * @example assignByPoint(index, lon, lat, (i) => lad[i] === 'Luton').notAssigned // 212
 */
export function assignByPoint(index: AreaIndex, longitude: ArrayLike<number>, latitude: ArrayLike<number>, inPartnership: (row: number) => boolean): RowAssignment {
  const n = longitude.length;
  const areaOfRow = new Int32Array(n);
  // Each distinct point is located once (police.uk rows share anonymous map points).
  const memo = new PointMemo();
  for (let i = 0; i < n; i++) {
    if (!inPartnership(i)) areaOfRow[i] = ROW.otherAuthority;
    else {
      const x = longitude[i]!;
      const y = latitude[i]!;
      areaOfRow[i] = x !== x || y !== y ? ROW.noCoordinates : memo.get(x, y, () => index.locate(x, y));
    }
  }
  return tally(areaOfRow);
}

/**
 * Places the partnership's crime rows in 2021 LSOAs by the LSOA code on the
 * row. A code that is not among the loaded LSOAs is counted as not assigned.
 */
export function assignByCode(codes: readonly string[], areaCodes: readonly string[], inPartnership: (row: number) => boolean): RowAssignment {
  const at = new Map(areaCodes.map((c, i) => [c, i]));
  const areaOfRow = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    areaOfRow[i] = !inPartnership(i) ? ROW.otherAuthority : codes[i] === '' ? ROW.noCoordinates : (at.get(codes[i]!) ?? ROW.notAssigned);
  }
  return tally(areaOfRow);
}
