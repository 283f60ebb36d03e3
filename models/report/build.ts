// Over 300 lines: buildReport assembles every section of the report from the evidence, dashboard and ranking;
// each section's builder is short, the list of them is long.
import { dashboardPeriods, factorText, ragRuleWords, type Dashboard } from '../dashboard/dashboard';
import { exceptionMethodWords, MONTH_STATUS_WORDS } from '../dashboard/exceptions';
import { RAG_LABELS } from '../dashboard/rag';
import type { EvidenceResult } from '../evidence/evidence';
import { figureText } from '../evidence/figures';
import { windowLabel } from '../evidence/period';
import { formatCount, formatDate, formatMonth, formatRate } from '../format';
import type { TopAreas } from '../need/top-areas';
import type { DataDescription, IssueLinks } from '../project/schema';
import type { Assessment } from '../risk-matrix/assessment';
import { formatScore, totalFormula } from '../risk-matrix/explain';
import { movementText, type Movement } from '../risk-matrix/movement';
import type { RankedIssue } from '../risk-matrix/score';
import type { SmaaResult } from '../sensitivity/smaa';
import { smaaBasisWords } from '../sensitivity/smaa-words';
import type { ChangeSummary } from './changes';
import { CHART_ISSUES, para, section, type Block, type ReportDocument, type ReportSection } from './document';
import { dataUsedRows } from './data-used';
import type { ExecutiveSummary, WhereInput } from './summary';
import { own } from '../own';
import { peerWords, type PeerComparison } from '../peers/peers';
import { trendPlainWords } from './plain';
import { hotspotRows, type ReportHotspots } from './hotspots';

export interface ReportInput {
  assessment: Assessment;
  ranked: readonly RankedIssue[];
  /** Movement of every issue against the comparison (or the baseline). */
  moves: ReadonlyMap<string, Movement>;
  /** What the movements are against, e.g. 'the baseline weights'. */
  movesAgainst: string;
  /** The top N against the comparison (null: none chosen). */
  changes: ChangeSummary | null;
  n: number;
  summary: ExecutiveSummary;
  caveats: readonly { severity: 'info' | 'warning'; text: string }[];
  evidence: EvidenceResult | null;
  dashboard: Dashboard | null;
  links: IssueLinks;
  robustness: SmaaResult | null;
  where: (WhereInput & { topTable: { rank: number; name: string; composite: number | null; population: number | null }[] }) | null;
  data: DataDescription | null;
  dataLabels: Readonly<Record<string, string>>;
  generatedAt: number;
  /** Each dashboard issue's rate ranked among comparator areas (the Dashboard page's; null or absent: not worked out). */
  peers?: PeerComparison | null;
  /** The top priorities' hot spots (null or absent: not worked out). */
  hotspots?: ReportHotspots | null;
}

/** Catalogue issues linked to the top N, with data: the ones whose control charts the report draws. */
export function chartedIssues(x: Pick<ReportInput, 'ranked' | 'n' | 'links' | 'dashboard'>, max = 5): string[] {
  const withData = new Set(x.dashboard?.rows.filter((r) => r.hasData).map((r) => r.issueId) ?? []);
  const ids = x.ranked.slice(0, x.n).map((r) => own(x.links, r.issueId) ?? null);
  return [...new Set(ids.filter((id): id is string => id !== null && withData.has(id)))].slice(0, max);
}

/** The executive summary as a section (kept for callers that print it without the brief). */
export function summarySection(x: ReportInput): ReportSection {
  const s = x.summary;
  const warnings = x.caveats.filter((c) => c.severity === 'warning');
  return section(
    'summary',
    'Executive summary',
    [para(s.intro)],
    [
      section('summary-priorities', `Top ${x.n} priorities`, [{ kind: 'list', ordered: true, items: s.priorities.map((p) => p.line) }]),
      section('summary-changes', 'What changed', [para(s.changes ?? 'No previous ranking was chosen to compare with.'), ...changesTable(x.changes)]),
      section('summary-where', 'Where', [para(s.where ?? 'The community need matrix has no result for this area (it needs ward boundaries; see Data quality).')]),
      section('summary-caveats', 'Caveats', [
        warnings.length === 0 ? para('No data-quality warnings. See Data quality for every note.') : { kind: 'notes', items: warnings },
        ...(warnings.length === 0 ? [] : [para(`See Data quality for all ${formatCount(x.caveats.length)} notes.`)]),
      ]),
    ],
  );
}

