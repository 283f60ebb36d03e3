import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatScore, weightedCriteria } from '../../models/risk-matrix/explain';
import type { Criterion, RiskModel, Weights } from '../../models/risk-matrix/schema';
import { effectiveWeights } from '../../models/risk-matrix/score';
import { setDraftWeight } from '../../models/risk-matrix/weights-edit';
import { requestEdit } from '../app/assessment-edit';
import { baseStyles } from './styles';

/** The slider runs to at least this weight (the number box takes any weight of 0 or more). */
const SLIDER_MAX = 5;

/**
 * Live weights: a number box and a slider per criterion that can change the
 * total, named after the criterion ("Community priority weight"). The ranking
 * follows every movement; the draft is saved shortly after the last one.
 */
@customElement('csp-weights-panel')
export class WeightsPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .weight {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.1rem 0.5rem;
        margin: 0 0 0.6rem;
      }
      .weight label {
        grid-column: 1 / -1;
        font-size: 0.88rem;
        font-weight: 600;
      }
      input[type='number'] {
        width: 4.5rem;
        font: inherit;
        padding: 0.2rem 0.3rem;
      }
      input[type='range'] {
        width: 100%;
        min-width: 8rem;
      }
      .base {
        grid-column: 1 / -1;
        font-size: 0.78rem;
      }
      .changed {
        color: var(--accent, #1d4f91);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) model!: RiskModel;
  /** The weights being tried. */
  @property({ attribute: false }) draft: Weights = {};
  /** The baseline's weights, to show what each was. */
  @property({ attribute: false }) baseline: Weights = {};
  @state() private error = '';
  /** The criterion whose box holds a weight that was refused (or is empty). */
  @state() private invalid: string | null = null;

  private set(c: Criterion, e: Event) {
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '') {
      this.invalid = c.id;
      this.error = `${c.label} weight: enter a weight of 0 or more; the ranking keeps the last one given.`;
      return;
    }
    const w = Number(input.value);
    this.error = requestEdit(this, (a) => setDraftWeight(a, c.id, w), `Weight of ${c.label}`, 'live') ?? '';
    this.invalid = this.error === '' ? null : c.id;
  }

  override render() {
    const draft = effectiveWeights(this.model, this.draft);
    const base = effectiveWeights(this.model, this.baseline);
    const shown = weightedCriteria(this.model);
    const hidden = this.model.criteria.filter((c) => !shown.includes(c));
    return html`
      ${shown.map((c) => {
        const w = draft[c.id]!;
        return html`<div class="weight">
          <label for="w-${c.id}">${c.label} weight</label>
          <input type="range" min="0" max=${Math.max(SLIDER_MAX, Math.ceil(w))} step="0.5" .value=${String(w)} aria-label="${c.label} weight (slider)" @input=${(e: Event) => this.set(c, e)} />
          <input
            id="w-${c.id}"
            type="number"
            min="0"
            step="0.5"
            .value=${String(w)}
            aria-invalid=${this.invalid === c.id ? 'true' : 'false'}
            aria-describedby=${this.invalid === c.id ? 'weight-error' : nothing}
            @input=${(e: Event) => this.set(c, e)}
          />
          <span class="base muted ${w !== base[c.id] ? 'changed' : ''}">Baseline ${formatScore(base[c.id]!)}</span>
        </div>`;
      })}
      ${
        hidden.length === 0 ? nothing : html`<p class="muted">${hidden.map((c) => c.label).join(', ')}: ${hidden.length === 1 ? 'its' : 'their'} weight does not change the total under this model.</p>`
      }
      ${this.error === '' ? nothing : html`<p class="note error" role="alert" id="weight-error">${this.error}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-weights-panel': WeightsPanel;
  }
}
