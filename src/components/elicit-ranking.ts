import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { RANKING_METHODS, type RankingMethod, weightsFromOrder } from '../../models/elicitation/ranking';
import { ElicitedEvent, type ElicitCriterion } from './elicit-events';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

/**
 * Ranking: put the criteria in order of importance with Up and Down buttons
 * (keyboard: Tab to a button, Enter or Space); the order gives rank-order
 * centroid weights (or rank-sum weights).
 *
 * @fires elicited
 */
@customElement('csp-elicit-ranking')
export class ElicitRanking extends LitElement {
  static override styles = [baseStyles, formStyles];

  /** The criteria that carry weight, in the assessment's order. */
  @property({ attribute: false }) criteria: ElicitCriterion[] = [];
  @state() private order: string[] = [];
  @state() private variant: RankingMethod = 'roc';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('criteria')) {
      const ids = this.criteria.map((c) => c.id);
      const kept = this.order.filter((id) => ids.includes(id));
      const next = [...kept, ...ids.filter((id) => !kept.includes(id))];
      if (next.join('\u0000') !== this.order.join('\u0000')) this.order = next;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('order') || changed.has('variant')) this.emit();
  }

  private emit() {
    if (this.order.length === 0) return this.dispatchEvent(new ElicitedEvent(null));
    this.dispatchEvent(new ElicitedEvent({ shares: weightsFromOrder(this.order, this.variant), provenance: { method: 'ranking', variant: this.variant, order: [...this.order], date: Date.now() } }));
  }

  private move(k: number, by: number) {
    const next = [...this.order];
    const [id] = next.splice(k, 1);
    next.splice(k + by, 0, id!);
    this.order = next;
    // Keep focus on the moved criterion's same button, so repeated presses keep moving it.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[data-move="${id}:${by}"]`)?.focus());
  }

  override render() {
    const label = (id: string) => this.criteria.find((c) => c.id === id)?.label ?? id;
    return html`
      <p class="words">
        Put the criteria in order, most important first. Each criterion then weighs more than the next: rank-order centroid weights are the middle of every
        weighting that keeps this order; rank-sum weights fall in equal steps.
      </p>
      <label
        >Weights from the order
        <select @change=${(e: Event) => (this.variant = (e.target as HTMLSelectElement).value as RankingMethod)}>
          ${Object.entries(RANKING_METHODS).map(([k, v]) => html`<option value=${k} ?selected=${k === this.variant}>${v}</option>`)}
        </select>
      </label>
      <ol aria-label="Criteria, most important first">
        ${this.order.map(
          (id, k) => html`<li>
            ${label(id)}
            <button type="button" class="secondary" data-move="${id}:-1" aria-label="Move ${label(id)} up" ?disabled=${k === 0} @click=${() => this.move(k, -1)}>↑</button>
            <button type="button" class="secondary" data-move="${id}:1" aria-label="Move ${label(id)} down" ?disabled=${k === this.order.length - 1} @click=${() => this.move(k, 1)}>↓</button>
          </li>`,
        )}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-elicit-ranking': ElicitRanking;
  }
}
