import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogueIssue } from '../../models/evidence/catalogue';
import type { PeriodChoice } from '../../models/evidence/period';
import { BANDWIDTH, CELL_SIZE, HotspotSettings } from '../../models/hotspots/schema';
import { baseStyles } from './styles';
import { formStyles } from './form-styles';
import './period-picker';

type Field = 'cellSize' | 'bandwidth' | 'neighbourCells';

/**
 * The hot-spot analysis set-up: the issue (police.uk issues of the
 * catalogue), the period, and the grid cell size, kernel bandwidth and Gi*
 * neighbourhood (blank: chosen automatically). A value out of range is
 * refused with its reason and the analysis keeps the last good set-up.
 *
 * @fires hotspot-settings-change - detail: the new {@link HotspotSettings}
 */
@customElement('csp-hotspot-settings')
export class HotspotSettingsForm extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) settings: HotspotSettings | null = null;
  @property({ attribute: false }) issues: readonly CatalogueIssue[] = [];
  /** Stored months with the area's rows. */
  @property({ attribute: false }) months: readonly string[] = [];
  /** The sizes chosen automatically in the last analysis, shown as placeholders. */
  @property({ attribute: false }) auto: { cellSize: number; bandwidth: number } | null = null;

  @state() private error = '';

  private emit(next: HotspotSettings) {
    const parsed = HotspotSettings.safeParse(next);
    if (!parsed.success) {
      this.error = parsed.error.issues[0]!.message;
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent('hotspot-settings-change', { detail: parsed.data, bubbles: true, composed: true }));
  }

  private number(field: Field, e: Event) {
    const input = e.target as HTMLInputElement;
    const text = input.value.trim();
    const v = text === '' ? null : Number(text.replace(/,/g, ''));
    const s = this.settings!;
    const next = { ...s, [field]: v };
    const ok = HotspotSettings.safeParse(next);
    input.setAttribute('aria-invalid', ok.success ? 'false' : 'true');
    this.emit(next);
  }

  override render() {
    const s = this.settings;
    if (s === null) return nothing;
    return html`
      <div class="row">
        <div class="field">
          <label for="issue">Issue</label>
          <select id="issue" @change=${(e: Event) => this.emit({ ...s, issueId: (e.target as HTMLSelectElement).value })}>
            ${this.issues.map((i) => html`<option value=${i.id} ?selected=${i.id === s.issueId}>${i.label}</option>`)}
          </select>
        </div>
      </div>
      <csp-period-picker .period=${s.period} .months=${this.months} @period-change=${(e: CustomEvent<PeriodChoice>) => this.emit({ ...s, period: e.detail })}></csp-period-picker>
      <div class="row">
        <div class="field">
          <label for="cell">Cell size (metres, ${CELL_SIZE.min}-${CELL_SIZE.max}; blank: automatic)</label>
          <input id="cell" type="text" inputmode="numeric" .value=${s.cellSize === null ? '' : String(s.cellSize)} placeholder=${this.auto === null ? 'automatic' : `automatic (${this.auto.cellSize})`} @change=${(e: Event) => this.number('cellSize', e)} />
        </div>
        <div class="field">
          <label for="bandwidth">Density bandwidth (metres, ${BANDWIDTH.min}-${BANDWIDTH.max.toLocaleString('en-GB')}; blank: automatic)</label>
          <input id="bandwidth" type="text" inputmode="numeric" .value=${s.bandwidth === null ? '' : String(s.bandwidth)} placeholder=${this.auto === null ? 'automatic' : `automatic (${Math.round(this.auto.bandwidth)})`} @change=${(e: Event) => this.number('bandwidth', e)} />
        </div>
        <div class="field">
          <label for="nb">Gi* neighbourhood (cells, 1-10; blank: 1.5)</label>
          <input id="nb" type="text" inputmode="decimal" .value=${s.neighbourCells === null ? '' : String(s.neighbourCells)} placeholder="1.5" @change=${(e: Event) => this.number('neighbourCells', e)} />
        </div>
      </div>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}. The map and table keep the last accepted set-up.</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-hotspot-settings': HotspotSettingsForm;
  }
}
