import type { DataStore } from '../src/data/store';
import { evidenceEngine, type EvidenceProgress, type EvidenceRequest, type EvidenceResponse, type EvidenceTraceRequest } from '../src/engines/evidence-source';
import type { Trace } from '../models/evidence/trace';
import { buildDashboard, dashboardConfig, DashboardSettings, type Dashboard } from '../models/dashboard/dashboard';
import { EvidenceRequest as Request } from '../src/engines/evidence-source';
import type { CrimeData } from '../src/engines/crime-source';
import { peerSource } from '../src/engines/peer-source';
import { PeerGroup, type PeerComparison } from '../models/peers/peers';

/** The Evidence, Dashboard and Report pages' questions to the crime engine. */
export function evidenceApi(store: Promise<DataStore>, crimeData: Promise<() => Promise<CrimeData>>) {
  const stores = Promise.all([store, crimeData]).then(([s, data]) => ({ engine: evidenceEngine(s, undefined, data), peers: peerSource(s, data) }));
  const engine = stores.then((s) => s.engine);
  return {
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
}
export type EvidenceApi = ReturnType<typeof evidenceApi>;
