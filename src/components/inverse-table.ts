import { LitElement, html } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import type { Weights } from '../../models/risk-matrix/schema';
import type { InverseAnswer } from '../../models/sensitivity/inverse';
import type { Labels } from '../../models/sensitivity/weight-words';
import { placeWords, share, weightWords } from '../../models/sensitivity/words';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * An answer to "what would it take" as tables: each weight now, after the
 * least one-weight change and after the least all-weights change, with the
 * issue's resulting rank; and every criterion's own one-weight answer.
 */
@customElement('csp-inverse-table')
export class InverseTable extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) answer!: InverseAnswer;
  @property({ attribute: false }) labels!: Labels;
  /** The raw weights the answer starts from. */
  @property({ attribute: false }) weights: Weights = {};

  override render() {
    const a = this.answer;
    const single = a.bestSingle;
    const all = a.allWeights;
    const issue = own(this.labels.issues, a.issueId) ?? a.issueId;
    const crit = (id: string, fallback: string) => own(this.labels.criteria, id) ?? fallback;
    return html`<div class="scroll" ${scrollRegion()}>
        <table>
          <caption>
            Smallest change to the weights: ${issue} into the top ${a.targetRank}
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" class="num">Weight now</th>
              <th scope="col" class="num">Share now</th>
              <th scope="col" class="num">One weight changed</th>
              <th scope="col" class="num">All weights changed</th>
            </tr>
          </thead>
          <tbody>
            ${a.singleWeight.map(
              (s) => html`<tr>
                <th scope="row">${crit(s.criterionId, s.label)}</th>
                <td class="num">${weightWords(own(this.weights, s.criterionId) ?? 0)}</td>
                <td class="num">${share(s.currentShare)}</td>
                <td class="num">${single === null ? 'not possible' : s.criterionId === single.criterionId ? `${weightWords(single.weight!)} (${share(single.share!)})` : 'unchanged'}</td>
                <td class="num">${all === null ? 'not possible' : `${weightWords(all.weights[s.criterionId]!)} (${share(all.shares[s.criterionId]!)})`}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Rank of ${issue}</th>
              <td class="num" colspan="2">${placeWords(a.rankNow, a.tiedNow)}</td>
              <td class="num">${single === null ? '–' : placeWords(single.rank!, single.tied)}</td>
              <td class="num">${all === null ? '–' : placeWords(all.rank, all.tied)}</td>
            </tr>
            <tr>
              <th scope="row">Weight moved</th>
              <td class="num" colspan="2"></td>
              <td class="num">${single === null ? '–' : share(Math.abs(single.shareChange!))}</td>
              <td class="num">${all === null ? '–' : share(all.weightMoved)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <details>
        <summary>Each weight on its own</summary>
        <table>
          <caption>
            One weight at a time (the others held)
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" class="num">Weight needed</th>
              <th scope="col" class="num">Share needed</th>
              <th scope="col" class="num">Rank there</th>
              <th scope="col">Shares that work</th>
            </tr>
          </thead>
          <tbody>
            ${a.singleWeight.map(
              (s) => html`<tr>
                <th scope="row">${crit(s.criterionId, s.label)}</th>
                <td class="num">${s.weight === null ? 'not possible' : weightWords(s.weight)}</td>
                <td class="num">${s.share === null ? '–' : share(s.share)}</td>
                <td class="num">${s.rank === null ? '–' : placeWords(s.rank, s.tied)}</td>
                <td>${s.shareRanges.map((r) => `${share(r.from)} to ${share(r.to)}`).join('; ') || 'none'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-inverse-table': InverseTable;
  }
}
