import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatPercent } from '../../models/format';
import type { SmaaResult } from '../../models/sensitivity/smaa';
import { meanRanks, orderByMeanRank, rankAcceptability, topNShare } from '../../models/sensitivity/summary';
import { baseStyles } from './styles';

/**
 * The "Rank acceptability" table of a SMAA run: for each issue, the share of
 * plausible weightings in which it takes each rank, and in which it is in the
 * top N (N is the page's "Top N"; changing it needs no new run). Rows run
 * from the best mean rank.
 *
 * @example <csp-rank-acceptability .result=${outcome.result} .topN=${5}></csp-rank-acceptability>
 */
@customElement('csp-rank-acceptability')
export class RankAcceptability extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      td.share {
        text-align: right;
        white-space: nowrap;
      }
      th.rank {
        text-align: right;
      }
      .note {
        color: var(--muted, #555);
        font-size: 0.85rem;
      }
    `,
  ];

  /** The SMAA result to show (null shows nothing). */
  @property({ attribute: false }) result: SmaaResult | null = null;
  /** Issue labels by id, when the page's labels differ from those in the result. */
  @property({ attribute: false }) labels: Readonly<Record<string, string>> | null = null;
  /** N for the "In top N" column. */
  @property({ type: Number, attribute: 'top-n' }) topN = 5;

  override render() {
    const r = this.result;
    if (r === null) return nothing;
    const acc = rankAcceptability(r);
    const top = topNShare(r, this.topN);
    const mean = meanRanks(r);
    const label = (i: number) => this.labels?.[r.issueIds[i]!] ?? r.issueLabels[i]!;
    const cell = (share: number, count: number) => html`<td class="share" style=${shade(share)} title=${`${formatCount(count)} of ${formatCount(r.samples)} samples`}>${short(share)}</td>`;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Rank acceptability</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col" class="rank">In top ${this.topN}</th>
              <th scope="col" class="rank">Mean rank</th>
              ${acc.map((_, k) => html`<th scope="col" class="rank">${k + 1}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${orderByMeanRank(r).map(
              (i) => html`<tr>
                <th scope="row">${label(i)}</th>
                <td class="share">${formatPercent(top[i]!)}</td>
                <td class="share">${mean[i]!.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
                ${acc[i]!.map((share, k) => cell(share, r.rankCounts[i]![k]!))}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">
        Share of ${formatCount(r.samples)} plausible weightings (seed ${r.seed}) in which each issue takes each rank. Tied issues share the better
        rank, as "=2" does in the ranking.
      </p>
    `;
  }
}

/** Whole percentages; "<1%" for a share that is not zero but rounds to it. */
function short(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.005) return '<1%';
  return formatPercent(share, 0);
}

/** A blue wash that deepens with the share, with white text on the darkest cells. */
function shade(share: number): string {
  return `background: rgba(20, 50, 92, ${(share * 0.85).toFixed(3)}); color: ${share > 0.45 ? 'white' : 'inherit'}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-rank-acceptability': RankAcceptability;
  }
}
