// Over 300 lines: the executive brief: the Recommended priorities rows and the plain words each column uses
// (why, evidence, robustness, where), tested together against the 25-word and no-jargon rules.
import type { DashboardRow } from '../dashboard/dashboard';
import { RAG_LABELS, type Rag } from '../dashboard/rag';
import type { WindowComparison } from '../dashboard/windows';
import type { EvidenceResult, IssueEvidence } from '../evidence/evidence';
import { changePercentText } from '../evidence/change';
import { windowLabel } from '../evidence/period';
import { formatCount, formatDate } from '../format';
import type { IssueLinks } from '../project/schema';
import type { Assessment } from '../risk-matrix/assessment';
import { movementText } from '../risk-matrix/movement';
import { countsTowardsTotal, type RankedIssue } from '../risk-matrix/score';
import type { SmaaResult } from '../sensitivity/smaa';
import { topNShare } from '../sensitivity/summary';
import { listWords } from '../sensitivity/words';
import { BRIEF_STATUS, markingText, NEW_BRIEF } from './brief-details';
import type { ChangeSummary } from './changes';
import type { WhereInput } from './summary';

/**
 * The executive brief: the first two pages of the report, for a board. Plain
 * words only (no formula symbols, no statistical terms; those are in the
 * appendix): a title block, headline figures, the recommended priorities
 * with what the partnership will do about each, evidence shared by more than
 * one priority said once, and what changed since the last assessment.
 * Every figure comes from results computed elsewhere (evidence, dashboard,
 * SMAA, need matrix); nothing is recomputed here.
 */

export const ALL_CRIME_ID = 'all-crime-excluding-asb';
export const ASB_ID = 'anti-social-behaviour';

export interface BriefInput {
  assessment: Assessment;
  ranked: readonly RankedIssue[];
  n: number;
  evidence: EvidenceResult | null;
  dashboard: readonly DashboardRow[] | null;
  links: IssueLinks;
  robustness: SmaaResult | null;
  where: WhereInput | null;
  changes: ChangeSummary | null;
  generatedAt: number;
  /** The need matrix's top areas in a sentence (the summary's). */
  need?: string | null;
}

export interface BriefTile {
  label: string;
  value: string;
  words: string;
}

export interface BriefRow {
  issueId: string;
  rank: string;
  issue: string;
  why: string;
  evidence: string;
  rag: string;
  robust: string;
  where: string;
  recommendation: string;
  leadPartner: string;
}

export interface ExecutiveBrief {
  title: string;
  /** Label and value pairs: partnership, assessment, period, version, status, prepared by, date, marking. */
  titleBlock: { label: string; value: string }[];
  /** The marking printed in the header and footer ('' for none). */
  marking: string;
  tiles: BriefTile[];
  priorities: BriefRow[];
  /** One line per evidence count that more than one priority rests on. */
  shared: string[];
  /** Where the "how robust" figures come from, in plain words (null: not worked out). */
  robustnessSource: string | null;
  changes: { sentence: string; rows: string[][]; left: string | null } | null;
  /** Where need is greatest (the need matrix), in a sentence (null: no matrix). */
  need: string | null;
  /** The busiest areas of the top priorities (codes), for the map: the areas of the Where column. */
  mapAreas: { code: string; name: string; priorities: string[] }[];
  /** The map's title, text equivalent and source (null: no priority has areas to mark). */
  map: { caption: string; description: string; source: string } | null;
}

/** The columns of the Recommended priorities table, on the page and in the Word copy. */
export const PRIORITY_HEAD = ['Rank', 'Issue', 'Why', 'Evidence (latest 12 months)', 'Status (RAG)', 'How robust', 'Where (wards with most)', 'Recommendation', 'Lead partner'];

/** A priority as the cells of the Recommended priorities table, in the order of PRIORITY_HEAD. */
export const priorityCells = (p: BriefRow): string[] => [p.rank, p.issue, p.why, p.evidence, p.rag, p.robust, p.where, p.recommendation, p.leadPartner];

