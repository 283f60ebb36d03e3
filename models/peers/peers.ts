import { z } from 'zod';
import { formatCount, formatMonth } from '../format';

/** A local authority district code (E06…, E07…, E08…, E09…, W06…). */
export const LadCode = z
  .string()
  .trim()
  .regex(/^[EWew]0[6-9]\d{6}$/, { error: (i) => `“${String(i.input)}” is not a local authority code (like E06000032)` })
  .transform((s) => s.toUpperCase());

/** The user's peer group: local authority codes, e.g. a Most Similar Group. */
export const PeerGroup = z.array(LadCode).max(50, { error: 'a peer group holds at most 50 areas' });
export type PeerGroup = z.infer<typeof PeerGroup>;

/** One local authority as a comparator: its rows by month and crime type, and its residents. */
export interface ComparatorInput {
  name: string;
  /** From IMD File 6 (or boundaries); '' when nothing names it. */
  code: string;
  /** Residents, or null when no population is loaded for it. */
  population: number | null;
  /** Where the population comes from (its year), e.g. 'mid-2015 (IMD 2019 File 6)'. */
  populationSource: string | null;
  /** Rows by month, then by crime type. */
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * Whether the stored files cover the authority: it holds at least
   * {@link COVERED_SHARE} of some stored force's rows. A force's files also
   * hold a few crimes it recorded across its boundary; those authorities'
   * own crime is in another force's files.
   */
  covered: boolean;
}

/** Least share of a force's rows for an authority to count as covered by its files. */
export const COVERED_SHARE = 0.01;

export const PeerRate = z.object({ code: z.string(), name: z.string(), count: z.number().int(), population: z.number(), rate: z.number() });
export type PeerRate = z.infer<typeof PeerRate>;

export const PeerRank = z.object({
  /** 1 = lowest rate; ties share the better rank. */
  rank: z.number().int(),
  of: z.number().int(),
  /** "2nd lowest of 3". */
  text: z.string(),
});
export type PeerRank = z.infer<typeof PeerRank>;

export const PeerIssue = z.object({
  issueId: z.string(),
  label: z.string(),
  /** Every compared area's rate, lowest first. */
  rates: z.array(PeerRate),
  rank: PeerRank.nullable(),
  /** Rank within the user's peer group (with the partnership), when one is set. */
  groupRank: PeerRank.nullable(),
});
export type PeerIssue = z.infer<typeof PeerIssue>;

