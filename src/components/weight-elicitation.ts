import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { elicitedSetId, saveElicited, tryElicited, useOrderForSmaa } from '../../models/elicitation/apply';
import { provenanceWords } from '../../models/elicitation/words';
import { formatPercent } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore, weightedCriteria } from '../../models/risk-matrix/explain';
import { requestEdit } from '../app/assessment-edit';
import type { ElicitCriterion, Elicited, ElicitedEvent } from './elicit-events';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import './elicit-ranking';
import './elicit-swing';
import './elicit-pairwise';

const METHODS = {
  ranking: 'Ranking: put the criteria in order',
  swing: 'Swing weighting: rate each swing against the most important',
  pairwise: 'Pairwise comparison: compare two criteria at a time',
} as const;
type Method = keyof typeof METHODS;

/**
 * Guided weight elicitation: ranking, swing weighting or pairwise comparison
 * turn the partnership's answers into weights, which can be tried as the
 * draft weights, kept as a named weight set with how they were agreed, or
 * sent to the Sensitivity page. A ranking can also become SMAA's importance order.
 */
@customElement('csp-weight-elicitation')
export class WeightElicitation extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      .methods label {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @state() private method: Method = 'ranking';
  @state() private result: Elicited | null = null;
  @state() private error = '';
  @state() private done = '';
  /** The weighted criteria, rebuilt only when the model changes (the methods recompute when handed a new list). */
  private criteria: { model: Assessment['model'] | undefined; list: ElicitCriterion[] } = { model: undefined, list: [] };

  private criteriaOf(model: Assessment['model']): ElicitCriterion[] {
    if (this.criteria.model !== model) this.criteria = { model, list: weightedCriteria(model).map((c) => ({ id: c.id, label: c.label })) };
    return this.criteria.list;
  }

  private edit(apply: (a: Assessment) => Assessment, label: string, done: string): boolean {
    this.error = requestEdit(this, apply, label) ?? '';
    this.done = this.error === '' ? done : '';
    return this.error === '';
  }

  private nameOf(): string {
    return this.renderRoot.querySelector<HTMLInputElement>('input[name="set-name"]')?.value.trim() ?? '';
  }

  private save(open: boolean) {
    const r = this.result;
    if (r === null) return;
    const name = this.nameOf();
    if (name === '') {
      this.error = 'Give the weight set a name first.';
      this.done = '';
      return;
    }
    const id = elicitedSetId(this.assessment, name);
    if (this.edit((a) => saveElicited(a, name, r.shares, { ...r.provenance, date: Date.now() }), `Save elicited weights “${name}”`, `Saved as the weight set “${name}”.`) && open) {
      location.hash = `#/sensitivity?basis=${encodeURIComponent(`set:${id}`)}`;
    }
  }

  override render() {
    const a = this.assessment;
    const criteria = this.criteriaOf(a.model);
    const label = (id: string) => criteria.find((c) => c.id === id)?.label ?? id;
    const r = this.result;
    return html`
      <fieldset class="methods">
        <legend>How to agree the weights</legend>
        ${Object.entries(METHODS).map(
          ([k, v]) =>
            html`<label class="check"><input type="radio" name="method" value=${k} .checked=${k === this.method} @change=${() => ((this.method = k as Method), (this.result = null))} />${v}</label>`,
        )}
      </fieldset>
      <div @elicited=${(e: ElicitedEvent) => (this.result = e.detail)}>
        ${
          this.method === 'ranking'
            ? html`<csp-elicit-ranking .criteria=${criteria}></csp-elicit-ranking>`
            : this.method === 'swing'
              ? html`<csp-elicit-swing .criteria=${criteria}></csp-elicit-swing>`
              : html`<csp-elicit-pairwise .criteria=${criteria}></csp-elicit-pairwise>`
        }
      </div>
      ${
        r === null
          ? nothing
          : html`
            <table>
              <caption>
                Elicited weights
              </caption>
              <thead>
                <tr><th scope="col">Criterion</th><th scope="col">Share of the weight</th><th scope="col">Weight (averaging 1)</th></tr>
              </thead>
              <tbody>
                ${criteria.map(
                  (c) => html`<tr>
                    <th scope="row">${c.label}</th>
                    <td>${formatPercent(r.shares.get(c.id) ?? 0)}</td>
                    <td>${formatScore((r.shares.get(c.id) ?? 0) * criteria.length)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            <p class="muted words">${provenanceWords(r.provenance, label)}</p>
            ${r.warning === undefined ? nothing : html`<p class="note warning">${r.warning}</p>`}
            <div class="row">
              <button type="button" @click=${() => this.edit((x) => tryElicited(x, r.shares), 'Try elicited weights', 'The draft weights are now these; the ranking above follows.')}>Try as draft weights</button>
              ${
                r.provenance.method === 'ranking'
                  ? html`<button type="button" class="secondary" @click=${() => this.edit((x) => useOrderForSmaa(x, r.provenance.method === 'ranking' ? r.provenance.order : []), 'Use as SMAA importance order', 'Rank acceptability (SMAA) will now keep this order of importance.')}>
                    Use as SMAA importance order
                  </button>`
                  : nothing
              }
            </div>
            <form class="row" aria-label="Save the elicited weights" @submit=${(e: Event) => (e.preventDefault(), this.save(false))}>
              <label>Name for the weight set <input name="set-name" autocomplete="off" placeholder="e.g. Board ranking 2025" /></label>
              <button type="submit" class="secondary">Save as weight set</button>
              <button type="button" class="secondary" @click=${() => this.save(true)}>Save and open in Sensitivity</button>
            </form>
          `
      }
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <p role="status" class="muted">${this.done}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-weight-elicitation': WeightElicitation;
  }
}
