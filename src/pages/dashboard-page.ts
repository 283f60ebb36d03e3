import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { dashboardCsv } from '../../models/dashboard/csv';
import { ragRuleWords, type Dashboard, type DashboardSettings } from '../../models/dashboard/dashboard';
import { exceptionMethodWords } from '../../models/dashboard/exceptions';
import { formatPercent } from '../../models/format';
import { controlDescription } from '../../models/report/build';
import type { OutputSettings } from '../../models/report/settings';
import { proxy } from '../../workers/client';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { downloadText } from '../app/download';
import { fileNameOf } from '../app/chart-export';
import { memoLast } from '../app/memo';
import { controlChart } from '../charts/control-chart';
import type { EvidenceProgress } from '../engines/evidence-source';
import { baseStyles } from '../components/styles';
import '../components/chart-figure';
import '../components/dashboard-settings';
import '../components/dashboard-table';
import '../components/peer-group';
import '../components/plot-figure';
import type { PeerComparison, PeerGroup } from '../../models/peers/peers';
import { peerWords } from '../../models/peers/peers';
import { peerDots } from '../charts/peer-dots';

/**
 * The performance dashboard: every issue's latest quarter and rolling 12
 * months against a year earlier, rate per 1,000, monthly exceptions and RAG
 * status, with a control chart per issue and the settings behind them.
 */