export const PeerComparison = z.object({
  partnership: z.string(),
  /** Months of the window every compared area has rows in. */
  months: z.array(z.string()),
  areas: z.array(z.object({ code: z.string(), name: z.string(), inGroup: z.boolean() })),
  /** Areas named (by the data or the peer group) but left out, with why. */
  leftOut: z.array(z.object({ code: z.string(), name: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  issues: z.array(PeerIssue),
  /** Every authority code the loaded files name, for checking a peer group. */
  knownCodes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PeerComparison = z.infer<typeof PeerComparison>;

/** @example ordinal(2) // '2nd' */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** @example rankText(2, 3) // '2nd lowest of 3' */
export const rankText = (rank: number, of: number): string => (rank === 1 && of === 1 ? 'the only area compared' : `${ordinal(rank)} lowest of ${of}`);

/** Competition rank of `value` among `values`, lowest first (1 + how many are strictly lower). */
function rankOf(value: number, values: readonly number[]): number {
  return 1 + values.filter((v) => v < value - 1e-12).length;
}

interface PeerInput {
  /** The partnership area's name. */
  partnership: string;
  comparators: readonly ComparatorInput[];
  /** The months to compare over (the dashboard's rolling 12 months). */
  window: readonly string[];
  issues: readonly { id: string; label: string; crimeTypes: readonly string[] }[];
  peerGroup: PeerGroup;
  /** Every code the loaded data names (File 6, boundaries) with its name, to tell an unknown code from one without data. */
  knownCodes: ReadonlyMap<string, string>;
}

/**
 * The partnership's rate per 1,000 residents ranked among comparator
 * authorities, rank 1 = lowest rate, as Barnet's dashboard ranks London
 * boroughs. Comparators are every authority with stored rows and a
 * population; the peer group, when set, gives a second rank among its
 * members. Rates count the window's months that every compared area has rows
 * in, scaled to a year (× 12 ÷ months), so areas are compared like for like.
 *
 * @example peerComparison({ partnership: 'Luton', comparators, window, issues, peerGroup: [], knownCodes }).issues[0].rank.text // '2nd lowest of 3'
 */
export function peerComparison(input: PeerInput): PeerComparison {
  const leftOut: PeerComparison['leftOut'] = [];
  const warnings: string[] = [];
  const group = new Set(input.peerGroup);
  let stray = 0;
  const usable = input.comparators.filter((c) => {
    if (!c.covered) {
      if (c.population !== null || group.has(c.code)) {
        leftOut.push({
          code: c.code,
          name: c.name,
          reason: `${c.name}’s stored rows are crimes another force recorded across its boundary (under ${COVERED_SHARE * 100}% of that force’s rows); load its own force’s files to compare it`,
        });
      } else stray++;
      return false;
    }
    if (c.population === null || c.population <= 0) {
      leftOut.push({ code: c.code, name: c.name, reason: `no population is loaded for ${c.name} (IMD 2019 File 6), so it has no rate per 1,000` });
      return false;
    }
    const months = input.window.filter((m) => c.counts.has(m));
    if (months.length === 0) {
      leftOut.push({ code: c.code, name: c.name, reason: `${c.name} has no stored rows in the period` });
      return false;
    }
    return true;
  });
  for (const code of group) {
    if (usable.some((c) => c.code === code)) continue;
    const known = input.knownCodes.get(code);
    const named = input.comparators.find((c) => c.code === code);
    if (named !== undefined) continue; // already explained above
    leftOut.push({
      code,
      name: known ?? code,
      reason: known === undefined ? `${code} is not named by any loaded file (IMD File 6 or boundaries)` : `${known} (${code}) has no stored police.uk rows`,
    });
  }
  if (stray > 0)
    leftOut.push({
      code: '',
      name: 'Other authorities',
      reason: `${formatCount(stray)} other authorities have only a few rows recorded across a force boundary and no population loaded; they are not comparators`,
    });
  const me = usable.find((c) => c.name === input.partnership);
  const months = input.window.filter((m) => usable.every((c) => c.counts.has(m)));
  for (const c of usable) {
    const missing = input.window.filter((m) => !c.counts.has(m));
    if (missing.length > 0) warnings.push(`${c.name} has no rows for ${missing.map(formatMonth).join(', ')}: every area is compared on the ${months.length} months all of them have.`);
  }
  const sources = new Set(usable.map((c) => c.populationSource ?? ''));
  if (sources.size > 1) warnings.push(`The areas’ populations come from different sources or years (${[...sources].join('; ')}), so their rates are not strictly comparable.`);

  const issues = input.issues.map((issue) => {
    const rates = usable
      .map((c) => {
        let count = 0;
        for (const m of months) for (const t of issue.crimeTypes) count += c.counts.get(m)?.get(t) ?? 0;
        return { code: c.code, name: c.name, count, population: c.population!, rate: months.length === 0 ? 0 : (((count * 1000) / c.population!) * 12) / months.length };
      })
      .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name));
    const mine = rates.find((r) => r.name === input.partnership);
    const rankIn = (list: readonly PeerRate[]) => {
      if (mine === undefined || list.length === 0) return null;
      const rank = rankOf(
        mine.rate,
        list.map((r) => r.rate),
      );
      return { rank, of: list.length, text: rankText(rank, list.length) };
    };
    const inGroup = rates.filter((r) => group.has(r.code) || r.name === input.partnership);
    return { issueId: issue.id, label: issue.label, rates, rank: rankIn(rates), groupRank: group.size === 0 ? null : rankIn(inGroup) };
  });
  if (me === undefined) warnings.push(`${input.partnership} has no population or no rows in the period, so it cannot be ranked.`);
  return {
    partnership: input.partnership,
    months,
    areas: usable.map((c) => ({ code: c.code, name: c.name, inGroup: group.has(c.code) })),
    leftOut,
    warnings,
    issues,
    knownCodes: [...input.knownCodes].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * Reads a typed peer group ("E06000055, E06000056"): the codes, or why not.
 * Codes no loaded file names are refused, so nothing unknown is stored.
 *
 * @example readPeerGroup('e06000055 E06000056', known) // { ok: true, codes: ['E06000055', 'E06000056'] }
 */
export function readPeerGroup(text: string, known: readonly { code: string }[]): { ok: true; codes: PeerGroup } | { ok: false; reason: string } {
  const parts = text.split(/[\s,;]+/).filter((t) => t !== '');
  const parsed = PeerGroup.safeParse(parts);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]!.message };
  const codes = [...new Set(parsed.data)];
  const knownSet = new Set(known.map((k) => k.code));
  const unknown = codes.filter((c) => !knownSet.has(c));
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not named by any loaded file (IMD 2019 File 6 or boundaries): load ${unknown.length === 1 ? 'its' : 'their'} files first`,
    };
  }
  return { ok: true, codes };
}

/** Plain words for the compared set. */
export function peerWords(p: PeerComparison): string {
  const n = p.areas.length;
  const span =
    p.months.length === 0 ? 'no common months' : `${formatMonth(p.months[0]!)} to ${formatMonth(p.months.at(-1)!)} (${formatCount(p.months.length)} ${p.months.length === 1 ? 'month' : 'months'})`;
  return `Rates per 1,000 residents a year over ${span}, for ${formatCount(n)} ${n === 1 ? 'area' : 'areas'} with stored rows and a population: ${p.areas.map((a) => a.name).join(', ')}. Rank 1 is the lowest rate.`;
}
