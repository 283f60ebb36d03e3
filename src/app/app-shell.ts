// Over 300 lines: the app shell: routes, the header's area choice, start-up (store, recovery page) and the
// whole-store export and clear, which all act on the one shared state.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { openDataStore, DATA_DB_NAME } from '../data/idb-store';
import { openEvidenceStore } from '../data/evidence-store';
import { listenForChanges, NO_VERSIONS, type Change } from '../data/changes';
import { SAMPLE_FILES, SAMPLE_LABEL } from '../data/sample-files';
import { openAssessmentStore } from '../data/assessment-store';
import { openReportStore } from '../data/report-store';
import { seedAssessment } from '../data/seed-assessment';
import { startWorkers } from '../../workers/client';
import { servicesContext, stateContext, type Services, type WorkbenchState } from './context';
import { ImportJobs, JobsController } from './import-jobs';
import { ROUTES, routeFromHash } from './routes';
import { exposeForScripts } from './script-hooks';
import { baseStyles } from '../components/styles';
import '../components/area-picker';
import '../components/import-progress';
import '../components/store-recovery';
import { deleteDB } from 'idb';
import { downloadText } from './download';
import { isStoreReadError } from '../data/store-error';
import type { DataStore, StoreHealth } from '../data/store';
import { answerPageRequests } from './page-io';
import { ProjectFiles, projectSources } from './project-sources';

/**
 * The workbench: opens the local store, starts the workers, loads the sample
 * on a first visit, and shows the page the address names.
 */
