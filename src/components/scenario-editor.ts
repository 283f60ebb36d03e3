import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore } from '../../models/risk-matrix/explain';
import { levelLabel, scalePoints } from '../../models/risk-matrix/scale';
import { Confidence, type Aggregation, type ScoreGrid, type Weights } from '../../models/risk-matrix/schema';
import { countsTowardsTotal, effectiveWeights } from '../../models/risk-matrix/score';
import { aggregationWords } from '../../models/sensitivity/basis';
import type { Scenario } from '../../models/sensitivity/scenario';
import { addScenario, updateScenario } from '../../models/sensitivity/scenario-edit';
import { requestEdit } from '../app/assessment-edit';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * Writes a scenario: name and description, a weight per criterion, how totals
 * are made, and score overrides (issue, criterion, score, confidence). Saving
 * is one undoable step; a new scenario starts from the draft weights.
 *
 * @fires editor-done - detail: what was done, in words ('' when cancelled)
 */
@customElement('csp-scenario-editor')
export class ScenarioEditor extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 6px;
        padding: 0.75rem;
        margin: 0 0 1rem;
      }
      .weights {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.5rem 1rem;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  /** The scenario to edit, or null for a new one. */
  @property({ attribute: false }) scenario: Scenario | null = null;
  @state() private name = '';
  @state() private description = '';
  @state() private weights: Weights = {};
  @state() private aggregation: Aggregation | null = null;
  @state() private overrides: ScoreGrid = {};
  @state() private error = '';
  /** The criterion chosen for the next override (its scale gives the scores offered). */
  @state() private pick = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('scenario')) return;
    const a = this.assessment;
    const s = this.scenario;
    this.name = s?.name ?? '';
    this.description = s?.description ?? '';
    this.weights = { ...effectiveWeights(a.model, s === null ? a.draftWeights : undefined), ...(s?.weights ?? {}) };
    this.aggregation = s?.aggregation ?? null;
    this.overrides = structuredClone(s?.scoreOverrides ?? {});
    this.error = '';
  }

  private save(e: SubmitEvent) {
    e.preventDefault();
    const fields = { name: this.name, description: this.description, weights: this.weights, scoreOverrides: this.overrides, aggregation: this.aggregation };
    const s = this.scenario;
    const now = Date.now();
    const label = s === null ? `Save scenario “${this.name.trim()}”` : s.name !== this.name.trim() ? `Rename scenario “${s.name}” to “${this.name.trim()}”` : `Edit scenario “${s.name}”`;
    this.error = requestEdit(this, (a) => (s === null ? addScenario(a, fields, now) : updateScenario(a, s.id, fields, now)), label) ?? '';
    if (this.error === '') this.finish(`${s === null ? 'Saved' : 'Updated'} “${this.name.trim()}”.`);
  }

  private finish(done: string) {
    this.dispatchEvent(new CustomEvent('editor-done', { detail: done, bubbles: true, composed: true }));
  }

  /** An emptied box keeps the weight it had (Number('') would be 0); a bad number is refused on saving. */
  private setWeight(id: string, text: string) {
    if (text.trim() !== '') this.weights = { ...this.weights, [id]: Number(text) };
  }

  private setTotal(value: string) {
    const likelihood = this.assessment.model.criteria.find((c) => c.group === 'Likelihood');
    this.aggregation =
      value === 'model' ? null : value === 'harm-x-likelihood' ? { kind: 'harm-x-likelihood', likelihood: likelihood?.id ?? '' } : { kind: value as 'weighted-sum' | 'normalised-average' };
  }

  private addOverride(e: Event) {
    e.preventDefault();
    const form = new FormData((e.target as HTMLButtonElement).form!);
    const issueId = String(form.get('issue'));
    const criterionId = String(form.get('criterion'));
    const value = Number(form.get('score'));
    const conf = Confidence.safeParse(form.get('confidence'));
    const assessed = own(own(this.assessment.scores, issueId), criterionId)?.confidence;
    const confidence = conf.success ? conf.data : assessed;
    this.overrides = { ...this.overrides, [issueId]: { ...this.overrides[issueId], [criterionId]: { value, ...(confidence ? { confidence } : {}) } } };
  }

  private removeOverride(issueId: string, criterionId: string) {
    const { [criterionId]: _gone, ...row } = own(this.overrides, issueId) ?? {};
    const next = { ...this.overrides, [issueId]: row };
    if (Object.keys(row).length === 0) delete next[issueId];
    this.overrides = next;
  }

  override render() {
    const a = this.assessment;
    const counted = a.model.criteria.filter(countsTowardsTotal);
    const hasLikelihood = a.model.criteria.some((c) => c.group === 'Likelihood');
    const total = this.aggregation === null ? 'model' : this.aggregation.kind;
    return html`
      <form @submit=${this.save} aria-label=${this.scenario === null ? 'New scenario' : `Edit scenario “${this.scenario.name}”`}>
        <h4>${this.scenario === null ? 'New scenario' : `Edit “${this.scenario.name}”`}</h4>
        <div class="row">
          <label>Name <input required .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} /></label>
          <label>Description <input .value=${this.description} size="40" @input=${(e: Event) => (this.description = (e.target as HTMLInputElement).value)} /></label>
          <span class="field"><label for="pick-totals">Totals</label>
            <select id="pick-totals" @change=${(e: Event) => this.setTotal((e.target as HTMLSelectElement).value)}>
              <option value="model" ?selected=${total === 'model'}>As the model (${aggregationWords(a.model.aggregation.kind)})</option>
              <option value="weighted-sum" ?selected=${total === 'weighted-sum'}>Weighted sum</option>
              ${hasLikelihood ? html`<option value="harm-x-likelihood" ?selected=${total === 'harm-x-likelihood'}>Harm × likelihood</option>` : nothing}
              <option value="normalised-average" ?selected=${total === 'normalised-average'}>Normalised average (0–100)</option>
            </select></span
          >
        </div>
        <fieldset>
          <legend>Weights</legend>
          <div class="weights">
            ${counted.map(
              (c) => html`<label
                >${c.label} weight
                <input
                  type="number"
                  min="0"
                  step="0.5"
                  .value=${String(own(this.weights, c.id) ?? c.weight)}
                  @input=${(e: Event) => this.setWeight(c.id, (e.target as HTMLInputElement).value)}
              /></label>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>Score overrides</legend>
          ${this.overrideTable()}
          <div class="row">
            <span class="field"><label for="pick-issue">Issue</label>
              <select id="pick-issue" name="issue">
                ${a.issues.map((i) => html`<option value=${i.id}>${i.label}</option>`)}
              </select></span
            >
            <span class="field"><label for="pick-criterion">Criterion</label>
              <select id="pick-criterion" name="criterion" @change=${(e: Event) => (this.pick = (e.target as HTMLSelectElement).value)}>
                ${a.model.criteria.map((c) => html`<option value=${c.id} ?selected=${c.id === this.pick}>${c.label}</option>`)}
              </select></span
            >
            <span class="field"><label for="pick-score">Score</label>
              <select id="pick-score" name="score">
                ${this.scoreOptions()}
              </select></span
            >
            <span class="field"><label for="pick-confidence">Confidence</label>
              <select id="pick-confidence" name="confidence">
                <option value="">As assessed</option>
                ${Confidence.options.map((c) => html`<option value=${c}>${c}</option>`)}
              </select></span
            >
            <button class="secondary" type="button" @click=${this.addOverride}>Add override</button>
          </div>
        </fieldset>
        ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
        <div class="row">
          <button type="submit">Save scenario</button>
          <button class="secondary" type="button" @click=${() => this.finish('')}>Cancel</button>
        </div>
      </form>
    `;
  }

  /** The points of the chosen criterion's scale. */
  private scoreOptions() {
    const c = this.assessment.model.criteria.find((x) => x.id === this.pick) ?? this.assessment.model.criteria[0]!;
    return scalePoints(c.scale).map((v) => html`<option value=${v}>${v}${levelLabel(c.scale, v) ? ` ${levelLabel(c.scale, v)}` : ''}</option>`);
  }

  private overrideTable() {
    const a = this.assessment;
    const rows = Object.entries(this.overrides).flatMap(([issueId, row]) => Object.entries(row).map(([criterionId, cell]) => ({ issueId, criterionId, cell })));
    if (rows.length === 0) return html`<p class="muted">No scores overridden: the scenario uses the assessed scores.</p>`;
    const issue = (id: string) => a.issues.find((i) => i.id === id)?.label ?? id;
    const crit = (id: string) => a.model.criteria.find((c) => c.id === id)?.label ?? id;
    return html`<table>
      <caption>
        Score overrides
      </caption>
      <thead>
        <tr>
          <th scope="col">Issue</th>
          <th scope="col">Criterion</th>
          <th scope="col" class="num">Assessed</th>
          <th scope="col" class="num">In this scenario</th>
          <th scope="col">Confidence</th>
          <th scope="col"><span class="visually-hidden">Remove</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const assessed = own(own(a.scores, r.issueId), r.criterionId);
          return html`<tr>
            <th scope="row">${issue(r.issueId)}</th>
            <td>${crit(r.criterionId)}</td>
            <td class="num">${assessed?.value == null ? '–' : formatScore(assessed.value)}</td>
            <td class="num">${r.cell.value === null ? '–' : formatScore(r.cell.value)}</td>
            <td>${r.cell.confidence ?? 'Not stated'}</td>
            <td>
              <button type="button" class="secondary" aria-label="Remove override: ${issue(r.issueId)}, ${crit(r.criterionId)}" @click=${() => this.removeOverride(r.issueId, r.criterionId)}>
                Remove
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-scenario-editor': ScenarioEditor;
  }
}
