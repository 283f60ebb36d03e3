import { IMD_DOMAINS } from '../../models/imd';
import { crimeCube, crimePeriod, type CrimeCube } from '../../models/need/crime-cube';
import { buildGeography, resolveLadCode, type CrimeColumns, type LevelGeography } from '../../models/need/geography';
import { buildIndicators, type ImdScores, type ImdValues, type IndicatorTable, type LsoaPopulation } from '../../models/need/indicators';
import type { NeedLevel, UserIndicator, WardLookup } from '../../models/need/schema';
import { crimeDataLoader, type CrimeSource } from './crime-source';
import type { NeedStore } from '../data/need-store';
import type { PartitionData, PartitionMeta } from '../data/schema';
import type { DataStore } from '../data/store';

/** What the need matrix works from for one partnership area, built once per change to either store. */
export interface NeedContext {
  area: string;
  /** The area's local authority code, when boundaries or IMD rows name it. */
  lad: string | undefined;
  geography: Partial<Record<NeedLevel, LevelGeography>>;
  cubes: Partial<Record<NeedLevel, CrimeCube>>;
  imd: Map<string, ImdValues>;
  imdFile: 'imd2' | 'imd1' | null;
  /** IMD 2019 File 5 scores by 2011 LSOA (empty when File 5 is not loaded). */
  imdScores: Map<string, ImdScores>;
  population: Map<string, LsoaPopulation>;
  user: UserIndicator[];
  lookup: WardLookup | undefined;
  /** Stored files the context was built from, by partition kind. */
  files: Partial<Record<PartitionMeta['kind'], string>>;
  /** Every ward and LSOA code of the loaded boundaries (any authority), for checking user files. */
  knownCodes: Set<string>;
  /** The crime-table columns used for placement (the area's stored rows). */
  crime: CrimeColumns;
}

export type NeedProgress = (phase: string, done: number, total: number) => void;

/**
 * Loads what the need worker needs from the data store and the need store,
 * caching the result until either changes, and the indicator tables built
 * from it per level and period.
 *
 * @example const source = needSource(store, need); const ctx = await source.context('Luton');
 */
