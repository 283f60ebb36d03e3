/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openDataStore } from '../src/data/idb-store';
import { evidenceEngine, type EvidenceProgress, type EvidenceRequest, type EvidenceResponse, type EvidenceTraceRequest } from '../src/engines/evidence-source';
import type { Trace } from '../models/evidence/trace';
import { buildDashboard, dashboardConfig, DashboardSettings, type Dashboard } from '../models/dashboard/dashboard';
import { EvidenceRequest as Request } from '../src/engines/evidence-source';
import { crimeDataLoader } from '../src/engines/crime-source';
import { peerSource } from '../src/engines/peer-source';
import { PeerGroup, type PeerComparison } from '../models/peers/peers';

const stores = openDataStore().then((store) => {
  // One crime table for both: the evidence and the peer comparison read the same rows.
  const crimeData = crimeDataLoader(store);
  return { engine: evidenceEngine(store, undefined, crimeData), peers: peerSource(store, crimeData) };
});
const engine = stores.then((s) => s.engine);

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
  /** Each police.uk issue's rate per 1,000 ranked among the authorities with rows and a population, over the dashboard's rolling 12 months. */
  async peers(request: EvidenceRequest, peerGroup: string[]): Promise<PeerComparison | null> {
    const req = Request.parse(request);
    if (req.area === null) return null;
    return (await stores).peers.compare(req.area, req.config.catalogue, req.config.period, PeerGroup.parse(peerGroup));
  },
  /** The months, crime types and source rows behind one figure, paged. */
  async trace(request: EvidenceTraceRequest): Promise<Trace> {
    return (await engine).trace(request);
  },
};
export type EvidenceApi = typeof api;
expose(api);
