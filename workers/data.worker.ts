/// <reference lib="webworker" />
import { expose } from 'comlink';
import { z } from 'zod';
import { openDataStore } from '../src/data/idb-store';
import { crimeDataLoader } from '../src/data/crime-source';
import { crimeOverview, type CrimeOverview } from '../models/overview';

const store = openDataStore();
// The overview counts repeated crime IDs, so this worker's table carries them.
const crimeData = store.then((s) => crimeDataLoader(s, { crimeIds: true }));

const api = {
  /** Coverage, rows by crime type and month, and data-quality notes for an area. */
  async overview(area: string | null): Promise<CrimeOverview> {
    const data = await (await crimeData)();
    return crimeOverview(data.metas, data.table, z.string().nullable().parse(area));
  },
};
export type DataApi = typeof api;
expose(api);