function changesTable(c: ChangeSummary | null): Block[] {
  if (c === null) return [];
  return [
    {
      kind: 'table',
      id: 'changes',
      caption: `The top ${c.n} against ${c.against}`,
      head: ['Rank', 'Change', 'Issue', 'Rank before'],
      numeric: [true, true, false, true],
      rowHeader: 2,
      rows: c.top.map((r) => [r.rankLabel, `${movementText(r.movement).symbol} ${movementText(r.movement).words}`, r.label, r.was ?? 'not ranked']),
      ...(c.left.length === 0 ? {} : { source: `Left the top ${c.n}: ${c.left.map((l) => `${l.label} (${l.rankLabel === null ? 'not in this assessment' : `now ${l.rankLabel}`})`).join(', ')}.` }),
    },
  ];
}

function prioritiesSection(x: ReportInput): ReportSection {
  const a = x.assessment;
  const crit = a.model.criteria;
  const rationales = x.ranked.slice(0, x.n).flatMap((r) =>
    crit.flatMap((c) => {
      const cell = own(own(a.scores, r.issueId), c.id);
      return cell?.rationale === undefined ? [] : [[r.label, c.label, cell.value === null ? '–' : formatScore(cell.value), cell.confidence ?? 'Not stated', cell.rationale]];
    }),
  );
  const blocks: Block[] = [
    para(
      `${totalFormula(a.model, a.draftWeights)} Issues with equal totals share a rank (“=2”) and keep their order in the assessment. Change is the movement against ${x.movesAgainst}. The line marks the top ${x.n}.`,
    ),
    {
      kind: 'table',
      id: 'ranked',
      caption: 'Ranked priorities',
      head: ['Rank', 'Change', 'Issue', 'Total', ...crit.map((c) => c.label)],
      numeric: [true, true, false, true, ...crit.map(() => true)],
      rowHeader: 2,
      rows: x.ranked.map((r) => [
        r.rankLabel,
        movementText(x.moves.get(r.issueId) ?? { kind: 'same' }).symbol,
        r.label,
        formatScore(r.total),
        ...crit.map((c) => {
          const v = own(own(a.scores, r.issueId), c.id)?.value ?? null;
          return v === null ? '–' : formatScore(v);
        }),
      ]),
      cutAfter: x.n,
      source: `Assessment “${a.name}” (${a.model.name}), as stored on ${formatDate(a.updatedAt)}.`,
    },
    {
      kind: 'figure',
      id: 'contributions',
      chart: { type: 'contributions' },
      caption: 'What makes up each total',
      description: `Each issue’s total as a bar stacked by the contribution of each criterion, highest ranked first; the top ${x.n} are above the cut line.${x.ranked.length > CHART_ISSUES ? ` Only the ${CHART_ISSUES} highest ranked of the ${formatCount(x.ranked.length)} issues are drawn.` : ''} The Ranked priorities table gives every figure.`,
      source: `Source: the scores and weights of assessment “${a.name}”, as stored on ${formatDate(a.updatedAt)}.`,
      beside: true,
    },
  ];
  if (rationales.length > 0) {
    blocks.push({
      kind: 'table',
      id: 'rationales',
      caption: `Rationales recorded for the top ${x.n}`,
      head: ['Issue', 'Criterion', 'Score', 'Confidence', 'Rationale'],
      numeric: [false, false, true, false, false],
      rowHeader: 0,
      rows: rationales,
    });
  }
  return section('priorities', 'Priorities', blocks);
}

