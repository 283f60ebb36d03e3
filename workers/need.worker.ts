/// <reference lib="webworker" />
import { expose } from 'comlink';
import { z } from 'zod';
import type { Geometry } from '../models/boundaries';
import { benchmarkScoring, type NeedBenchmark } from '../models/need/bench';
import { readLookup, type LookupRead } from '../models/need/lookup';
import { needMatrix, needRobustness, type NeedMatrix, type RobustnessResult } from '../models/need/matrix';
import { areaProfile, type AreaProfile } from '../models/need/profile';
import { NeedLevel, NeedSettings, PeriodMonths, UserIndicator, WardLookup } from '../models/need/schema';
import { readUserIndicators, type UserIndicatorRead } from '../models/need/user-indicators';
import { openDataStore } from '../src/data/idb-store';
import { openNeedStore, type NeedUndoSummary } from '../src/data/need-store';
import { needSource, type NeedProgress } from '../src/data/need-source';
import { catalogueOf, describeSetup, type IndicatorInfo, type NeedSetup } from '../src/data/need-setup';
import { assignByPoint } from '../models/need/assign';
import { areaIndex } from '../models/need/spatial-index';

const stores = Promise.all([openDataStore(), openNeedStore()]);
const source = stores.then(([data, need]) => needSource(data, need));
const need = stores.then(([, n]) => n);

const Area = z.string().min(1);

/** One indicator's values by area code (null: no value). */
export interface MapLayer {
  id: string;
  label: string;
  unit: string;
  direction: 'higher' | 'lower';
  values: Record<string, number | null>;
}
const Text = z.string();

const api = {
  /** What is loaded for the area, how its data was placed, and the stored settings. */
  async setup(area: string, onProgress?: NeedProgress): Promise<NeedSetup> {
    const ctx = await (await source).context(Area.parse(area), onProgress);
    return describeSetup(ctx, await (await need).settings(area));
  },

  /** The indicators available at a level for a crime period. */
  async catalogue(area: string, level: NeedLevel, periodMonths: PeriodMonths): Promise<IndicatorInfo[]> {
    const s = await source;
    const table = s.indicators(await s.context(Area.parse(area)), NeedLevel.parse(level), PeriodMonths.parse(periodMonths));
    return table === undefined ? [] : catalogueOf(table);
  },

  /** The boundaries of a level, for the map. */
  async geography(area: string, level: NeedLevel): Promise<{ code: string; name: string; geometry: Geometry }[]> {
    const ctx = await (await source).context(Area.parse(area));
    return (ctx.geography[NeedLevel.parse(level)]?.areas ?? []).map(({ code, name, geometry }) => ({ code, name, geometry }));
  },

  async matrix(area: string, settings: NeedSettings): Promise<NeedMatrix | null> {
    const s = await source;
    const ctx = await s.context(Area.parse(area));
    const set = NeedSettings.parse(settings);
    const table = s.indicators(ctx, set.level, set.periodMonths);
    return table === undefined ? null : needMatrix(table, ctx.geography[set.level]!.areas, set);
  },

  async robustness(area: string, settings: NeedSettings): Promise<RobustnessResult | null> {
    const s = await source;
    const ctx = await s.context(Area.parse(area));
    const set = NeedSettings.parse(settings);
    const table = s.indicators(ctx, set.level, set.periodMonths);
    return table === undefined ? null : needRobustness(table, ctx.geography[set.level]!.areas, set);
  },

  async profile(area: string, level: NeedLevel, periodMonths: PeriodMonths, code: string): Promise<AreaProfile | null> {
    const s = await source;
    const ctx = await s.context(Area.parse(area));
    const lv = NeedLevel.parse(level);
    const table = s.indicators(ctx, lv, PeriodMonths.parse(periodMonths));
    const areas = ctx.geography[lv]?.areas ?? [];
    const at = areas.findIndex((a) => a.code === code);
    return table === undefined || at < 0 ? null : areaProfile(table, ctx.cubes[lv]!, areas, at);
  },

  /** One indicator's value per area, for the map. */
  async layer(area: string, level: NeedLevel, periodMonths: PeriodMonths, id: string): Promise<MapLayer | null> {
    const s = await source;
    const ctx = await s.context(Area.parse(area));
    const lv = NeedLevel.parse(level);
    const column = s.indicators(ctx, lv, PeriodMonths.parse(periodMonths))?.indicators.find((i) => i.id === id);
    const areas = ctx.geography[lv]?.areas ?? [];
    if (column === undefined) return null;
    const values = Object.fromEntries(areas.map((a, i) => [a.code, Number.isFinite(column.values[i]!) ? column.values[i]! : null]));
    return { id: column.id, label: column.label, unit: column.unit, direction: column.direction, values };
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
    const scoreMs = benchmarkScoring(z.number().int().positive().parse(areas), z.number().int().positive().parse(indicators), z.number().int().positive().parse(runs));
    const assignMs: number[] = [];
    let rows = 0;
    const ctx = area === null ? undefined : await (await source).context(area);
    const wards = ctx?.geography.ward?.areas;
    if (ctx !== undefined && wards !== undefined) {
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        const a = assignByPoint(areaIndex(wards.map((w) => w.geometry)), ctx.crime.longitude, ctx.crime.latitude, (i) => ctx.crime.lad[i] === ctx.area);
        assignMs.push(performance.now() - t0);
        rows = a.considered;
      }
    }
    return { scoreMs, assignMs, rows };
  },
};
export type NeedApi = typeof api;
expose(api);
