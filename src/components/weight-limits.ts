import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { updateSensitivitySettings } from '../../models/sensitivity/settings';
import type { WeightConstraints } from '../../models/sensitivity/constraints';
import { requestEdit } from '../app/assessment-edit';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * Limits on each criterion's share of the total weight ("physical harm carries
 * between 10% and 30%"), as percentages. Kept with the assessment's
 * sensitivity settings; an empty box means no limit.
 */
@customElement('csp-weight-limits')
export class WeightLimits extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) criteria: { id: string; label: string }[] = [];
  @property({ attribute: false }) bounds: WeightConstraints['shareBounds'] = {};

  private set(id: string, end: 'min' | 'max', input: HTMLInputElement) {
    const text = input.value.trim();
    const pct = text === '' ? (end === 'min' ? 0 : 100) : Number(text);
    if (!(pct >= 0 && pct <= 100)) return;
    const label = this.criteria.find((c) => c.id === id)?.label ?? id;
    requestEdit(
      this,
      (a) => {
        const bounds = { ...a.sensitivity?.constraints.shareBounds };
        const b = { min: own(bounds, id)?.min ?? 0, max: own(bounds, id)?.max ?? 1, [end]: pct / 100 };
        if (b.min === 0 && b.max === 1) delete bounds[id];
        else bounds[id] = b;
        return updateSensitivitySettings(a, { constraints: { ...a.sensitivity?.constraints, shareBounds: bounds } });
      },
      `Weight limit of ${label}`,
      'live',
    );
  }

  override render() {
    const pct = (x: number | undefined, none: number) => (x === undefined || x === none ? '' : String(Math.round(x * 1000) / 10));
    return html`
      <table>
        <caption>
          Weight limits (share of the total weight, %)
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">At least</th>
            <th scope="col">At most</th>
          </tr>
        </thead>
        <tbody>
          ${this.criteria.map((c) => {
            const b = own(this.bounds, c.id);
            return html`<tr>
              <th scope="row">${c.label}</th>
              <td>
                <input type="number" min="0" max="100" step="1" placeholder="0" aria-label="${c.label}: at least (%)" .value=${pct(b?.min, 0)} @change=${(e: Event) => this.set(c.id, 'min', e.target as HTMLInputElement)} />
              </td>
              <td>
                <input type="number" min="0" max="100" step="1" placeholder="100" aria-label="${c.label}: at most (%)" .value=${pct(b?.max, 1)} @change=${(e: Event) => this.set(c.id, 'max', e.target as HTMLInputElement)} />
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-weight-limits': WeightLimits;
  }
}
