import { z } from 'zod';
import { HotspotSettings } from '../models/hotspots/schema';
import type { CellTrace, HotspotResult } from '../models/hotspots/result';
import type { DataStore } from '../src/data/store';
import type { CrimeSource } from '../src/engines/crime-source';
import { hotspotSource, type HotspotSetup } from '../src/engines/hotspot-source';

const Area = z.string().min(1);
const CrimeTypes = z.array(z.string().min(1)).min(1, { error: 'the issue counts no police.uk crime type' });

/** The Hot spots page's questions to the crime engine. */
export function hotspotsApi(store: Promise<DataStore>, crimeData: Promise<CrimeSource>) {
  const source = Promise.all([store, crimeData]).then(([s, data]) => hotspotSource(s, data));
  return {
    /** The stored months with the area's rows and the ward boundaries found. */
    async setup(area: string): Promise<HotspotSetup> {
      return (await source).setup(Area.parse(area));
    },
    /** Grid counts, density, Gi* and classification for an issue's crime types and a period. */
    async analyse(area: string, settings: HotspotSettings, crimeTypes: string[]): Promise<HotspotResult> {
      return (await source).analyse(Area.parse(area), HotspotSettings.parse(settings), CrimeTypes.parse(crimeTypes));
    },
    /** One cell's source rows (file and line), a page at a time. */
    async trace(area: string, settings: HotspotSettings, crimeTypes: string[], cellId: string, offset: number, limit: number): Promise<CellTrace> {
      const n = z.number().int().nonnegative();
      return (await source).trace(Area.parse(area), HotspotSettings.parse(settings), CrimeTypes.parse(crimeTypes), z.string().parse(cellId), n.parse(offset), n.min(1).parse(limit));
    },
  };
}
export type HotspotsApi = ReturnType<typeof hotspotsApi>;
