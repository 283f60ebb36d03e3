import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Assessment as StoredAssessment } from '../../models/risk-matrix/assessment';
import { weightedCriteria } from '../../models/risk-matrix/explain';
import type { Weights } from '../../models/risk-matrix/schema';
import type { Comparable } from '../../models/sensitivity/basis';
import type { WeightConstraints } from '../../models/sensitivity/constraints';
import type { InverseAnswer } from '../../models/sensitivity/inverse';
import type { Assessment } from '../../models/sensitivity/problem';
import { addScenario, tryWeights } from '../../models/sensitivity/scenario-edit';
import { constraintsFor, hasConstraints } from '../../models/sensitivity/settings';
import { inverseWords, onlyIfWords, type Labels } from '../../models/sensitivity/weight-words';
import { requestEdit, type EditMode } from '../app/assessment-edit';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import './inverse-table';
import { own } from '../../models/own';
import { askPage } from '../app/page-requests';

/**
 * "What would it take?": an issue and a target rank ("Adult Offending into the
 * top 3"); the least change of one weight, and of all weights, that gets it
 * there (or why no weighting can), with buttons to try either as the draft
 * weights or keep it as a scenario.
 */
@customElement('csp-what-would-it-take')
export class WhatWouldItTake extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) input!: Assessment;
  @property({ attribute: false }) labels!: Labels;
  /** What is analysed (its weights are the starting point; a scenario's overrides and total are kept when saving). */
  @property({ attribute: false }) comparable!: Comparable;
  /** The stated importance order and weight limits (from the SMAA settings). */
  @property({ attribute: false }) constraints!: WeightConstraints;
  @state() private query: { issueId: string; targetRank: number; constrained: boolean } | null = null;
  @state() private error = '';
  @state() private done = '';
  /** The form has changed since the answer shown was asked for. */
  @state() private edited = false;

  private stated(): WeightConstraints {
    return constraintsFor(
      this.constraints,
      weightedCriteria(this.input.model).map((c) => c.id),
    ).constraints;
  }

  private readonly answer = new Task(this, {
    task: async ([input, query, constraints]) => {
      if (query === null) return null;
      return askPage(this, 'sensitivity', 'whatWouldItTake', input, query.issueId, query.targetRank, query.constrained ? constraints : undefined);
    },
    args: () => [this.input, this.query, this.stated()] as const,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1] && JSON.stringify(a[2]) === JSON.stringify(b[2]),
  });

  private ask(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const targetRank = Number(form.get('target'));
    if (!Number.isInteger(targetRank) || targetRank < 1) return;
    this.done = '';
    this.edited = false;
    this.query = { issueId: String(form.get('issue')), targetRank, constrained: form.get('constrained') === 'on' };
  }

  override render() {
    const constrainable = hasConstraints(this.stated());
    return html`
      <form @submit=${this.ask} @input=${() => (this.edited = true)} @change=${() => (this.edited = true)} aria-label="What would it take">
        <span class="field"><label for="pick-issue">Issue</label>
          <select id="pick-issue" name="issue">
            ${this.input.issues.map((i) => html`<option value=${i.id} ?selected=${i.id === this.query?.issueId}>${i.label}</option>`)}
          </select></span
        >
        <label>Into the top <input name="target" type="number" min="1" max=${this.input.issues.length} step="1" value=${String(this.query?.targetRank ?? 3)} /></label>
        ${constrainable ? html`<label class="check"><input type="checkbox" name="constrained" /> Keep the stated importance order and weight limits</label>` : nothing}
        <button type="submit">Find the smallest change</button>
      </form>
      <p class="muted">
        The size of a change is the share of the total weight moved between criteria (half the sum of the changes in every criterion’s share). It starts from the
        weights of what is analysed: ${this.comparable.name}.
      </p>
      ${
        this.edited && this.query !== null
          ? html`<p class="note warning" role="status">
            The answer below is still for ${this.input.issues.find((i) => i.id === this.query!.issueId)?.label ?? 'the issue asked about'} into the top ${this.query.targetRank}:
            press “Find the smallest change” to answer the question as it now stands.
          </p>`
          : nothing
      }
      ${this.answer.render({
        pending: () => html`<p class="muted" role="status">Searching…</p>`,
        complete: (a) => (a === null ? nothing : this.result(a)),
        error: (e) => html`<p class="note error" role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
      })}
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <p role="status" class="muted">${this.done}</p>
    `;
  }

  private result(a: InverseAnswer) {
    const words = [...inverseWords(a, this.labels, this.query?.constrained ?? false)];
    if (!a.alreadyThere && a.targetRank === 1) words.push(onlyIfWords(a, this.labels));
    const base = this.comparable.scenario.weights;
    const single = a.bestSingle?.weight == null ? null : { ...base, [a.bestSingle.criterionId]: a.bestSingle.weight };
    const all = a.allWeights === null ? null : { ...base, ...a.allWeights.weights };
    const issue = own(this.labels.issues, a.issueId) ?? a.issueId;
    return html`
      <div class="words" data-testid="inverse-words">${words.map((w) => html`<p>${w}</p>`)}</div>
      ${a.alreadyThere ? nothing : html`<csp-inverse-table .answer=${a} .labels=${this.labels} .weights=${base}></csp-inverse-table>`}
      ${single === null ? nothing : this.actions('one-weight', single, `${issue} into the top ${a.targetRank}: one weight`)}
      ${all === null ? nothing : this.actions('all-weights', all, `${issue} into the top ${a.targetRank}: all weights`)}
    `;
  }

  private actions(kind: 'one-weight' | 'all-weights', weights: Weights, name: string) {
    const s = this.comparable.scenario;
    const weightsOnly = Object.keys(s.scoreOverrides).length === 0 && s.aggregation === null;
    return html`<div class="row">
      <button
        type="button"
        class="secondary"
        ?disabled=${!weightsOnly}
        title=${weightsOnly ? '' : 'This scenario also changes scores or totals: save it as a scenario instead'}
        @click=${() =>
          // Draft weights are what-if state, outside undo (as when a weight is dragged); "Reset to baseline" on the Priorities page goes back.
          this.edit(
            (x) => tryWeights(x, weights),
            `Try the ${kind} change as the draft weights`,
            'The draft weights are now these: see the Priorities page (Reset to baseline there puts the baseline back).',
            'live',
          )}
      >
        Try the ${kind} change as the draft weights
      </button>
      <button
        type="button"
        class="secondary"
        @click=${() =>
          this.edit(
            (x) =>
              addScenario(
                x,
                { name, description: `From “what would it take”, starting from ${this.comparable.name}.`, weights, scoreOverrides: s.scoreOverrides, aggregation: s.aggregation },
                Date.now(),
              ),
            `Save scenario “${name}”`,
            `Saved “${name}”.`,
          )}
      >
        Save the ${kind} change as a scenario
      </button>
    </div>`;
  }

  private edit(apply: (a: StoredAssessment) => StoredAssessment, label: string, done: string, mode: EditMode = 'step') {
    this.error = requestEdit(this, apply, label, mode) ?? '';
    this.done = this.error === '' ? done : '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-what-would-it-take': WhatWouldItTake;
  }
}
