import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { updateSensitivitySettings } from '../../models/sensitivity/settings';
import { requestEdit } from '../app/assessment-edit';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

/**
 * A stated importance order, built without dragging: pick criteria one after
 * another ("Add to the order"), move them up or down with buttons, remove them.
 * Each criterion listed weighs at least as much as the next. Kept with the
 * assessment's sensitivity settings.
 */
@customElement('csp-importance-order')
export class ImportanceOrder extends LitElement {
  static override styles = [baseStyles, formStyles];

  /** The criteria that carry weight here: id and label. */
  @property({ attribute: false }) criteria: { id: string; label: string }[] = [];
  /** The stated order, most important first (ids; may name criteria not weighted here, which are shown as such). */
  @property({ attribute: false }) order: string[] = [];

  private set(order: string[], label: string) {
    requestEdit(this, (a) => updateSensitivitySettings(a, { constraints: { ...a.sensitivity?.constraints, order } }), label, 'live');
  }

  private move(k: number, by: number) {
    const next = [...this.order];
    const [id] = next.splice(k, 1);
    next.splice(k + by, 0, id!);
    this.set(next, 'Importance order');
  }

  private add(e: Event) {
    e.preventDefault();
    const id = String(new FormData(e.target as HTMLFormElement).get('criterion') ?? '');
    if (id !== '' && !this.order.includes(id)) this.set([...this.order, id], 'Importance order');
  }

  override render() {
    const label = (id: string) => this.criteria.find((c) => c.id === id)?.label;
    const left = this.criteria.filter((c) => !this.order.includes(c.id));
    return html`
      <fieldset>
        <legend>Importance order (optional)</legend>
        <p class="muted">Each criterion listed weighs at least as much as the next; criteria not listed may weigh anything.</p>
        ${
          this.order.length === 0
            ? html`<p class="muted">No order stated.</p>`
            : html`<ol aria-label="Importance order, most important first">
              ${this.order.map((id, k) => {
                const name = label(id) ?? `${id} (carries no weight here; ignored)`;
                return html`<li>
                  ${name}
                  <button type="button" class="secondary" aria-label="Move ${name} up" ?disabled=${k === 0} @click=${() => this.move(k, -1)}>↑</button>
                  <button type="button" class="secondary" aria-label="Move ${name} down" ?disabled=${k === this.order.length - 1} @click=${() => this.move(k, 1)}>↓</button>
                  <button type="button" class="secondary" aria-label="Remove ${name} from the order" @click=${() =>
                    this.set(
                      this.order.filter((x) => x !== id),
                      'Importance order',
                    )}>Remove</button>
                </li>`;
              })}
            </ol>`
        }
        <form @submit=${this.add} aria-label="Add a criterion to the importance order">
          ${
            left.length === 0
              ? nothing
              : html`<span class="field"><label for="pick-add-to-the-order">Add to the order</label>
                  <select id="pick-add-to-the-order" name="criterion">
                    ${left.map((c) => html`<option value=${c.id}>${c.label}</option>`)}
                  </select></span
                >
                <button type="submit" class="secondary">Add</button>`
          }
          ${this.order.length === 0 ? nothing : html`<button type="button" class="secondary" @click=${() => this.set([], 'Importance order')}>Clear the order</button>`}
        </form>
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-importance-order': ImportanceOrder;
  }
}
