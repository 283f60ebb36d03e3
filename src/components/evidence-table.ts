import { trendWords } from '../../models/stats/trend';
import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import type { EvidenceResult, IssueEvidence } from '../../models/evidence/evidence';
import { figureLabel, figureText, type Figure } from '../../models/evidence/figures';
import { rateBasis } from '../../models/evidence/population';
import { seasonalSparkline, trendSparkline } from '../charts/sparklines';
import { traceRequest, type TraceTarget } from './evidence-events';
import { baseStyles } from './styles';
import './plot-figure';

const NUMBER_FIGURES: readonly Figure[] = ['volume', 'previous', 'change', 'rate', 'concentration', 'harm', 'cost'];

/**
 * The "Evidence by issue" table: for each issue its volume, previous volume,
 * change (with its test in words), rate per 1,000, concentration, weighted
 * volumes, and trend and seasonality sparklines. Every figure is a button
 * that asks for its trace.
 *
 * @fires trace-request - detail `{ issueId, figure }` when a figure is chosen
 */
@customElement('csp-evidence-table')
export class EvidenceTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      button.figure {
        background: none;
        color: var(--accent, #1d4f91);
        border: 1px solid transparent;
        padding: 0.1rem 0.3rem;
        text-align: inherit;
        font-variant-numeric: tabular-nums;
        text-decoration: underline dotted;
        text-underline-offset: 3px;
      }
      button.figure:hover {
        border-color: var(--rule, #d8dde3);
      }
      button.figure[aria-pressed='true'] {
        background: var(--panel, #f3f5f8);
        border-color: var(--accent, #1d4f91);
      }
      button.spark {
        padding: 0;
        display: block;
        min-width: 132px;
      }
      .words {
        display: block;
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
        text-decoration: none;
      }
      .words.significant {
        color: var(--warn, #b35c00);
        font-weight: 600;
      }
      td.none {
        color: var(--ink-2, #5a6573);
      }
      table {
        font-size: 0.85rem;
      }
      thead th,
      thead th.num {
        white-space: normal;
        vertical-align: bottom;
      }
      tbody th[scope='row'] {
        white-space: normal;
        min-width: 10rem;
      }
      th,
      td {
        padding: 0.25rem 0.35rem;
      }
      .source {
        display: block;
        font-weight: normal;
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
      }
    `,
  ];

  /** The evidence to show. */
  @property({ attribute: false }) evidence: EvidenceResult | null = null;
  /** The figure whose trace is open, marked as pressed. */
  @property({ attribute: false }) selected: TraceTarget | null = null;

  private pick(t: TraceTarget) {
    this.dispatchEvent(traceRequest(t));
  }

  private isSelected(issueId: string, figure: Figure) {
    return this.selected?.issueId === issueId && this.selected.figure === figure;
  }

  private figureCell(issue: IssueEvidence, figure: Figure, months: number) {
    const text = figureText(issue, figure, months);
    if (!issue.hasData) return html`<td class="num none">${text}</td>`;
    const words = figure === 'change' && issue.change !== null ? issue.change.words : null;
    return html`<td class="num">
      <button
        class="figure"
        aria-pressed=${this.isSelected(issue.id, figure) ? 'true' : 'false'}
        aria-label=${`${figureLabel(figure, this.evidence?.period ?? months)} for ${issue.label}: ${text}${words === null ? '' : `, ${words}`}. Show where it comes from`}
        @click=${() => this.pick({ issueId: issue.id, figure })}
      >
        ${text}${words === null ? nothing : html`<span class="words ${issue.change?.significant ? 'significant' : ''}">${words}</span>`}
      </button>
    </td>`;
  }

  private trendCell(issue: IssueEvidence) {
    const t = issue.trend;
    if (t === null || t === undefined) return html`<td class="none">Needs 6 months</td>`;
    const words = trendWords(t);
    return html`<td>
      <button
        class="figure"
        aria-label=${`Long-run trend for ${issue.label}: ${words}. Show the trend chart and where it comes from`}
        @click=${() => this.pick({ issueId: issue.id, figure: 'series' })}
      >
        ${words}<span class="words">over ${t.months} months${t.quasi ? `, allowing for dispersion ${t.dispersion.toLocaleString('en-GB', { maximumFractionDigits: 1 })}` : ''}</span>
      </button>
    </td>`;
  }

  // One set of Plot options per issue of an evidence result, so choosing a figure does not redraw every sparkline.
  private readonly sparks = new WeakMap<IssueEvidence, Partial<Record<'series' | 'seasonality', ReturnType<typeof trendSparkline>>>>();

  private sparkline(issue: IssueEvidence, figure: 'series' | 'seasonality', current: readonly string[]) {
    const held = this.sparks.get(issue) ?? {};
    const options = (held[figure] ??= figure === 'series' ? trendSparkline(issue.series, current) : seasonalSparkline(issue.seasonality!));
    this.sparks.set(issue, held);
    return options;
  }

  private sparkCell(issue: IssueEvidence, figure: 'series' | 'seasonality', current: readonly string[]) {
    const known = issue.series.some((s) => s.count !== null);
    if (!known) return html`<td class="none">No data</td>`;
    if (figure === 'seasonality' && issue.seasonality === null) return html`<td class="none">Needs a full year</td>`;
    const options = this.sparkline(issue, figure, current);
    return html`<td>
      <button
        class="figure spark"
        aria-pressed=${this.isSelected(issue.id, figure) ? 'true' : 'false'}
        aria-label=${`${figureLabel(figure)} for ${issue.label}: ${options.ariaLabel}. Show where it comes from`}
        @click=${() => this.pick({ issueId: issue.id, figure })}
      >
        <csp-plot .options=${options}></csp-plot>
      </button>
    </td>`;
  }

  override render() {
    const e = this.evidence;
    if (e === null) return nothing;
    const months = e.period?.length ?? 12;
    const current = e.period?.current.months ?? [];
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Evidence by issue</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              ${NUMBER_FIGURES.map((f) => html`<th scope="col" class="num">${figureLabel(f, e.period ?? months)}</th>`)}
              <th scope="col">Long-run trend (a year)</th>
              <th scope="col">Trend</th>
              <th scope="col">Seasonality</th>
            </tr>
          </thead>
          <tbody>
            ${e.issues.map(
              (issue) => html`<tr>
                <th scope="row">${issue.label}${issue.source === 'local' ? html` <span class="source">local counts</span>` : nothing}</th>
                ${NUMBER_FIGURES.map((f) => this.figureCell(issue, f, months))} ${this.trendCell(issue)} ${this.sparkCell(issue, 'series', current)}
                ${this.sparkCell(issue, 'seasonality', current)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="muted">
        ${
          e.population === null
            ? 'Rates per 1,000 residents need a population: none is loaded.'
            : `Rates are ${rateBasis(e.population)} (${e.population.source}, ${e.population.total.toLocaleString('en-GB')} in ${e.population.ladnm})${e.population.households ? `; burglary is ${rateBasis(e.population, true)} (${e.population.households.total.toLocaleString('en-GB')})` : ''}.`
        }
        ${e.population?.caveat ? html`<strong class="caveat">Caveat: ${e.population.caveat}.</strong>` : nothing}
        Changes are tested ${e.statistics?.changeTest === 'quasi-poisson' ? 'allowing for overdispersion where monthly counts vary more than chance (quasi-Poisson; else the exact conditional test for two Poisson counts)' : 'with the exact conditional test for two Poisson counts'} (two-sided, 5% level${e.statistics?.fdr ? ', p-values adjusted for the number of tests on the page by the Benjamini-Hochberg false discovery rate' : ''}).
        The long-run trend is the annual rate of change over every stored month, after allowing for the season, with its 95% interval (a Poisson regression, widened where counts are overdispersed). The top 10% of LSOAs is
        ${e.topLsoas.toLocaleString('en-GB')} of the area’s ${e.lsoas.toLocaleString('en-GB')} 2021 LSOAs (a tenth, rounded up). Choose any figure to see
        the months and rows it counts.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-evidence-table': EvidenceTable;
  }
}
