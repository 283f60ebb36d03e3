import { LitElement, html } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatPercent } from '../../models/format';
import type { SmaaResult } from '../../models/sensitivity/smaa';
import { orderByMeanRank, rankAcceptability } from '../../models/sensitivity/summary';
import type { Labels } from '../../models/sensitivity/weight-words';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * Central weights: for each issue that ranks first in some plausible
 * weighting, the average share of each criterion's weight over those
 * weightings: the typical weighting that makes it first.
 */
@customElement('csp-central-weights')
export class CentralWeights extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) result!: SmaaResult;
  @property({ attribute: false }) labels!: Labels;

  override render() {
    const r = this.result;
    const first = rankAcceptability(r).map((row) => row[0]!);
    const rows = orderByMeanRank(r).filter((i) => r.centralWeights[i] !== null);
    return html`<div class="scroll" ${scrollRegion()}>
      <table>
        <caption>
          Central weights (average share of each weight when the issue ranks first)
        </caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col" class="num">First in</th>
            ${r.criterionIds.map((id, j) => html`<th scope="col" class="num">${own(this.labels.criteria, id) ?? r.criterionLabels[j]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (i) => html`<tr>
              <th scope="row">${this.labels.issues[r.issueIds[i]!] ?? r.issueLabels[i]}</th>
              <td class="num">${formatPercent(first[i]!)}</td>
              ${r.centralWeights[i]!.map((w) => html`<td class="num">${formatPercent(w)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="muted">Issues that never rank first have no central weights. An even split would give each criterion ${formatPercent(1 / Math.max(1, r.criterionIds.length))}.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-central-weights': CentralWeights;
  }
}