function evidenceSection(x: ReportInput): ReportSection {
  const e = x.evidence;
  if (e === null || e.period === null) return section('evidence', 'Evidence', [para('No police.uk data is stored, so there is no evidence from the data.')]);
  const withData = e.issues.filter((i) => i.hasData);
  const months = e.period.length;
  const households = withData.some((i) => i.rateBasis?.includes('household'));
  // The rate's basis is said once under the table, so each cell is the figure alone (households named where they are the basis).
  const rate = (i: (typeof withData)[number]) => (i.ratePer1000 === null ? '—' : `${formatRate(i.ratePer1000).replace(/ per 1,000$/, '')}${i.rateBasis?.includes('household') ? ' (households)' : ''}`);
  return section('evidence', 'Evidence', [
    para(
      `Figures for ${e.area ?? 'every located row'}, ${windowLabel(e.period.current)} against ${windowLabel(e.period.previous)}, from the stored police.uk street-level crime and, where marked, local counts. “Test” says whether the change is more than chance (see Methods and sources). The long-run trend is the yearly rate of change over every stored month, allowing for the season, with the range it very likely lies in (95%).`,
    ),
    {
      kind: 'table',
      id: 'evidence',
      caption: 'Evidence by issue',
      head: ['Issue', `${months}-month volume`, `Previous ${months} months`, 'Change', 'Test', 'Rate per 1,000', 'Share in top 10% of LSOAs', 'Long-run trend'],
      numeric: [false, true, true, true, false, true, true, false],
      rowHeader: 0,
      rows: withData.map((i) => [
        i.source === 'police-uk' ? i.label : `${i.label} (local counts)`,
        figureText(i, 'volume'),
        figureText(i, 'previous'),
        figureText(i, 'change'),
        i.change?.words ?? '—',
        rate(i),
        figureText(i, 'concentration'),
        i.trend == null ? 'too few months' : trendPlainWords(i.trend),
      ]),
      source: `Period ${windowLabel(e.period.current)}; previous ${windowLabel(e.period.previous)}. Rates per 1,000 residents (${e.population?.source ?? 'no population loaded'}${e.population === null ? '' : `: ${formatCount(e.population.total)}`})${households ? ', or per 1,000 households where marked' : ''}. Issues with no data are left out: ${
        e.issues
          .filter((i) => !i.hasData)
          .map((i) => i.label)
          .join(', ') || 'none'
      }.`,
    },
  ]);
}

/** The latest months judged against their control limits, in a few words: only the unusual ones are named. */
function recentWords(recent: readonly { month: string; status: keyof typeof MONTH_STATUS_WORDS }[]): string {
  if (recent.length === 0) return '—';
  const odd = recent.filter((m) => m.status !== 'within');
  if (odd.length === 0) return 'all usual';
  return odd.map((m) => `${formatMonth(m.month).slice(0, 3)} ${MONTH_STATUS_WORDS[m.status].symbol} ${MONTH_STATUS_WORDS[m.status].short}`).join('; ');
}

