import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatDateTime, plural } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore } from '../../models/risk-matrix/explain';
import { aggregationWords, usableScenario } from '../../models/sensitivity/basis';
import type { Scenario } from '../../models/sensitivity/scenario';
import { removeScenario, scenarioFromDraft, scenarioFromWeightSet } from '../../models/sensitivity/scenario-edit';
import { requestEdit } from '../app/assessment-edit';
import type { ConfirmDialog } from './confirm-dialog';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import './confirm-dialog';
import './scenario-editor';

/**
 * The assessment's scenarios: the "Scenarios" table, saving the current
 * weights or a weight set as a scenario, a new scenario with score overrides
 * and its own total, editing, renaming and deleting (after a confirmation).
 * Every step can be undone.
 *
 * @fires analyse-basis - detail: the comparable key ('scenario:<id>') the user wants the views to analyse
 */
@customElement('csp-scenarios-panel')
export class ScenariosPanel extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) assessment!: Assessment;
  /** The scenario being edited: its id, 'new', or null when the editor is closed. */
  @state() private editing: string | null = null;
  @state() private error = '';
  @state() private done = '';
  @query('csp-confirm') private confirm!: ConfirmDialog;

  private edit(apply: (a: Assessment) => Assessment, label: string, done: string): boolean {
    this.error = requestEdit(this, apply, label) ?? '';
    this.done = this.error === '' ? done : '';
    return this.error === '';
  }

  private saveDraft(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (this.edit((a) => scenarioFromDraft(a, name, Date.now()), `Save scenario “${name}”`, `Saved the current weights as “${name}”.`)) form.reset();
  }

  private saveSet(e: SubmitEvent) {
    e.preventDefault();
    const id = String(new FormData(e.target as HTMLFormElement).get('set'));
    const set = this.assessment.weightSets.find((w) => w.id === id);
    if (set !== undefined) this.edit((a) => scenarioFromWeightSet(a, id, set.name, Date.now()), `Save scenario “${set.name}”`, `Saved the weight set “${set.name}” as a scenario.`);
  }

  private async deleteScenario(s: Scenario) {
    if (!(await this.confirm.ask(`Delete the scenario “${s.name}”?`, 'Its weights, score overrides and total are removed from this assessment. You can undo this.'))) return;
    this.edit((a) => removeScenario(a, s.id), `Delete scenario “${s.name}”`, `Deleted “${s.name}”.`);
  }

  override render() {
    const a = this.assessment;
    const list = a.scenarios ?? [];
    const editing = this.editing === 'new' ? null : list.find((s) => s.id === this.editing);
    return html`
      <p class="words">
        A scenario is a named what-if kept with this assessment: its own weights, scores that replace the assessed ones, and a choice of how totals are
        made. Criteria a scenario does not weigh keep the model’s weight.
      </p>
      ${list.length === 0 ? html`<p class="muted">No scenarios yet.</p>` : this.table(a, list)}
      <form @submit=${this.saveDraft} aria-label="Save the current weights as a scenario">
        <label>Scenario name <input name="name" required autocomplete="off" placeholder="e.g. Community-led" /></label>
        <button type="submit">Save current weights as scenario</button>
      </form>
      <form @submit=${this.saveSet} aria-label="Save a weight set as a scenario">
        <span class="field"><label for="pick-weight-set">Weight set</label>
          <select id="pick-weight-set" name="set">
            ${a.weightSets.map((w) => html`<option value=${w.id}>${w.name}</option>`)}
          </select></span
        >
        <button class="secondary" type="submit">Save weight set as scenario</button>
        <button class="secondary" type="button" @click=${() => (this.editing = 'new')}>New scenario with score overrides…</button>
      </form>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <p role="status" class="muted">${this.done}</p>
      ${
        this.editing === null || editing === undefined
          ? nothing
          : html`<csp-scenario-editor
            .assessment=${a}
            .scenario=${editing}
            @editor-done=${(e: CustomEvent<string>) => {
              this.editing = null;
              this.done = e.detail;
            }}
          ></csp-scenario-editor>`
      }
      <csp-confirm></csp-confirm>
    `;
  }

  private table(a: Assessment, list: Scenario[]) {
    const criteria = new Map(a.model.criteria.map((c) => [c.id, c]));
    return html`<div class="scroll" ${scrollRegion()}>
      <table>
        <caption>
          Scenarios
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Weights</th>
            <th scope="col">Score overrides</th>
            <th scope="col">Totals</th>
            <th scope="col">Saved</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${list.map((s) => {
            const usable = usableScenario(a, s);
            const overrides = Object.values(usable.scenario.scoreOverrides).reduce((n, row) => n + Object.keys(row).length, 0);
            return html`<tr>
              <th scope="row">${s.name}${s.description ? html`<div class="muted">${s.description}</div>` : nothing}</th>
              <td>
                ${
                  Object.entries(usable.scenario.weights)
                    .filter(([id, w]) => criteria.get(id)!.weight !== w)
                    .map(([id, w]) => `${criteria.get(id)!.label} ${formatScore(w)}`)
                    .join('; ') || 'As the model'
                }
                ${usable.notes.map((n) => html`<div class="muted">${n}</div>`)}
              </td>
              <td class="num">${overrides === 0 ? 'None' : plural(overrides, 'score')}</td>
              <td>${s.aggregation === null ? 'As the model' : aggregationWords(s.aggregation.kind)}</td>
              <td>${s.updatedAt === undefined ? '' : formatDateTime(s.updatedAt)}</td>
              <td class="actions">
                <button class="secondary" aria-label="Analyse “${s.name}”" @click=${() => this.dispatchEvent(new CustomEvent('analyse-basis', { detail: `scenario:${s.id}`, bubbles: true, composed: true }))}>
                  Analyse
                </button>
                <button class="secondary" aria-label="Edit “${s.name}”" @click=${() => (this.editing = s.id)}>Edit</button>
                <button class="danger" aria-label="Delete “${s.name}”" @click=${() => this.deleteScenario(s)}>Delete</button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-scenarios-panel': ScenariosPanel;
  }
}
