/// <reference lib="webworker" />
import { expose } from 'comlink';
import { z } from 'zod';
import { openDataStore } from '../src/data/idb-store';
import { crimeDataLoader } from '../src/engines/crime-source';
import { crimeOverview, overviewRows, OverviewRowsRequest, type CrimeOverview, type OverviewRows } from '../models/overview';

const store = openDataStore();
// The overview counts repeated crime IDs, so this worker's table carries them.
const crimeData = store.then((s) => crimeDataLoader(s, { crimeIds: true }));

const api = {
  /** Coverage, rows by crime type and month, and data-quality notes for an area. */
  async overview(area: string | null): Promise<CrimeOverview> {
    const data = await (await crimeData)();
    return crimeOverview(data.metas, data.table, z.string().nullable().parse(area));
  },
  /** The source rows (file and line) of an Overview bar or table cell: the area's rows of those months and crime types, paged. */
  async overviewRows(request: OverviewRowsRequest): Promise<OverviewRows> {
    const data = await (await crimeData)();
    return overviewRows(data.table, OverviewRowsRequest.parse(request));
  },
};
export type DataApi = typeof api;
expose(api);
