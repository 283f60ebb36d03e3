/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openDataStore } from '../src/data/idb-store';
import { evidenceEngine, type EvidenceProgress, type EvidenceRequest, type EvidenceResponse, type EvidenceTraceRequest } from '../src/data/evidence-source';
import type { Trace } from '../models/evidence/trace';
import { buildDashboard, dashboardConfig, DashboardSettings, type Dashboard } from '../models/dashboard/dashboard';

const engine = openDataStore().then((store) => evidenceEngine(store));

const api = {
  /** Every issue's evidence for a period (requests are validated by the engine). */
  async evidence(request: EvidenceRequest, progress?: (p: EvidenceProgress) => void): Promise<EvidenceResponse> {
    return (await engine).evidence(request, progress);
  },
  /** The performance dashboard: every issue's evidence over 12 months to the period's end, with exceptions and RAG. */
  async dashboard(request: EvidenceRequest, settings: DashboardSettings, progress?: (p: EvidenceProgress) => void): Promise<Dashboard> {
    const { evidence } = await (await engine).evidence({ ...request, config: dashboardConfig(request.config, settings) }, progress);
    return buildDashboard(evidence, DashboardSettings.parse(settings));
  },
  /** The months, crime types and source rows behind one figure, paged. */
  async trace(request: EvidenceTraceRequest): Promise<Trace> {
    return (await engine).trace(request);
  },
};
export type EvidenceApi = typeof api;
expose(api);
