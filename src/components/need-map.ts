import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../../models/format';
import { formatIndicator, formatScore } from '../../models/need/format-value';
import type { MapLayer, NeedMatrix } from '../../models/need/matrix';
import { LEVEL_LABELS, type NeedLevel } from '../../models/need/schema';
import { STANDARDISATIONS } from '../../models/need/standardise';
import { needMap, type MapArea } from '../charts/need-map';
import type { IndicatorInfo } from '../engines/need-setup';
import { baseStyles } from './styles';
import './plot-figure';

/**
 * The choropleth of need, for the composite score or any indicator, with a
 * chooser. Hover shows an area's figures; clicking (or Enter on) an area
 * opens its profile. The ranked table is its accessible equivalent.
 *
 * @fires map-indicator-change - detail: 'composite' or an indicator id
 */
@customElement('csp-need-map')
export class NeedMapPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      label {
        font-weight: 600;
        margin-right: 0.5rem;
      }
      select {
        font: inherit;
        max-width: 28rem;
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) level: NeedLevel = 'ward';
  @property({ attribute: false }) areas: readonly MapArea[] = [];
  @property({ attribute: false }) matrix: NeedMatrix | null = null;
  @property({ attribute: false }) catalogue: readonly IndicatorInfo[] = [];
  /** 'composite' or an indicator id. */
  @property({ attribute: false }) shows = 'composite';
  /** Values of the indicator shown (when not the composite). */
  @property({ attribute: false }) layer: MapLayer | null = null;
  @property({ attribute: false }) selected: string | null = null;

  override render() {
    const m = this.matrix;
    if (m === null || this.areas.length === 0) return nothing;
    const plural = LEVEL_LABELS[this.level].plural;
    return html`
      <label for="shows">Map shows</label>
      <select
        id="shows"
        @change=${(e: Event) => this.dispatchEvent(new CustomEvent('map-indicator-change', { detail: (e.target as HTMLSelectElement).value, bubbles: true, composed: true }))}
      >
        <option value="composite" ?selected=${this.shows === 'composite'}>Composite need score</option>
        ${this.catalogue.map((i) => html`<option value=${i.id} ?selected=${i.id === this.shows}>${i.label}</option>`)}
      </select>
      <csp-plot .options=${this.options(m)}></csp-plot>
      <p class="muted">
        ${plural} of the partnership, darker = more need. Hover over an area for its figures; click it, or tab to it and
        press Enter, to open its profile. Grey: no value. The table below lists the same figures.
      </p>
    `;
  }

  private options(m: NeedMatrix) {
    const byCode = new Map(m.areas.map((a) => [a.code, a]));
    const total = m.areas.filter((a) => a.rank > 0).length;
    const layer = this.shows === 'composite' ? null : this.layer?.id === this.shows ? this.layer : null;
    const value = layer === null ? (c: string) => byCode.get(c)?.composite ?? null : (c: string) => layer.values[c] ?? null;
    const unit = layer?.unit ?? 'score';
    const format = layer === null ? formatScore : (v: number) => formatIndicator(v, unit);
    return needMap({
      areas: this.areas,
      value,
      label: layer === null ? `Composite need score (${STANDARDISATIONS[m.method].label})` : layer.label,
      lowerIsMoreNeed: layer?.direction === 'lower',
      tickFormat: layer === null ? (v: number) => formatScore(v).replace(/(\.\d)\d+$/, '$1') : format,
      describe: (a) => {
        const row = byCode.get(a.code);
        const rank = row === undefined || row.rank === 0 ? 'not ranked' : `rank ${row.rank} of ${total}`;
        const v = value(a.code);
        const main = layer === null ? `Composite need score: ${formatScore(v)} (${rank})` : `${layer.label}: ${v === null ? 'no value' : format(v)}`;
        const pop = row?.population == null ? '' : `\nResidents: ${formatCount(Math.round(row.population))}`;
        return `${a.name} (${a.code})\n${main}${layer === null ? '' : `\nNeed rank: ${rank}`}${pop}`;
      },
      href: (a) => `#/need?area=${a.code}`,
      selected: this.selected,
      ariaLabel: `Map of ${LEVEL_LABELS[this.level].plural} coloured by ${layer === null ? 'composite need score' : layer.label}`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-map': NeedMapPanel;
  }
}
