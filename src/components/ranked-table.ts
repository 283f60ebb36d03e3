import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import { formatScore } from '../../models/risk-matrix/explain';
import { movementText, type Movement } from '../../models/risk-matrix/movement';
import type { RankedIssue } from '../../models/risk-matrix/score';
import type { RiskModel, ScoreGrid } from '../../models/risk-matrix/schema';
import { baseStyles } from './styles';
import { own } from '../../models/own';
import { findRow, pageAt } from '../app/paging';
import type { PageChange } from './pager';
import './pager';

/** Issues a page of the ranked table holds; a ranking that fits is shown whole, as before paging. */
export const RANKED_PAGE = 100;

/**
 * The ranking as a table captioned "Ranked priorities": rank (ties as "=2"),
 * movement against the baseline, issue, total and each criterion's score,
 * with the cut line drawn under the top N.
 *
 * Row n always shows the nth issue: while weights are dragged only text
 * changes, with no rows moved, which measured cheapest (npm run bench:matrix).
 * Over 100 issues the table is paged (3,000 issues × 200 criteria drawn at
 * once blocked the page).
 */
@customElement('csp-ranked-table')
export class RankedTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      /* Fixed layout (which needs a set width): a changed total re-lays out its cell, not every column of every row. */
      table {
        table-layout: fixed;
      }
      col.rank {
        width: 3.5rem;
      }
      col.change {
        width: 5.5rem;
      }
      col.issue {
        width: 13rem;
      }
      col.total {
        width: 4rem;
      }
      col.crit {
        width: 7rem;
      }
      tbody th[scope='row'] {
        white-space: normal;
      }
      tbody.below.cut tr:first-child > * {
        border-top: 3px dashed var(--danger, #a4262c);
      }
      tbody.below {
        color: var(--ink-2, #5a6573);
      }
      .up {
        color: #1e6b32;
        font-weight: 600;
      }
      .down {
        color: var(--danger, #a4262c);
        font-weight: 600;
      }
      th.crit {
        white-space: normal;
        font-size: 0.8rem;
        text-align: right;
        overflow-wrap: break-word;
        padding-left: 0.3rem;
        padding-right: 0.3rem;
      }
      th.crit .w {
        display: block;
        font-weight: 400;
        color: var(--ink-2, #5a6573);
      }
      td.total {
        font-weight: 700;
      }
      td.unscored {
        background: #fff7e0;
      }
    `,
  ];

  @property({ attribute: false }) model!: RiskModel;
  @property({ attribute: false }) scores!: ScoreGrid;
  @property({ attribute: false }) ranked: RankedIssue[] = [];
  @property({ attribute: false }) moves = new Map<string, Movement>();
  /** Weights in force, by criterion id (shown in the headings when not 1). */
  @property({ attribute: false }) weights: Record<string, number> = {};
  @property({ type: Number }) cutLine = 0;
  /** The first issue of the page shown. */
  @state() private offset = 0;

  private turn(e: CustomEvent<PageChange>) {
    this.offset = e.detail.offset;
    const found = e.detail.found;
    if (found !== undefined) void this.updateComplete.then(() => this.renderRoot.querySelector(`tr[data-row="${found}"] > th`)?.scrollIntoView({ block: 'center' }));
  }

  private row(r: RankedIssue, k: number) {
    const m = this.moves.get(r.issueId) ?? { kind: 'same' };
    const t = movementText(m);
    const row = own(this.scores, r.issueId) ?? {};
    return html`<tr data-row=${k}>
      <td class="num">${r.rankLabel}</td>
      <td class="num ${m.kind}"><span aria-hidden="true">${t.symbol}</span> <span class="visually-hidden">${t.words}</span></td>
      <th scope="row">${r.label}</th>
      <td class="num total">${formatScore(r.total)}</td>
      ${this.model.criteria.map((c) => {
        const v = own(row, c.id)?.value ?? null;
        return v === null ? html`<td class="num unscored" title="Not scored">–</td>` : html`<td class="num">${v}</td>`;
      })}
    </tr>`;
  }

  override render() {
    const n = this.cutLine > 0 && this.cutLine < this.ranked.length ? this.cutLine : this.ranked.length;
    const w = pageAt(this.ranked.length, this.offset, RANKED_PAGE);
    // Rows of the page above and below the cut line, by their place in the whole ranking.
    const above = this.ranked.slice(w.offset, Math.max(w.offset, Math.min(n, w.end)));
    const from = Math.max(n, w.offset);
    const below = this.ranked.slice(from, w.end);
    const labels = this.ranked.map((r) => r.label);
    return html`
      <csp-pager .window=${w} label="Ranked priorities" noun="issue" .find=${(text: string, at: number) => findRow(labels, text, at)} @page-change=${this.turn}></csp-pager>
      <div class="scroll" ${scrollRegion()}>
        <table style="width: ${26 + 7 * this.model.criteria.length}rem">
          <caption>Ranked priorities</caption>
          <colgroup>
            <col class="rank" />
            <col class="change" />
            <col class="issue" />
            <col class="total" />
            ${this.model.criteria.map(() => html`<col class="crit" />`)}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" class="num">Rank</th>
              <th scope="col" class="num">Change</th>
              <th scope="col">Issue</th>
              <th scope="col" class="num">Total</th>
              ${this.model.criteria.map((c) => {
                const w = own(this.weights, c.id);
                return html`<th scope="col" class="crit">
                  ${c.label}${w !== undefined && w !== 1 ? html`<span class="w">× ${formatScore(w)}</span>` : nothing}
                </th>`;
              })}
            </tr>
          </thead>
          <tbody class="above">
            ${above.map((r, k) => this.row(r, w.offset + k))}
          </tbody>
          ${below.length === 0 ? nothing : html`<tbody class="below ${above.length > 0 ? 'cut' : ''}">${below.map((r, k) => this.row(r, from + k))}</tbody>`}
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-ranked-table': RankedTable;
  }
}
