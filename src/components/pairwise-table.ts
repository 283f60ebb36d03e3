import { LitElement, html } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatPercent } from '../../models/format';
import type { SmaaResult } from '../../models/sensitivity/smaa';
import { orderByMeanRank, pairwiseShares } from '../../models/sensitivity/summary';
import { baseStyles } from './styles';

/**
 * "Ranks above": for the leading issues by mean rank, the share of plausible
 * weightings in which the row issue ranks strictly above the column issue
 * (ties count for neither). The table behind the pairwise chart.
 */
@customElement('csp-pairwise-table')
export class PairwiseTable extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) result!: SmaaResult;
  @property({ attribute: false }) labels: Readonly<Record<string, string>> = {};
  /** How many leading issues to show. */
  @property({ type: Number }) limit = 15;

  override render() {
    const r = this.result;
    const order = orderByMeanRank(r).slice(0, this.limit);
    const pw = pairwiseShares(r);
    const name = (i: number) => this.labels[r.issueIds[i]!] ?? r.issueLabels[i]!;
    return html`<div class="scroll" ${scrollRegion()}>
      <table>
        <caption>
          Ranks above (row above column, share of plausible weightings)
        </caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            ${order.map((k) => html`<th scope="col" class="num">${name(k)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${order.map(
            (i) => html`<tr>
              <th scope="row">${name(i)}</th>
              ${order.map((k) => html`<td class="num">${i === k ? '–' : formatPercent(pw[i]![k]!)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-pairwise-table': PairwiseTable;
  }
}
