import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../../models/format';
import type { RowProblem } from '../../models/row-problem';
import { baseStyles } from './styles';

/** Rows shown; the count says how many more there are. */
const SHOWN = 50;

/** A checked file's rejected rows: line, column, reason and value of each. */
@customElement('csp-row-problems')
export class RowProblems extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) problems: readonly RowProblem[] = [];
  @property() caption = 'Rejected rows';

  override render() {
    const n = this.problems.length;
    if (n === 0) return nothing;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>${this.caption}${n > SHOWN ? ` (first ${SHOWN} of ${formatCount(n)})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            ${this.problems.slice(0, SHOWN).map(
              (p) => html`<tr>
                <td class="num">${p.line}</td>
                <td>${p.column}</td>
                <td>${p.reason}</td>
                <td><code>${p.value}</code></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-row-problems': RowProblems;
  }
}
