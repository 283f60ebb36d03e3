import { formatMonth } from '../format';
import { listWords } from '../sensitivity/words';

/**
 * "Ready to publish": the checks a brief passes before it is marked Final,
 * each with where it is fixed. Plain inputs, so new sources (population
 * files, fiscal periods) can be wired in without touching this.
 */

export interface ChecklistInput {
  /** The top N priorities: whether evidence is linked, and how many of their counted scores lack a confidence. */
  top: readonly { issue: string; linked: boolean; scoresWithoutConfidence: number }[];
  /** The latest stored month of police.uk data, and the last month the report covers (null: none). */
  latestStored: string | null;
  periodEnd: string | null;
  /** Where the resident population comes from and its year (null: none stated). */
  populationSource: { label: string; year: number | string } | null;
  /** The dashboard's RAG counts only significant changes. */
  significantOnly: boolean;
}

export const CHECK_IDS = ['links', 'confidence', 'current', 'population', 'rag'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckItem {
  id: CheckId;
  ok: boolean;
  /** What is checked, in words. */
  label: string;
  /** What is wrong (empty when it passes). */
  problem: string;
  /** Where it is fixed. */
  fix: { href: string; page: string };
}

/**
 * The ready-to-publish checks.
 *
 * @example readyChecks({ top: [{ issue: 'Burglary', linked: false, scoresWithoutConfidence: 0 }], … })[0].problem // 'No evidence linked for Burglary.'
 */
export function readyChecks(x: ChecklistInput): CheckItem[] {
  const unlinked = x.top.filter((t) => !t.linked).map((t) => t.issue);
  const unsure = x.top.filter((t) => t.scoresWithoutConfidence > 0).map((t) => t.issue);
  const current = x.latestStored !== null && x.periodEnd !== null && x.periodEnd >= x.latestStored;
  return [
    {
      id: 'links',
      ok: x.top.length > 0 && unlinked.length === 0,
      label: `Evidence links confirmed for every one of the top ${x.top.length} priorities`,
      problem: unlinked.length === 0 ? '' : `No evidence linked for ${listWords(unlinked)}.`,
      fix: { href: '#/matrix', page: 'Risk matrix' },
    },
    {
      id: 'confidence',
      ok: unsure.length === 0,
      label: 'Every score of the top priorities has a confidence',
      problem: unsure.length === 0 ? '' : `Scores without a confidence for ${listWords(unsure)}.`,
      fix: { href: '#/matrix', page: 'Risk matrix' },
    },
    {
      id: 'current',
      ok: current,
      label: 'Data current to the latest stored month',
      problem: current
        ? ''
        : x.latestStored === null
          ? 'No police.uk data is stored.'
          : `The report ends in ${x.periodEnd === null ? 'no month' : formatMonth(x.periodEnd)}; the latest stored month is ${formatMonth(x.latestStored)}.`,
      fix: { href: '#/evidence', page: 'Evidence' },
    },
    {
      id: 'population',
      ok: x.populationSource !== null,
      label: 'Population source and year stated',
      problem: x.populationSource === null ? 'No resident population is loaded, so rates per 1,000 cannot be given.' : '',
      fix: { href: '#/data', page: 'Data' },
    },
    {
      id: 'rag',
      ok: x.significantOnly,
      label: 'Dashboard status (RAG) counts significant changes only',
      problem: x.significantOnly ? '' : 'The dashboard counts every rise or fall, however small, towards Red, Amber or Green.',
      fix: { href: '#/dashboard', page: 'Dashboard' },
    },
  ];
}

/**
 * Why the brief cannot be marked Final: the failing checks, unless the user
 * recorded an override with a reason. Empty when it can.
 *
 * @example finalRefusal(checks, null) // ['No evidence linked for Burglary.']
 */
export function finalRefusal(checks: readonly CheckItem[], override: string | null): string[] {
  if (override !== null && override.trim() !== '') return [];
  return checks.filter((c) => !c.ok).map((c) => c.problem || c.label);
}

/** A population source's year from its label ("mid-2015 population …" → 2015), null when none is named. */
export function populationYear(label: string): number | null {
  const m = /\b(19|20)\d{2}\b/.exec(label);
  return m === null ? null : Number(m[0]);
}
