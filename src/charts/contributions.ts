import * as Plot from '@observablehq/plot';
import { formatScore } from '../../models/risk-matrix/explain';
import type { RankedIssue } from '../../models/risk-matrix/score';
import type { RiskModel } from '../../models/risk-matrix/schema';
import { criterionColours } from './criterion-colours';
import { own } from '../../models/own';
import { CHART_ISSUES } from '../../models/report/document';

/** One criterion's part of one issue's bar. */
export interface ContributionSegment {
  issue: string;
  /** The issue's 0-based place in the ranking (its row). */
  position: number;
  criterion: string;
  value: number;
  x1: number;
  x2: number;
}

/**
 * Stacks each issue's contributions left to right in criterion order (parts of
 * 0 are left out).
 *
 * @example contributionSegments(model, ranked)[0] // { issue: 'Domestic Abuse', criterion: 'Performance issue – deteriorating', x1: 0, x2: 3, … }
 */
export function contributionSegments(model: RiskModel, ranked: readonly RankedIssue[]): ContributionSegment[] {
  const out: ContributionSegment[] = [];
  for (const r of ranked) {
    let x = 0;
    for (const c of model.criteria) {
      const v = own(r.contributions, c.id) ?? 0;
      if (v === 0) continue;
      out.push({ issue: r.label, position: r.position, criterion: c.label, value: v, x1: x, x2: x + v });
      x += v;
    }
  }
  return out;
}

const ROW = 22;

/**
 * Horizontal stacked bars, one row per issue in ranked order, coloured by
 * criterion, with the cut line drawn under the top N. Only the first
 * `CHART_ISSUES` (100) issues of a longer ranking are drawn.
 *
 * @example <csp-plot .options=${contributionChart(model, ranked, 3)}></csp-plot>
 */
export function contributionChart(model: RiskModel, all: readonly RankedIssue[], cutLine?: number): Plot.PlotOptions {
  const ranked = all.length > CHART_ISSUES ? all.slice(0, CHART_ISSUES) : all;
  const n = ranked.length;
  const labels = ranked.map((r) => `${r.rankLabel}. ${r.label}`);
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  const marks: Plot.Markish[] = [
    Plot.rectX(contributionSegments(model, ranked), {
      x1: 'x1',
      x2: 'x2',
      y1: (d: ContributionSegment) => d.position + 0.12,
      y2: (d: ContributionSegment) => d.position + 0.88,
      fill: 'criterion',
      title: (d: ContributionSegment) => `${d.issue}\n${d.criterion}: ${formatScore(d.value)}`,
      tip: true,
    }),
    Plot.ruleX([0]),
  ];
  if (cutLine !== undefined && cutLine > 0 && cutLine < n) {
    marks.push(
      Plot.ruleY([cutLine], { stroke: '#a4262c', strokeWidth: 2, strokeDasharray: '6,3' }),
      Plot.text([cutLine], { y: (d: number) => d, frameAnchor: 'right', dy: -6, text: () => `Cut line: top ${cutLine}`, fill: '#a4262c', fontWeight: 600 }),
    );
  }
  return {
    width: 960,
    height: Math.max(120, n * ROW + 70),
    marginLeft: Math.min(260, 12 + longest * 6.6),
    marginTop: 40,
    style: { fontSize: '12px' },
    ariaLabel: 'Each issue’s total, stacked by the contribution of each criterion, highest ranked first',
    x: { label: 'Contribution to the total', grid: true, axis: 'top', tickFormat: (v: number) => formatScore(v) },
    y: { domain: [0, Math.max(1, n)], reverse: true, label: null, ticks: ranked.map((r) => r.position + 0.5), tickFormat: (v: number) => labels[Math.floor(v)] ?? '', tickSize: 0 },
    color: { ...criterionColours(model.criteria.map((c) => c.label)), legend: true },
    marks,
  };
}
