import { z } from 'zod';
import type { CountCube } from '../../models/evidence/cube';
import { cubeFromSummaries } from '../../models/crime-summary';
import { computeEvidence, EvidenceConfig, type EvidenceResult } from '../../models/evidence/evidence';
import { currentPopulation, type AreaPopulation } from '../../models/evidence/population';
import { traceFigure, TraceRequest, type Trace } from '../../models/evidence/trace';
import { monthsWithAreaData } from '../../models/area';
import { crimeDataLoader, type CrimeData } from './crime-source';
import type { DataStore } from '../data/store';

export const EvidenceRequest = z.object({
  /** The partnership area (a local authority name as police.uk LSOA names give it), or null for every located row. */
  area: z.string().nullable(),
  config: EvidenceConfig,
});
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;

export const EvidenceTraceRequest = EvidenceRequest.extend({ trace: TraceRequest });
export type EvidenceTraceRequest = z.infer<typeof EvidenceTraceRequest>;

export const EvidenceProgress = z.object({
  stage: z.enum(['reading', 'counting', 'deriving']),
  /** What is happening, for a progress line. */
  label: z.string(),
  /** Share of the work done, 0-1. */
  done: z.number(),
});
export type EvidenceProgress = z.infer<typeof EvidenceProgress>;

export interface EvidenceTiming {
  /** Whole request, in milliseconds. */
  totalMs: number;
  /** Reading the stored months’ counts (0 when cached). */
  readMs: number;
  /** Counting by month × crime type × LSOA (0 when cached). */
  countMs: number;
  /** Deriving every issue's figures from the counts. */
  deriveMs: number;
}

export interface EvidenceResponse {
  evidence: EvidenceResult;
  timing: EvidenceTiming;
}

/**
 * Evidence over the stored data, for the evidence worker: counts the area's
 * rows by month × crime type × LSOA from each stored month's summary (through
 * {@link crimeDataLoader}) once per version and area, and derives every issue from those counts
 * on each request, so changing the period or the mapping never re-reads rows.
 *
 * @example const engine = evidenceEngine(store); const { evidence } = await engine.evidence({ area: 'Luton', config });
 */
export function evidenceEngine(store: DataStore, now: () => number = () => performance.now(), crimeData: () => Promise<CrimeData> = crimeDataLoader(store)) {
  let counted: { version: number; area: string | null; cube: CountCube; months: string[] } | undefined;
  let people: { version: number; area: string | null; population: AreaPopulation | null } | undefined;

  async function prepare(area: string | null, progress?: (p: EvidenceProgress) => void) {
    const t0 = now();
    const version = await store.version();
    const fresh = counted?.version !== version;
    if (fresh) progress?.({ stage: 'reading', label: 'Reading the stored months’ counts', done: 0 });
    const data: CrimeData = await crimeData();
    const t1 = now();
    let t2 = t1;
    if (counted === undefined || counted.version !== data.version || counted.area !== area) {
      progress?.({ stage: 'counting', label: 'Counting by month, crime type and LSOA', done: 0.5 });
      counted = { version: data.version, area, cube: cubeFromSummaries(data.summaries, area), months: monthsWithAreaData(data.metas, area) };
      t2 = now();
    }
    if (people === undefined || people.version !== data.version || people.area !== area) {
      people = { version: data.version, area, population: area === null ? null : await population(store, area) };
    }
    return { data, cube: counted.cube, months: counted.months, population: people.population, readMs: fresh ? t1 - t0 : 0, countMs: t2 - t1, start: t0 };
  }

  return {
    /** Every issue's evidence for the configured period. */
    async evidence(request: EvidenceRequest, progress?: (p: EvidenceProgress) => void): Promise<EvidenceResponse> {
      const req = EvidenceRequest.parse(request);
      const p = await prepare(req.area, progress);
      progress?.({ stage: 'deriving', label: 'Deriving evidence for each issue', done: 0.9 });
      const t = now();
      const evidence = computeEvidence({ cube: p.cube, storedMonths: p.months, population: p.population, config: req.config });
      const end = now();
      return { evidence, timing: { totalMs: end - p.start, readMs: p.readMs, countMs: p.countMs, deriveMs: end - t } };
    },

    /** Where one figure comes from, with a page of its source rows. */
    async trace(request: EvidenceTraceRequest): Promise<Trace> {
      const req = EvidenceTraceRequest.parse(request);
      const p = await prepare(req.area);
      const evidence = computeEvidence({ cube: p.cube, storedMonths: p.months, population: p.population, config: req.config });
      return traceFigure({ rows: await p.data.table(p.cube.area), cube: p.cube, evidence, config: req.config, request: req.trace });
    },
  };
}
export type EvidenceEngine = ReturnType<typeof evidenceEngine>;

async function population(store: DataStore, area: string): Promise<AreaPopulation | null> {
  const metas = [...(await store.partitions('imd6')), ...(await store.partitions('pop'))];
  const data = await store.partitionData(metas.map((m) => m.key));
  const rows = data.flatMap((d) => (d.kind === 'imd6' ? d.rows : []));
  const tables = data.flatMap((d) => (d.kind === 'pop' ? [d] : []));
  return currentPopulation(tables, rows, area);
}
