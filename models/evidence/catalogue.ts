import { z } from 'zod';
import { CRIME_TYPES } from '../police-uk/street-row';

/**
 * The issue catalogue: the partnership issues evidence is gathered for.
 *
 * An issue is either counted from police.uk street crime (`source:
 * 'police-uk'`, the crime types it maps) or from local monthly counts a
 * partner supplies (`source: 'local'`: domestic abuse, hate crime,
 * exploitation, re-offending… which police.uk does not publish). A crime type
 * may map to several issues: combined issues such as serious acquisitive
 * crime deliberately overlap the single-type ones.
 */

export const IssueSource = z.enum(['police-uk', 'local']);
export type IssueSource = z.infer<typeof IssueSource>;

const ISSUE_ID = /^[a-z0-9][a-z0-9-]*$/;

export const CatalogueIssue = z
  .object({
    id: z.string().regex(ISSUE_ID, { error: (i) => `issue ids are lower-case words joined by hyphens, found "${String(i.input)}"` }),
    label: z.string().trim().min(1, { error: 'an issue needs a name' }),
    source: IssueSource,
    /** police.uk crime types counted (police-uk issues only). */
    crimeTypes: z.array(z.string().min(1)),
    /** What the issue covers and, for local issues, what to count. */
    description: z.string(),
  })
  .superRefine((issue, ctx) => {
    if (issue.source === 'police-uk' && issue.crimeTypes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['crimeTypes'], message: `“${issue.label}” is counted from police.uk data, so it needs at least one crime type` });
    }
    if (issue.source === 'local' && issue.crimeTypes.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['crimeTypes'], message: `“${issue.label}” takes local counts, so it cannot also map police.uk crime types` });
    }
    if (new Set(issue.crimeTypes).size !== issue.crimeTypes.length) {
      ctx.addIssue({ code: 'custom', path: ['crimeTypes'], message: `“${issue.label}” lists a crime type twice` });
    }
  });
export type CatalogueIssue = z.infer<typeof CatalogueIssue>;

export const Catalogue = z.object({ issues: z.array(CatalogueIssue) }).superRefine((c, ctx) => {
  const ids = new Set<string>();
  const labels = new Set<string>();
  c.issues.forEach((issue, i) => {
    if (ids.has(issue.id)) ctx.addIssue({ code: 'custom', path: ['issues', i, 'id'], message: `the issue id “${issue.id}” is used twice` });
    const key = issue.label.trim().toLowerCase();
    if (labels.has(key)) ctx.addIssue({ code: 'custom', path: ['issues', i, 'label'], message: `two issues are called “${issue.label}”` });
    ids.add(issue.id);
    labels.add(key);
  });
});
export type Catalogue = z.infer<typeof Catalogue>;

/** @example issueIdFor('Criminal damage and arson') // 'criminal-damage-and-arson' */
export function issueIdFor(label: string): string {
  const id = label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'issue' : id;
}

const single = (t: string): CatalogueIssue => ({
  id: issueIdFor(t),
  label: t,
  source: 'police-uk',
  crimeTypes: [t],
  description: `police.uk category “${t}”.`,
});

const local = (label: string, description: string): CatalogueIssue => ({ id: issueIdFor(label), label, source: 'local', crimeTypes: [], description });

/**
 * The default catalogue: one issue per police.uk crime type (their published
 * names are already plain English), three combined issues practice uses, and
 * local-count issues that start with no data.
 */
export const DEFAULT_CATALOGUE: Catalogue = {
  issues: [
    ...CRIME_TYPES.map(single),
    {
      id: 'serious-acquisitive-crime',
      label: 'Serious acquisitive crime',
      source: 'police-uk',
      crimeTypes: ['Burglary', 'Robbery', 'Vehicle crime'],
      description:
        'As Central Bedfordshire CSP defines SAC (Partnership Plan 2014-15, footnote 4): domestic burglary, robbery, theft from and theft of a vehicle. police.uk’s Burglary also includes non-domestic burglary, and Vehicle crime also includes vehicle interference, so this counts a little more than that definition.',
    },
    {
      id: 'neighbourhood-crime',
      label: 'Neighbourhood crime',
      source: 'police-uk',
      crimeTypes: ['Burglary', 'Robbery', 'Theft from the person', 'Vehicle crime'],
      description:
        'The Home Office’s neighbourhood crime: domestic burglary, personal robbery, theft from the person and vehicle offences. police.uk’s Burglary and Robbery also include non-domestic burglary and business robbery, so this counts a little more than that definition.',
    },
    {
      id: 'all-crime-excluding-asb',
      label: 'All crime (excluding anti-social behaviour)',
      source: 'police-uk',
      crimeTypes: CRIME_TYPES.filter((t) => t !== 'Anti-social behaviour'),
      description: 'Every police.uk crime type except anti-social behaviour, which is recorded as incidents, not crimes.',
    },
    local(
      'Domestic abuse',
      'Local monthly counts, for example police-recorded domestic abuse-related crimes and incidents, or referrals to the local domestic abuse service. police.uk does not flag domestic abuse.',
    ),
    local('Hate crime', 'Local monthly counts of recorded hate crimes and incidents (police, or the council’s reporting centre). police.uk does not flag hate crime.'),
    local('Child exploitation', 'Local monthly counts, for example child exploitation referrals or cases open to the exploitation panel.'),
    local('Re-offending', 'Local monthly counts from probation or the Integrated Offender Management scheme, for example proven re-offences by the cohort.'),
    local('Substance misuse', 'Local monthly counts, for example drug and alcohol treatment referrals or drug-related offences recorded locally.'),
  ],
};

/** The crime types in the data that no issue counts (their rows appear in no figure). */
export function unmappedCrimeTypes(catalogue: Catalogue, crimeTypes: Iterable<string>): string[] {
  const mapped = new Set(catalogue.issues.flatMap((i) => i.crimeTypes));
  return [...new Set(crimeTypes)].filter((t) => !mapped.has(t)).sort();
}

/**
 * Sets the crime types an issue counts; returns a new catalogue.
 *
 * @example withCrimeTypes(DEFAULT_CATALOGUE, 'serious-acquisitive-crime', ['Burglary', 'Robbery'])
 */
export function withCrimeTypes(catalogue: Catalogue, issueId: string, crimeTypes: readonly string[]): Catalogue {
  return { issues: catalogue.issues.map((i) => (i.id === issueId ? { ...i, crimeTypes: [...crimeTypes] } : i)) };
}

/**
 * Adds an issue with an id made from its name (made unique); returns the new catalogue and the id.
 *
 * @example addIssue(DEFAULT_CATALOGUE, 'Knife crime', 'local').id // 'knife-crime'
 */
export function addIssue(catalogue: Catalogue, label: string, source: IssueSource, crimeTypes: readonly string[] = []): { catalogue: Catalogue; id: string } {
  const base = issueIdFor(label);
  const taken = new Set(catalogue.issues.map((i) => i.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const issue: CatalogueIssue = { id, label: label.trim(), source, crimeTypes: source === 'local' ? [] : [...crimeTypes], description: '' };
  return { catalogue: { issues: [...catalogue.issues, issue] }, id };
}

/** Removes an issue; returns a new catalogue. */
export function removeIssue(catalogue: Catalogue, issueId: string): Catalogue {
  return { issues: catalogue.issues.filter((i) => i.id !== issueId) };
}

/** The first problem with a catalogue, in words, or null when it is valid. */
export function catalogueProblem(catalogue: unknown): string | null {
  const r = Catalogue.safeParse(catalogue);
  return r.success ? null : r.error.issues[0]!.message;
}
