import type { Geometry } from '../geo/boundaries';
import type { Dashboard } from '../dashboard/dashboard';
import type { Catalogue } from '../evidence/catalogue';
import type { EvidenceResult } from '../evidence/evidence';
import type { NeedMatrix } from '../need/matrix';
import type { TopAreas } from '../need/top-areas';
import type { DataDescription, IssueLinks } from '../project/schema';
import { baselineWeights, type Assessment } from '../risk-matrix/assessment';
import { movements } from '../risk-matrix/movement';
import { rank, type RankedIssue } from '../risk-matrix/score';
import type { SmaaResult } from '../sensitivity/smaa';
import { buildReport, type ReportInput } from './build';
import { alignIssues, rankingChanges, type ChangeSummary } from './changes';
import type { ReportDocument } from './document';
import { topCount, type ReportSettings } from './settings';
import { caveats, executiveSummary, type ExecutiveSummary } from './summary';
import { needWords, whereInput } from './where';
import { own } from '../own';
import { executiveBrief, type ExecutiveBrief } from './brief';
import { populationYear, readyChecks, type CheckItem } from './checklist';
import { countsTowardsTotal } from '../risk-matrix/score';
import type { PeerComparison } from '../peers/peers';
import type { HotspotResult } from '../hotspots/result';
import { reportHotspots } from './hotspots';

/** Everything the report is made from, as the app's stores and workers give it. */
export interface ReportParts {
  assessment: Assessment;
  settings: ReportSettings;
  /** The assessment named by the comparison (when it names one and it can be read). */
  previous: Assessment | null;
  evidence: EvidenceResult | null;
  dashboard: Dashboard | null;
  /** The links in force from the assessment's issues to catalogue issues (`activeLinks(resolveLinks(…))`). */
  links: IssueLinks;
  robustness: SmaaResult | null;
  need: {
    matrix: NeedMatrix | null;
    byIssue: Readonly<Record<string, TopAreas>>;
    missing: readonly string[];
    topN: number;
    geography?: readonly { code: string; name: string; geometry: Geometry }[];
  } | null;
  /** Data-quality notes of the stored data (the Overview page's). */
  overviewNotes: readonly { id: string; severity: 'info' | 'warning'; text: string }[];
  data: DataDescription | null;
  /** Each dashboard issue's rate ranked among comparator areas (null or absent: not worked out). */
  peers?: PeerComparison | null;
  /** Hot-spot analyses of the top priorities' police.uk issues, by evidence issue id (null or absent: not worked out). */
  hotspots?: Readonly<Record<string, HotspotResult>> | null;
  /** Names of the kinds of stored data, for "Data used". */
  dataLabels?: Readonly<Record<string, string>>;
  generatedAt: number;
}

export interface AssembledReport {
  input: ReportInput;
  doc: ReportDocument;
  summary: ExecutiveSummary;
  changes: ChangeSummary | null;
  ranked: RankedIssue[];
  n: number;
  /** The first two pages: the executive brief. */
  brief: ExecutiveBrief;
  /** Ready to publish. */
  checks: CheckItem[];
}

/**
 * The police.uk catalogue issues linked to the top N priorities, with their
 * crime types (what the need worker counts by area for "where").
 */
export function linkedCrimeIssues(a: Assessment, catalogue: Catalogue, links: IssueLinks, n: number): Record<string, string[]> {
  const ranked = rank(a.model, a.issues, a.scores, a.draftWeights).slice(0, n);
  const byId = new Map(catalogue.issues.map((i) => [i.id, i]));
  const out: Record<string, string[]> = {};
  for (const r of ranked) {
    const issue = byId.get(own(links, r.issueId) ?? '');
    if (issue?.source === 'police-uk') out[issue.id] = issue.crimeTypes;
  }
  return out;
}

function compare(p: ReportParts, ranked: RankedIssue[], n: number): ChangeSummary | null {
  const a = p.assessment;
  const c = p.settings.comparison;
  if (c.kind === 'baseline') {
    const set = a.weightSets.find((w) => w.id === a.baselineWeightSetId)!;
    return rankingChanges(ranked, rank(a.model, a.issues, a.scores, baselineWeights(a)), n, `the baseline weights (“${set.name}”)`);
  }
  if (c.kind === 'assessment' && p.previous !== null) {
    const prev = p.previous;
    return rankingChanges(ranked, rank(prev.model, prev.issues, prev.scores, prev.draftWeights), n, `“${prev.name}”`, alignIssues(a.issues, prev.issues));
  }
  return null;
}

/**
 * Assembles the report: the ranking under the weights in force, the
 * comparison, the executive summary, caveats, "where", and the document.
 *
 * @example assembleReport(parts).doc.sections[0].heading // 'Executive summary'
 */
export function assembleReport(p: ReportParts): AssembledReport {
  const a = p.assessment;
  const ranked = rank(a.model, a.issues, a.scores, a.draftWeights);
  const n = topCount(p.settings, a);
  const changes = compare(p, ranked, n);
  const where = p.need?.matrix == null ? null : whereInput(p.need.matrix, p.need.byIssue, p.need.topN);
  const summary = executiveSummary({ assessment: a, ranked, n, changes, evidence: p.evidence, dashboard: p.dashboard?.rows ?? null, links: p.links, robustness: p.robustness, where });
  const missing = p.settings.comparison.kind === 'assessment' && p.previous === null;
  const notes = [
    ...(missing
      ? [
          {
            id: 'comparison-missing',
            severity: 'warning' as const,
            text: 'The assessment chosen to compare the ranking with is no longer stored, so nothing is compared. Choose another on the Report page.',
          },
        ]
      : []),
    ...p.overviewNotes,
    ...(p.evidence?.notes ?? []),
  ];
  const input: ReportInput = {
    assessment: a,
    ranked,
    moves: changes?.moves ?? movements(ranked, ranked),
    movesAgainst: changes?.against ?? 'nothing (no comparison chosen)',
    changes,
    n,
    summary,
    caveats: caveats({ assessment: a, ranked, n, links: p.links, notes, needMissing: p.need?.missing ?? [] }),
    evidence: p.evidence,
    dashboard: p.dashboard,
    links: p.links,
    robustness: p.robustness,
    where,
    data: p.data,
    dataLabels: p.dataLabels ?? {},
    generatedAt: p.generatedAt,
    peers: p.peers ?? null,
    hotspots: p.hotspots == null ? null : reportHotspots(p.hotspots),
  };
  const brief = executiveBrief({
    assessment: a,
    ranked,
    n,
    evidence: p.evidence,
    dashboard: p.dashboard?.rows ?? null,
    links: p.links,
    robustness: p.robustness,
    where,
    changes,
    generatedAt: p.generatedAt,
    need: needWords(where),
  });
  const counted = a.model.criteria.filter(countsTowardsTotal);
  const pop = p.evidence?.population ?? null;
  const checks = readyChecks({
    top: ranked.slice(0, n).map((r) => ({
      issue: r.label,
      linked: (p.links[r.issueId] ?? null) !== null,
      scoresWithoutConfidence: counted.filter((c) => a.scores[r.issueId]?.[c.id]?.confidence === undefined).length,
    })),
    latestStored: p.data?.crime.months.at(-1) ?? null,
    periodEnd: p.evidence?.period?.current.to ?? null,
    populationSource: pop === null ? null : { label: pop.source, year: pop.year ?? populationYear(pop.source) ?? 'not stated' },
    significantOnly: p.dashboard?.settings.significantOnly ?? false,
  });
  return { input, doc: buildReport(input), summary, changes, ranked, n, brief, checks };
}
