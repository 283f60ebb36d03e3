/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openDataStore } from '../src/data/idb-store';
import { evidenceEngine, type EvidenceProgress, type EvidenceRequest, type EvidenceResponse, type EvidenceTraceRequest } from '../src/data/evidence-source';
import type { Trace } from '../models/evidence/trace';

const engine = openDataStore().then((store) => evidenceEngine(store));

const api = {
  /** Every issue's evidence for a period (requests are validated by the engine). */
  async evidence(request: EvidenceRequest, progress?: (p: EvidenceProgress) => void): Promise<EvidenceResponse> {
    return (await engine).evidence(request, progress);
  },
  /** The months, crime types and source rows behind one figure, paged. */
  async trace(request: EvidenceTraceRequest): Promise<Trace> {
    return (await engine).trace(request);
  },
};
export type EvidenceApi = typeof api;
expose(api);
