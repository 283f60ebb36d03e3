// Over 300 lines: the banding rules (schema, a default per metric) and how a rule proposes and explains a
// score; one rule's reading, mapping and wording belong together.
import { z } from 'zod';
import { formatCount, formatP, formatPercent, formatRate } from '../format';
import type { Criterion } from '../risk-matrix/schema';
import type { EvidenceResult, IssueEvidence } from './evidence';
import type { Figure } from './figures';
import { windowLabel } from './period';

/**
 * Banding rules turn a data-backed criterion's evidence into a proposed
 * score: each rule reads one metric of an issue's evidence and maps it onto
 * the criterion's scale through editable thresholds. The analyst then
 * accepts or overrides the proposal (see ./audit).
 */

export const EvidenceMetric = z.enum(['monthlyMean', 'volume', 'ratePer1000', 'changePercent', 'harmWeighted', 'costWeighted', 'concentration']);
export type EvidenceMetric = z.infer<typeof EvidenceMetric>;

export const METRIC_LABELS: Readonly<Record<EvidenceMetric, string>> = {
  monthlyMean: 'Mean a month (current period)',
  volume: 'Volume (current period)',
  ratePer1000: 'Rate per 1,000 residents',
  changePercent: 'Change on the previous period (%)',
  harmWeighted: 'Harm-weighted volume',
  costWeighted: 'Cost-weighted volume',
  concentration: 'Share in top 10% of LSOAs (%)',
};

export const BandingRule = z
  .object({
    /** The risk-matrix criterion the rule proposes scores for (lower_snake_case, as in the risk-matrix model). */
    criterionId: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'criterion ids are lower_snake_case' }),
    criterionLabel: z.string().min(1),
    metric: EvidenceMetric,
    /**
     * Lower bounds of the second and later bands, strictly increasing. A value
     * below thresholds[0] gets scores[0]; a value at or above thresholds[i]
     * (and below thresholds[i + 1]) gets scores[i + 1].
     */
    thresholds: z.array(z.number().finite({ error: 'a threshold must be a number' })),
    scores: z.array(z.number().int({ error: 'a score must be a whole number' })).min(1),
    /**
     * For changePercent: the score when the change is not significant at 5%
     * (no evidence of a real change), or null to band the change regardless.
     */
    notSignificantScore: z.number().int().nullable(),
    /** Why these thresholds; shown beside the rule. */
    note: z.string(),
  })
  .superRefine((r, ctx) => {
    if (r.scores.length !== r.thresholds.length + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['scores'],
        message: `${r.criterionLabel}: ${r.thresholds.length} thresholds make ${r.thresholds.length + 1} bands, so give ${r.thresholds.length + 1} scores (found ${r.scores.length})`,
      });
    }
    for (let i = 1; i < r.thresholds.length; i++) {
      if (!(r.thresholds[i]! > r.thresholds[i - 1]!)) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', i], message: `${r.criterionLabel}: thresholds must increase (${r.thresholds[i - 1]} is followed by ${r.thresholds[i]})` });
      }
    }
  });
export type BandingRule = z.infer<typeof BandingRule>;

export const BandingRules = z.object({ rules: z.array(BandingRule) }).superRefine((b, ctx) => {
  const seen = new Set<string>();
  b.rules.forEach((r, i) => {
    if (seen.has(r.criterionId)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'criterionId'], message: `two rules propose scores for “${r.criterionId}”` });
    seen.add(r.criterionId);
  });
});
export type BandingRules = z.infer<typeof BandingRules>;

/**
 * Default rules for the data-backed criteria of the seed matrix (Central
 * Bedfordshire 2014: likelihood, performance deteriorating, cost impact,
 * scored 0-5). The thresholds are starting points for the analyst to edit,
 * not published figures.
 */
