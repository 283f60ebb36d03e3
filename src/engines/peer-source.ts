import type { Catalogue } from '../../models/evidence/catalogue';
import type { PeriodChoice } from '../../models/evidence/period';
import { areaPopulation, POPULATION_SOURCE } from '../../models/evidence/population';
import { addMonths, monthRange } from '../../models/months';
import { COVERED_SHARE, peerComparison, PeerGroup, type ComparatorInput, type PeerComparison } from '../../models/peers/peers';
import type { CrimeData } from './crime-source';
import { forceMonthLadCounts, ladMonthTypeCounts } from '../../models/crime-summary';
import type { DataStore } from '../data/store';

/**
 * Peer comparison over the stored data: rows counted by authority, month and
 * crime type once per store version, populations from the stored IMD File 6
 * rows, and the comparison worked out per request.
 *
 * @example const peers = peerSource(store, crimeData); await peers.compare('Luton', catalogue, { end: null, months: 12 }, [])
 */
export function peerSource(store: DataStore, crimeData: () => Promise<CrimeData>) {
  let counted: { version: number; byLad: Map<string, Map<string, Map<string, number>>> } | undefined;
  let forces: { version: number; rows: Map<string, Map<string, Map<string, number>>> } | undefined;

  /** Rows by force, month and authority. */
  async function forceShares() {
    const data = await crimeData();
    if (forces?.version !== data.version) forces = { version: data.version, rows: forceMonthLadCounts(data.summaries) };
    return forces.rows;
  }

  async function counts() {
    const data = await crimeData();
    if (counted?.version !== data.version) counted = { version: data.version, byLad: ladMonthTypeCounts(data.summaries) };
    return counted.byLad;
  }

  /** The partnership ranked among every authority with rows and a population, over the dashboard's rolling 12 months. */
  async function compare(area: string, catalogue: Catalogue, period: PeriodChoice, peerGroup: readonly string[]): Promise<PeerComparison> {
    const group = PeerGroup.parse(peerGroup);
    const byLad = await counts();
    const metas = await store.partitions();
    const file6 = (await store.partitionData(metas.filter((m) => m.kind === 'imd6').map((m) => m.key))).flatMap((d) => (d.kind === 'imd6' ? d.rows : []));
    const knownCodes = new Map<string, string>();
    for (const r of file6) knownCodes.set(r.ladcd, r.ladnm);
    for (const m of metas) if (m.lad !== undefined && !knownCodes.has(m.lad)) knownCodes.set(m.lad, m.ladName ?? m.lad);
    const mine = byLad.get(area);
    const latest = mine === undefined ? undefined : [...mine.keys()].sort().at(-1);
    const end = period.end ?? latest;
    const window = end === undefined ? [] : monthRange(addMonths(end, -11), end);
    const covered = coveredIn(await forceShares(), new Set(window));
    const comparators: ComparatorInput[] = [...byLad].map(([name, counts]) => {
      const pop = areaPopulation(file6, name);
      const code = pop?.ladcd ?? [...knownCodes].find(([, n]) => n === name)?.[0] ?? '';
      return { name, code, population: pop?.total ?? null, populationSource: pop === null ? null : POPULATION_SOURCE, counts, covered: covered.has(name) };
    });
    const issues = catalogue.issues.filter((i) => i.source === 'police-uk').map((i) => ({ id: i.id, label: i.label, crimeTypes: i.crimeTypes }));
    return peerComparison({ partnership: area, comparators, window, issues, peerGroup: group, knownCodes });
  }

  return { compare };
}

/** Authorities holding at least {@link COVERED_SHARE} of some force's rows in the window's months. */
function coveredIn(forces: Map<string, Map<string, Map<string, number>>>, window: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const byMonth of forces.values()) {
    const byLad = new Map<string, number>();
    let total = 0;
    for (const [month, lads] of byMonth) {
      if (!window.has(month)) continue;
      for (const [lad, n] of lads) {
        byLad.set(lad, (byLad.get(lad) ?? 0) + n);
        total += n;
      }
    }
    for (const [lad, n] of byLad) if (lad !== '' && n >= COVERED_SHARE * total) out.add(lad);
  }
  return out;
}