function dashboardSection(x: ReportInput): ReportSection {
  const d = x.dashboard;
  if (d === null || d.end === null) return section('dashboard', 'Performance dashboard', [para('No data is stored, so there is no dashboard.')]);
  const periods = dashboardPeriods(d);
  const recent = d.quarter?.current.months ?? [];
  const charted = chartedIssues(x);
  const label = new Map(d.rows.map((r) => [r.issueId, r.label]));
  const peers = x.peers ?? null;
  const peerRank = (issueId: string) => {
    const p = peers?.issues.find((i) => i.issueId === issueId);
    if (p === undefined || p.rank === null) return '—';
    return p.groupRank === null ? p.rank.text : `${p.rank.text}; peer group: ${p.groupRank.text}`;
  };
  const recentHead = recent.length === 0 ? 'Latest months' : `${formatMonth(recent[0]!)} to ${formatMonth(recent.at(-1)!)}`;
  return section('dashboard', 'Performance dashboard', [
    para(
      `Each issue’s status (RAG) follows the partnership’s rule from its significant changes, unusual months and any targets; the factors column names only the ones that count. The last column names any of the latest months outside its usual range. Peer rank places ${peers?.partnership ?? 'the area'} among the areas compared (1st lowest = the lowest rate). How each is decided: Methods and sources.`,
    ),
    {
      kind: 'table',
      id: 'dashboard',
      caption: 'Performance dashboard',
      head: [
        'Issue',
        'RAG',
        'Positive and negative factors',
        d.quarter?.current.name === undefined ? 'Latest quarter' : periods.quarterHeading,
        'Change on a year earlier',
        periods.yearHeading,
        periods.yearChangeHeading,
        'Rate per 1,000',
        'Peer rank',
        recentHead,
      ],
      numeric: [false, false, false, true, true, true, true, true, false, false],
      rowHeader: 0,
      rows: d.rows
        .filter((r) => r.hasData)
        .map((r) => [
          r.label,
          RAG_LABELS[r.rag.rag],
          // Neutral factors ("no significant change") are already said by the change columns.
          r.indicators
            .filter((i) => i.rating !== 'not-rated' && i.rating !== 'neutral')
            .map((i) => `${i.rating === 'positive' ? '+' : i.rating === 'negative' ? '−' : '±'} ${factorText(i, r)}`)
            .join('; ') || 'none significant',
          r.quarter.current === null ? '—' : formatCount(r.quarter.current),
          r.quarter.change?.text ?? 'No comparison',
          r.rolling.current === null ? '—' : formatCount(r.rolling.current),
          r.rolling.change?.text ?? 'No comparison',
          r.ratePer1000 === null ? '—' : formatRate(r.ratePer1000).replace(/ per 1,000$/, ''),
          peerRank(r.issueId),
          recentWords(r.recent),
        ]),
      source: `${d.rolling?.current.name === undefined ? 'Latest quarter' : 'Quarter'}: ${periods.quarter}. ${d.rolling?.current.name === undefined ? 'Rolling 12 months' : 'Year'}: ${periods.rolling}. Months: ▲ unusually high, ▼ unusually low, – not judged.${peers === null ? ' Peer ranks were not worked out.' : ` Peer rank: ${peerWords(peers)}`}`,
    },
    ...charted.map((id): Block => ({
      kind: 'figure',
      id: `control-${id}`,
      chart: { type: 'control', issueId: id },
      caption: `${label.get(id)}: monthly count against its control limits`,
      description: controlDescription(d, id),
      source: 'Source: police.uk street-level crime stored in the workbench; the limits come from the issue’s own monthly counts.',
    })),
  ]);
}

/** A control chart's text equivalent: the months flagged and the latest limits. */
export function controlDescription(d: Dashboard, issueId: string): string {
  const r = d.rows.find((x) => x.issueId === issueId);
  if (r === undefined) return '';
  const flagged = r.months.filter((m) => m.status === 'high' || m.status === 'low');
  const last = [...r.months].reverse().find((m) => m.limits !== null);
  const lim =
    last?.limits == null
      ? ''
      : ` For ${formatMonth(last.month)} the centre line is ${formatCount(Math.round(last.limits.centre))} and the limits ${formatCount(Math.round(last.limits.lower))} to ${formatCount(Math.round(last.limits.upper))}.`;
  const list =
    flagged.length === 0
      ? 'No month is outside its control limits.'
      : `Months outside their limits: ${flagged.map((m) => `${formatMonth(m.month)} ${formatCount(m.count!)} (${MONTH_STATUS_WORDS[m.status].words})`).join(', ')}.`;
  return `${r.label}, monthly counts ${r.months.length === 0 ? '' : `${formatMonth(r.months[0]!.month)} to ${formatMonth(r.months.at(-1)!.month)}`}. ${list}${lim}`;
}

