import { z } from 'zod';
import type { Geometry } from '../models/geo/boundaries';
import { benchmarkPlacement, benchmarkScoring, type NeedBenchmark } from '../models/need/bench';
import { readLookup, type LookupRead } from '../models/need/lookup';
import { mapLayer, needMatrix, needRobustness, type MapLayer, type NeedMatrix, type RobustnessResult } from '../models/need/matrix';
import { areaProfile, type AreaProfile } from '../models/need/profile';
import { crimePeriod } from '../models/need/crime-cube';
import { topAreas, type TopAreas } from '../models/need/top-areas';
import { NeedLevel, NeedSettings, PeriodMonths, UserIndicator, WardLookup } from '../models/need/schema';
import { readUserIndicators, type UserIndicatorRead } from '../models/need/user-indicators';
import type { DataStore } from '../src/data/store';
import type { CrimeSource } from '../src/engines/crime-source';
import { openNeedStore, type NeedUndoSummary } from '../src/data/need-store';
import { needSource, type NeedProgress } from '../src/engines/need-source';
import { catalogueOf, describeSetup, type IndicatorInfo, type NeedSetup } from '../src/engines/need-setup';

const Area = z.string().min(1);
const Text = z.string();

/** The Community need page's questions: its own store, and crime placed by the crime engine's rows. */
export function needApi(store: Promise<DataStore>, crimeData: Promise<CrimeSource>) {
  const need = openNeedStore();
  const source = Promise.all([store, need, crimeData]).then(([data, n, crime]) => needSource(data, n, crime));
  /** A level's areas, indicator table and crime counts, when its boundaries are loaded. */
  async function levelOf(area: string, level: NeedLevel, periodMonths: PeriodMonths) {
    const s = await source;
    const ctx = await s.context(Area.parse(area));
    const lv = NeedLevel.parse(level);
    const table = s.indicators(ctx, lv, PeriodMonths.parse(periodMonths));
    const g = ctx.geography[lv];
    const cube = ctx.cubes[lv];
    return table === undefined || g === undefined || cube === undefined ? undefined : { table, areas: g.areas, cube };
  }

  return {
    /** What is loaded for the area, how its data was placed, and the stored settings. */
    async setup(area: string, onProgress?: NeedProgress): Promise<NeedSetup> {
      const ctx = await (await source).context(Area.parse(area), onProgress);
      return describeSetup(ctx, await (await need).settings(area));
    },

    /** The indicators available at a level for a crime period. */
    async catalogue(area: string, level: NeedLevel, periodMonths: PeriodMonths): Promise<IndicatorInfo[]> {
      const at = await levelOf(area, level, periodMonths);
      return at === undefined ? [] : catalogueOf(at.table);
    },

    /** The boundaries of a level, for the map. */
    async geography(area: string, level: NeedLevel): Promise<{ code: string; name: string; geometry: Geometry }[]> {
      const ctx = await (await source).context(Area.parse(area));
      return (ctx.geography[NeedLevel.parse(level)]?.areas ?? []).map(({ code, name, geometry }) => ({ code, name, geometry }));
    },

    async matrix(area: string, settings: NeedSettings): Promise<NeedMatrix | null> {
      const set = NeedSettings.parse(settings);
      const at = await levelOf(area, set.level, set.periodMonths);
      return at === undefined ? null : needMatrix(at.table, at.areas, set);
    },

    async robustness(area: string, settings: NeedSettings): Promise<RobustnessResult | null> {
      const set = NeedSettings.parse(settings);
      const at = await levelOf(area, set.level, set.periodMonths);
      return at === undefined ? null : needRobustness(at.table, at.areas, set);
    },

    async profile(area: string, level: NeedLevel, periodMonths: PeriodMonths, code: string): Promise<AreaProfile | null> {
      const at = await levelOf(area, level, periodMonths);
      const i = at?.areas.findIndex((a) => a.code === code) ?? -1;
      return at === undefined || i < 0 ? null : areaProfile(at.table, at.cube, at.areas, i);
    },

    /** One indicator's value per area, for the map. */
    async layer(area: string, level: NeedLevel, periodMonths: PeriodMonths, id: string): Promise<MapLayer | null> {
      const at = await levelOf(area, level, periodMonths);
      return at === undefined ? null : mapLayer(at.table, at.areas, Text.parse(id));
    },

    /** The areas with the most rows of some crime types in a period (for the report's "where"). */
    async topAreas(area: string, level: NeedLevel, periodMonths: PeriodMonths, crimeTypes: string[], n: number): Promise<TopAreas | null> {
      const at = await levelOf(area, level, periodMonths);
      if (at === undefined) return null;
      return topAreas(at.cube, at.areas, crimePeriod(at.cube, PeriodMonths.parse(periodMonths)), z.array(Text).parse(crimeTypes), z.number().int().min(1).parse(n));
    },
    /** The stored matrix settings of an area (undefined: none stored). */
    async settings(area: string): Promise<NeedSettings | undefined> {
      return (await need).settings(Area.parse(area));
    },
    /** The user's area indicators and lookup, described (no values). */
    async records(): Promise<{ userIndicators: { name: string; fileName: string; importedAt: number }[]; lookup: { fileName: string; importedAt: number } | null }> {
      const n = await need;
      const [indicators, lookup] = await Promise.all([n.userIndicators(), n.lookup()]);
      return {
        userIndicators: indicators.map(({ name, fileName, importedAt }) => ({ name, fileName, importedAt })),
        lookup: lookup === undefined ? null : { fileName: lookup.fileName, importedAt: lookup.importedAt },
      };
    },
    /** Reads and checks an area-indicator CSV against the loaded boundaries (nothing is stored). */
    async readIndicators(fileName: string, text: string, area: string): Promise<UserIndicatorRead> {
      const ctx = await (await source).context(Area.parse(area));
      return readUserIndicators(Text.parse(text), Text.parse(fileName), ctx.knownCodes, Date.now());
    },
    async saveIndicators(list: UserIndicator[], label: string): Promise<NeedUndoSummary> {
      return (await need).saveIndicators(z.array(UserIndicator).parse(list), Text.parse(label));
    },
    async deleteIndicator(name: string): Promise<NeedUndoSummary> {
      return (await need).deleteIndicator(Text.parse(name));
    },
    /** Reads and checks an LSOA-to-ward lookup CSV (nothing is stored). */
    async readLookup(fileName: string, text: string): Promise<LookupRead> {
      return readLookup(Text.parse(text), Text.parse(fileName), Date.now());
    },
    async setLookup(lookup: WardLookup | null, label: string): Promise<NeedUndoSummary> {
      return (await need).setLookup(WardLookup.nullable().parse(lookup), Text.parse(label));
    },
    async lastUndo(): Promise<NeedUndoSummary | undefined> {
      return (await need).lastUndo();
    },
    async undo(id: string): Promise<void> {
      return (await need).undo(Text.parse(id));
    },
    async saveSettings(area: string, settings: NeedSettings): Promise<void> {
      return (await need).saveSettings(Area.parse(area), NeedSettings.parse(settings));
    },

    /**
     * Benchmark (scripts/bench-need.mjs): scores `areas` synthetic areas ×
     * `indicators` seeded random indicators `runs` times per standardisation,
     * and times placing the area's crime rows in wards.
     */
    async benchmark(areas: number, indicators: number, runs: number, area: string | null): Promise<NeedBenchmark> {
      const n = z.number().int().positive();
      const scoreMs = benchmarkScoring(n.parse(areas), n.parse(indicators), n.parse(runs));
      const ctx = area === null ? undefined : await (await source).context(Area.parse(area));
      const wards = ctx?.geography.ward?.areas.map((w) => w.geometry);
      const placed = ctx === undefined || wards === undefined ? { ms: [], rows: 0 } : benchmarkPlacement(wards, ctx.crime, ctx.area, runs);
      return { scoreMs, assignMs: placed.ms, rows: placed.rows };
    },
  };
}
export type NeedApi = ReturnType<typeof needApi>;
