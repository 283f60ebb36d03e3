import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMonth } from '../../models/format';
import { PERIOD_KIND_LABELS, PERIOD_KINDS, PeriodChoice, PeriodKind, periodBounds, periodOptions } from '../../models/evidence/period';
import { baseStyles } from './styles';
import { formStyles } from './form-styles';

const LENGTHS = [3, 6, 12] as const;

/**
 * Chooses the assessment period: rolling months (the last month, default the
 * latest stored, and the length, compared with the same length before), or a
 * financial year or quarter (April to March) or calendar year or quarter,
 * compared with the same period a year earlier.
 *
 * @fires period-change - detail: the new {@link PeriodChoice}
 */
@customElement('csp-period-picker')
export class PeriodPicker extends LitElement {
  static override styles = [baseStyles, formStyles];

  /** The period in force. */
  @property({ attribute: false }) period: PeriodChoice = { end: null, months: 12 };
  /** Stored months, to end the period on. */
  @property({ attribute: false }) months: readonly string[] = [];

  private emit(next: PeriodChoice) {
    this.dispatchEvent(new CustomEvent('period-change', { detail: PeriodChoice.parse(next), bubbles: true, composed: true }));
  }

  private kindField(kind: PeriodKind) {
    return html`<div class="field">
      <label for="kind">Kind of period</label>
      <select id="kind" @change=${(e: Event) => this.emit({ ...this.period, kind: PeriodKind.parse((e.target as HTMLSelectElement).value) })}>
        ${PERIOD_KINDS.map((k) => html`<option value=${k} ?selected=${kind === k}>${PERIOD_KIND_LABELS[k]}</option>`)}
      </select>
    </div>`;
  }

  override render() {
    const latest = this.months.at(-1);
    const kind = this.period.kind ?? 'rolling';
    if (kind !== 'rolling') {
      const options = periodOptions(kind, this.months);
      const chosen = this.period.end === null ? null : periodBounds(kind, this.period.end).name;
      return html`<div class="row">
        ${this.kindField(kind)}
        <div class="field">
          <label for="named">Period</label>
          <select id="named" @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.emit({ ...this.period, end: v === 'latest' ? null : v });
          }}>
            <option value="latest" ?selected=${chosen === null}>The latest${options[0] === undefined ? '' : ` (${options[0].name})`}</option>
            ${options.map((o) => html`<option value=${o.end} ?selected=${chosen === o.name}>${o.name}</option>`)}
          </select>
        </div>
      </div>`;
    }
    const newestFirst = [...this.months].reverse();
    return html`<div class="row">
      ${this.kindField(kind)}
      <div class="field">
        <label for="end">Period ends with</label>
        <select id="end" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.emit({ ...this.period, end: v === 'latest' ? null : v });
        }}>
          <option value="latest" ?selected=${this.period.end === null}>The latest stored month${latest === undefined ? '' : ` (${formatMonth(latest)})`}</option>
          ${newestFirst.map((m) => html`<option value=${m} ?selected=${this.period.end === m}>${formatMonth(m)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="length">Length of the period</label>
        <select id="length" @change=${(e: Event) => this.emit({ ...this.period, months: Number((e.target as HTMLSelectElement).value) })}>
          ${LENGTHS.map((n) => html`<option value=${n} ?selected=${this.period.months === n}>${n} months, against the ${n} before</option>`)}
        </select>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-period-picker': PeriodPicker;
  }
}
