// Over 300 lines: the Community need page: its settings, the need worker's tasks, the matrix and map, and the
// notes that go with them (window, town-centre rates).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LEVEL_LABELS, type NeedSettings } from '../../models/need/schema';
import { crimeWindowNote } from '../../models/need/crime-cube';
import { indicatorLabel } from '../../models/need/indicators';
import { HIGH_RATE_Z, type NeedMatrix } from '../../models/need/matrix';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { proxy } from '../../workers/client';
import { memoLast } from '../app/memo';
import type { NeedSetup } from '../engines/need-setup';
import { baseStyles } from '../components/styles';
import '../components/need-placement';
import '../components/need-lookup';
import '../components/need-settings';
import '../components/need-map';
import '../components/need-table';
import '../components/area-profile';
import '../components/need-robustness';
import '../components/user-indicators';
import '../components/undo-bar';
import { answerPageRequests } from '../app/page-io';

/** The selected area's code from the address (#/need?area=E05014742). */
const selectedFromHash = (): string | null => new URLSearchParams(location.hash.split('?')[1] ?? '').get('area');

/**
 * The community need matrix: wards and LSOAs of the partnership scored on
 * chosen indicators, mapped, ranked, profiled and tested for robustness.
 */
@customElement('csp-need-page')
export class NeedPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
      .pair {
        display: grid;
        grid-template-columns: minmax(0, 660px) minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      @media (max-width: 1100px) {
        .pair {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      progress {
        width: 20rem;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  /** The matrix settings of the area in `settingsArea` (null until read from the need store). */
  @state() private settings: NeedSettings | null = null;
  @state() private settingsArea: string | null = null;
  /** Bumped after each change to the need store made from this page. */
  @state() private revision = 0;
  @state() private selected = selectedFromHash();
  @state() private progress: { phase: string; done: number; total: number } | null = null;
  @state() private saveError = '';
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the user picks an area, so focus follows to its profile once it is drawn. */
  private focusProfile = false;
  private readonly onHash = () => {
    const next = selectedFromHash();
    this.focusProfile = next !== null && next !== this.selected;
    this.selected = next;
  };

  constructor() {
    super();
    // The page reads and stores the indicator and lookup files its editors ask for (the editors hold no worker).
    answerPageRequests(this, () => this.services, ['need']);
  }

  private need() {
    if (this.services === undefined) throw new Error('the workbench is not ready');
    return this.services.need;
  }

  private readonly setup = new Task(this, {
    task: async ([, area]) => {
      if (area == null) return null;
      const onProgress = proxy((phase: string, done: number, total: number) => (this.progress = { phase, done, total }));
      return this.need().setup(area, onProgress);
    },
    args: () => [this.wb?.versions.data, this.wb?.area, this.revision] as const,
    onComplete: (s) => this.adopt(s),
  });

  /** Takes the stored settings when the area changes; keeps the level to one that is loaded. */
  private adopt(s: NeedSetup | null) {
    this.progress = null;
    if (s === null) return;
    const levels = s.levels.map((l) => l.level);
    const base = this.settingsArea === s.area && this.settings !== null ? this.settings : s.settings;
    this.settingsArea = s.area;
    this.settings = levels.length > 0 && !levels.includes(base.level) ? { ...base, level: levels[0]! } : base;
  }

  /** The settings the scores depend on, as text so that tasks re-run only when they change (not when the map switches layer). */
  private key = () => {
    if (this.settings === null || this.settingsArea !== this.wb?.area) return '';
    const { mapIndicator, ...scored } = this.settings;
    void mapIndicator;
    return JSON.stringify(scored);
  };

  private scored(key: string): NeedSettings {
    return { ...(JSON.parse(key) as Omit<NeedSettings, 'mapIndicator'>), mapIndicator: 'composite' };
  }

  private readonly catalogue = new Task(this, {
    task: async ([, area, , level, period]) => (area == null || level === undefined ? [] : this.need().catalogue(area, level, period!)),
    args: () => [this.wb?.versions.data, this.wb?.area, this.revision, this.settings?.level, this.settings?.periodMonths] as const,
  });

  private readonly geography = new Task(this, {
    task: async ([, area, level]) => (area == null || level === undefined ? [] : this.need().geography(area, level)),
    args: () => [this.wb?.versions.data, this.wb?.area, this.settings?.level] as const,
  });

  private readonly matrix = new Task(this, {
    task: async ([, area, , key]) => (area == null || key === '' ? null : this.need().matrix(area, this.scored(key))),
    args: () => [this.wb?.versions.data, this.wb?.area, this.revision, this.key()] as const,
  });

  private readonly robustness = new Task(this, {
    task: async ([, area, , key]) => (area == null || key === '' ? null : this.need().robustness(area, this.scored(key))),
    args: () => [this.wb?.versions.data, this.wb?.area, this.revision, this.key()] as const,
  });

  private readonly layer = new Task(this, {
    task: async ([, area, , level, period, id]) => (area == null || level === undefined || id === undefined || id === 'composite' ? null : this.need().layer(area, level, period!, id)),
    args: () => [this.wb?.versions.data, this.wb?.area, this.revision, this.settings?.level, this.settings?.periodMonths, this.settings?.mapIndicator] as const,
  });

  private readonly profile = new Task(this, {
    task: async ([, area, , level, period, code]) => (area == null || level === undefined || code === null ? null : this.need().profile(area, level, period!, code)),
    args: () => [this.wb?.versions.data, this.wb?.area, this.revision, this.settings?.level, this.settings?.periodMonths, this.selected] as const,
    onComplete: () => {
      if (!this.focusProfile) return;
      this.focusProfile = false;
      // The task asks for its render after this callback: ask first, so the profile exists when the update completes.
      this.requestUpdate();
      void this.updateComplete.then(() => this.renderRoot.querySelector('csp-area-profile')?.focusHeading());
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    clearTimeout(this.saveTimer);
  }

  private changeSettings(next: NeedSettings) {
    this.settings = next;
    const area = this.settingsArea;
    clearTimeout(this.saveTimer);
    // Typing a weight fires many changes; store the last one.
    this.saveTimer = setTimeout(() => {
      if (area === null) return;
      this.need()
        .saveSettings(area, next)
        .then(
          () => (this.saveError = ''),
          (e: unknown) => (this.saveError = `Your settings could not be saved: ${(e as Error).message}`),
        );
    }, 250);
  }

  override render() {
    const area = this.wb?.area ?? null;
    return html`
      <h2>Community need</h2>
      <p>
        Where is need for engagement and services greatest? Choose indicators of crime, anti-social behaviour, deprivation and population (and your own), their direction
        and weight; each is standardised, combined into one score per ward or LSOA, mapped and ranked. Like the Community Matrix of the 2014 Central Bedfordshire plan, it
        points to where further work or engagement is needed, to be read alongside local knowledge.
      </p>
      ${area === null ? html`<p class="note warning">Choose a partnership area in the header (it comes from the LSOA names of the stored police.uk rows).</p>` : this.current(area)}
    `;
  }

  /** The last setup of this area stays on screen while a newer one is prepared, so components keep their state. */
  private current(area: string) {
    if (this.setup.status === TaskStatus.ERROR) {
      return html`<p class="note error" role="alert">Could not prepare the need matrix: ${(this.setup.error as Error)?.message ?? this.setup.error}</p>`;
    }
    const s = this.setup.value;
    return s == null || s.area !== area ? this.pending() : this.body(s);
  }

  // Derived lists keep their identity while their source does, so the settings and the profile's charts are not redrawn on every render.
  private readonly levelsOf = memoLast((levels: NeedSetup['levels']) => levels.map((l) => l.level));
  private readonly chosenOf = memoLast((indicators: readonly { id: string }[]) => indicators.map((i) => i.id));

  /** A warning when the crime period has months without the area's rows. */
  private windowNote(s: NeedSetup, settings: NeedSettings) {
    const note = s.months === null ? null : crimeWindowNote(s.months.list, settings.periodMonths, s.area);
    return note === null ? nothing : html`<p class="note warning">${note}</p>`;
  }

  /** Areas whose crime rates are far above the rest, where resident population is a poor denominator. */
  private highRateNote(matrix: NeedMatrix) {
    const high = matrix.areas.filter((a) => a.highRates.length > 0);
    if (high.length === 0) return nothing;
    return html`<p class="note warning" data-note="high-rates">
      Resident population is a poor denominator in ${high.map((a) => a.name).join(', ')}: ${high.length === 1 ? 'its' : 'their'} crime rate is more than
      ${HIGH_RATE_Z} standard deviations above the average ${LEVEL_LABELS[matrix.level].one} (${high
        .map((a) => a.highRates.map((r) => `${a.name}, ${r.label}: ${r.z.toFixed(1)}`).join('; '))
        .join('; ')}). Town centres, stations and shopping centres draw visitors and workers who are not residents, so their rates per 1,000 residents overstate the
      risk to residents and can dominate the ranking. Read ${high.length === 1 ? 'this area' : 'these areas'} with local knowledge, or lower the weight of the crime
      rates.
    </p>`;
  }

  private pending() {
    const p = this.progress;
    return html`<p role="status">
      ${p === null ? 'Preparing the need matrix…' : `${p.phase}…`}
      ${p === null ? nothing : html`<progress aria-label="Preparing the need matrix" max=${p.total} .value=${p.done}></progress>`}
    </p>`;
  }

  private body(s: NeedSetup) {
    const settings = this.settings ?? s.settings;
    const matrix = this.matrix.value ?? null;
    const selectedRow = matrix?.areas.find((a) => a.code === this.selected) ?? null;
    const levelLabel = LEVEL_LABELS[settings.level].plural;
    return html`
      ${s.missing.map((m) => html`<p class="note warning">${m}</p>`)}
      ${
        s.levels.length === 0
          ? nothing
          : html`
            <section aria-labelledby="choose">
              <h3 id="choose">Indicators, weights and standardisation</h3>
              <csp-need-settings
                .settings=${settings}
                .catalogue=${this.catalogue.value ?? []}
                .levels=${this.levelsOf(s.levels)}
                .months=${s.months}
                @settings-change=${(e: CustomEvent<NeedSettings>) => this.changeSettings(e.detail)}
              ></csp-need-settings>
              ${this.saveError === '' ? nothing : html`<p class="note error" role="alert">${this.saveError}</p>`}
              ${this.windowNote(s, settings)}
            </section>
            ${this.matrix.render({
              pending: () => html`<p role="status" class="muted">Scoring ${LEVEL_LABELS[settings.level].inText}…</p>`,
              error: (e) => html`<p class="note error" role="alert">Could not score the areas: ${(e as Error).message}</p>`,
              complete: () => nothing,
            })}
            ${
              matrix === null
                ? nothing
                : html`
                  ${
                    matrix.unavailable.length > 0
                      ? html`<p class="note warning">Not available for ${LEVEL_LABELS[settings.level].inText} and left out: ${matrix.unavailable.map(indicatorLabel).join('; ')}.</p>`
                      : nothing
                  }
                  ${matrix.indicators.length === 0 ? html`<p class="note warning">Choose at least one indicator with a weight above 0.</p>` : nothing}
                  ${this.highRateNote(matrix)}
                  ${
                    matrix.rankFallbacks.length > 0
                      ? html`<p class="note warning" data-note="rank-fallback">
                        IMD 2019 File 5 (scores) is not loaded, so ${matrix.rankFallbacks.map(indicatorLabel).join(', ')}
                        ${matrix.rankFallbacks.length === 1 ? 'uses' : 'use'} the population-weighted mean national rank instead. Ranks only put LSOAs in order (the gap
                        between rank 1 and 2 may be tiny, between 100 and 200 large), so their average is a rough guide; scores can be averaged. Import “File 5: scores
                        for the indices of deprivation” on the Data page to use mean scores.
                      </p>`
                      : nothing
                  }
                  <div class="pair">
                    <section aria-labelledby="map-heading">
                      <h3 id="map-heading">Map of need: ${levelLabel}</h3>
                      <csp-need-map
                        .level=${settings.level}
                        .areas=${this.geography.value ?? []}
                        .matrix=${matrix}
                        .catalogue=${this.catalogue.value ?? []}
                        .shows=${settings.mapIndicator}
                        .layer=${this.layer.value ?? null}
                        .selected=${this.selected}
                        @map-indicator-change=${(e: CustomEvent<string>) => this.changeSettings({ ...settings, mapIndicator: e.detail })}
                      ></csp-need-map>
                    </section>
                    <section aria-label="Area profile">
                      ${
                        this.selected === null || this.profile.value == null
                          ? html`<h3 id="profile-heading">Area profile</h3>
                            <p>Click an area on the map, or its name in the table, to see its indicators against the partnership and the trend of its main issues.</p>`
                          : html`<csp-area-profile
                            .profile=${this.profile.value}
                            .row=${selectedRow}
                            .of=${matrix.areas.filter((a) => a.rank > 0).length}
                            .chosen=${this.chosenOf(matrix.indicators)}
                          ></csp-area-profile>`
                      }
                    </section>
                  </div>
                  <section aria-labelledby="ranking">
                    <h3 id="ranking">Ranking</h3>
                    <csp-need-table .matrix=${matrix} .selected=${this.selected}></csp-need-table>
                  </section>
                  <section aria-labelledby="robust">
                    <h3 id="robust">How robust is the top ${settings.topN}?</h3>
                    ${this.robustness.render({
                      pending: () => html`<p role="status" class="muted">Testing the ranking…</p>`,
                      error: (e) => html`<p class="note error" role="alert">Could not test the ranking: ${(e as Error).message}</p>`,
                      complete: (r) => html`<csp-need-robustness .result=${r} .method=${settings.method}></csp-need-robustness>`,
                    })}
                  </section>
                `
            }
          `
      }
      <section aria-labelledby="placement">
        <h3 id="placement">Areas and how data is placed in them</h3>
        <csp-need-placement .setup=${s}></csp-need-placement>
        <details>
          <summary>LSOA to ward lookup (optional)</summary>
          <csp-need-lookup .current=${s.lookup} @need-changed=${this.needChanged}></csp-need-lookup>
        </details>
      </section>
      <section aria-labelledby="own">
        <h3 id="own">Your own area indicators</h3>
        <csp-user-indicators .area=${s.area} .stored=${s.userIndicators} @need-changed=${this.needChanged}></csp-user-indicators>
        <csp-undo-bar what="Last change to your indicators or lookup" .step=${this.lastUndo.value} .run=${this.undo}></csp-undo-bar>
      </section>
    `;
  }

  private readonly needChanged = () => {
    this.revision++;
  };

  private readonly lastUndo = new Task(this, {
    task: async ([revision]) => {
      void revision;
      return this.services?.need.lastUndo();
    },
    args: () => [this.revision] as const,
  });

  private readonly undo = async (id: string) => {
    await this.need().undo(id);
    this.needChanged();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-page': NeedPage;
  }
}
