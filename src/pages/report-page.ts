// Over 300 lines: the Report page owns the report's IO: its settings, the evidence, dashboard, SMAA, peer and
// hot-spot tasks it gathers, and the PDF, Word and CSV downloads; the layout itself is in
// components/report-view.ts and the content in models/report/.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type * as Plot from '@observablehq/plot';
import { dashboardCsv } from '../../models/dashboard/csv';
import { controlDescription } from '../../models/report/build';
import { activeLinks, resolveLinks, type IssueLink } from '../../models/evidence/links';
import type { Catalogue } from '../../models/evidence/catalogue';
import { assembleReport, type AssembledReport } from '../../models/report/assemble';
import type { Block, ChartRef, ReportSection } from '../../models/report/document';
import { evidenceCsv } from '../../models/report/evidence-csv';
import { Comparison, topCount, type OutputSettings, type ReportSettings } from '../../models/report/settings';
import { formatCount } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { sensitivitySettings } from '../../models/sensitivity/settings';
import { rankedCsv } from '../../models/risk-matrix/ranked-csv';
import { effectiveWeights } from '../../models/risk-matrix/score';
import { PARTITION_LABELS } from '../data/schema';
import { AssessmentController } from '../app/assessment-controller';
import { atVersion, memoLast } from '../app/memo';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { assessmentFileName, downloadBlob, downloadText } from '../app/download';
import { chartSvgFile, svgToPng } from '../app/chart-export';
import type { DocxImage } from '../app/report-docx';
import { ReportSources } from '../app/report-sources';
import { answerPageRequests } from '../app/page-io';
import { contributionChart } from '../charts/contributions';
import { controlChart } from '../charts/control-chart';
import { priorityMap } from '../charts/priority-map';
import { formStyles } from '../components/form-styles';
import { baseStyles } from '../components/styles';
import '../components/project-file';
import '../components/report-view';
import '../components/ready-checklist';
import { BRIEF_STATUS, BriefStatus, Marking, MARKINGS, NEW_BRIEF, setBrief, type BriefDetails } from '../../models/report/brief-details';
import { finalRefusal } from '../../models/report/checklist';
import { requestEdit } from '../app/assessment-edit';
import { setPrintPage } from '../app/print-page';
import type { ReportStore } from '../data/report-store';

/** The report settings, read again only when the report store's version has moved (kept across visits to the page). */
const settingsAt = atVersion((reports: ReportStore) => reports.settings());

/**
 * The strategic assessment report of the open assessment: executive summary,
 * priorities, evidence, dashboard, where, data quality and methods, ready to
 * print or save as PDF; CSV exports of the ranked table, evidence and
 * dashboard; and the project file.
 */
