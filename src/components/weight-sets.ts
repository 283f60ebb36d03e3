import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDateTime } from '../../models/format';
import { provenanceWords } from '../../models/elicitation/words';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { draftDiffers, resetDraft, saveDraftAsBaseline, saveWeightSet, setBaseline, useWeightSet } from '../../models/risk-matrix/weights-edit';
import { requestEdit, type EditMode } from '../app/assessment-edit';
import { baseStyles } from './styles';
import { formStyles } from './form-styles';

/** The baseline the ranking is compared with, and named weight sets: save, load, compare. */
@customElement('csp-weight-sets')
export class WeightSets extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      input,
      select {
        max-width: 12rem;
      }
      .changed {
        color: var(--accent, #1d4f91);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @state() private error = '';
  @state() private done = '';

  private edit(apply: (a: Assessment) => Assessment, label: string, done: string, mode: EditMode = 'step') {
    this.error = requestEdit(this, apply, label, mode) ?? '';
    this.done = this.error === '' ? done : '';
  }

  private saveAs(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    this.edit((a) => saveWeightSet(a, name, Date.now()), `Save weight set “${name}”`, `Saved the weights as “${name}”.`);
    if (this.error === '') form.reset();
  }

  override render() {
    const a = this.assessment;
    const base = a.weightSets.find((w) => w.id === a.baselineWeightSetId)!;
    const differs = draftDiffers(a);
    return html`
      <p>
        Movements are against <strong>${base.name}</strong> (saved ${formatDateTime(base.savedAt)}).
        ${differs ? html`<span class="changed">The weights shown differ from it.</span>` : 'The weights shown are the baseline’s.'}
      </p>
      <div class="row">
        <button ?disabled=${!differs} @click=${() => this.edit((x) => saveDraftAsBaseline(x, Date.now()), `Save weights as baseline “${base.name}”`, 'Saved as the baseline.')}>
          Save as baseline
        </button>
        <button class="secondary" ?disabled=${!differs} @click=${() => this.edit(resetDraft, 'Reset weights', 'Weights reset to the baseline.', 'live')}>Reset to baseline</button>
      </div>
      <form class="row" @submit=${this.saveAs} aria-label="Save the weights as a named set">
        <label>Save weights as <input name="name" placeholder="e.g. Community-led" autocomplete="off" /></label>
        <button class="secondary" type="submit">Save set</button>
      </form>
      ${
        a.weightSets.length < 2
          ? nothing
          : html`<div class="row">
            <div class="field">
              <label for="set">Weight set</label>
              <select id="set">
                ${a.weightSets.map((w) => html`<option value=${w.id}>${w.name}${w.id === a.baselineWeightSetId ? ' (baseline)' : ''}</option>`)}
              </select>
            </div>
            <button class="secondary" @click=${() => this.withSet((id, name) => this.edit((x) => useWeightSet(x, id), `Load weight set “${name}”`, `Loaded “${name}”.`, 'live'))}>Load</button>
            <button class="secondary" @click=${() => this.withSet((id, name) => this.edit((x) => setBaseline(x, id), `Compare with “${name}”`, `Now comparing with “${name}”.`))}>
              Make baseline
            </button>
          </div>`
      }
      ${a.weightSets
        .filter((w) => w.provenance !== undefined)
        .map(
          (w) =>
            html`<details><summary>How “${w.name}” was agreed</summary><p class="muted">${provenanceWords(w.provenance!, (id) => a.model.criteria.find((c) => c.id === id)?.label ?? id)}</p></details>`,
        )}
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <p role="status" class="muted">${this.done}</p>
    `;
  }

  private withSet(f: (id: string, name: string) => void) {
    const id = this.renderRoot.querySelector<HTMLSelectElement>('#set')!.value;
    f(id, this.assessment.weightSets.find((w) => w.id === id)?.name ?? id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-weight-sets': WeightSets;
  }
}
