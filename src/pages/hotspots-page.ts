// Over 300 lines: the Hot spots page owns its IO (settings kept with the report settings, the hot-spots
// worker's analysis and traces, the trace download) and lays out the map, table, trace and method notes.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { formatCsv } from '../../models/csv';
import type { CatalogueIssue } from '../../models/evidence/catalogue';
import { formatCount, formatMonth, plural } from '../../models/format';
import { byHotness, CRITICAL_P } from '../../models/hotspots/analysis';
import { classifyRules, DEFAULT_CLASSIFY, HOTSPOT_CLASSES, type HotspotClass } from '../../models/hotspots/classify';
import { PROJECTION_NOTE } from '../../models/geo/projection';
import type { HotspotResult } from '../../models/hotspots/result';
import { DEFAULT_HOTSPOT_SETTINGS, type HotspotSettings } from '../../models/hotspots/schema';
import { hotspotMap, MAP_LAYERS, type MapLayerId } from '../charts/hotspot-map';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { downloadText } from '../app/download';
import { memoLast } from '../app/memo';
import { baseStyles } from '../components/styles';
import { formStyles } from '../components/form-styles';
import { CELL_TRACE_PAGE, type HotspotTrace } from '../components/hotspot-trace';
import '../components/hotspot-settings';
import '../components/hotspot-table';
import '../components/hotspot-trace';
import '../components/plot-figure';

/** Rows of the Hot spots table at most. */
const TABLE_LIMIT = 100;

/**
 * Hot spots: where exactly an issue's crime concentrates, on a regular grid
 * over the partnership's wards, tested with Getis-Ord Gi* and classified over
 * the months of the period; each cell traced to its source rows.
 */