export const DEFAULT_BANDING_RULES: BandingRules = {
  rules: [
    {
      criterionId: 'likelihood',
      criterionLabel: 'Likelihood',
      metric: 'monthlyMean',
      thresholds: [10, 50, 100, 300],
      scores: [1, 2, 3, 4, 5],
      notSignificantScore: null,
      note: 'Starting points, not published thresholds: set so that the monthly volumes behind Central Bedfordshire’s 2014 matrix mostly get its scores (domestic burglary about 79 a month scored 3, theft from vehicles about 121 scored 4, anti-social behaviour about 624 scored 5, most serious violence about 3 scored 1). Volumes depend on the size of the area: check them against yours.',
    },
    {
      criterionId: 'performance_deteriorating',
      criterionLabel: 'Performance deteriorating',
      metric: 'changePercent',
      thresholds: [-10, 0, 10],
      scores: [1, 2, 4, 5],
      notSignificantScore: 3,
      note: 'Starting points: a change that is not significant at 5% is no evidence of a real change and scores 3; a significant fall of 10% or more scores 1, a smaller fall 2, a significant rise below 10% 4, and 10% or more 5.',
    },
    {
      criterionId: 'cost_impact',
      criterionLabel: 'Cost impact',
      metric: 'costWeighted',
      thresholds: [100000, 500000, 1000000, 5000000],
      scores: [1, 2, 3, 4, 5],
      notSignificantScore: null,
      note: 'Needs cost weights (the cost table ships empty). Thresholds are in the cost table’s unit over the period, e.g. £ a year: starting points only.',
    },
  ],
};

/** The value a rule reads from an issue's evidence (null when the evidence has none). */
export function metricValue(issue: IssueEvidence, metric: EvidenceMetric): number | null {
  switch (metric) {
    case 'monthlyMean':
      return issue.monthlyMean;
    case 'volume':
      return issue.volume;
    case 'ratePer1000':
      return issue.ratePer1000;
    case 'changePercent':
      return issue.change?.relative == null ? null : 100 * issue.change.relative;
    case 'harmWeighted':
      return issue.harm?.value ?? null;
    case 'costWeighted':
      return issue.cost?.value ?? null;
    case 'concentration':
      return issue.concentration === null ? null : 100 * issue.concentration.share;
  }
}

/** The figure of the evidence table (and its trace) each metric is read from. */
export const METRIC_FIGURES: Readonly<Record<EvidenceMetric, Figure>> = {
  monthlyMean: 'volume',
  volume: 'volume',
  ratePer1000: 'rate',
  changePercent: 'change',
  harmWeighted: 'harm',
  costWeighted: 'cost',
  concentration: 'concentration',
};

const UNITS: Readonly<Record<EvidenceMetric, string>> = {
  monthlyMean: ' a month',
  volume: ' in the period',
  ratePer1000: ' per 1,000',
  changePercent: '',
  harmWeighted: '',
  costWeighted: '',
  concentration: '',
};

/** A threshold or value without its unit, e.g. '10', '−10%', '3.46', '100,000'. */
export function thresholdText(metric: EvidenceMetric, v: number): string {
  const dp = (x: number, digits: number) => x.toLocaleString('en-GB', { maximumFractionDigits: digits });
  switch (metric) {
    case 'monthlyMean':
      return dp(v, 1);
    case 'ratePer1000':
      return dp(v, 2);
    case 'changePercent':
      return `${v > 0 ? '+' : v < 0 ? '−' : ''}${dp(Math.abs(v), 1)}%`;
    case 'concentration':
      return `${dp(v, 1)}%`;
    default:
      return formatCount(v);
  }
}

/**
 * A metric value in words, as a proposal states it.
 *
 * @example metricText('monthlyMean', 79) // '79.0 a month'
 * @example metricText('changePercent', 31.85) // '+31.9% on the previous period'
 */
export function metricText(metric: EvidenceMetric, v: number): string {
  const one = (x: number) => x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  switch (metric) {
    case 'monthlyMean':
      return `${one(v)} a month`;
    case 'volume':
      return `${formatCount(Math.round(v))} in the period`;
    case 'harmWeighted':
      return `harm-weighted volume ${formatCount(Math.round(v))}`;
    case 'costWeighted':
      return `cost-weighted volume ${formatCount(Math.round(v))}`;
    case 'ratePer1000':
      return formatRate(v);
    case 'changePercent':
      return `${v > 0 ? '+' : v < 0 ? '−' : ''}${one(Math.abs(v))}% on the previous period`;
    case 'concentration':
      return `${formatPercent(v / 100)} in the top 10% of LSOAs`;
  }
}

/**
 * A band's range in words, e.g. 'at least 50 and below 100 a month'.
 *
 * @example rangeText('monthlyMean', 50, 100) // 'at least 50 and below 100 a month'
 */
export function rangeText(metric: EvidenceMetric, from: number | null, to: number | null): string {
  const t = (v: number) => thresholdText(metric, v);
  const unit = UNITS[metric];
  if (from === null && to === null) return 'any value';
  if (from === null) return `below ${t(to!)}${unit}`;
  if (to === null) return `${t(from)}${unit} or more`;
  return `at least ${t(from)} and below ${t(to)}${unit}`;
}

