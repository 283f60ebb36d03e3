import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatScore } from '../../models/risk-matrix/explain';
import { movementText, type Movement } from '../../models/risk-matrix/movement';
import type { RankedIssue } from '../../models/risk-matrix/score';
import type { RiskModel, ScoreGrid } from '../../models/risk-matrix/schema';
import { baseStyles } from './styles';

/**
 * The ranking as a table captioned "Ranked priorities": rank (ties as "=2"),
 * movement against the baseline, issue, total and each criterion's score,
 * with the cut line drawn under the top N.
 */
@customElement('csp-ranked-table')
export class RankedTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      tbody.below tr:first-child > * {
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
        max-width: 6.5rem;
        text-align: right;
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

  private row(r: RankedIssue) {
    const m = this.moves.get(r.issueId) ?? { kind: 'same' };
    const t = movementText(m);
    const row = this.scores[r.issueId] ?? {};
    return html`<tr>
      <td class="num">${r.rankLabel}</td>
      <td class="num ${m.kind}"><span aria-hidden="true">${t.symbol}</span> <span class="visually-hidden">${t.words}</span></td>
      <th scope="row">${r.label}</th>
      <td class="num total">${formatScore(r.total)}</td>
      ${this.model.criteria.map((c) => {
        const v = row[c.id]?.value ?? null;
        return v === null ? html`<td class="num unscored" title="Not scored">–</td>` : html`<td class="num">${v}</td>`;
      })}
    </tr>`;
  }

  override render() {
    const n = this.cutLine > 0 && this.cutLine < this.ranked.length ? this.cutLine : this.ranked.length;
    const above = this.ranked.slice(0, n);
    const below = this.ranked.slice(n);
    return html`
      <div class="scroll">
        <table>
          <caption>Ranked priorities</caption>
          <thead>
            <tr>
              <th scope="col" class="num">Rank</th>
              <th scope="col" class="num">Change</th>
              <th scope="col">Issue</th>
              <th scope="col" class="num">Total</th>
              ${this.model.criteria.map(
                (c) => html`<th scope="col" class="crit">
                  ${c.label}${this.weights[c.id] !== undefined && this.weights[c.id] !== 1 ? html`<span class="w">× ${formatScore(this.weights[c.id]!)}</span>` : nothing}
                </th>`,
              )}
            </tr>
          </thead>
          <tbody class="above">
            ${repeat(above, (r) => r.issueId, (r) => this.row(r))}
          </tbody>
          ${below.length === 0 ? nothing : html`<tbody class="below">${repeat(below, (r) => r.issueId, (r) => this.row(r))}</tbody>`}
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