@customElement('csp-hotspots-page')
export class HotspotsPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
      .method li {
        margin: 0.2rem 0;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  @state() private settings: HotspotSettings = DEFAULT_HOTSPOT_SETTINGS;
  @state() private layer: MapLayerId = 'gistar';
  @state() private selected: string | null = null;
  @state() private offset = 0;
  @state() private saveError: string | null = null;
  /** Whether the stored settings have been read this visit. */
  private restored = false;
  /** Saves in order, one after another. */
  private saving: Promise<void> = Promise.resolve();

  private api() {
    if (this.services === undefined) throw new Error('the workbench is not ready');
    return this.services;
  }

  private readonly setup = new Task(this, {
    task: async ([, area]) => {
      if (area == null) return null;
      const s = this.api();
      const [setup, evidence, outputs] = await Promise.all([s.hotspots.setup(area), s.evidenceStore.setup(), this.restored ? null : s.reports.settings().catch(() => null)]);
      // The settings last used (stored with the dashboard and report settings, and so in the project file) come back once per visit.
      if (!this.restored) {
        this.restored = true;
        if (outputs?.hotspots !== undefined) this.settings = outputs.hotspots;
      }
      return { setup, issues: evidence.catalogue.issues.filter((i) => i.source === 'police-uk') };
    },
    args: () => [this.wb?.versions.data, this.wb?.area] as const,
  });

  private issue(issues: readonly CatalogueIssue[]): CatalogueIssue | undefined {
    return issues.find((i) => i.id === this.settings.issueId) ?? issues[0];
  }

  /** The settings with the issue made real (the default names one the catalogue may lack). */
  private readonly effective = memoLast((settings: HotspotSettings, issue: CatalogueIssue | undefined): HotspotSettings | null => (issue === undefined ? null : { ...settings, issueId: issue.id }));

  private readonly analysis = new Task(this, {
    task: async ([, area, settings, crimeTypes]) => {
      if (area == null || settings === null || crimeTypes === undefined) return null;
      return this.api().hotspots.analyse(area, settings, [...crimeTypes]);
    },
    args: () => {
      const issue = this.issue(this.setup.value?.issues ?? []);
      return [this.wb?.versions.data, this.wb?.area, this.effective(this.settings, issue), issue?.crimeTypes] as const;
    },
  });

  private readonly trace = new Task(this, {
    task: async ([, area, settings, crimeTypes, cell, offset]) => {
      if (area == null || settings === null || crimeTypes === undefined || cell === null) return null;
      return this.api().hotspots.trace(area, settings, [...crimeTypes], cell, offset, CELL_TRACE_PAGE);
    },
    args: () => {
      const issue = this.issue(this.setup.value?.issues ?? []);
      return [this.wb?.versions.data, this.wb?.area, this.effective(this.settings, issue), issue?.crimeTypes, this.selected, this.offset] as const;
    },
  });

  private changeSettings(next: HotspotSettings) {
    this.settings = next;
    this.selected = null;
    this.saveError = null;
    const reports = this.api().reports;
    // Kept beside the dashboard and report settings; a failure is said, the analysis goes on.
    this.saving = this.saving
      .then(async () => reports.saveSettings({ ...(await reports.settings()), hotspots: next }))
      .catch((e: unknown) => {
        this.saveError = `The hot-spot settings could not be kept for next time: ${(e as Error).message}`;
      });
  }

  private async openTrace(cell: string) {
    this.selected = cell;
    this.offset = 0;
    await this.trace.taskComplete.catch(() => undefined);
    await this.updateComplete;
    await this.renderRoot.querySelector<HotspotTrace>('csp-hotspot-trace')?.focusHeading();
  }

  private async download() {
    const s = this.setup.value;
    const issue = this.issue(s?.issues ?? []);
    const settings = this.effective(this.settings, issue);
    const area = this.wb?.area;
    if (issue === undefined || settings === null || area == null || this.selected === null) return;
    const first = await this.api().hotspots.trace(area, settings, issue.crimeTypes, this.selected, 0, 1);
    const all = await this.api().hotspots.trace(area, settings, issue.crimeTypes, this.selected, 0, Math.max(1, first.total));
    const rows = [['file', 'line', 'month', 'crime type', 'location', 'LSOA code', 'LSOA name'], ...all.items.map((r) => [r.file, r.line, r.month, r.crimeType, r.location, r.lsoaCode, r.lsoaName])];
    downloadText(`hotspot-${issue.id}-${this.selected.replace(/\s+/g, '-')}.csv`, formatCsv(rows));
  }

  override render() {
    const area = this.wb?.area ?? null;
    return html`
      <h2>Hot spots</h2>
      <p>
        Where exactly does an issue's crime concentrate? Its rows are counted on a regular grid over the partnership's wards; the Getis-Ord Gi* statistic asks whether a
        cell and its neighbours hold more rows than chance would give, and each cell is classified by how that changed month by month (emerging, persistent, former…). Use
        it to point patrols and problem-solving at places, alongside local knowledge.
      </p>
      ${area === null ? html`<p class="note warning">Choose a partnership area in the header.</p>` : this.body()}
    `;
  }

  private body() {
    if (this.setup.status === TaskStatus.ERROR) return html`<p class="note error" role="alert">Could not prepare hot spots: ${(this.setup.error as Error).message}</p>`;
    const s = this.setup.value;
    if (s == null) return html`<p role="status">Reading the stored rows…</p>`;
    if (s.setup.wardFile === null) {
      return html`<p class="note warning">No ward boundaries are loaded for ${s.setup.area}: load its ward GeoJSON on the Data page. The grid is clipped to the wards.</p>`;
    }
    const issue = this.issue(s.issues);
    const r = this.analysis.value ?? null;
    return html`
      <section aria-labelledby="setup-heading">
        <h3 id="setup-heading">Issue, period and grid</h3>
        <csp-hotspot-settings
          .settings=${this.effective(this.settings, issue)}
          .issues=${s.issues}
          .months=${s.setup.months}
          .auto=${r === null ? null : { cellSize: r.cellSize, bandwidth: r.bandwidth }}
          @hotspot-settings-change=${(e: CustomEvent<HotspotSettings>) => this.changeSettings(e.detail)}
        ></csp-hotspot-settings>
        ${this.saveError === null ? nothing : html`<p class="note warning" role="alert">${this.saveError}</p>`}
      </section>
      ${this.analysis.render({
        pending: () => html`<p role="status" class="muted">Finding hot spots…</p>`,
        error: (e) => html`<p class="note error" role="alert">Could not find hot spots: ${(e as Error).message}</p>`,
        complete: () => nothing,
      })}
      ${r === null || issue === undefined ? nothing : this.results(r, issue)}
    `;
  }

  private readonly ranked = memoLast((r: HotspotResult) => {
    const hot = r.cells.filter((c) => c.z > 0 && c.pAdjusted < CRITICAL_P).sort(byHotness);
    return { hot, shown: (hot.length > 0 ? hot : [...r.cells].sort(byHotness).slice(0, 10)).slice(0, TABLE_LIMIT) };
  });

  private readonly mapOptions = memoLast((r: HotspotResult, layer: MapLayerId) => hotspotMap(r, layer));

  private results(r: HotspotResult, issue: CatalogueIssue) {
    const { hot, shown } = this.ranked(r);
    const period = r.months.length === 0 ? 'no months' : `${formatMonth(r.months[0]!)} to ${formatMonth(r.months.at(-1)!)}`;
    return html`
      ${r.gaps.length === 0 ? nothing : html`<p class="note warning">No ${r.area} rows are stored for ${r.gaps.map(formatMonth).join(', ')}: those months are left out.</p>`}
      <section aria-labelledby="map-heading">
        <h3 id="map-heading">Map: ${issue.label}, ${period}</h3>
        <div class="row">
          <div class="field">
            <label for="layer">Map shows</label>
            <select id="layer" @change=${(e: Event) => (this.layer = (e.target as HTMLSelectElement).value as MapLayerId)}>
              ${Object.entries(MAP_LAYERS).map(([id, label]) => html`<option value=${id} ?selected=${id === this.layer}>${label}</option>`)}
            </select>
          </div>
        </div>
        <csp-plot .options=${this.mapOptions(r, this.layer)}></csp-plot>
        ${this.textEquivalent(r, hot.length)} ${this.method(r)}
      </section>
      <section aria-labelledby="table-heading">
        <h3 id="table-heading">The hot spots, hottest first</h3>
        <p>
          ${
            hot.length === 0
              ? `No cell is a significant hot spot (adjusted p below ${CRITICAL_P}); the ten cells with the highest Gi* are listed.`
              : `${plural(hot.length, 'cell')} ${hot.length === 1 ? 'is a' : 'are'} significant hot spot${hot.length === 1 ? '' : 's'}${hot.length > TABLE_LIMIT ? `; the ${TABLE_LIMIT} hottest are listed` : ''}.`
          }
          Gi* z says how far above chance a cell and its neighbours are (about 2 or more is unusual); the adjusted p allows for testing every cell at once (false
          discovery rate). Choose a cell to see its source rows.
        </p>
        <csp-hotspot-table .cells=${shown} .selected=${this.selected} .classified=${r.classified} @cell-trace=${(e: CustomEvent<string>) => void this.openTrace(e.detail)}></csp-hotspot-table>
        ${
          this.selected === null
            ? nothing
            : this.trace.render({
                pending: () => html`<p role="status" class="muted">Reading the cell's rows…</p>`,
                error: (e) => html`<p class="note error" role="alert">Could not trace the cell: ${(e as Error).message}</p>`,
                complete: (t) => html`<csp-hotspot-trace
                .trace=${t}
                @trace-page=${(e: CustomEvent<number>) => (this.offset = e.detail)}
                @trace-download=${() => void this.download()}
                @close=${() => (this.selected = null)}
              ></csp-hotspot-trace>`,
              })
        }
      </section>
      <section aria-labelledby="classes-heading">
        <h3 id="classes-heading">How cells are classified over time</h3>
        ${classifyRules(DEFAULT_CLASSIFY).map((t) => html`<p>${t}</p>`)}
      </section>
    `;
  }

  private textEquivalent(r: HotspotResult, hotCount: number) {
    const byWard = new Map<string, number>();
    const byClass = new Map<HotspotClass, number>();
    for (const c of r.cells) {
      if (c.z > 0 && c.pAdjusted < CRITICAL_P) byWard.set(c.ward, (byWard.get(c.ward) ?? 0) + 1);
      if (c.classification !== null && c.classification !== 'none') byClass.set(c.classification, (byClass.get(c.classification) ?? 0) + 1);
    }
    const wards = [...byWard].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return html`<div aria-label="What the map shows">
      <p>
        The map shows ${formatCount(r.cells.length)} cells of ${r.cellSize} m over ${r.wards.length} wards (cells with no rows and nothing significant are left blank).
        ${
          hotCount === 0
            ? 'No cell is a significant hot spot.'
            : `${plural(hotCount, 'cell')} ${hotCount === 1 ? 'is a' : 'are'} significant hot spot${hotCount === 1 ? '' : 's'}, in ${plural(wards.length, 'ward')}: ${wards
                .map(([w, n]) => `${w} (${formatCount(n)})`)
                .join(', ')}.`
        }
      </p>
      ${
        r.classified
          ? html`<p>
            Over the ${r.months.length} months:
            ${
              byClass.size === 0
                ? 'no cell was a significant hot spot in any month.'
                : (Object.keys(HOTSPOT_CLASSES) as HotspotClass[])
                    .filter((k) => byClass.has(k))
                    .map((k) => `${HOTSPOT_CLASSES[k].toLowerCase()}s ${formatCount(byClass.get(k)!)}`)
                    .join(', ') + '.'
            }
          </p>`
          : html`<p>The period has one month with data, so cells are not classified over time.</p>`
      }
    </div>`;
  }

  private method(r: HotspotResult) {
    return html`<div class="method">
      <h4>Method and parameters</h4>
      <ul>
        <li>Rows: ${formatCount(r.rowsUsed)} police.uk rows of ${r.area} (${r.crimeTypes.join(', ')}) in ${plural(r.months.length, 'month')}; ${formatCount(r.rowsOutside)} fall outside every ward and ${formatCount(r.rowsNoCoordinates)} have no coordinates, so they are not counted.</li>
        <li>${PROJECTION_NOTE}</li>
        <li>Grid: square cells of ${formatCount(r.cellSize)} m (${r.cellSizeAuto ? 'chosen automatically: 50 cells across the shorter side of the wards’ extent, rounded down to whole 100 m, but at least one cell per row on average, within 50-500 m' : 'set by you'}), aligned on whole multiples of the cell size, with the corner of each cell as its name; a cell is kept when its centre is in a ward or it holds a row that is.</li>
        <li>Kernel density: quartic kernel, bandwidth ${formatCount(Math.round(r.bandwidth))} m (${r.bandwidthAuto ? 'chosen automatically by the rule of thumb of MASS bandwidth.nrd, as sfhotspot does' : 'set by you'}), at cell centres, in rows per km².</li>
        <li>Getis-Ord Gi*: binary weights, every cell whose centre is within ${formatCount(Math.round(r.distance))} m (${r.neighbourCells.toLocaleString('en-GB')} cells) of the cell's centre, the cell itself included (${r.meanNeighbours.toLocaleString('en-GB', { maximumFractionDigits: 1 })} cells on average); two-sided p-values from the normal distribution, adjusted over all ${formatCount(r.cells.length)} cells by the Benjamini-Hochberg false discovery rate; significant below ${CRITICAL_P}.</li>
        <li>Over time: Gi* for each month separately, adjusted in the same way, then the rules below (took ${Math.round(r.ms)} ms in the hot-spots worker).</li>
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-hotspots-page': HotspotsPage;
  }
}