/**
 * A rule's bands, lowest first, each as its range in words and its score;
 * for a change rule with a not-significant score, that case last (index -1).
 *
 * @example bandList(likelihood)[1] // { index: 1, range: 'at least 10 and below 50 a month', score: 2 }
 */
export function bandList(r: BandingRule): { index: number; range: string; score: number }[] {
  const t = r.thresholds;
  const bands = r.scores.map((score, index) => ({ index, range: rangeText(r.metric, index === 0 ? null : t[index - 1]!, index === t.length ? null : t[index]!), score }));
  return r.notSignificantScore === null ? bands : [...bands, { index: -1, range: 'not significant at 5%', score: r.notSignificantScore }];
}

/**
 * A rule's bands in words.
 *
 * @example bandsInWords(likelihood) // 'below 10 a month → 1; at least 10 and below 50 a month → 2; …'
 */
export function bandsInWords(r: BandingRule): string {
  return bandList(r)
    .map((b) => `${b.range} → ${b.score}`)
    .join('; ');
}

/**
 * The band a value falls in: its index, and the thresholds around it.
 *
 * @example band(48.3, [10, 50, 100, 300]) // { index: 1, from: 10, to: 50 }
 */
export function band(value: number, thresholds: readonly number[]): { index: number; from: number | null; to: number | null } {
  let index = 0;
  while (index < thresholds.length && value >= thresholds[index]!) index++;
  return { index, from: index === 0 ? null : thresholds[index - 1]!, to: index === thresholds.length ? null : thresholds[index]! };
}

export const Proposal = z.object({
  /** The issue the proposal is for: the catalogue issue, or the assessment issue once re-keyed (see grid.ts `proposalsFor`). */
  issueId: z.string(),
  /** The catalogue issue whose evidence it reads (kept when re-keyed). */
  evidenceIssueId: z.string(),
  /** The current period the evidence covers, e.g. "Jan 2023 to Dec 2023" (null without a period). */
  period: z.string().nullable(),
  criterionId: z.string(),
  criterionLabel: z.string(),
  /** The proposed score, or null when the evidence cannot support one. */
  value: z.number().int().nullable(),
  /** The scale's name for the value, e.g. "Medium", when the model names it. */
  valueLabel: z.string().nullable(),
  metric: EvidenceMetric,
  metricValue: z.number().nullable(),
  metricText: z.string(),
  band: z.object({ index: z.number().int(), from: z.number().nullable(), to: z.number().nullable() }).nullable(),
  thresholds: z.array(z.number()),
  scores: z.array(z.number()),
  /** Why this score, in words: the evidence, the band and the rule. */
  explanation: z.string(),
});
export type Proposal = z.infer<typeof Proposal>;

/** Proposals by issue id, then criterion id. */
export type Proposals = Record<string, Record<string, Proposal>>;

function reasonMissing(issue: IssueEvidence, metric: EvidenceMetric): string {
  if (!issue.hasData) return issue.source === 'local' ? `No local counts for ${issue.label} in the current period.` : 'No data for the current period.';
  switch (metric) {
    case 'ratePer1000':
      return 'No rate: no population is stored for the area (IMD 2019 File 6).';
    case 'changePercent':
      return issue.change === null ? 'No change: the previous period has no data.' : 'No percentage change: the previous period counted none.';
    case 'harmWeighted':
    case 'costWeighted': {
      const w = metric === 'harmWeighted' ? issue.harm : issue.cost;
      const kind = metric === 'harmWeighted' ? 'harm' : 'cost';
      return w !== null && w.missing.length > 0 ? `No ${kind}-weighted volume: no ${kind} weight is set for ${w.missing.join(', ')}.` : `No ${kind}-weighted volume.`;
    }
    case 'concentration':
      return 'No concentration: the issue has no rows with a place in the current period.';
    default:
      return 'No value for this metric.';
  }
}

/**
 * Proposes one issue's score for one rule.
 *
 * @example proposeScore(burglary, likelihoodRule).value // 3
 */