@customElement('csp-app')
export class CspApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        min-height: 100vh;
        display: grid;
        grid-template-rows: auto auto 1fr auto;
        grid-template-columns: minmax(0, 1fr);
      }
      header {
        background: var(--header, #14325c);
        color: white;
        padding: 0.6rem 1.25rem;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 2rem;
      }
      header h1 {
        font-size: 1.15rem;
        margin: 0;
        font-weight: 600;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
      }
      nav a {
        color: white;
        text-decoration: none;
        padding: 0.35rem 0.7rem;
        border-radius: 4px;
        display: inline-block;
      }
      nav a[aria-current='page'] {
        background: rgba(255, 255, 255, 0.18);
        font-weight: 600;
      }
      nav a:hover {
        text-decoration: underline;
      }
      csp-area-picker {
        margin-left: auto;
      }
      .banner {
        padding: 0.75rem 1.25rem;
        background: var(--panel, #f3f5f8);
        border-bottom: 1px solid var(--rule, #d8dde3);
      }
      main {
        padding: 1.25rem;
        /* The window's width for wide tables and charts; prose keeps its own measure (p: 75ch). */
        min-width: 0;
        width: 100%;
        box-sizing: border-box;
        margin: 0 auto;
      }
      .skip-link {
        position: absolute;
        left: -999px;
      }
      .skip-link:focus {
        left: 1rem;
        top: 0.5rem;
        background: var(--focus, #ffbf47);
        color: #000;
        padding: 0.5rem 1rem;
        z-index: 10;
      }
      main:focus {
        outline: none;
      }
      footer {
        padding: 0.75rem 1.25rem;
        font-size: 0.85rem;
      }
      /* Printing (the report): only the page's content, full width. */
      @media print {
        header,
        footer,
        .banner,
        .skip-link {
          display: none;
        }
        :host {
          display: block;
          min-height: 0;
        }
        main {
          padding: 0;
          max-width: none;
        }
      }
    `,
  ];

  @provide({ context: servicesContext })
  @state()
  private services?: Services;

  @provide({ context: stateContext })
  @state()
  private wb: WorkbenchState = { versions: NO_VERSIONS, area: null };

  @state() private route = routeFromHash(location.hash);
  @state() private failure: string | null = null;
  /** Set when a page's code could not be loaded (e.g. offline before it was ever cached). */
  @state() private pageFailure: string | null = null;
  /** What the data store's health check found on opening (see idb-upgrade.ts). */
  @state() private health: StoreHealth = { problems: [], legacy: [] };
  private dataStore: DataStore | undefined;

  private readonly jobs = new JobsController(this, () => this.services?.jobs, { progress: true });
  private stopListening: (() => void) | undefined;
  private readonly onHash = () => {
    const next = routeFromHash(location.hash);
    if (next === this.route) return;
    this.route = next;
    void this.focusHeading();
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('route')) {
      const route = this.route;
      this.pageFailure = null;
      route.load().catch((e: unknown) => {
        if (route === this.route) this.pageFailure = `The ${route.label} page could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload to try again.`;
      });
    }
  }

  /** After a route change, focus goes to the new page's heading so a screen reader announces the page. */
  private async focusHeading(): Promise<void> {
    await this.route.load().catch(() => undefined);
    await this.updateComplete;
    const page = this.renderRoot.querySelector('main')?.firstElementChild;
    if (!(page instanceof LitElement)) return;
    await page.updateComplete;
    const h = page.renderRoot.querySelector<HTMLElement>('h2');
    if (h === null) return;
    h.tabIndex = -1;
    h.focus();
  }

  protected override updated(): void {
    // The window's title names the page and the partnership: "Evidence · Luton — CSP Workbench".
    const area = this.wb.area === null ? '' : ` · ${this.wb.area}`;
    document.title = `${this.route.label}${area} — CSP Workbench`;
  }

  constructor() {
    super();
    // The header's area picker reads and sets the partnership area through the shell, and the banner's import progress cancels the import;
    // a page's request no page answered falls through to here.
    answerPageRequests(this, () => this.services, ['store', 'jobs']);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.stopListening?.();
  }

  private async start(): Promise<void> {
    try {
      const [store, evidenceStore, assessments, reportStore] = await Promise.all([openDataStore(), openEvidenceStore(), openAssessmentStore(), openReportStore()]);
      this.dataStore = store;
      // Records an earlier version wrote that this one cannot read: the recovery page, not a schema dump on every page.
      this.health = await store.health();
      if (this.health.problems.length > 0) return;
      // First visit: the 2014 Central Bedfordshire matrix, imported like a user's file (no request needed).
      await assessments.seedOnce(() => seedAssessment(crypto.randomUUID(), Date.now()));
      const workers = startWorkers();
      // An import stops an idle crime worker, whose caches of rows it makes out of date, so their memory is given back at once.
      const jobs = new ImportJobs(workers.importer, () => void workers.stopCrimeIfIdle());
      const projects = new ProjectFiles(projectSources({ assessments, evidenceStore, store, reports: reportStore, need: workers.need }), workers.files);
      this.services = {
        store,
        importer: workers.importer,
        data: workers.data,
        jobs,
        evidence: workers.evidence,
        evidenceStore,
        need: workers.need,
        hotspots: workers.hotspots,
        files: workers.files,
        assessments,
        sensitivity: workers.sensitivity,
        reports: reportStore,
        projects,
      };
      exposeForScripts(workers);
      this.stopListening = listenForChanges((change) => void this.refresh(change));
      await this.refresh();
      const [settings, datasets, reports] = await Promise.all([store.settings(), store.datasets(), store.reports(1)]);
      jobs.restore(reports[0] ?? null);
      if (settings.sampleLoaded !== true && datasets.length === 0) {
        await navigator.storage?.persist?.();
        await jobs.loadSample(SAMPLE_FILES, SAMPLE_LABEL);
      }
    } catch (e) {
      if (isStoreReadError(e) && this.dataStore !== undefined) this.health = await this.dataStore.health();
      if (this.health.problems.length === 0) this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  private async exportStore(): Promise<void> {
    const dump = await this.dataStore?.exportAll();
    if (dump === undefined) return;
    // Typed arrays (crime batches) as plain lists, so the file reads back anywhere.
    const replacer = (_k: string, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? { typedArray: v.constructor.name, values: Array.from(v as Uint8Array) } : v);
    downloadText(`csp-workbench-data-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(dump, replacer), 'application/json');
  }

  private async clearStore(): Promise<void> {
    this.dataStore?.close();
    // Workers' connections step aside (their `blocking` handler closes them).
    await deleteDB(DATA_DB_NAME);
    location.reload();
  }

  private skip(e: Event) {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** Re-reads what views depend on after a change to the data store; notes any other store's new version. */
  private async refresh(change?: Change): Promise<void> {
    const store = this.services?.store;
    if (store === undefined) return;
    if (change !== undefined && change.store !== 'data') {
      if (change.version > this.wb.versions[change.store]) this.wb = { ...this.wb, versions: { ...this.wb.versions, [change.store]: change.version } };
      return;
    }
    const [version, settings] = await Promise.all([store.version(), store.settings()]);
    if (version !== this.wb.versions.data || (settings.area ?? null) !== this.wb.area) this.wb = { ...this.wb, versions: { ...this.wb.versions, data: version }, area: settings.area ?? null };
  }

  override render() {
    const job = this.jobs.state;
    return html`
      <a class="skip-link" href="#main" @click=${this.skip}>Skip to content</a>
      <header>
        <h1>CSP Strategic Assessment Workbench</h1>
        <nav aria-label="Main">
          <ul>
            ${ROUTES.map((r) => html`<li><a href="#/${r.path}" aria-current=${r.path === this.route.path ? 'page' : 'false'}>${r.label}</a></li>`)}
          </ul>
        </nav>
        ${this.services === undefined ? nothing : html`<csp-area-picker></csp-area-picker>`}
      </header>
      ${job?.running != null ? html`<div class="banner"><csp-import-progress .label=${job.running} .progress=${job.progress}></csp-import-progress></div>` : nothing}
      <main id="main" tabindex="-1">
        ${
          this.health.legacy.length > 0 && this.health.problems.length === 0
            ? html`<csp-store-recovery .health=${this.health} @export-store=${this.exportStore} @clear-store=${this.clearStore}></csp-store-recovery>`
            : nothing
        }
        ${
          this.health.problems.length > 0
            ? html`<csp-store-recovery blocking .health=${this.health} @export-store=${this.exportStore} @clear-store=${this.clearStore}></csp-store-recovery>`
            : this.failure !== null
              ? html`<p class="note error" role="alert">The workbench could not open its local store: ${this.failure}. Your browser may be in a private mode that blocks IndexedDB.</p>`
              : this.services === undefined
                ? html`<p class="muted">Opening your workbench…</p>`
                : this.pageFailure !== null
                  ? html`<p class="note error" role="alert">${this.pageFailure}</p>`
                  : this.route.render()
        }
      </main>
      <footer class="muted">
        Everything stays in this browser: data is kept in its local storage (IndexedDB) and nothing is sent anywhere. Contains public sector
        information licensed under the Open Government Licence v3.0.
      </footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-app': CspApp;
  }
}