const WORD_LIMIT = 25;
export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** What a count of an evidence issue is made of: offences, incidents, or local records. */
export function unitOf(e: Pick<IssueEvidence, 'id' | 'source'>): string {
  if (e.id === ASB_ID) return 'incidents';
  return e.source === 'police-uk' ? 'offences' : 'recorded';
}

/** Whether a change is larger than chance would give, in words a board reads. */
const chanceWords = (significant: boolean) => (significant ? 'more than chance' : 'could be chance');

/**
 * A count and its change in plain words.
 *
 * @example changeWords(1301, 1016, true, 'offences', 12) // '1,301 offences, up 28% on the year before — more than chance'
 */
export function changeWords(current: number, previous: number | null, relative: number | null, significant: boolean, unit: string, months: number): string {
  const head = `${formatCount(current)} ${unit}`;
  const before = months === 12 ? 'the year before' : `the ${months} months before`;
  if (previous === null) return `${head}; nothing to compare with`;
  if (relative === null) return previous === 0 && current > 0 ? `${head}; none ${before}` : `${head}; nothing to compare with`;
  if (relative === 0) return `${head}, the same as ${before}`;
  return `${head}, ${relative > 0 ? 'up' : 'down'} ${changePercentText(relative)} on ${before} — ${chanceWords(significant)}`;
}

function windowWords(w: WindowComparison, unit: string, months: number): string {
  if (w.current === null) return 'No data';
  return changeWords(w.current, w.previous, w.change?.relative ?? null, w.change?.significant ?? false, unit, months);
}

/**
 * Why an issue ranks where it does: the criteria that contribute most to its
 * total after weighting, in one sentence of at most 25 words.
 *
 * @example whyWords(seed, rankedIssue) // 'Physical harm, community priority and likelihood contribute most after weighting.'
 */
export function whyWords(a: Assessment, r: RankedIssue): string {
  const top = a.model.criteria
    .filter(countsTowardsTotal)
    .map((c) => ({ c, part: r.contributions[c.id] ?? 0 }))
    .filter((x) => x.part > 0)
    .sort((x, y) => y.part - x.part);
  if (top.length === 0) return 'No criterion adds to its score yet.';
  for (let k = Math.min(3, top.length); k >= 1; k--) {
    const names = top.slice(0, k).map((x, i) => (i === 0 ? x.c.label : lowerFirst(x.c.label)));
    const s = `${listWords(names)} ${k === 1 ? 'contributes' : 'contribute'} most after weighting.`;
    if (wordCount(s) <= WORD_LIMIT) return s;
  }
  return `${top[0]!.c.label
    .split(/\s+/)
    .slice(0, WORD_LIMIT - 4)
    .join(' ')} contributes most after weighting.`;
}

