import type { Issue, RiskModel } from '../risk-matrix/schema';
import { proposeScores, rulesProblems, type BandingRule, type BandingRules, type Proposals } from './banding';
import type { Catalogue } from './catalogue';
import type { EvidenceResult } from './evidence';
import { proposalsFor, type CellEvidence, type CellStatus } from './grid';
import { activeLinks, resolveLinks, type IssueLink, type LinkState, type ResolvedLink } from './links';

/**
 * The evidence as one assessment's scoring grid sees it: its issues' links
 * to the catalogue, the banding rules that fit its criteria, and the
 * proposals for its linked issues, keyed by its own issue ids.
 */
export interface AssessmentEvidence {
  links: ResolvedLink[];
  /** The rules that propose scores for this model's criteria. */
  rules: BandingRule[];
  /** Rules that name one of the model's criteria but cannot propose for it (scores off its scale). */
  problems: string[];
  /** Proposals by assessment issue id, then criterion id (issues with a link in force only). */
  proposals: Proposals;
}

/**
 * Proposals for an assessment from the evidence, its stored links and the banding rules.
 *
 * @example assessmentEvidence(a, evidence, setup, storedLinks).proposals['burglary-dwelling']?.['likelihood']?.value // 4
 */
export function assessmentEvidence(
  a: { issues: readonly Issue[]; model: RiskModel },
  evidence: EvidenceResult,
  setup: { catalogue: Catalogue; banding: BandingRules },
  stored: Readonly<Record<string, IssueLink>>,
): AssessmentEvidence {
  const criteria = new Set(a.model.criteria.map((c) => c.id));
  const named = setup.banding.rules.filter((r) => criteria.has(r.criterionId));
  const problems = rulesProblems({ rules: named }, a.model.criteria);
  const rules = named.filter((r) => rulesProblems({ rules: [r] }, a.model.criteria).length === 0);
  const links = resolveLinks(a.issues, setup.catalogue, stored);
  const proposals = proposalsFor(proposeScores(evidence, { rules }, a.model.criteria), activeLinks(links));
  return { links, rules, problems, proposals };
}

export interface EvidenceSummary {
  /** Issues with a link in force (confirmed or automatic). */
  linked: number;
  /** Suggestions awaiting confirmation. */
  suggested: number;
  /** Issues with nothing linked (neither linked nor said to have no evidence), or a link to a removed catalogue issue. */
  unlinked: number;
  /** Data-backed cells by state. */
  cells: Record<CellStatus, number>;
}

const LINKED: readonly LinkState[] = ['confirmed', 'automatic'];

/** Counts for the line above the grid. @example evidenceSummary(links, cells).cells.proposed // 12 */
export function evidenceSummary(links: readonly ResolvedLink[], cells: Iterable<CellEvidence>): EvidenceSummary {
  const byStatus: Record<CellStatus, number> = { proposed: 0, accepted: 0, overridden: 0, stale: 0, edited: 0, none: 0 };
  for (const c of cells) byStatus[c.status]++;
  return {
    linked: links.filter((l) => LINKED.includes(l.state)).length,
    suggested: links.filter((l) => l.state === 'suggested').length,
    unlinked: links.filter((l) => l.state === 'unlinked' || l.state === 'missing').length,
    cells: byStatus,
  };
}
