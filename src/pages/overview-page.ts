import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from '../components/scroll-region';
import { customElement } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { formatCount, formatMonth, plural } from '../../models/format';
import { monthRange } from '../../models/months';
import type { CrimeOverview } from '../../models/overview';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { crimeByMonthChart } from '../charts/crime-by-month';
import { baseStyles } from '../components/styles';
import '../components/plot-figure';

/** The data view: months covered, rows by crime type per month (chart and table), data-quality notes. */
@customElement('csp-overview-page')
export class OverviewPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .gap {
        color: var(--danger, #a4262c);
        font-weight: 600;
      }
      ul.notes {
        padding: 0;
        list-style: none;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;

  private readonly overview = new Task(this, {
    task: async ([version, area]) => {
      void version;
      if (this.services === undefined) throw new Error('the workbench is not ready');
      return this.services.data.overview(area ?? null);
    },
    args: () => [this.wb?.version, this.wb?.area] as const,
  });

  override render() {
    return html`
      <h2>Overview of the stored data</h2>
      ${this.overview.render({
        pending: () => html`<p class="muted" role="status">Summarising stored data…</p>`,
        error: (e) => html`<p class="note error" role="alert">Could not summarise the data: ${(e as Error).message}</p>`,
        complete: (o) => this.body(o),
      })}
    `;
  }

  private body(o: CrimeOverview) {
    const months = o.coverage.first === undefined ? [] : monthRange(o.coverage.first, o.coverage.last!);
    const areaName = o.area ?? 'all located rows';
    return html`
      <section aria-labelledby="coverage">
        <h3 id="coverage">Months covered</h3>
        ${o.coverage.first === undefined
          ? html`<p>${o.months.length === 0 ? 'No months stored.' : `None of the ${plural(o.months.length, 'stored month')} has a row in ${areaName}.`}</p>`
          : html`<p>
              ${formatMonth(o.coverage.first)} to ${formatMonth(o.coverage.last!)}: ${plural(months.length - o.coverage.gaps.length, 'month')} with data for ${areaName},
              ${o.coverage.gaps.length === 0
                ? 'no gaps.'
                : html`<span class="gap">${plural(o.coverage.gaps.length, 'month')} missing: ${o.coverage.gaps.map(formatMonth).join(', ')}.</span>`}
              ${formatCount(o.totals.inArea)} rows in ${areaName}; ${formatCount(o.totals.outside)} outside it; ${formatCount(o.totals.noLocation)} with no location.
            </p>`}
      </section>
      <section aria-labelledby="notes">
        <h3 id="notes">Data-quality notes</h3>
        <ul class="notes">
          ${o.notes.length === 0 ? html`<li>No problems found.</li>` : nothing}
          ${o.notes.map((n) => html`<li class="note ${n.severity}">${n.text}</li>`)}
        </ul>
      </section>
      <section aria-labelledby="bytype">
        <h3 id="bytype">Rows by crime type and month (${areaName})</h3>
        <figure>
          <figcaption>Rows per month in ${areaName}, stacked by crime type</figcaption>
          <csp-plot .options=${crimeByMonthChart(o.counts, o.crimeTypes, months)}></csp-plot>
        </figure>
        ${this.table(o, months)}
      </section>
    `;
  }

  private table(o: CrimeOverview, months: string[]) {
    const cell = new Map(o.counts.map((c) => [`${c.month}|${c.crimeType}`, c.rows]));
    const gaps = new Set(o.coverage.gaps);
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Rows by crime type and month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              ${o.crimeTypes.map((t) => html`<th scope="col" class="num">${t}</th>`)}
              <th scope="col" class="num">All types</th>
            </tr>
          </thead>
          <tbody>
            ${months.map((m) => {
              const values = o.crimeTypes.map((t) => cell.get(`${m}|${t}`) ?? 0);
              return html`<tr>
                <th scope="row">${formatMonth(m)}${gaps.has(m) ? html` <span class="gap">(missing)</span>` : nothing}</th>
                ${values.map((v) => html`<td class="num">${formatCount(v)}</td>`)}
                <td class="num">${formatCount(values.reduce((a, b) => a + b, 0))}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-overview-page': OverviewPage;
  }
}
