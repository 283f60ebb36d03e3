// Over 300 lines: the Overview page: filters, chart, table and trace, which are filtered together and so
// share one state.
import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from '../components/scroll-region';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { formatCount, formatMonth, plural } from '../../models/format';
import { monthRange } from '../../models/months';
import { duplicateNote, filterCounts, type CrimeOverview, type OverviewRows } from '../../models/overview';
import { formatCsv } from '../../models/csv';
import { downloadText } from '../app/download';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { crimeByMonthChart } from '../charts/crime-by-month';
import { baseStyles } from '../components/styles';
import type { PlotFigure } from '../components/plot-figure';
import '../components/plot-figure';
import '../components/source-rows';

/** Source rows shown per page in a month's trace. */
const ROWS_PAGE = 50;

/** The rows traced: a month and the crime types counted. */
interface Traced {
  month: string;
  crimeTypes: string[];
  /** In words: "Shoplifting in Jan 2023". */
  label: string;
}

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
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: flex-start;
        margin: 0 0 1rem;
      }
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 4px;
        margin: 0;
        padding: 0.5rem 0.75rem;
      }
      fieldset.types {
        flex: 1 1 30rem;
      }
      .checks {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.1rem 1rem;
      }
      fieldset label {
        display: block;
      }
      button.cell {
        background: none;
        color: var(--accent, #1d4f91);
        border: 1px solid transparent;
        padding: 0.1rem 0.3rem;
        font: inherit;
        font-variant-numeric: tabular-nums;
        text-decoration: underline dotted;
        text-underline-offset: 3px;
      }
      button.cell[aria-pressed='true'] {
        background: var(--panel, #f3f5f8);
        border-color: var(--accent, #1d4f91);
      }
      .trace {
        border: 1px solid var(--rule, #d8dde3);
        border-left: 4px solid var(--accent, #1d4f91);
        border-radius: 4px;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
      }
      .trace .head {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        align-items: baseline;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;

  /** Crime types left out of the chart and table (new types show by default). */
  @state() private leftOut = new Set<string>();
  /** The first and last month shown (YYYY-MM), or null for the area's coverage. */
  @state() private from: string | null = null;
  @state() private to: string | null = null;
  @state() private traced: Traced | null = null;
  @state() private offset = 0;

  private readonly overview = new Task(this, {
    task: async ([version, area]) => {
      void version;
      if (this.services === undefined) throw new Error('the workbench is not ready');
      return this.services.data.overview(area ?? null);
    },
    args: () => [this.wb?.versions.data, this.wb?.area] as const,
  });

  /** The repeated-ID check reads every stored row, so it runs after the counts are shown and adds its note when done. */
  private readonly repeated = new Task(this, {
    task: async ([version]) => {
      void version;
      if (this.services === undefined) throw new Error('the workbench is not ready');
      return duplicateNote(await this.services.data.repeatedIds());
    },
    args: () => [this.wb?.versions.data] as const,
  });

  private readonly rows = new Task(this, {
    task: async ([traced, area, offset, version]): Promise<OverviewRows | null> => {
      void version;
      if (traced === null || this.services === undefined) return null;
      return this.services.data.overviewRows({ area: area ?? null, months: [traced.month], crimeTypes: traced.crimeTypes, offset, limit: ROWS_PAGE });
    },
    args: () => [this.traced, this.wb?.area, this.offset, this.wb?.versions.data] as const,
  });

  private async openTrace(t: Traced) {
    this.traced = t;
    this.offset = 0;
    await this.updateComplete;
    await this.rows.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#rows-trace-heading')?.focus();
  }

  private async download(t: Traced, total: number) {
    if (this.services === undefined) return;
    const all = await this.services.data.overviewRows({ area: this.wb?.area ?? null, months: [t.month], crimeTypes: t.crimeTypes, offset: 0, limit: Math.max(1, total) });
    const rows = [['file', 'line', 'month', 'crime type', 'LSOA code', 'LSOA name'], ...all.items.map((r) => [r.file, r.line, r.month, r.crimeType, r.lsoaCode, r.lsoaName])];
    downloadText(`overview-rows-${t.month}.csv`, formatCsv(rows));
  }

  // Chart options keep their identity while the filter is unchanged, so the chart is not redrawn on every render.
  private chartMemo: { key: string; options: ReturnType<typeof crimeByMonthChart> } | undefined;
  private chartOptions(o: CrimeOverview, counts: CrimeOverview['counts'], types: string[], months: string[]) {
    const key = JSON.stringify([o.area, o.counts.length, o.totals, types, months]);
    if (this.chartMemo?.key !== key) this.chartMemo = { key, options: crimeByMonthChart(counts, types, months) };
    return this.chartMemo.options;
  }

  /** A click on the chart opens the trace of the bar under the pointer (Plot's pointer sets the chart's value). */
  private chartClick(e: Event, types: string[]) {
    const d = (e.currentTarget as PlotFigure).chart?.value as { month?: string; crimeType?: string } | null | undefined;
    if (d?.month === undefined || d.crimeType === undefined || !types.includes(d.crimeType)) return;
    void this.openTrace({ month: d.month, crimeTypes: [d.crimeType], label: `${d.crimeType} in ${formatMonth(d.month)}` });
  }

  /** The overview's notes, with the repeated-ID note once its check is done (the counts arrive first). */
  private notesOf(o: CrimeOverview): CrimeOverview['notes'] {
    const note = this.repeated.value;
    return note === undefined || note === null || o.notes.some((n) => n.id === note.id) ? o.notes : [...o.notes, note];
  }

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
        ${
          o.coverage.first === undefined
            ? html`<p>${o.months.length === 0 ? 'No months stored.' : `None of the ${plural(o.months.length, 'stored month')} has a row in ${areaName}.`}</p>`
            : html`<p>
              ${formatMonth(o.coverage.first)} to ${formatMonth(o.coverage.last!)}: ${plural(months.length - o.coverage.gaps.length, 'month')} with data for ${areaName},
              ${o.coverage.gaps.length === 0 ? 'no gaps.' : html`<span class="gap">${plural(o.coverage.gaps.length, 'month')} missing: ${o.coverage.gaps.map(formatMonth).join(', ')}.</span>`}
              ${formatCount(o.totals.inArea)} rows in ${areaName}; ${formatCount(o.totals.outside)} outside it; ${formatCount(o.totals.noLocation)} with no location.
            </p>`
        }
      </section>
      <section aria-labelledby="notes">
        <h3 id="notes">Data-quality notes</h3>
        <ul class="notes">
          ${this.notesOf(o).map((n) => html`<li class="note ${n.severity}">${n.text}</li>`)}
          ${this.repeated.render({
            pending: () => html`<li class="note info" role="status">Checking every crime ID for repeats…</li>`,
            complete: (note) => (o.notes.length === 0 && note === null ? html`<li>No problems found.</li>` : nothing),
            error: (e) => html`<li class="note warning">The crime IDs could not be checked for repeats: ${e instanceof Error ? e.message : String(e)}</li>`,
          })}
        </ul>
      </section>
      ${this.byType(o, months, areaName)}
    `;
  }

  private byType(o: CrimeOverview, allMonths: string[], areaName: string) {
    const first = allMonths[0];
    const last = allMonths[allMonths.length - 1];
    const from = this.from !== null && allMonths.includes(this.from) ? this.from : first;
    const to = this.to !== null && allMonths.includes(this.to) && (from === undefined || this.to >= from) ? this.to : last;
    const months = from === undefined || to === undefined ? [] : allMonths.filter((m) => m >= from && m <= to);
    const f = filterCounts(o, { crimeTypes: o.crimeTypes.filter((t) => !this.leftOut.has(t)), from: from ?? '', to: to ?? '' });
    const shown = f.crimeTypes.length === o.crimeTypes.length ? 'all crime types' : plural(f.crimeTypes.length, 'crime type');
    return html`
      <section aria-labelledby="bytype">
        <h3 id="bytype">Rows by crime type and month (${areaName})</h3>
        ${allMonths.length === 0 ? nothing : this.filters(o, allMonths, from!, to!)}
        <p class="muted" role="status">
          Showing ${shown}, ${months.length === 0 ? 'no months' : `${formatMonth(months[0]!)} to ${formatMonth(months[months.length - 1]!)}`}:
          ${formatCount(f.counts.reduce((a, c) => a + c.rows, 0))} rows in ${areaName}. Click a bar, or press Enter on a count in the table, to list its source rows.
        </p>
        <figure>
          <figcaption>Rows per month in ${areaName}, stacked by crime type</figcaption>
          <csp-plot .options=${this.chartOptions(o, f.counts, f.crimeTypes, months)} @click=${(e: Event) => this.chartClick(e, f.crimeTypes)}></csp-plot>
        </figure>
        ${this.table(o, f, months)} ${this.trace()}
      </section>
    `;
  }

  private filters(o: CrimeOverview, allMonths: string[], from: string, to: string) {
    const toggle = (t: string, on: boolean) => {
      const next = new Set(this.leftOut);
      if (on) next.delete(t);
      else next.add(t);
      this.leftOut = next;
    };
    const monthSelect = (label: string, value: string, options: string[], set: (m: string) => void) =>
      html`<label
        >${label}
        <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          ${options.map((m) => html`<option value=${m} ?selected=${m === value}>${formatMonth(m)}</option>`)}
        </select></label
      >`;
    return html`<div class="filters">
      <fieldset class="types">
        <legend>Crime types shown</legend>
        <div class="checks">
          ${o.crimeTypes.map((t) => html`<label><input type="checkbox" .checked=${!this.leftOut.has(t)} @change=${(e: Event) => toggle(t, (e.target as HTMLInputElement).checked)} /> ${t}</label>`)}
        </div>
        <button class="secondary" @click=${() => (this.leftOut = new Set())}>Show all types</button>
        <button class="secondary" @click=${() => (this.leftOut = new Set(o.crimeTypes))}>Clear all types</button>
      </fieldset>
      <fieldset>
        <legend>Months shown</legend>
        ${monthSelect('From', from, allMonths, (m) => {
          this.from = m;
          if (m > to) this.to = m;
        })}
        ${monthSelect('To', to, allMonths, (m) => {
          this.to = m;
          if (m < from) this.from = m;
        })}
      </fieldset>
    </div>`;
  }

  private trace() {
    const t = this.traced;
    if (t === null) return nothing;
    return this.rows.render({
      pending: () => html`<p class="muted" role="status">Listing the source rows…</p>`,
      error: (e) => html`<p class="note error" role="alert">Could not list the source rows: ${(e as Error).message}</p>`,
      complete: (r) =>
        r === null
          ? nothing
          : html`<section class="trace" aria-labelledby="rows-trace-heading">
              <div class="head">
                <h3 id="rows-trace-heading" tabindex="-1">Where the rows of ${t.label} come from</h3>
                <button class="secondary" @click=${() => (this.traced = null)}>Close trace</button>
              </div>
              <p>
                ${plural(r.total, 'police.uk street crime row')} in ${this.wb?.area ?? 'all located rows'} for ${formatMonth(t.month)} with crime type
                ${t.crimeTypes.join(', ')}, each with the file and line it was imported from.
              </p>
              ${r.total === 0 ? html`<p>No rows.</p>` : nothing}
              <csp-source-rows
                .page=${r}
                .pageSize=${ROWS_PAGE}
                @trace-page=${(e: CustomEvent<number>) => (this.offset = e.detail)}
                @trace-download=${() => void this.download(t, r.total)}
              ></csp-source-rows>
            </section>`,
    });
  }

  private table(o: CrimeOverview, f: { crimeTypes: string[]; counts: CrimeOverview['counts'] }, months: string[]) {
    const cell = new Map(f.counts.map((c) => [`${c.month}|${c.crimeType}`, c.rows]));
    const gaps = new Set(o.coverage.gaps);
    const traced = this.traced;
    const isTraced = (m: string, types: string[]) => traced !== null && traced.month === m && traced.crimeTypes.join('|') === types.join('|');
    const count = (m: string, types: string[], label: string, v: number) =>
      v === 0
        ? formatCount(0)
        : html`<button
            class="cell"
            aria-pressed=${isTraced(m, types) ? 'true' : 'false'}
            aria-label=${`${label}, ${formatMonth(m)}: ${formatCount(v)} rows, show their source rows`}
            @click=${() => void this.openTrace({ month: m, crimeTypes: types, label: `${label === 'All types shown' ? f.crimeTypes.join(', ') : label} in ${formatMonth(m)}` })}
          >
            ${formatCount(v)}
          </button>`;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Rows by crime type and month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              ${f.crimeTypes.map((t) => html`<th scope="col" class="num">${t}</th>`)}
              <th scope="col" class="num">All types</th>
            </tr>
          </thead>
          <tbody>
            ${months.map((m) => {
              const values = f.crimeTypes.map((t) => cell.get(`${m}|${t}`) ?? 0);
              return html`<tr>
                <th scope="row">${formatMonth(m)}${gaps.has(m) ? html` <span class="gap">(missing)</span>` : nothing}</th>
                ${values.map((v, i) => html`<td class="num">${count(m, [f.crimeTypes[i]!], f.crimeTypes[i]!, v)}</td>`)}
                <td class="num">${count(
                  m,
                  f.crimeTypes,
                  'All types shown',
                  values.reduce((a, b) => a + b, 0),
                )}</td>
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
