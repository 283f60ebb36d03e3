import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatPercent, plural } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore, weightedCriteria } from '../../models/risk-matrix/explain';
import { aggregationWords, type Comparable } from '../../models/sensitivity/basis';
import { provenanceWords } from '../../models/elicitation/words';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * Which weights, scores and total the sensitivity views are using: the
 * comparable's name, what it is, its total, every weight with its share, and
 * anything of it that had to be ignored.
 */
@customElement('csp-basis-summary')
export class BasisSummary extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) assessment!: Assessment;
  @property({ attribute: false }) comparable!: Comparable;

  override render() {
    const a = this.assessment;
    const c = this.comparable;
    const s = c.scenario;
    const model = { ...a.model, aggregation: s.aggregation ?? a.model.aggregation };
    const weighted = weightedCriteria(model);
    const sum = weighted.reduce((t, x) => t + (own(s.weights, x.id) ?? x.weight), 0);
    const overrides = Object.values(s.scoreOverrides).reduce((n, row) => n + Object.keys(row).length, 0);
    const what =
      c.kind === 'draft'
        ? html`the draft weights, as on the <a href="#/priorities">Priorities</a> page`
        : c.kind === 'weight-set'
          ? 'a saved weight set'
          : html`a saved scenario${s.description ? html` (${s.description})` : nothing}`;
    return html`
      <p data-testid="basis">
        Every view below analyses <strong>${c.name}</strong>: ${what}. Totals: ${aggregationWords(model.aggregation.kind)}${s.aggregation === null ? '' : ' (the scenario’s choice)'};
        ${overrides === 0 ? 'the assessed scores' : `the assessed scores with ${plural(overrides, 'score')} overridden`}. Weights:
        ${weighted.map((x, k) => {
          const w = own(s.weights, x.id) ?? x.weight;
          return html`${k > 0 ? '; ' : ''}${x.label} ${formatScore(w)} (${formatPercent(sum > 0 ? w / sum : 0)})`;
        })}.
      </p>
      ${c.notes.map((n) => html`<p class="note warning">${n}</p>`)}
      ${this.provenance()}
    `;
  }

  /** How a weight set was agreed, when it was elicited. */
  private provenance() {
    const c = this.comparable;
    if (c.kind !== 'weight-set') return nothing;
    const set = this.assessment.weightSets.find((w) => `set:${w.id}` === c.key);
    if (set?.provenance === undefined) return nothing;
    const label = (id: string) => this.assessment.model.criteria.find((x) => x.id === id)?.label ?? id;
    return html`<p data-testid="provenance">${provenanceWords(set.provenance, label)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-basis-summary': BasisSummary;
  }
}