// Lower-case a criterion name in mid-sentence unless it starts with an acronym ("ASB").
const lowerFirst = (s: string) => (/^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/**
 * How often an issue stays in the top N across plausible weightings, in
 * tenths ("in the top 5 in 9 of 10 plausible weightings").
 */
export function robustWords(share: number, n: number): string {
  if (share === 1) return `in the top ${n} in every plausible weighting`;
  if (share === 0) return `never in the top ${n}`;
  const tenths = Math.round(share * 10);
  if (tenths === 10) return `in the top ${n} in nearly all plausible weightings`;
  if (tenths === 0) return `in the top ${n} in fewer than 1 in 10 plausible weightings`;
  return `in the top ${n} in ${tenths} of 10 plausible weightings`;
}

/**
 * Where the robustness figures come from, for a reader who is not a statistician.
 *
 * @example robustnessSourceWords(result) // 'How robust: we re-ran the ranking 10,000 times with different weights, ...'
 */
export function robustnessSourceWords(r: SmaaResult): string {
  const how =
    r.sampler === 'simplex'
      ? 'any balance of the criteria is allowed'
      : r.sampler === 'ordered-simplex'
        ? 'the criteria keep the order of importance agreed on the Sensitivity page'
        : r.sampler === 'around'
          ? `each weight stays within ±${Math.round((r.around ?? 0) * 100)}% of the weights in use`
          : r.sampler === 'partners'
            ? 'each weight stays within the range the partners gave'
            : 'each weight stays within the limits set on the Sensitivity page';
  const scores = r.uncertainCells > 0 ? ' Scores marked as less certain were varied too.' : '';
  return `How robust: the ranking was worked out again ${formatCount(r.samples)} times, each time with a different, reasonable set of weights, where ${how}.${scores} The count is how many of every 10 of those kept the issue in the top places.`;
}

function periodLabel(e: EvidenceResult | null): string {
  return e?.period == null ? 'No police.uk data stored' : windowLabel(e.period.current);
}

/**
 * The executive brief from results already computed and the user's details.
 *
 * @example executiveBrief({ assessment, ranked, n: 5, … }).priorities[0].issue // 'Domestic Abuse'
 */
export function executiveBrief(x: BriefInput): ExecutiveBrief {
  const a = x.assessment;
  const d = a.brief ?? NEW_BRIEF;
  const byId = new Map(x.evidence?.issues.map((i) => [i.id, i]) ?? []);
  const rows = new Map(x.dashboard?.map((r) => [r.issueId, r]) ?? []);
  const months = x.evidence?.period?.length ?? 12;
  const top = x.ranked.slice(0, x.n);
  const area = x.evidence?.area ?? null;
  const linkOf = (r: RankedIssue) => x.links[r.issueId] ?? null;

  // Priorities resting on one evidence count: the first quotes it, the rest point to it.
  const groups = new Map<string, RankedIssue[]>();
  for (const r of top) {
    const link = linkOf(r);
    if (link !== null && byId.get(link)?.hasData === true) groups.set(link, [...(groups.get(link) ?? []), r]);
  }
  const shared = [...groups.entries()]
    .filter(([, g]) => g.length > 1)
    .map(([link, g]) => {
      const e = byId.get(link)!;
      return `${listWords(g.map((r) => r.label))} share one count: ${formatCount(e.volume ?? 0)} ${e.label.toLowerCase()} ${unitOf(e)}.`;
    });
  const share = x.robustness === null ? null : topNShare(x.robustness, x.n);

  const priorities = top.map((r): BriefRow => {
    const link = linkOf(r);
    const e = link === null ? undefined : byId.get(link);
    const group = link === null ? undefined : groups.get(link);
    const first = group?.[0];
    let evidence: string;
    if (e === undefined) evidence = 'No data linked yet';
    else if (!e.hasData || e.volume === null) evidence = `No data yet for ${e.label.toLowerCase()}`;
    else if (first !== undefined && first !== r && group!.length > 1) evidence = `Same count as ${first.label} (see the note below)`;
    else evidence = changeWords(e.volume, e.previous, e.change?.relative ?? null, e.change?.significant ?? false, unitOf(e), months);
    const row = link === null ? undefined : rows.get(link);
    const i = x.robustness?.issueIds.indexOf(r.issueId) ?? -1;
    const places = link === null || x.where === null ? undefined : x.where.byIssue[link];
    const rec = d.recommendations[r.issueId];
    return {
      issueId: r.issueId,
      rank: r.rankLabel,
      issue: r.label,
      why: whyWords(a, r),
      evidence,
      rag: row === undefined || !row.hasData ? 'Not rated' : RAG_LABELS[row.rag.rag],
      robust: share === null || i < 0 ? 'Not worked out' : robustWords(share[i]!, x.n),
      where: places === undefined || places.areas.length === 0 ? '—' : listWords(places.areas.slice(0, 3).map((p) => p.name)),
      recommendation: rec?.recommendation ?? '',
      leadPartner: rec?.leadPartner ?? '',
    };
  });

  const tile = (id: string, label: string): BriefTile => {
    const row = rows.get(id);
    const e = byId.get(id);
    if (row === undefined || e === undefined || row.rolling.current === null) return { label, value: '—', words: 'No data stored' };
    return { label, value: formatCount(row.rolling.current), words: windowWords(row.rolling, unitOf(e), months).replace(/^[\d,]+ /, '') };
  };
  const ragCount = (k: Rag) => priorities.filter((p) => p.rag === RAG_LABELS[k]).length;
  const unrated = priorities.filter((p) => p.rag === 'Not rated').length;
  const tiles: BriefTile[] = [
    tile(ALL_CRIME_ID, `All crime, latest ${months} months`),
    tile(ASB_ID, `Anti-social behaviour, latest ${months} months`),
    {
      label: `Top ${x.n} priorities by status`,
      value: `${ragCount('red')} Red · ${ragCount('amber')} Amber · ${ragCount('green')} Green`,
      words: unrated === 0 ? 'Every priority has a status from the data' : `${unrated} not rated (no data linked, or no change to rate)`,
    },
  ];

  const c = x.changes;
  const changes =
    c === null
      ? null
      : {
          sentence: c.sentence,
          rows: c.top.map((t) => [t.rankLabel, `${movementText(t.movement).symbol} ${movementText(t.movement).words}`, t.label, t.was ?? 'new in the top']),
          left: c.left.length === 0 ? null : `Left the top ${c.n}: ${listWords(c.left.map((l) => `${l.label} (${l.rankLabel === null ? 'no longer assessed' : `now ${l.rankLabel}`})`))}.`,
        };

  const mapAreas = new Map<string, { code: string; name: string; priorities: string[] }>();
  for (const p of priorities) {
    const link = x.links[p.issueId] ?? null;
    const t = link === null || x.where === null ? undefined : x.where.byIssue[link];
    for (const ar of t?.areas.slice(0, 3) ?? []) {
      const m = mapAreas.get(ar.code) ?? { code: ar.code, name: ar.name, priorities: [] };
      m.priorities.push(p.issue);
      mapAreas.set(ar.code, m);
    }
  }

  const marked = [...mapAreas.values()];
  const level = x.where?.levelLabel ?? 'wards';
  const anyWhere = Object.values(x.where?.byIssue ?? {})[0];
  const map =
    marked.length === 0
      ? null
      : {
          caption: `Where the top ${x.n} priorities happen most`,
          description: `${level[0]!.toUpperCase()}${level.slice(1)} of ${area ?? 'the partnership'}, with the ${marked.length} marked that are among the busiest three for a top priority: ${marked.map((m) => `${m.name} (${listWords(m.priorities)})`).join('; ')}. The darker the ${level === 'wards' ? 'ward' : 'area'}, the more priorities name it; the others are not marked.`,
          source: `Source: police.uk rows${anyWhere === undefined || anyWhere.first === '' ? '' : ` of ${windowLabel({ from: anyWhere.first, to: anyWhere.last })}`} placed in ${level} by their coordinates; ONS boundaries.`,
        };

  return {
    title: `Strategic assessment${area === null ? '' : `: ${area}`}`,
    titleBlock: [
      { label: 'Partnership', value: d.partnership || (area === null ? 'Not stated' : `${area} Community Safety Partnership`) },
      { label: 'Assessment', value: a.name },
      { label: 'Period covered', value: periodLabel(x.evidence) },
      { label: 'Version', value: d.version || 'Not stated' },
      { label: 'Status', value: BRIEF_STATUS[d.status] },
      { label: 'Prepared by', value: d.preparedBy || 'Not stated' },
      { label: 'Date', value: formatDate(x.generatedAt) },
      { label: 'Protective marking', value: markingText(d.marking) || 'None' },
    ],
    marking: markingText(d.marking),
    tiles,
    priorities,
    shared,
    robustnessSource: x.robustness === null ? null : robustnessSourceWords(x.robustness),
    changes,
    need: x.need ?? null,
    mapAreas: marked,
    map,
  };
}
