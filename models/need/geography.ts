import { ladOfLsoaName } from '../area';
import type { Area } from '../geo/boundaries';
import { formatCount, formatPercent, plural } from '../format';
import { assignByCode, assignByPoint, linkLsoa11To21, linkLsoasToWards, LINK_METHODS, type LinkMethod, type LsoaLink, type LsoaPlace, type RowAssignment } from './assign';
import { areaIndex } from '../geo/spatial-index';
import type { NeedLevel, WardLookup } from './schema';

/**
 * The partnership's areas at each level, with the 2011 LSOAs (IMD,
 * population) and crime rows placed in them, and how.
 */

/** The crime-table columns placement needs. */
export interface CrimeColumns {
  /** Local authority name of each row (from its LSOA name; '' = no location). */
  lad: ArrayLike<string>;
  longitude: ArrayLike<number>;
  latitude: ArrayLike<number>;
  lsoaCode: ArrayLike<string>;
}

export interface LevelGeography {
  level: NeedLevel;
  areas: Area[];
  links: LsoaLink[];
  /** 2011 LSOAs with IMD or population data that could not be placed. */
  unplaced: string[];
  linkCounts: Partial<Record<LinkMethod, number>>;
  /** Lookup pairs naming a ward that is not loaded (those LSOAs fell back to their centroid). */
  lookupUnknownWard: string[];
  crime: RowAssignment;
  /** How 2011 LSOAs were placed, in words. */
  linkNote: string;
  /** How crime rows were placed, in words. */
  crimeNote: string;
}

export interface GeographyInputs {
  area: string;
  wards: readonly Area[];
  lsoa11: readonly Area[];
  lsoa21: readonly Area[];
  /** 2011 LSOA codes with IMD or population rows (placed even when their boundary is missing). */
  dataLsoas: readonly string[];
  lookup?: WardLookup | undefined;
  crime: CrimeColumns;
}

/**
 * Builds the geography of whichever levels have boundaries.
 *
 * @example buildGeography({ area: 'Luton', wards, lsoa11, lsoa21, dataLsoas, crime }).ward!.crime.notAssigned
 */
export function buildGeography(g: GeographyInputs): Partial<Record<NeedLevel, LevelGeography>> {
  const byCode = new Map(g.lsoa11.map((a) => [a.code, a]));
  const places: LsoaPlace[] = [...new Set([...g.lsoa11.map((a) => a.code), ...g.dataLsoas])].sort().map((code) => byCode.get(code) ?? { code, centroid: null, geometry: null });
  const inArea = (i: number) => g.crime.lad[i] === g.area;
  const out: Partial<Record<NeedLevel, LevelGeography>> = {};

  if (g.wards.length > 0) {
    const index = areaIndex(g.wards.map((w) => w.geometry));
    const r = linkLsoasToWards(places, g.wards, index, g.lookup?.pairs);
    const crime = assignByPoint(index, g.crime.longitude, g.crime.latitude, inArea);
    out.ward = {
      level: 'ward',
      areas: [...g.wards],
      links: r.links,
      unplaced: r.unplaced,
      linkCounts: r.byMethod,
      lookupUnknownWard: r.lookupUnknownWard,
      crime,
      linkNote: linkNote(r.byMethod),
      crimeNote: 'by point-in-polygon on the row’s longitude and latitude',
    };
  }
  if (g.lsoa21.length > 0) {
    const index = areaIndex(g.lsoa21.map((a) => a.geometry));
    const r = linkLsoa11To21(places, g.lsoa21, index);
    const crime = assignByCode(
      Array.from(g.crime.lsoaCode),
      g.lsoa21.map((a) => a.code),
      inArea,
    );
    out.lsoa = {
      level: 'lsoa',
      areas: [...g.lsoa21],
      links: r.links,
      unplaced: r.unplaced,
      linkCounts: r.byMethod,
      lookupUnknownWard: [],
      crime,
      linkNote: linkNote(r.byMethod),
      crimeNote: 'by the 2021 LSOA code on the row',
    };
  }
  return out;
}

function linkNote(counts: Partial<Record<LinkMethod, number>>): string {
  const parts = (Object.keys(LINK_METHODS) as LinkMethod[]).filter((m) => (counts[m] ?? 0) > 0).map((m) => `${formatCount(counts[m]!)} by ${LINK_METHODS[m]}`);
  return parts.length === 0 ? 'none placed' : parts.join('; ');
}

/** One sentence on how the crime rows were placed: assigned, not assigned, and their shares. `inA` is "a ward" or "an LSOA". */
export function crimeSummary(c: RowAssignment, inA: string): string {
  if (c.considered === 0) return 'No crime rows of the partnership area are stored.';
  const share = (n: number) => formatPercent(n / c.considered, 2);
  return `${formatCount(c.assigned)} of ${plural(c.considered, 'row')} placed in ${inA} (${share(c.assigned)}); ${formatCount(c.notAssigned)} not assigned (${share(c.notAssigned)})${c.noCoordinates > 0 ? `; ${formatCount(c.noCoordinates)} without coordinates` : ''}.`;
}

/**
 * The local authority code of a partnership area name: from IMD rows (which
 * carry both), else from LSOA boundaries whose names start with it ("Luton
 * 007A" is in Luton).
 *
 * @example resolveLadCode('Luton', [{ lad: 'E06000032', ladName: 'Luton' }], []) // 'E06000032'
 */
export function resolveLadCode(area: string, imdMetas: readonly { lad?: string | undefined; ladName?: string | undefined }[], lsoaAreas: readonly Pick<Area, 'name' | 'lad'>[]): string | undefined {
  const fromImd = imdMetas.find((m) => m.ladName === area && m.lad !== undefined)?.lad;
  if (fromImd !== undefined) return fromImd;
  return lsoaAreas.find((a) => a.lad !== '' && ladOfLsoaName(a.name) === area)?.lad;
}
