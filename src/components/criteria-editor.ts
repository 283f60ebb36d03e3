import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { addCriterion, setAggregation } from '../../models/risk-matrix/criteria-edit';
import { totalFormula } from '../../models/risk-matrix/explain';
import { CriterionGroup, type Aggregation } from '../../models/risk-matrix/schema';
import { requestEdit } from '../app/assessment-edit';
import { baseStyles } from './styles';
import { formStyles } from './form-styles';
import './criterion-fields';

const AGGREGATIONS: { kind: Aggregation['kind']; label: string }[] = [
  { kind: 'weighted-sum', label: 'Weighted sum' },
  { kind: 'harm-x-likelihood', label: 'Harm × likelihood' },
  { kind: 'normalised-average', label: 'Normalised weighted average (0–100)' },
];

/** The open assessment's model: how scores make a total, each criterion, and adding one. */
@customElement('csp-criteria-editor')
export class CriteriaEditor extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) assessment!: Assessment;
  @state() private error = '';

  private setKind(select: HTMLSelectElement) {
    const kind = select.value as Aggregation['kind'];
    const likelihood = this.assessment.model.criteria.find((c) => c.group === 'Likelihood');
    const agg: Aggregation = kind === 'harm-x-likelihood' ? { kind, likelihood: likelihood?.id ?? '' } : { kind };
    this.error = requestEdit(this, (a) => setAggregation(a, agg), `Total: ${AGGREGATIONS.find((x) => x.kind === kind)!.label}`) ?? '';
    if (this.error !== '') select.value = this.assessment.model.aggregation.kind;
  }

  private add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('label') ?? '');
    this.error = requestEdit(this, (a) => addCriterion(a, { label, group: CriterionGroup.parse(data.get('group')) }), `Add criterion “${label.trim()}”`) ?? '';
    if (this.error === '') form.reset();
  }

  override render() {
    const m = this.assessment.model;
    const agg = m.aggregation;
    const likelihoods = m.criteria.filter((c) => c.group === 'Likelihood');
    return html`
      <div class="row">
        <div class="field">
          <label for="aggregation">How scores make a total</label>
          <select id="aggregation" @change=${(e: Event) => this.setKind(e.target as HTMLSelectElement)}>
            ${AGGREGATIONS.map((x) => html`<option value=${x.kind} ?selected=${x.kind === agg.kind}>${x.label}</option>`)}
          </select>
        </div>
        ${
          agg.kind !== 'harm-x-likelihood'
            ? nothing
            : html`<div class="field">
              <label for="likelihood">Likelihood criterion</label>
              <select id="likelihood"
                @change=${(e: Event) =>
                  (this.error = requestEdit(this, (a) => setAggregation(a, { kind: 'harm-x-likelihood', likelihood: (e.target as HTMLSelectElement).value }), 'Likelihood criterion') ?? '')}
              >
                ${likelihoods.map((c) => html`<option value=${c.id} ?selected=${c.id === agg.likelihood}>${c.label}</option>`)}
              </select>
            </div>`
        }
      </div>
      <p>${totalFormula(m)}</p>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      ${repeat(
        m.criteria,
        (c) => c.id,
        (c) => html`<csp-criterion-fields .assessment=${this.assessment} .criterion=${c}></csp-criterion-fields>`,
      )}
      <form @submit=${this.add} aria-label="Add a criterion">
        <label>New criterion name <input name="label" autocomplete="off" /></label>
        <div class="field">
          <label for="new-group">Group of the new criterion</label>
          <select id="new-group" name="group">
            ${CriterionGroup.options.map((g) => html`<option value=${g}>${g}</option>`)}
          </select>
        </div>
        <button type="submit">Add criterion</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-criteria-editor': CriteriaEditor;
  }
}
