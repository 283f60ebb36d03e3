import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatMonth, formatPercent } from '../../models/format';
import { INDICATOR_GROUPS, type IndicatorGroup } from '../../models/need/indicators';
import { scoreFallback } from '../../models/need/matrix';
import { DEFAULT_SETTINGS, LEVEL_LABELS, PERIODS, type IndicatorChoice, type NeedLevel, type NeedSettings } from '../../models/need/schema';
import { DIRECTIONS, STANDARDISATIONS, STANDARDISATION_IDS, type Direction, type Standardisation } from '../../models/need/standardise';
import type { IndicatorInfo } from '../engines/need-setup';
import { baseStyles } from './styles';
import { readNumber } from './number-input';

/**
 * The need matrix's settings: level, crime period, standardisation, small
 * population threshold, top N, and which indicators count, which way and how
 * much.
 *
 * @fires settings-change - detail: the new NeedSettings
 */
@customElement('csp-need-settings')
export class NeedSettingsForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: end;
        margin-bottom: 0.75rem;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
      }
      .field label {
        font-weight: 600;
      }
      select,
      input {
        font: inherit;
        padding: 0.2rem;
      }
      input[type='number'] {
        width: 6rem;
      }
      td input[type='number'] {
        width: 4.5rem;
      }
      .desc {
        font-weight: normal;
        font-size: 0.85rem;
      }
      details {
        margin: 0.5rem 0;
      }
      td details {
        margin: 0;
      }
      td summary.desc {
        font-weight: normal;
        margin: 0;
      }
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        margin: 0.5rem 0;
      }
      legend {
        font-weight: 600;
      }
      .choices {
        columns: 18rem auto;
        column-gap: 1.5rem;
      }
      label.choice {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        break-inside: avoid;
        padding: 0.1rem 0;
      }
    `,
  ];

  @property({ attribute: false }) settings: NeedSettings = DEFAULT_SETTINGS;
  /** Indicators available at the chosen level. */
  @property({ attribute: false }) catalogue: readonly IndicatorInfo[] = [];
  @property({ attribute: false }) levels: readonly NeedLevel[] = ['ward', 'lsoa'];
  /** The latest loaded month and how many are loaded, for the period labels. */
  @property({ attribute: false }) months: { last: string; count: number } | null = null;

  private change(patch: Partial<NeedSettings>) {
    this.dispatchEvent(new CustomEvent<NeedSettings>('settings-change', { detail: { ...this.settings, ...patch }, bubbles: true, composed: true }));
  }

  private setChoice(info: IndicatorInfo, patch: Partial<IndicatorChoice> | null) {
    const list = this.settings.indicators;
    const has = list.some((c) => c.id === info.id);
    const indicators =
      patch === null
        ? list.filter((c) => c.id !== info.id)
        : has
          ? list.map((c) => (c.id === info.id ? { ...c, ...patch } : c))
          : [...list, { id: info.id, direction: info.direction, weight: 1, ...patch }];
    this.change({ indicators });
  }

  /** Changes or removes the chosen indicator with this id. */
  private patchChoice(id: string, patch: Partial<IndicatorChoice> | null) {
    const list = this.settings.indicators;
    this.change({ indicators: patch === null ? list.filter((c) => c.id !== id) : list.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
  }

  private number(e: Event, min: number, max: number): number | undefined {
    return readNumber(e.target as HTMLInputElement, { min, max }) ?? undefined;
  }

  override render() {
    const s = this.settings;
    const periodLabel = (p: number) =>
      this.months === null
        ? p === 0
          ? 'All loaded months'
          : `Last ${p} months`
        : p === 0
          ? this.months.count === 1
            ? 'The 1 loaded month'
            : `All ${this.months.count} loaded months`
          : `${p} months to ${formatMonth(this.months.last)}`;
    return html`
      <div class="row">
        <div class="field">
          <label for="level">Areas</label>
          <select id="level" @change=${(e: Event) => this.change({ level: (e.target as HTMLSelectElement).value as NeedLevel, mapIndicator: 'composite' })}>
            ${this.levels.map((l) => html`<option value=${l} ?selected=${l === s.level}>${LEVEL_LABELS[l].plural}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="period">Crime period</label>
          <select id="period" @change=${(e: Event) => this.change({ periodMonths: Number((e.target as HTMLSelectElement).value) as NeedSettings['periodMonths'] })}>
            ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === s.periodMonths}>${periodLabel(p)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="method">Standardisation</label>
          <select id="method" @change=${(e: Event) => this.change({ method: (e.target as HTMLSelectElement).value as Standardisation })}>
            ${STANDARDISATION_IDS.map((m) => html`<option value=${m} ?selected=${m === s.method}>${STANDARDISATIONS[m].label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="small">Flag areas with fewer residents than</label>
          <input id="small" type="number" min="0" step="100" .value=${String(s.smallPopulation)} @change=${(e: Event) => {
            const v = this.number(e, 0, 1_000_000);
            if (v !== undefined) this.change({ smallPopulation: Math.round(v) });
          }} />
        </div>
        <div class="field">
          <label for="topn">Top areas to test (N)</label>
          <input id="topn" type="number" min="1" max="1000" step="1" .value=${String(s.topN)} @change=${(e: Event) => {
            const v = this.number(e, 1, 1000);
            if (v !== undefined) this.change({ topN: Math.round(v) });
          }} />
        </div>
        <button class="secondary" @click=${() => this.change({ ...DEFAULT_SETTINGS, level: s.level })}>Reset to the default indicators</button>
      </div>
      <p class="muted"><strong>${STANDARDISATIONS[s.method].label}:</strong> ${STANDARDISATIONS[s.method].description}</p>
      <p class="muted">
        Composite score = Σ (weight × standardised value) ÷ Σ weight, over the chosen indicators an area has a value for. Every standardised value is turned so that
        higher means more need, so a higher composite is more need.
      </p>
      ${this.chosenTable()}
      <details>
        <summary>Add or remove indicators (${this.catalogue.length} available for ${LEVEL_LABELS[s.level].inText})</summary>
        ${(Object.keys(INDICATOR_GROUPS) as IndicatorGroup[]).map((g) => this.group(g))}
      </details>
    `;
  }

  private chosenTable() {
    const info = new Map(this.catalogue.map((i) => [i.id, i]));
    // An IMD mean score without File 5 shows the mean rank that stands in for it (direction mirrored), and edits the score's choice.
    const shown = this.settings.indicators.flatMap((c) => {
      if (info.has(c.id)) return [{ c, i: info.get(c.id)!, mirrored: false }];
      const rankId = scoreFallback(c.id);
      const i = rankId === undefined ? undefined : info.get(rankId);
      return i === undefined || this.settings.indicators.some((o) => o.id === rankId) ? [] : [{ c, i, mirrored: true }];
    });
    const rows = shown.map((r) => r.c);
    if (rows.length === 0) return html`<p class="note warning">No indicator is chosen: add some below.</p>`;
    const total = rows.reduce((sum, c) => sum + c.weight, 0);
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Indicators in the matrix</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Direction</th>
              <th scope="col" class="num">Weight</th>
              <th scope="col" class="num">Share of the score</th>
              <th scope="col"><span class="visually-hidden">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(({ c, i, mirrored }) => {
              const direction = mirrored ? (c.direction === 'higher' ? 'lower' : 'higher') : c.direction;
              const set = (patch: Partial<IndicatorChoice> | null) =>
                this.patchChoice(c.id, patch !== null && mirrored && patch.direction !== undefined ? { ...patch, direction: patch.direction === 'higher' ? 'lower' : 'higher' } : patch);
              return html`<tr>
                <td>
                  ${i.label}${mirrored ? html` <span class="muted">(stands in for the mean score: IMD 2019 File 5 is not loaded)</span>` : nothing}
                  <details>
                    <summary class="desc">How it is computed</summary>
                    <span class="desc muted">${i.description}</span>
                  </details>
                </td>
                <td>
                  <select aria-label="Direction of ${i.label}" @change=${(e: Event) => set({ direction: (e.target as HTMLSelectElement).value as Direction })}>
                    ${(Object.keys(DIRECTIONS) as Direction[]).map((d) => html`<option value=${d} ?selected=${d === direction}>${DIRECTIONS[d]}</option>`)}
                  </select>
                </td>
                <td class="num">
                  <input
                    type="number"
                    min="0"
                    max="100"
                    step="0.5"
                    aria-label="Weight of ${i.label}"
                    .value=${String(c.weight)}
                    @change=${(e: Event) => {
                      const v = this.number(e, 0, 100);
                      if (v !== undefined) set({ weight: v });
                    }}
                  />
                </td>
                <td class="num">${total > 0 ? formatPercent(c.weight / total, 0) : '–'}</td>
                <td><button class="secondary" aria-label="Remove ${i.label}" @click=${() => set(null)}>Remove</button></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  private group(group: IndicatorGroup) {
    const list = this.catalogue.filter((i) => i.group === group);
    if (list.length === 0) return nothing;
    return html`
      <fieldset>
        <legend>${INDICATOR_GROUPS[group]}</legend>
        <div class="choices">
          ${list.map((i) => {
            const on = this.settings.indicators.some((c) => c.id === i.id);
            return html`<label class="choice" title=${i.description}
              ><input type="checkbox" .checked=${on} @change=${(e: Event) => this.setChoice(i, (e.target as HTMLInputElement).checked ? {} : null)} /> ${i.label}</label
            >`;
          })}
        </div>
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-settings': NeedSettingsForm;
  }
}