function whereSection(x: ReportInput): ReportSection {
  const w = x.where;
  if (w === null)
    return section('where', 'Where: community need', [para('The community need matrix has no result for this area: it needs ward boundaries loaded for the partnership area (see Data quality).')]);
  const tops = x.ranked.slice(0, x.n).map((r) => ({ r, link: own(x.links, r.issueId) ?? null }));
  const areasText = (t: TopAreas | undefined) => (t === undefined || t.areas.length === 0 ? '—' : t.areas.map((a) => `${a.name} (${formatCount(a.count)})`).join(', '));
  return section('where', 'Where: community need', [
    para(
      `The community need matrix scores the partnership’s ${w.levelLabel} on ${w.method.split(' (')[0]} (how: Methods and sources). Below it, where each top priority’s crime is: the busiest ${w.levelLabel}, and the exact places where it concentrates (hot spots).`,
    ),
    {
      kind: 'table',
      id: 'need-top',
      caption: `${w.levelLabel[0]!.toUpperCase()}${w.levelLabel.slice(1)} of greatest need`,
      head: ['Rank', 'Area', 'Composite score', 'Residents'],
      numeric: [true, false, true, true],
      rowHeader: 1,
      rows: w.topTable.map((t) => [String(t.rank), t.name, t.composite === null ? '—' : t.composite.toFixed(2), t.population === null ? '—' : formatCount(Math.round(t.population))]),
    },
    {
      kind: 'table',
      id: 'where-priorities',
      caption: `Where the top ${x.n} priorities happen`,
      head: ['Priority', 'Evidence issue', `Busiest ${w.levelLabel} (rows)`, 'Rows placed', 'Hot spots (place, ward, rows)'],
      numeric: [false, false, false, true, false],
      rowHeader: 0,
      rows: tops.map(({ r, link }, k) => {
        const t = link === null ? undefined : w.byIssue[link];
        // A priority resting on the same evidence as one above it points to it, so the places are said once.
        const first = link === null ? undefined : tops.slice(0, k).find((o) => o.link === link);
        return [
          r.label,
          link === null ? 'None linked' : (x.evidence?.issues.find((i) => i.id === link)?.label ?? link),
          link === null ? '—' : t === undefined ? 'Not police.uk crime' : first !== undefined ? `Same as ${first.r.label}` : areasText(t),
          t === undefined ? '—' : formatCount(t.total),
          t === undefined ? '—' : first !== undefined ? `Same as ${first.r.label}` : hotspotRows(x.hotspots, link),
        ];
      }),
      source: (() => {
        const any = Object.values(w.byIssue)[0];
        const placed = any === undefined || any.first === '' ? '' : `police.uk rows placed in ${w.levelLabel} by their coordinates, ${windowLabel({ from: any.first, to: any.last })}. `;
        return `${placed}${x.hotspots == null ? 'Hot spots were not worked out.' : x.hotspots.method}`;
      })(),
    },
  ]);
}

/** How rates were worked out, naming the population actually used (ONS estimates or the IMD 2019 fallback). */
function rateMethodWords(p: EvidenceResult['population'] | null): string {
  if (p === null || p === undefined) return 'Rate per 1,000: the count × 1,000 ÷ the partnership area’s residents.';
  const lsoas = p.caveat === null ? '2021' : '2011';
  const households = p.households ? ` Burglary is per 1,000 households (${p.households.basis}).` : '';
  return `Rate per 1,000: the count × 1,000 ÷ the area’s residents (${p.source}) over the ${lsoas} LSOAs of the partnership area.${households}${p.caveat ? ` Caveat: ${p.caveat}.` : ''}`;
}