export function needSource(store: DataStore, need: NeedStore, crimeData: CrimeSource = crimeDataLoader(store)) {
  let cached: { key: string; ctx: Promise<NeedContext> } | undefined;
  const tables = new Map<string, IndicatorTable>();
  // An import has begun: the placed rows go, and come back on the next request.
  crimeData.onRelease?.(() => {
    cached = undefined;
    tables.clear();
  });

  async function context(area: string, progress: NeedProgress = () => {}): Promise<NeedContext> {
    const key = `${await store.version()}|${await need.revision()}|${area}`;
    if (cached?.key !== key) {
      tables.clear();
      const ctx = load(area, progress);
      cached = { key, ctx };
      ctx.catch(() => {
        if (cached?.ctx === ctx) cached = undefined;
      });
    }
    return cached.ctx;
  }

  async function load(area: string, progress: NeedProgress): Promise<NeedContext> {
    const steps = 4;
    progress('Reading boundaries and IMD', 0, steps);
    const metas = await store.partitions();
    const byKind = (k: PartitionMeta['kind']) => metas.filter((m) => m.kind === k);
    const areasOf = async (kind: 'ward' | 'lsoa11' | 'lsoa21', keys?: string[]) => {
      const data = await store.partitionData(keys ?? byKind(kind).map((m) => m.key));
      return data.flatMap((d) => (d.kind === kind ? d.areas : []));
    };
    const allLsoa = [...(await areasOf('lsoa21')), ...(await areasOf('lsoa11'))];
    const allWards = await areasOf('ward');
    const knownCodes = new Set([...allLsoa, ...allWards].map((a) => a.code));
    const lad = resolveLadCode(area, [...byKind('imd1'), ...byKind('imd2'), ...byKind('imd5'), ...byKind('imd6')], allLsoa);
    const [user, lookup] = await Promise.all([need.userIndicators(), need.lookup()]);
    const files: NeedContext['files'] = {};
    const take = (kind: PartitionMeta['kind']): string | undefined => {
      const m = lad === undefined ? undefined : metas.find((x) => x.key === `${kind}|${lad}`);
      if (m !== undefined) files[kind] = m.fileName;
      return m?.key;
    };
    const level = async (kind: 'ward' | 'lsoa11' | 'lsoa21') => {
      const key = take(kind);
      return key === undefined ? [] : areasOf(kind, [key]);
    };
    const [wards, lsoa11, lsoa21] = [await level('ward'), await level('lsoa11'), await level('lsoa21')];
    const imdKey = take('imd2') ?? take('imd1');
    const popKey = take('imd6');
    const scoreKey = take('imd5');
    const ref = await store.partitionData([imdKey, popKey, scoreKey].filter((k) => k !== undefined));
    const imdScores = new Map<string, ImdScores>();
    for (const d of ref) {
      if (d.kind !== 'imd5') continue;
      for (const r of d.rows) {
        const v: ImdScores = { imd: r.imdScore };
        for (const dom of IMD_DOMAINS) v[dom.id] = r[`${dom.id}Score`];
        imdScores.set(r.lsoa11cd, v);
      }
    }
    const imd = new Map<string, ImdValues>();
    const population = new Map<string, LsoaPopulation>();
    let imdFile: NeedContext['imdFile'] = null;
    for (const d of ref) readReference(d, imd, population, (k) => (imdFile = k));

    progress(`Reading the stored crime rows of ${area}`, 1, steps);
    const crime = await crimeData();
    const { lad: rowLad, longitude, latitude, lsoaCode, crimeType, month } = await crime.areaColumns(area);
    const columns = { lad: rowLad, longitude, latitude, lsoaCode };

    progress('Placing crime rows and LSOAs in areas', 2, steps);
    const geography = buildGeography({ area, wards, lsoa11, lsoa21, dataLsoas: [...new Set([...imd.keys(), ...imdScores.keys(), ...population.keys()])], lookup, crime: columns });
    progress('Counting crime by area and month', 3, steps);
    const cubes: NeedContext['cubes'] = {};
    for (const [level, g] of Object.entries(geography) as [NeedLevel, LevelGeography][]) {
      cubes[level] = crimeCube(g.crime.areaOfRow, crimeType, month, g.areas.length);
    }
    progress('Ready', steps, steps);
    return { area, lad, geography, cubes, imd, imdFile, imdScores, population, user, lookup, files, knownCodes, crime: columns };
  }

  /** The indicator table of a level and crime period (cached with the context). */
  function indicators(ctx: NeedContext, level: NeedLevel, periodMonths: number): IndicatorTable | undefined {
    const g = ctx.geography[level];
    const cube = ctx.cubes[level];
    if (g === undefined || cube === undefined) return undefined;
    const key = `${level}|${periodMonths}`;
    let table = tables.get(key);
    if (table === undefined) {
      table = buildIndicators({
        level,
        areas: g.areas,
        links: g.links,
        linkNote: g.linkNote,
        imd: ctx.imd,
        imdSource: ctx.imdFile === 'imd2' ? `IoD2019 File 2 (${ctx.files.imd2})` : `IoD2019 File 1 (${ctx.files.imd1})`,
        imdScores: ctx.imdScores,
        scoreSource: `IoD2019 File 5 (${ctx.files.imd5})`,
        population: ctx.population,
        cube,
        period: crimePeriod(cube, periodMonths),
        crimeNote: g.crimeNote,
        user: ctx.user,
      });
      tables.set(key, table);
    }
    return table;
  }

  return { context, indicators };
}

function readReference(d: PartitionData, imd: Map<string, ImdValues>, population: Map<string, LsoaPopulation>, file: (k: 'imd1' | 'imd2') => void): void {
  if (d.kind === 'imd2') {
    file('imd2');
    for (const r of d.rows) {
      const v: ImdValues = { imd: { rank: r.imdRank, decile: r.imdDecile } };
      for (const dom of IMD_DOMAINS) v[dom.id] = { rank: r[`${dom.id}Rank`], decile: r[`${dom.id}Decile`] };
      imd.set(r.lsoa11cd, v);
    }
  } else if (d.kind === 'imd1') {
    file('imd1');
    for (const r of d.rows) imd.set(r.lsoa11cd, { imd: { rank: r.imdRank, decile: r.imdDecile } });
  } else if (d.kind === 'imd6') {
    for (const r of d.rows) population.set(r.lsoa11cd, { population: r.population, children: r.children, aged60plus: r.aged60plus });
  }
}
