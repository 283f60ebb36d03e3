import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { formatCsv } from '../../models/csv';
import type { EvidenceConfig } from '../../models/evidence/evidence';
import type { Trace } from '../../models/evidence/trace';
import { formatCount, formatMonth } from '../../models/format';
import { downloadText } from '../app/download';
import type { TraceTarget } from './evidence-events';
import { baseStyles } from './styles';
import { trendChart } from '../charts/trend-chart';
import { trendWords } from '../../models/stats/trend';
import './plot-figure';
import './source-rows';
import { askPage } from '../app/page-requests';

/** Source rows shown per page. */
export const TRACE_PAGE = 50;

/**
 * Where one figure comes from: how it is worked out, the months and crime
 * types it counts (with weights or population where used), and its source
 * rows by file and line, a page at a time, downloadable as CSV.
 *
 * @fires close - when the analyst closes the trace
 */
@customElement('csp-evidence-trace')
export class EvidenceTrace extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        border: 1px solid var(--rule, #d8dde3);
        border-left: 4px solid var(--accent, #1d4f91);
        border-radius: 4px;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
      }
      /* No figure chosen: no empty bordered box. */
      :host(:not([active])) {
        display: none;
      }
      .head {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        align-items: baseline;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1rem;
        margin: 0.75rem 0;
      }
      .figure {
        font-size: 1.2rem;
        font-weight: 600;
      }
    `,
  ];

  /** The figure to trace. */
  @property({ attribute: false }) target: TraceTarget | null = null;
  /** The partnership area. */
  @property({ attribute: false }) area: string | null = null;
  /** The set-up the evidence was computed with (so the trace counts the same). */
  @property({ attribute: false }) config: EvidenceConfig | null = null;

  @state() private offset = 0;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('target') || changed.has('config') || changed.has('area')) this.offset = 0;
    this.toggleAttribute('active', this.target !== null);
  }

  private readonly trace = new Task(this, {
    task: async ([target, area, config, offset]) => {
      if (target === null || config === null) return null;
      return askPage(this, 'evidence', 'trace', { area, config, trace: { ...target, offset, limit: TRACE_PAGE } });
    },
    args: () => [this.target, this.area, this.config, this.offset] as const,
  });

  /** Moves focus to the trace heading (after a figure is chosen). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    await this.trace.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private async download(t: Trace) {
    if (this.config === null || this.target === null) return;
    const all = await askPage(this, 'evidence', 'trace', { area: this.area, config: this.config, trace: { ...this.target, offset: 0, limit: Math.max(1, t.rows.total) } });
    const rows = [['file', 'line', 'month', 'crime type', 'LSOA code', 'LSOA name'], ...all.rows.items.map((r) => [r.file, r.line, r.month, r.crimeType, r.lsoaCode, r.lsoaName])];
    downloadText(`trace-${t.issueId}-${t.figure}.csv`, formatCsv(rows));
  }

  override render() {
    if (this.target === null) return nothing;
    return this.trace.render({
      pending: () => html`<p class="muted" role="status">Tracing the figure…</p>`,
      error: (e) => html`<p class="note error" role="alert">Could not trace the figure: ${(e as Error).message}</p>`,
      complete: (t) => (t === null ? nothing : this.body(t)),
    });
  }

  // Plot options keep their identity per trace, so the chart is not redrawn on every render.
  private readonly trendCharts = new WeakMap<Trace, ReturnType<typeof trendChart>>();
  private trendOptions(t: Trace) {
    let o = this.trendCharts.get(t);
    if (o === undefined) this.trendCharts.set(t, (o = trendChart(t.issueLabel, t.trend!)));
    return o;
  }

  private body(t: Trace) {
    return html`
      <section aria-labelledby="trace-heading">
        <div class="head">
          <h3 id="trace-heading" tabindex="-1">Where “${t.figureLabel}” for ${t.issueLabel} comes from</h3>
          <button class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('close'))}>Close trace</button>
        </div>
        <p class="figure">${t.text}</p>
        ${t.explanation.map((line) => html`<p>${line}</p>`)}
        ${
          t.trend === null || t.trend === undefined
            ? nothing
            : html`<figure>
              <csp-plot .options=${this.trendOptions(t)}></csp-plot>
              <figcaption class="muted">Dots: monthly counts. Dashed line: the fitted long-run trend with its season; ${trendWords(t.trend)}.</figcaption>
            </figure>`
        }
        <div class="grid">
          ${t.windows.map(
            (w) => html`<table>
              <caption>${w.label}</caption>
              <thead>
                <tr><th scope="col">Month</th><th scope="col" class="num">Count</th></tr>
              </thead>
              <tbody>
                ${w.months.map((m) => html`<tr><th scope="row">${formatMonth(m.month)}</th><td class="num">${m.count === null ? 'not stored' : formatCount(m.count)}</td></tr>`)}
              </tbody>
              <tfoot>
                <tr><th scope="row">Total</th><td class="num">${formatCount(w.total)}</td></tr>
              </tfoot>
            </table>`,
          )}
          ${t.crimeTypes.length === 0 ? nothing : this.crimeTypes(t)} ${t.lsoas.length === 0 ? nothing : this.lsoas(t)}
        </div>
        ${
          t.population === null
            ? nothing
            : html`<p>Population: ${formatCount(t.population.total)} residents, ${t.population.source}, ${formatCount(t.population.lsoas)} ${t.population.caveat === null ? '2021' : '2011'} LSOAs of ${t.population.ladnm} (${t.population.ladcd}).</p>`
        }
        ${t.local.length === 0 ? nothing : this.local(t)} ${t.rows.total === 0 ? nothing : this.rows(t)}
      </section>
    `;
  }

  private crimeTypes(t: Trace) {
    const weighted = t.crimeTypes.some((c) => c.weight !== undefined);
    return html`<table>
      <caption>Crime types counted</caption>
      <thead>
        <tr>
          <th scope="col">Crime type</th>
          <th scope="col" class="num">Count</th>
          ${weighted ? html`<th scope="col" class="num">Weight</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${t.crimeTypes.map(
          (c) => html`<tr>
            <th scope="row">${c.crimeType}</th>
            <td class="num">${formatCount(c.count)}</td>
            ${weighted ? html`<td class="num">${c.weight == null ? 'not set' : c.weight.toLocaleString('en-GB')}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private lsoas(t: Trace) {
    return html`<table>
      <caption>The busiest LSOAs (top 10%)</caption>
      <thead>
        <tr><th scope="col">LSOA</th><th scope="col">Name</th><th scope="col" class="num">Count</th></tr>
      </thead>
      <tbody>
        ${t.lsoas.map((l) => html`<tr><th scope="row">${l.code}</th><td>${l.name}</td><td class="num">${formatCount(l.count)}</td></tr>`)}
      </tbody>
    </table>`;
  }

  private local(t: Trace) {
    return html`<table>
      <caption>Local counts used</caption>
      <thead>
        <tr><th scope="col">Month</th><th scope="col" class="num">Count</th><th scope="col">Source</th></tr>
      </thead>
      <tbody>
        ${t.local.map((c) => html`<tr><th scope="row">${formatMonth(c.month)}</th><td class="num">${formatCount(c.count)}</td><td>${c.source}</td></tr>`)}
      </tbody>
    </table>`;
  }

  private rows(t: Trace) {
    return html`<csp-source-rows
      .page=${t.rows}
      .pageSize=${TRACE_PAGE}
      @trace-page=${(e: CustomEvent<number>) => (this.offset = e.detail)}
      @trace-download=${() => void this.download(t)}
    ></csp-source-rows>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-evidence-trace': EvidenceTrace;
  }
}