function methodsSection(x: ReportInput): ReportSection {
  const blocks: Block[] = [
    para(
      'Change: the current period’s count against the previous period’s, per month with data. When the monthly counts vary no more than chance alone would make them (dispersion at most 1), the exact conditional test for two Poisson counts (Przyborowski and Wilenski, 1940); when they vary more (the usual case), the quasi-Poisson test, which allows for that extra variation. Two-sided; p-values adjusted for the number of tests on a page by the Benjamini-Hochberg false discovery rate when the Evidence and Dashboard notes say so; significant at 5%.',
    ),
    para(rateMethodWords(x.evidence?.population ?? null)),
  ];
  if (x.dashboard !== null) blocks.push(para(exceptionMethodWords(x.dashboard.settings.exceptions)), para(ragRuleWords(x.dashboard.settings)));
  if (x.where !== null) blocks.push(para(`Community need: ${x.where.levelLabel} scored on ${x.where.method}.`));
  if (x.robustness !== null) blocks.push(para(`Robustness: SMAA-2 rank acceptability (Lahdelma and Salminen, 2001). ${smaaBasisWords(x.robustness)}`));
  if (x.data !== null) {
    blocks.push({
      kind: 'table',
      id: 'data-used',
      caption: 'Data used',
      head: ['Data', 'Covers', 'Files', 'Rows', 'Imported'],
      numeric: [false, false, true, true, false],
      rowHeader: 0,
      rows: dataUsedRows(x.data, x.dataLabels),
    });
  }
  return section('methods', 'Methods and sources', blocks);
}

const GLOSSARY: [string, string][] = [
  ['Criterion', 'One of the questions each issue is scored on, such as likelihood or harm to victims.'],
  ['Weighting', 'How much each criterion counts towards an issue’s total; “contributes most after weighting” names the criteria that add most to it.'],
  ['Plausible weighting', 'Another reasonable set of weights, drawn at random within what the partnership agreed; “in the top 5 in 9 of 10” counts how often an issue stays near the top.'],
  ['More than chance', 'The change is larger than month-to-month ups and downs would give (tested at the 5% level, allowing for how much the monthly counts vary; see Methods and sources).'],
  ['Could be chance', 'The change is within the usual ups and downs, so it may not last.'],
  ['RAG', 'Red, Amber or Green status on the performance dashboard, from the latest changes and any targets.'],
  ['Rate per 1,000', 'Count for every 1,000 residents, so areas of different sizes can be compared.'],
  ['Control limits', 'The range a month’s count usually falls in; a month outside it is unusually high or low.'],
  ['Long-run trend', 'How much an issue rises or falls a year over every stored month, leaving out the usual seasonal ups and downs; the range in brackets is where it very likely lies.'],
  ['Peer rank', 'Where the area’s rate per 1,000 stands among the areas compared: “1st lowest” has the lowest rate.'],
  ['Hot spot', 'A small square of the map where an issue’s crime is much more concentrated than chance would give.'],
];

function glossarySection(): ReportSection {
  return section('glossary', 'Glossary', [
    { kind: 'table', id: 'glossary', caption: 'Terms used in this report', head: ['Term', 'Meaning'], numeric: [false, false], rowHeader: 0, rows: GLOSSARY.map(([t, m]) => [t, m]) },
  ]);
}

/**
 * The strategic assessment report as data.
 *
 * @example buildReport(input).sections.map((s) => s.heading) // ['Priorities', 'Evidence', 'Performance dashboard', 'Where: community need', 'Data quality', 'Methods and sources', 'Glossary']
 */
export function buildReport(x: ReportInput): ReportDocument {
  const area = x.evidence?.area ?? x.data?.area ?? null;
  return {
    title: `Strategic assessment${area === null ? '' : `: ${area}`}`,
    subtitle: `From the assessment “${x.assessment.name}”. Generated ${formatDate(x.generatedAt)}.`,
    // The executive brief (brief.ts) opens the report; the summary's figures are in it, so no summary section repeats them.
    sections: [
      prioritiesSection(x),
      evidenceSection(x),
      dashboardSection(x),
      whereSection(x),
      section('quality', 'Data quality', x.caveats.length === 0 ? [para('No problems found.')] : [{ kind: 'notes', items: [...x.caveats] }]),
      methodsSection(x),
      glossarySection(),
    ],
  };
}