export function proposeScore(issue: IssueEvidence, rule: BandingRule, criterion?: Criterion, periodLabel = '', against = 'the same number of months before'): Proposal {
  const base = {
    issueId: issue.id,
    evidenceIssueId: issue.id,
    period: periodLabel === '' ? null : periodLabel,
    criterionId: rule.criterionId,
    criterionLabel: criterion?.label ?? rule.criterionLabel,
    metric: rule.metric,
    thresholds: rule.thresholds,
    scores: rule.scores,
  };
  const levelLabel = (v: number) => criterion?.scale.levels.find((l) => l.value === v)?.label ?? null;
  const v = metricValue(issue, rule.metric);
  if (v === null) return { ...base, value: null, valueLabel: null, metricValue: null, metricText: '—', band: null, explanation: reasonMissing(issue, rule.metric) };
  const text = metricText(rule.metric, v);
  // The period named is the current one; a change compares it with the same number of months before it.
  const when = periodLabel === '' ? '' : rule.metric === 'changePercent' ? ` (${periodLabel}, against ${against})` : ` (${periodLabel})`;
  const lead = `${text.charAt(0).toUpperCase()}${text.slice(1)}${when}`;
  const named = (s: number) => (levelLabel(s) === null ? `${s}` : `${s} (${levelLabel(s)})`);
  if (rule.metric === 'changePercent' && rule.notSignificantScore !== null && issue.change !== null && !issue.change.significant) {
    const s = rule.notSignificantScore;
    return {
      ...base,
      value: s,
      valueLabel: levelLabel(s),
      metricValue: v,
      metricText: text,
      band: null,
      explanation: `${lead} is not significant at 5% (p = ${formatP(issue.change.pValue)}), so no real change is shown → ${named(s)}.`,
    };
  }
  const b = band(v, rule.thresholds);
  const s = rule.scores[b.index]!;
  const sig = rule.metric === 'changePercent' && issue.change !== null ? `, ${issue.change.words},` : '';
  return {
    ...base,
    value: s,
    valueLabel: levelLabel(s),
    metricValue: v,
    metricText: text,
    band: b,
    explanation: `${lead}${sig} is ${rangeText(rule.metric, b.from, b.to)} → ${named(s)}.`,
  };
}

/**
 * What a proposal rests on: the evidence issue, period, metric value, rule
 * and score (not its wording, so relabelling a scale level changes nothing).
 * A decision keeps it; when the evidence's basis differs, the decision is stale.
 *
 * @example proposalBasis(p) // 'burglary|Jan 2023 to Dec 2023|monthlyMean|79.0000000000|2|10,50,100,300|1,2,3,4,5|3'
 */
export function proposalBasis(p: Proposal): string {
  const v = p.metricValue === null ? '' : p.metricValue.toPrecision(12);
  return [p.evidenceIssueId, p.period ?? '', p.metric, v, p.band?.index ?? '', p.thresholds.join(','), p.scores.join(','), p.value ?? ''].join('|');
}

/**
 * Proposes a score for every issue and every rule.
 *
 * @param criteria the risk model's criteria, to name scale levels (optional)
 * @example proposeScores(evidence, DEFAULT_BANDING_RULES)['burglary']['likelihood'].value
 */
export function proposeScores(evidence: EvidenceResult, rules: BandingRules, criteria: readonly Criterion[] = []): Proposals {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const when = evidence.period === null ? '' : windowLabel(evidence.period.current);
  // A named period (financial year, quarter) is compared with the same period a year earlier, named in full.
  const against = evidence.period?.previous?.name ?? undefined;
  return Object.fromEntries(evidence.issues.map((issue) => [issue.id, Object.fromEntries(rules.rules.map((r) => [r.criterionId, proposeScore(issue, r, byId.get(r.criterionId), when, against)]))]));
}

/**
 * Problems with rules against a risk model: a rule for a criterion the model
 * does not have, or a score off the criterion's scale.
 *
 * @example rulesProblems(DEFAULT_BANDING_RULES, seedModel.criteria) // []
 */
export function rulesProblems(rules: BandingRules, criteria: readonly Criterion[]): string[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const out: string[] = [];
  for (const r of rules.rules) {
    const c = byId.get(r.criterionId);
    if (c === undefined) {
      out.push(`The model has no criterion “${r.criterionId}” (${r.criterionLabel}).`);
      continue;
    }
    const off = [...r.scores, ...(r.notSignificantScore === null ? [] : [r.notSignificantScore])].filter((s) => s < c.scale.min || s > c.scale.max);
    if (off.length > 0) out.push(`${c.label}: scores ${off.join(', ')} are off its scale (${c.scale.min} to ${c.scale.max}).`);
  }
  return out;
}