@customElement('csp-dashboard-page')
export class DashboardPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
      .pick {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin: 0.5rem 0;
      }
      select {
        font: inherit;
        padding: 0.25rem 0.35rem;
      }
      ul.notes {
        padding: 0;
        list-style: none;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  @state() private outputs: OutputSettings | null = null;
  @state() private chartIssue: string | null = null;
  @state() private progress: EvidenceProgress | null = null;
  @state() private saveError = '';
  @state() private peerIssue: string | null = null;

  private readonly setup = new Task(this, {
    task: async ([version]) => {
      void version;
      if (this.services === undefined) throw new Error('the workbench is not ready');
      const [setup, outputs] = await Promise.all([this.services.evidenceStore.setup(), this.services.reports.settings()]);
      this.outputs ??= outputs;
      return setup;
    },
    args: () => [this.wb?.versions.data] as const,
  });

  private readonly dashboard = new Task(this, {
    task: async ([, area, setup, outputs]) => {
      if (setup === undefined || outputs === null || this.services === undefined) return undefined;
      try {
        const { catalogue, localCounts, weights, period } = setup;
        return await this.services.evidence.dashboard(
          { area: area ?? null, config: { catalogue, localCounts, weights, period } },
          outputs.dashboard,
          proxy((p: EvidenceProgress) => (this.progress = p)),
        );
      } finally {
        this.progress = null;
      }
    },
    args: () => [this.wb?.versions.data, this.wb?.area, this.setup.value, this.outputs] as const,
  });

  /** Each police.uk issue's rate ranked among comparator authorities (and the peer group). */
  private readonly peers = new Task(this, {
    task: async ([, area, setup, group]) => {
      if (setup === undefined || area == null || this.services === undefined) return null;
      const { catalogue, localCounts, weights, period } = setup;
      return this.services.evidence.peers({ area, config: { catalogue, localCounts, weights, period } }, [...(group ?? [])]);
    },
    args: () => [this.wb?.versions.data, this.wb?.area, this.setup.value, this.outputs?.dashboard.peerGroup] as const,
  });

  private readonly peerChart = memoLast((p: PeerComparison, issueId: string) => {
    const issue = p.issues.find((i) => i.issueId === issueId);
    return issue === undefined ? null : { issue, options: peerDots(issue, p.partnership) };
  });

  private peerSection(d: Dashboard) {
    const p = this.peers.value ?? null;
    if (this.peers.status === TaskStatus.ERROR) return html`<p class="note error" role="alert">Could not compare with other areas: ${(this.peers.error as Error).message}</p>`;
    if (p === null) return nothing;
    const rows = d.rows.filter((r) => r.hasData && p.issues.some((i) => i.issueId === r.issueId));
    const chosen = rows.find((r) => r.issueId === this.peerIssue) ?? rows[0];
    const chart = chosen === undefined ? null : this.peerChart(p, chosen.issueId);
    return html`<section aria-labelledby="peer-h">
      <h3 id="peer-h">Compared with other areas</h3>
      <p>${peerWords(p)} The Peer rank column above places ${p.partnership} among them (1st lowest = the lowest rate), as Barnet’s dashboard ranks the London boroughs.</p>
      ${p.warnings.map((w) => html`<p class="note warning">${w}</p>`)}
      ${p.leftOut.length === 0 ? nothing : html`<ul class="notes">${p.leftOut.map((l) => html`<li class="muted">Not compared: ${l.reason}.</li>`)}</ul>`}
      ${
        chart === null || chosen === undefined
          ? nothing
          : html`<div class="pick">
              <label for="peer-issue">Rates by area for</label>
              <select id="peer-issue" @change=${(e: Event) => (this.peerIssue = (e.target as HTMLSelectElement).value)}>
                ${rows.map((r) => html`<option value=${r.issueId} ?selected=${r.issueId === chosen.issueId}>${r.label}</option>`)}
              </select>
            </div>
            <csp-plot .options=${chart.options}></csp-plot>
            <p>
              ${chart.issue.label}: ${chart.issue.rates.map((r) => `${r.name} ${r.rate.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`).join('; ')} per 1,000 residents a
              year.${chart.issue.rank === null ? '' : ` ${p.partnership} is ${chart.issue.rank.text}.`}
            </p>`
      }
      <csp-peer-group
        .group=${this.outputs?.dashboard.peerGroup ?? []}
        .known=${p.knownCodes}
        @peer-group-change=${(e: CustomEvent<PeerGroup>) => this.outputs !== null && void this.changeSettings({ ...this.outputs.dashboard, peerGroup: e.detail })}
      ></csp-peer-group>
    </section>`;
  }

  private async changeSettings(dashboard: DashboardSettings) {
    if (this.outputs === null || this.services === undefined) return;
    const next = { ...this.outputs, dashboard };
    this.outputs = next;
    try {
      await this.services.reports.saveSettings(next);
      this.saveError = '';
    } catch (e) {
      this.saveError = `Your settings could not be saved: ${(e as Error).message}`;
    }
  }

  private download(d: Dashboard) {
    const end = d.end ?? 'no-data';
    downloadText(`performance-dashboard-${fileNameOf(d.area ?? 'all areas')}-${end}.csv`, dashboardCsv(d, this.peers.value ?? null));
  }

  // The chart and its words are made once per dashboard and issue, not on every render.
  private readonly controlOf = memoLast((d: Dashboard, issueId: string, months: Dashboard['rows'][number]['months']) => {
    const description = controlDescription(d, issueId);
    return { description, options: controlChart(months, description) };
  });

  private controlFigure(d: Dashboard, issueId: string, label: string, months: Dashboard['rows'][number]['months']) {
    const c = this.controlOf(d, issueId, months);
    return html`<csp-chart-figure .options=${c.options} caption="${label}: monthly count against its control limits" description=${c.description}></csp-chart-figure>`;
  }

  override render() {
    return html`
      <h2>Performance dashboard</h2>
      <p>
        For each issue: the latest quarter against the same quarter a year earlier and the rolling 12 months against the previous 12 (each with the exact test for two Poisson
        counts), the rate per 1,000 residents, months outside their control limits, and a RAG status, as the Barnet Safer Communities Partnership dashboard sets them out. The
        period ends with the Evidence page’s end month. The “Periods compared” setting below can show the financial year (April to March) and financial quarter, or the
        calendar year and quarter, instead.
      </p>
      ${this.saveError === '' ? nothing : html`<p class="note error" role="alert">${this.saveError}</p>`}
      ${this.setup.status === TaskStatus.ERROR ? html`<p class="note error" role="alert">Could not read the set-up: ${(this.setup.error as Error).message}</p>` : nothing}
      ${this.dashboard.status === TaskStatus.ERROR ? html`<p class="note error" role="alert">Could not work out the dashboard: ${(this.dashboard.error as Error).message}</p>` : nothing}
      ${
        this.dashboard.value === undefined
          ? html`<p role="status">
            ${this.progress?.label ?? 'Working out the dashboard'}…
            ${this.progress === null ? nothing : html`<progress max="1" .value=${this.progress.done} aria-label="Dashboard progress">${formatPercent(this.progress.done, 0)}</progress>`}
          </p>`
          : this.body(this.dashboard.value)
      }
    `;
  }

  private body(d: Dashboard) {
    const rows = d.rows.filter((r) => r.hasData);
    const chosen = rows.find((r) => r.issueId === this.chartIssue) ?? rows.find((r) => r.rag.rag === 'red') ?? rows[0];
    const settings = this.outputs?.dashboard;
    return html`
      ${
        d.notes.filter((n) => n.severity === 'warning').length === 0
          ? nothing
          : html`<ul class="notes">
            ${d.notes.filter((n) => n.severity === 'warning').map((n) => html`<li class="note warning">${n.text}</li>`)}
          </ul>`
      }
      <section aria-labelledby="dash-h">
        <h3 id="dash-h">Issues</h3>
        ${d.end === null ? html`<p>No police.uk data is stored yet. Load the sample or import files on the Data page.</p>` : html`<csp-dashboard-table .dashboard=${d} .peers=${this.peers.value ?? null}></csp-dashboard-table>`}
        <p><button class="secondary" @click=${() => this.download(d)} ?disabled=${d.end === null}>Download dashboard (CSV)</button></p>
      </section>
      ${
        chosen === undefined
          ? nothing
          : html`<section aria-labelledby="chart-h">
            <h3 id="chart-h">Monthly exceptions</h3>
            <div class="pick">
              <label for="chart-issue">Control chart for</label>
              <select id="chart-issue" @change=${(e: Event) => (this.chartIssue = (e.target as HTMLSelectElement).value)}>
                ${rows.map((r) => html`<option value=${r.issueId} ?selected=${r.issueId === chosen.issueId}>${r.label}</option>`)}
              </select>
            </div>
            ${this.controlFigure(d, chosen.issueId, chosen.label, chosen.months)}
          </section>`
      }
      ${this.peerSection(d)}
      <section aria-labelledby="rule-h">
        <h3 id="rule-h">How the status is set</h3>
        <p>${ragRuleWords(d.settings)}</p>
        <p>${exceptionMethodWords(d.settings.exceptions)}</p>
        ${
          settings === undefined
            ? nothing
            : html`<csp-dashboard-settings
              .settings=${settings}
              .issues=${d.rows.map((r) => ({ id: r.issueId, label: r.label }))}
              @settings-change=${(e: CustomEvent<DashboardSettings>) => this.changeSettings(e.detail)}
            ></csp-dashboard-settings>`
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-dashboard-page': DashboardPage;
  }
}