@customElement('csp-report-page')
export class ReportPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      section.controls,
      section.project {
        margin: 0 0 1.5rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 6px;
        background: var(--panel, #f3f5f8);
      }
      ul.progress {
        list-style: none;
        padding: 0;
      }
      @media print {
        .screen-only {
          display: none;
        }
      }
    `,
  ];

  @consume({ context: servicesContext }) services?: Services;
  @consume({ context: stateContext, subscribe: true }) wb?: WorkbenchState;
  private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
  @state() private settings: OutputSettings | null = null;
  @state() private rev = 0;
  @state() private saveError = '';
  /** Why a Word copy could not be made (empty: no problem). */
  @state() private docxError = '';
  @state() private docxBusy = false;
  /** Why Final was refused (empty: not refused). */
  @state() private refused: string[] = [];

  private readonly sources = new ReportSources(this);

  constructor() {
    super();
    // The project-file control exports, imports and restores through the page.
    answerPageRequests(this, () => this.services, ['projects']);
  }
  assessment = (): Assessment | undefined => this.ctl.current;
  outputs = (): OutputSettings | null => this.settings;
  revision = (): number => this.rev;
  /** The links in force, as the Risk matrix page resolves them: the analyst's stored links, else automatic ones (same name or id). */
  links = () => {
    const a = this.ctl.current;
    const held = this.sources.setup.value;
    return a === undefined || held === undefined ? undefined : this.linksOf(a.issues, held.setup.catalogue, held.links);
  };
  // Resolved once per change of its inputs, so the links keep their identity between renders.
  private readonly linksOf = memoLast((issues: Assessment['issues'], catalogue: Catalogue, stored: Readonly<Record<string, IssueLink>>) => activeLinks(resolveLinks(issues, catalogue, stored)));
  topN = (): number => (this.ctl.current === undefined || this.settings === null ? 5 : topCount(this.settings.report, this.ctl.current));

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => void this.readSettings());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setPrintPage(null);
  }

  override updated(): void {
    const a = this.ctl.current;
    setPrintPage(a === undefined ? null : (a.brief?.marking ?? 'none') === 'none' ? '' : a.brief!.marking);
  }

  private async readSettings() {
    try {
      const reports = this.services?.reports;
      this.settings = reports === undefined ? null : await settingsAt(reports, await reports.version());
    } catch (e) {
      this.saveError = `The report settings cannot be read: ${(e as Error).message}`;
    }
  }

  private async changeReport(patch: Partial<ReportSettings>) {
    if (this.settings === null || this.services === undefined) return;
    const next = { ...this.settings, report: { ...this.settings.report, ...patch } };
    this.settings = next;
    try {
      await this.services.reports.saveSettings(next);
      this.saveError = '';
    } catch (e) {
      this.saveError = `Your report settings could not be saved: ${(e as Error).message}`;
    }
  }

  private async projectChanged() {
    await this.ctl.load();
    await this.readSettings();
    this.rev++;
  }

  private held: { key: unknown[]; report: AssembledReport } | undefined;

  /** The report, assembled again only when one of its parts changes (so charts are not redrawn on every render). */
  private report(a: Assessment): AssembledReport | null {
    const s = this.sources;
    const setup = s.setup.value;
    const links = this.links();
    if (this.settings === null || setup === undefined || links === undefined) return null;
    const key = [a, this.settings.report, setup, s.previous.value, s.evidence.value, s.dashboard.value, s.robustness.value, s.need.value, s.overview.value, links, s.peers.value, s.hotspots.value];
    if (this.held !== undefined && key.every((k, i) => k === this.held!.key[i])) return this.held.report;
    const report = assembleReport({
      assessment: a,
      settings: this.settings.report,
      previous: s.previous.value ?? null,
      evidence: s.evidence.value ?? null,
      dashboard: s.dashboard.value ?? null,
      links,
      robustness: s.robustness.value ?? null,
      need: s.need.value ?? null,
      peers: s.peers.value ?? null,
      hotspots: s.hotspots.value ?? null,
      overviewNotes: s.overview.value ?? [],
      data: setup.data,
      dataLabels: PARTITION_LABELS,
      generatedAt: Date.now(),
    });
    this.held = { key, report };
    return report;
  }

  private chartsFor: { report: AssembledReport; chart: (ref: ChartRef) => Plot.PlotOptions | null; cache: Map<string, Plot.PlotOptions | null> } | undefined;

  /** Plot options for the report's figures, made once per assembled report. */
  private charts(a: Assessment, r: AssembledReport) {
    if (this.chartsFor?.report !== r) {
      const cache = new Map<string, Plot.PlotOptions | null>();
      const make = this.chart(a, r);
      const chart = (ref: ChartRef) => {
        const k = JSON.stringify(ref);
        if (!cache.has(k)) cache.set(k, make(ref));
        return cache.get(k) ?? null;
      };
      this.chartsFor = { report: r, cache, chart };
    }
    return this.chartsFor.chart;
  }

  private chart(a: Assessment, r: AssembledReport) {
    return (ref: ChartRef) => {
      if (ref.type === 'contributions') return contributionChart(a.model, r.ranked, r.n);
      if (ref.type === 'priority-map') {
        const areas = this.sources.need.value?.geography ?? [];
        return areas.length === 0 || r.brief.map === null ? null : priorityMap({ areas, marked: r.brief.mapAreas, ariaLabel: r.brief.map.caption });
      }
      const d = this.sources.dashboard.value;
      const row = d?.rows.find((x) => x.issueId === ref.issueId);
      return d === undefined || row === undefined ? null : controlChart(row.months, controlDescription(d, ref.issueId));
    };
  }

  private exports(a: Assessment, r: AssembledReport) {
    const evidence = this.sources.evidence.value;
    const dashboard = this.sources.dashboard.value;
    const base = assessmentFileName(a.name);
    return html`<div class="row">
      <button @click=${() => window.print()}>Print or save as PDF</button>
      <button class="secondary" @click=${() => downloadText(`${base}-ranked-priorities.csv`, rankedCsv(a.model, r.ranked, r.input.moves, a.scores, effectiveWeights(a.model, a.draftWeights), a.brief?.recommendations ?? {}))}>
        Download ranked priorities (CSV)
      </button>
      <button class="secondary" ?disabled=${evidence == null} @click=${() => evidence != null && downloadText(`${base}-evidence.csv`, evidenceCsv(evidence))}>Download evidence (CSV)</button>
      <button class="secondary" ?disabled=${dashboard == null} @click=${() => dashboard != null && downloadText(`${base}-dashboard.csv`, dashboardCsv(dashboard))}>Download dashboard (CSV)</button>
      <button class="secondary" ?disabled=${this.docxBusy} @click=${() => this.downloadDocx(a, r, false)}>Download the brief (.docx)</button>
      <button class="secondary" ?disabled=${this.docxBusy} @click=${() => this.downloadDocx(a, r, true)}>Download the full report (.docx)</button>
    </div>
    ${this.docxBusy ? html`<p role="status">Making the Word copy…</p>` : nothing}
    ${this.docxError === '' ? nothing : html`<p class="note error" role="alert">${this.docxError}</p>`}`;
  }

  /** The report's charts drawn as PNG pictures for the Word copy, by chart (JSON of its reference). */
  private async chartImages(a: Assessment, r: AssembledReport, full: boolean): Promise<Map<string, DocxImage>> {
    const figures = (s: ReportSection): Extract<Block, { kind: 'figure' }>[] => [...s.blocks.filter((b) => b.kind === 'figure'), ...s.subsections.flatMap(figures)];
    const chart = this.charts(a, r);
    const Plot = await import('@observablehq/plot');
    const out = new Map<string, DocxImage>();
    const all = [...(r.brief.map === null ? [] : [{ chart: { type: 'priority-map' } as ChartRef, caption: r.brief.map.caption }]), ...(full ? r.doc.sections.flatMap(figures) : [])];
    for (const f of all) {
      const options = chart(f.chart);
      if (options === null) continue;
      const file = chartSvgFile(Plot.plot(options), f.caption);
      const png = await svgToPng(file);
      out.set(JSON.stringify(f.chart), { data: new Uint8Array(await png.arrayBuffer()), width: file.width, height: file.height });
    }
    return out;
  }

  /** Downloads the brief, or the whole report, as a Word file (the docx library is loaded only now). */
  private async downloadDocx(a: Assessment, r: AssembledReport, full: boolean) {
    this.docxError = '';
    this.docxBusy = true;
    try {
      const { reportDocxBlob } = await import('../app/report-docx');
      const images = await this.chartImages(a, r, full);
      const draft = (a.brief?.status ?? 'draft') === 'draft';
      const blob = await reportDocxBlob({
        brief: r.brief,
        doc: full ? r.doc : null,
        subtitle: r.doc.subtitle,
        override: !draft && r.checks.some((c) => !c.ok) ? (a.brief?.override ?? null) : null,
        checks: full && draft ? r.checks : null,
        image: (ref) => images.get(JSON.stringify(ref)) ?? null,
      });
      downloadBlob(`${assessmentFileName(a.name)}-${full ? 'report' : 'brief'}.docx`, blob);
    } catch (e) {
      this.docxError = `The Word copy could not be made: ${(e as Error).message}`;
    } finally {
      this.docxBusy = false;
    }
  }

  private controls(a: Assessment) {
    const rs = this.settings?.report;
    if (rs === undefined) return nothing;
    const others = this.ctl.list.filter((s) => s.problem === undefined && s.id !== a.id);
    const smaa = sensitivitySettings(a);
    const compareValue = rs.comparison.kind === 'assessment' ? rs.comparison.id : rs.comparison.kind;
    return html`<div class="row">
      <label
        >Assessment
        <select @change=${(e: Event) => this.ctl.open((e.target as HTMLSelectElement).value)}>
          ${this.ctl.list.filter((s) => s.problem === undefined).map((s) => html`<option value=${s.id} ?selected=${s.id === a.id}>${s.name}</option>`)}
        </select>
      </label>
      <label
        >Priorities to name (blank: as the Sensitivity page, else the cut line, else 5)
        <input
          type="number"
          min="1"
          max=${Math.min(50, a.issues.length)}
          .value=${rs.topN === null ? '' : String(rs.topN)}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value.trim();
            void this.changeReport({ topN: v === '' ? null : Math.max(1, Math.min(50, Math.round(Number(v)))) });
          }}
        />
      </label>
      <label
        >Compare the ranking with
        <select
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            void this.changeReport({ comparison: Comparison.parse(v === 'baseline' || v === 'none' ? { kind: v } : { kind: 'assessment', id: v }) });
          }}
        >
          <option value="baseline" ?selected=${compareValue === 'baseline'}>The baseline weights</option>
          ${others.map((s) => html`<option value=${s.id} ?selected=${compareValue === s.id}>${s.name}</option>`)}
          <option value="none" ?selected=${compareValue === 'none'}>Nothing</option>
        </select>
      </label>
      <label class="check"
        ><input type="checkbox" .checked=${rs.robustness} @change=${(e: Event) => this.changeReport({ robustness: (e.target as HTMLInputElement).checked })} /> Say how robust each
        priority is (SMAA as the Sensitivity page sets it up: ${formatCount(smaa.samples)} weightings, seed ${smaa.seed})</label
      >
    </div>`;
  }

  private setDetails(patch: Partial<Omit<BriefDetails, 'recommendations'>>, label: string) {
    requestEdit(this, (a) => setBrief(a, patch), label);
  }

  private setStatus(a: Assessment, r: AssembledReport, select: HTMLSelectElement) {
    const status = BriefStatus.parse(select.value);
    const d = a.brief ?? NEW_BRIEF;
    const reasons = status === 'final' ? finalRefusal(r.checks, d.override) : [];
    this.refused = reasons;
    if (reasons.length === 0) this.setDetails({ status }, `Status ${BRIEF_STATUS[status]}`);
    else select.value = d.status;
  }

  private details(a: Assessment, r: AssembledReport) {
    const d = a.brief ?? NEW_BRIEF;
    const text = (label: string, key: 'partnership' | 'version' | 'preparedBy', placeholder = '') =>
      html`<label
        >${label}
        <input .value=${d[key]} placeholder=${placeholder} @change=${(e: Event) => this.setDetails({ [key]: (e.target as HTMLInputElement).value.trim() }, `${label} of the brief`)}
      /></label>`;
    return html`<div class="row">
        ${text('Partnership', 'partnership', r.brief.titleBlock[0]!.value)} ${text('Version', 'version')} ${text('Prepared by', 'preparedBy')}
        <label
          >Protective marking
          <select @change=${(e: Event) => this.setDetails({ marking: Marking.parse((e.target as HTMLSelectElement).value) }, 'Protective marking')}>
            ${MARKINGS.map((m) => html`<option value=${m} ?selected=${d.marking === m}>${m === 'none' ? 'None' : m}</option>`)}
          </select>
        </label>
        <label
          >Status of the brief
          <select .value=${d.status} @change=${(e: Event) => this.setStatus(a, r, e.target as HTMLSelectElement)}>
            <option value="draft" ?selected=${d.status === 'draft'}>Draft</option>
            <option value="final" ?selected=${d.status === 'final'}>Final</option>
          </select>
        </label>
      </div>
      ${
        this.refused.length === 0
          ? nothing
          : html`<div class="note error" role="alert">
            <p>The brief cannot be marked Final while a publishing check fails:</p>
            <ul>
              ${this.refused.map((x) => html`<li>${x}</li>`)}
            </ul>
            <p>Fix them (see Ready to publish), or record why it is published anyway.</p>
          </div>`
      }
      <label
        >Publish despite failing checks: the reason (shown in the report)
        <input
          .value=${d.override ?? ''}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value.trim();
            this.setDetails({ override: v === '' ? null : v }, 'Reason to publish anyway');
          }}
      /></label>`;
  }

  private ready(r: AssembledReport) {
    const failing = r.checks.filter((c) => !c.ok).length;
    return html`<section class="project screen-only" aria-labelledby="ready-h">
      <h3 id="ready-h">Ready to publish</h3>
      <p>${failing === 0 ? 'Every check passes: the brief can be marked Final.' : `${failing} of ${r.checks.length} checks fail: the brief stays a Draft until they pass or a reason is recorded.`}</p>
      <csp-ready-checklist .checks=${r.checks}></csp-ready-checklist>
    </section>`;
  }

  override render() {
    const a = this.ctl.current;
    return html`
      <h2 class="screen-only">Report</h2>
      ${this.ctl.failure === undefined ? nothing : html`<p class="note error screen-only" role="alert">${this.ctl.failure}</p>`}
      ${this.saveError === '' ? nothing : html`<p class="note error screen-only" role="alert">${this.saveError}</p>`}
      ${
        this.ctl.loading
          ? html`<p class="muted" role="status">Opening assessments…</p>`
          : a === undefined
            ? html`<p>No assessment yet: create one on the <a href="#/matrix">Risk matrix</a> page, or import a project file below.</p>
              <section class="project screen-only" aria-labelledby="project-h">
                <h3 id="project-h">Project file</h3>
                <csp-project-file .assessment=${null} @project-changed=${this.projectChanged}></csp-project-file>
              </section>`
            : this.body(a)
      }
    `;
  }

  private body(a: Assessment) {
    const r = this.report(a);
    const { pending, failed } = this.sources.state();
    return html`
      <section class="controls screen-only" aria-labelledby="controls-h">
        <h3 id="controls-h">What the report covers</h3>
        ${this.controls(a)} ${r === null ? nothing : this.details(a, r)} ${r === null ? nothing : this.exports(a, r)}
        <div role="status">
          ${
            pending.length === 0
              ? nothing
              : html`<p>Working out the report…</p>
                <ul class="progress">
                  ${pending.map((p) => html`<li>${p}: ${this.sources.progress.get(p) ?? 'working…'}</li>`)}
                </ul>`
          }
        </div>
        ${failed.map((f) => html`<p class="note error" role="alert">Part of the report could not be worked out and is left out — ${f}</p>`)}
      </section>
      ${r === null ? nothing : this.ready(r)}
      <section class="project screen-only" aria-labelledby="project-h">
        <h3 id="project-h">Project file</h3>
        <csp-project-file .assessment=${{ id: a.id, name: a.name }} @project-changed=${this.projectChanged}></csp-project-file>
      </section>
      ${
        r === null || pending.length > 0
          ? nothing
          : html`<csp-report-view
            .doc=${r.doc}
            .brief=${r.brief}
            .checks=${(a.brief?.status ?? 'draft') === 'draft' ? r.checks : null}
            .override=${a.brief?.status === 'final' && r.checks.some((c) => !c.ok) ? (a.brief.override ?? null) : null}
            .chart=${this.charts(a, r)}
          ></csp-report-view>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-report-page': ReportPage;
  }
}
