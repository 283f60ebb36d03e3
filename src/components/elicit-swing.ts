import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { swingWeights } from '../../models/elicitation/swing';
import { ElicitedEvent, type ElicitCriterion } from './elicit-events';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

/**
 * Swing weighting: pick the criterion whose swing from its worst to its best
 * score matters most (100 points), then rate every other swing against it.
 *
 * @fires elicited
 */
@customElement('csp-elicit-swing')
export class ElicitSwing extends LitElement {
  static override styles = [baseStyles, formStyles];

  /** The criteria that carry weight, in the assessment's order. */
  @property({ attribute: false }) criteria: ElicitCriterion[] = [];
  @state() private top = '';
  /** Points by criterion id (a Map: ids are never object keys). */
  @state() private points = new Map<string, number>();
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('criteria') && !this.criteria.some((c) => c.id === this.top)) this.top = this.criteria[0]?.id ?? '';
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('top') || changed.has('points')) this.emit();
  }

  private emit() {
    const rated: [string, number][] = this.criteria.map((c) => [c.id, c.id === this.top ? 100 : (this.points.get(c.id) ?? 50)]);
    try {
      this.dispatchEvent(new ElicitedEvent({ shares: swingWeights(rated), provenance: { method: 'swing', points: rated, date: Date.now() } }));
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.dispatchEvent(new ElicitedEvent(null));
    }
  }

  private rate(id: string, input: HTMLInputElement) {
    const v = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(v) || v < 0 || v > 100) {
      this.error = `Rate each swing from 0 to 100 (not “${input.value}”).`;
      return;
    }
    this.error = '';
    this.points = new Map(this.points).set(id, v);
  }

  override render() {
    return html`
      <p class="words">
        Think of each criterion moving from its worst score to its best. Which of those swings would matter most to the partnership? It is worth 100 points.
        Then say how much each other swing is worth against it: 50 means half as much, 0 means it does not matter.
      </p>
      <label
        >Most important swing (100 points)
        <select @change=${(e: Event) => (this.top = (e.target as HTMLSelectElement).value)}>
          ${this.criteria.map((c) => html`<option value=${c.id} ?selected=${c.id === this.top}>${c.label}</option>`)}
        </select>
      </label>
      <div class="row">
        ${this.criteria
          .filter((c) => c.id !== this.top)
          .map(
            (c) => html`<label
              >${c.label} (points)
              <input type="number" min="0" max="100" step="5" .value=${String(this.points.get(c.id) ?? 50)} @change=${(e: Event) => this.rate(c.id, e.target as HTMLInputElement)} />
            </label>`,
          )}
      </div>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-elicit-swing': ElicitSwing;
  }
}
