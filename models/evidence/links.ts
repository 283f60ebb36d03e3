import { z } from 'zod';
import type { Issue } from '../risk-matrix/schema';
import type { Catalogue } from './catalogue';
import { matchIssues, normaliseLabel } from './grid';
import { own } from '../own';

/**
 * Links between an assessment's issues (the rows of its scoring grid) and the
 * evidence catalogue's issues (what the data counts). Proposals apply to an
 * assessment issue only through a link in force:
 *
 * - **confirmed**: the analyst chose a catalogue issue (stored per assessment);
 * - **no-evidence**: the analyst said the issue has no data-backed evidence (stored);
 * - **automatic**: nothing stored, and the issue has the same name (or id) as a
 *   catalogue issue (`matchIssues`), so it is used, shown as automatic, and can be changed;
 * - **suggested**: nothing stored, and a rule below recognises the name (e.g.
 *   "Burglary Dwelling" → Burglary): shown, but used only once confirmed;
 * - **missing**: the stored link names a catalogue issue that no longer exists;
 * - **unlinked**: nothing at all.
 */

export const IssueLink = z.object({
  /** The catalogue issue the assessment issue draws its evidence from; null: the analyst said it has no data-backed evidence. */
  evidenceIssueId: z.string().min(1).nullable(),
  /** When the analyst chose it (ms since 1970). */
  at: z.number(),
});
export type IssueLink = z.infer<typeof IssueLink>;

/** An assessment's stored links, by assessment issue id. */
export const AssessmentLinks = z.object({
  assessmentId: z.string().min(1),
  links: z.record(z.string(), IssueLink),
});
export type AssessmentLinks = z.infer<typeof AssessmentLinks>;

export const LinkState = z.enum(['confirmed', 'no-evidence', 'automatic', 'suggested', 'missing', 'unlinked']);
export type LinkState = z.infer<typeof LinkState>;

export interface LinkSuggestion {
  evidenceIssueId: string;
  /** How it was found: the same name, the same id, or a rule on the name. */
  by: 'name' | 'id' | 'rule';
  /** What the analyst should know before relying on it. */
  note: string;
}

export interface ResolvedLink {
  issueId: string;
  label: string;
  state: LinkState;
  /** The catalogue issue in force (confirmed or automatic), else null. */
  evidenceIssueId: string | null;
  /** What the workbench would link without a stored choice (automatic or suggested), if anything. */
  suggestion: LinkSuggestion | null;
  /** The stored choice, if any. */
  stored: IssueLink | null;
}

interface SuggestionRule {
  /** Tested against the lower-cased name with single spaces. */
  test: RegExp;
  evidenceIssueId: string;
  note: string;
}

/**
 * Names CSP matrices use (the Central Bedfordshire 2014 matrix among them)
 * for issues police.uk counts under a broader category. Only where the
 * meaning is clear: "Distraction Burglary", "Business Robbery" or "Arson"
 * are small parts of a police.uk category, so the analyst links them if at all.
 */
export const SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    test: /^(burglary[ -]?(\(|- )?(dwelling|residential|domestic)\)?|(dwelling|residential|domestic) burglary)$/,
    evidenceIssueId: 'burglary',
    note: 'police.uk’s Burglary counts every burglary, residential and business, so its volume is larger than dwelling burglary alone.',
  },
  {
    test: /^criminal damage$/,
    evidenceIssueId: 'criminal-damage-and-arson',
    note: 'police.uk counts criminal damage and arson together.',
  },
  {
    test: /^(tfmv|tomv|twoc|tomv ?\/ ?twoc|theft (from|of) (a )?(motor )?vehicles?|vehicle theft|vehicle crime)$/,
    evidenceIssueId: 'vehicle-crime',
    note: 'police.uk’s Vehicle crime counts theft from and of vehicles and vehicle interference together, so its volume is larger than this issue alone.',
  },
  {
    test: /^(personal robbery|robbery of personal property)$/,
    evidenceIssueId: 'robbery',
    note: 'police.uk’s Robbery counts personal and business robbery together.',
  },
  {
    test: /^(asb|anti[- ]?social behaviour)( ?\(.+\)| ?[-–:] ?.+)?$/,
    evidenceIssueId: 'anti-social-behaviour',
    note: 'police.uk records anti-social behaviour as one category, not split into personal, nuisance and environmental, so every ASB issue draws on the same count.',
  },
  {
    test: /^substance misuse( offending)?$/,
    evidenceIssueId: 'substance-misuse',
    note: 'A local-count issue: proposals need local monthly counts on the Evidence page.',
  },
  {
    test: /^(adult (re-?)?offending|re-?offending)$/,
    evidenceIssueId: 're-offending',
    note: 'A local-count issue (probation or IOM cohort counts): proposals need local monthly counts on the Evidence page.',
  },
  {
    test: /^(drug offences|drug offending|drug dealing|drugs? supply)$/,
    evidenceIssueId: 'drugs',
    note: 'police.uk’s Drugs counts possession and supply offences together.',
  },
  {
    test: /^(violence|violent crime|violence against the person)$/,
    evidenceIssueId: 'violence-and-sexual-offences',
    note: 'police.uk counts violence and sexual offences together.',
  },
  {
    test: /^(cycle|bike|bicycle) theft$/,
    evidenceIssueId: 'bicycle-theft',
    note: 'police.uk category “Bicycle theft”.',
  },
  {
    test: /^(shop theft|theft from shops?|retail theft)$/,
    evidenceIssueId: 'shoplifting',
    note: 'police.uk category “Shoplifting”.',
  },
  {
    test: /^(weapons? possession|possession of (offensive )?weapons?)$/,
    evidenceIssueId: 'possession-of-weapons',
    note: 'police.uk category “Possession of weapons”.',
  },
  {
    test: /^(sac|serious acquisitive)$/,
    evidenceIssueId: 'serious-acquisitive-crime',
    note: 'Burglary, robbery and vehicle crime together, as the catalogue defines it.',
  },
];

