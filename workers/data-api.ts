import { z } from 'zod';
import { crimeOverview, overviewRows, OverviewRowsRequest, type CrimeOverview, type OverviewRows } from '../models/overview';
import type { CrimeData } from '../src/engines/crime-source';
import type { DuplicateIds } from '../models/crime-summary';

/** The Data and Overview pages' questions to the crime engine. */
export function dataApi(crimeData: Promise<() => Promise<CrimeData>>) {
  return {
    /** Coverage, rows by crime type and month, and data-quality notes for an area. */
    async overview(area: string | null): Promise<CrimeOverview> {
      const data = await (await crimeData)();
      // Counts come from the summaries; the repeated-ID check needs every row, so it is given only once done (see repeatedIds).
      return crimeOverview(data.metas, { summaries: data.summaries, duplicates: data.knownDuplicates() }, z.string().nullable().parse(area));
    },
    /**
     * The data-quality notes for an area (the report's), and whether the
     * repeated-ID check, which adds a note of its own, had finished.
     */
    async qualityNotes(area: string | null): Promise<{ notes: CrimeOverview['notes']; complete: boolean }> {
      const data = await (await crimeData)();
      const duplicates = data.knownDuplicates();
      return { notes: crimeOverview(data.metas, { summaries: data.summaries, duplicates }, z.string().nullable().parse(area)).notes, complete: duplicates !== null };
    },
    /** Crime IDs on more than one row across the stored months (reads every row once per stored version). */
    async repeatedIds(): Promise<DuplicateIds> {
      return (await (await crimeData)()).duplicates();
    },
    /** The source rows (file and line) of an Overview bar or table cell: the area's rows of those months and crime types, paged. */
    async overviewRows(request: OverviewRowsRequest): Promise<OverviewRows> {
      const req = OverviewRowsRequest.parse(request);
      const data = await (await crimeData)();
      // An area's rows come from its own rows split at import; the whole force's from every row.
      return overviewRows(await data.table(req.area), req);
    },
  };
}
export type DataApi = ReturnType<typeof dataApi>;
