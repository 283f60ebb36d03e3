import { z } from 'zod';
import { crimeOverview, overviewRows, OverviewRowsRequest, type CrimeOverview, type OverviewRows } from '../models/overview';
import type { CrimeData } from '../src/engines/crime-source';

/** The Data and Overview pages' questions to the crime engine. */
export function dataApi(crimeData: Promise<() => Promise<CrimeData>>) {
  return {
    /** Coverage, rows by crime type and month, and data-quality notes for an area. */
    async overview(area: string | null): Promise<CrimeOverview> {
      const data = await (await crimeData)();
      return crimeOverview(data.metas, { summaries: data.summaries, duplicates: data.duplicates() }, z.string().nullable().parse(area));
    },
    /** The source rows (file and line) of an Overview bar or table cell: the area's rows of those months and crime types, paged. */
    async overviewRows(request: OverviewRowsRequest): Promise<OverviewRows> {
      const data = await (await crimeData)();
      return overviewRows(data.table(), OverviewRowsRequest.parse(request));
    },
  };
}
export type DataApi = ReturnType<typeof dataApi>;