/**
 * What the workbench would link an assessment issue to without a stored
 * choice: the catalogue issue of the same name or id (automatic), else one a
 * rule recognises (a suggestion), else null. Only issues the catalogue has.
 *
 * @example suggestLink({ id: 'burglary-dwelling', label: 'Burglary Dwelling' }, DEFAULT_CATALOGUE) // { evidenceIssueId: 'burglary', by: 'rule', … }
 */
export function suggestLink(issue: Issue, catalogue: Catalogue): LinkSuggestion | null {
  const matched = matchIssues([issue], catalogue)[issue.id] ?? null;
  if (matched !== null) {
    const byName = catalogue.issues.some((c) => c.id === matched && normaliseLabel(c.label) === normaliseLabel(issue.label));
    return { evidenceIssueId: matched, by: byName ? 'name' : 'id', note: byName ? 'Same name as the catalogue issue.' : `Its id is the catalogue issue’s (“${matched}”).` };
  }
  const name = normaliseLabel(issue.label);
  const ids = new Set(catalogue.issues.map((c) => c.id));
  const rule = SUGGESTION_RULES.find((r) => r.test.test(name) && ids.has(r.evidenceIssueId));
  return rule === undefined ? null : { evidenceIssueId: rule.evidenceIssueId, by: 'rule', note: rule.note };
}

/**
 * Every assessment issue's link, in assessment order.
 *
 * @example resolveLinks(seed.issues, DEFAULT_CATALOGUE, {}).find((l) => l.label === 'Shoplifting')?.state // 'automatic'
 */
export function resolveLinks(issues: readonly Issue[], catalogue: Catalogue, stored: Readonly<Record<string, IssueLink>>): ResolvedLink[] {
  const ids = new Set(catalogue.issues.map((c) => c.id));
  return issues.map((issue) => {
    const suggestion = suggestLink(issue, catalogue);
    const held = own(stored, issue.id) ?? null;
    const base = { issueId: issue.id, label: issue.label, suggestion, stored: held };
    if (held !== null) {
      if (held.evidenceIssueId === null) return { ...base, state: 'no-evidence', evidenceIssueId: null };
      if (ids.has(held.evidenceIssueId)) return { ...base, state: 'confirmed', evidenceIssueId: held.evidenceIssueId };
      return { ...base, state: 'missing', evidenceIssueId: null };
    }
    if (suggestion === null) return { ...base, state: 'unlinked', evidenceIssueId: null };
    if (suggestion.by === 'rule') return { ...base, state: 'suggested', evidenceIssueId: null };
    return { ...base, state: 'automatic', evidenceIssueId: suggestion.evidenceIssueId };
  });
}

/**
 * The links in force, as `proposalsFor` takes them: assessment issue id →
 * catalogue issue id, or null where no evidence applies.
 *
 * @example activeLinks(resolved) // { 'burglary-dwelling': 'burglary', terrorism: null, … }
 */
export function activeLinks(resolved: readonly ResolvedLink[]): Record<string, string | null> {
  return Object.fromEntries(resolved.map((l) => [l.issueId, l.evidenceIssueId]));
}

/**
 * The stored links after changes: a link to set, or null to remove the stored
 * choice (back to the automatic link or suggestion). Returns a new record.
 *
 * @example withLinks({}, { 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 } })
 */
export function withLinks(links: Readonly<Record<string, IssueLink>>, changes: Readonly<Record<string, IssueLink | null>>): Record<string, IssueLink> {
  const out: Record<string, IssueLink> = { ...links };
  for (const [issueId, link] of Object.entries(changes)) {
    if (link === null) delete out[issueId];
    else out[issueId] = IssueLink.parse(link);
  }
  return out;
}

/** The suggestions awaiting the analyst, as links to store if confirmed. */
export function pendingSuggestions(resolved: readonly ResolvedLink[], at: number): Record<string, IssueLink> {
  return Object.fromEntries(resolved.filter((l) => l.state === 'suggested').map((l) => [l.issueId, { evidenceIssueId: l.suggestion!.evidenceIssueId, at }]));
}
