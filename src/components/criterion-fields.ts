import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { moveCriterion, removeCriterion, setLevelLabel, updateCriterion } from '../../models/risk-matrix/criteria-edit';
import { levelLabel, scalePoints } from '../../models/risk-matrix/scale';
import { CriterionGroup, type Criterion } from '../../models/risk-matrix/schema';
import { requestEdit } from '../app/assessment-edit';
import { baseStyles } from './styles';
import { formStyles } from './form-styles';

/** One criterion of the open assessment: name, group, weight, description, scale labels; move or remove it. */
@customElement('csp-criterion-fields')
export class CriterionFields extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      input.weight {
        width: 5rem;
      }
      input.level {
        width: 7.5rem;
      }
      input.description {
        width: min(40rem, 80vw);
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @property({ attribute: false }) criterion!: Criterion;
  @state() private error = '';

  private edit(apply: (a: Assessment) => Assessment, label: string, input?: HTMLInputElement | HTMLSelectElement, old?: string) {
    this.error = requestEdit(this, apply, label) ?? '';
    if (this.error !== '' && input !== undefined && old !== undefined) input.value = old;
  }

  override render() {
    const c = this.criterion;
    const a = this.assessment;
    const index = a.model.criteria.findIndex((x) => x.id === c.id);
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`
      <fieldset>
        <legend>${c.label}</legend>
        <div class="row">
          <label
            >Name
            <input .value=${c.label} @change=${(e: Event) => this.edit((x) => updateCriterion(x, c.id, { label: value(e) }), `Rename criterion “${c.label}” to “${value(e).trim()}”`, e.target as HTMLInputElement, c.label)} />
          </label>
          <div class="field">
            <label for="group">Group</label>
            <select id="group" @change=${(e: Event) => this.edit((x) => updateCriterion(x, c.id, { group: CriterionGroup.parse(value(e)) }), `Group of “${c.label}”: ${value(e)}`, e.target as HTMLSelectElement, c.group)}>
              ${CriterionGroup.options.map((g) => html`<option value=${g} ?selected=${g === c.group}>${g}</option>`)}
            </select>
          </div>
          <label
            >Weight
            <input
              class="weight"
              type="number"
              min="0"
              step="any"
              .value=${String(c.weight)}
              @change=${(e: Event) => this.edit((x) => updateCriterion(x, c.id, { weight: Number(value(e) === '' ? Number.NaN : value(e)) }), `Weight of “${c.label}”: ${c.weight} → ${value(e)}`, e.target as HTMLInputElement, String(c.weight))}
            />
          </label>
          <span class="muted">Id <code>${c.id}</code> (the matrix file’s column)</span>
        </div>
        <div class="row">
          <label
            >Description
            <input class="description" .value=${c.description} @change=${(e: Event) => this.edit((x) => updateCriterion(x, c.id, { description: value(e) }), `Description of “${c.label}”`)} />
          </label>
        </div>
        <div class="row" role="group" aria-label="Scale labels of ${c.label}">
          ${scalePoints(c.scale).map(
            (v) => html`<label
              >Label for ${v}
              <input
                class="level"
                .value=${levelLabel(c.scale, v) ?? ''}
                placeholder="(unnamed)"
                @change=${(e: Event) => this.edit((x) => setLevelLabel(x, c.id, v, value(e)), `Label for ${v} on “${c.label}”`, e.target as HTMLInputElement, levelLabel(c.scale, v) ?? '')}
              />
            </label>`,
          )}
        </div>
        <div class="row">
          <button class="secondary" ?disabled=${index === 0} @click=${() => this.edit((x) => moveCriterion(x, c.id, -1), `Move “${c.label}” left`)}>Move left</button>
          <button class="secondary" ?disabled=${index === a.model.criteria.length - 1} @click=${() => this.edit((x) => moveCriterion(x, c.id, 1), `Move “${c.label}” right`)}>
            Move right
          </button>
          <button class="danger" @click=${() => this.edit((x) => removeCriterion(x, c.id), `Remove criterion “${c.label}”`)}>Remove criterion</button>
        </div>
        ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-criterion-fields': CriterionFields;
  }
}
