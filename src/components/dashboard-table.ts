import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { dashboardPeriods, factorText, type Dashboard, type DashboardRow } from '../../models/dashboard/dashboard';
import { MONTH_STATUS_WORDS } from '../../models/dashboard/exceptions';
import { RAG_LABELS } from '../../models/dashboard/rag';
import { formatCount, formatMonth, formatRate } from '../../models/format';
import type { PeerComparison } from '../../models/peers/peers';
import { baseStyles } from './styles';
import { trendWords } from '../../models/stats/trend';
import { rateBasis } from '../../models/evidence/population';

/**
 * The performance dashboard table, laid out like the Barnet overview
 * dashboard: RAG with its positive and negative factors, the latest quarter
 * and the rolling 12 months with their changes, the rate per 1,000 and the
 * last three months' exceptions.
 */
@customElement('csp-dashboard-table')
export class DashboardTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .rag {
        display: inline-block;
        min-width: 4.2rem;
        text-align: center;
        padding: 0.1rem 0.4rem;
        border-radius: 3px;
        font-weight: 600;
        border: 1px solid transparent;
      }
      .rag.green {
        background: #d8eedc;
        color: #1e5b2b;
        border-color: #1e6b32;
      }
      .rag.amber {
        background: #fdebc8;
        color: #6b4300;
        border-color: #b35c00;
      }
      .rag.red {
        background: #f6d5d6;
        color: #7b1c20;
        border-color: #a4262c;
      }
      .rag.neutral,
      .rag.none {
        background: #eef0f3;
        color: #5a6573;
      }
      ul.factors {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.82rem;
        min-width: 13rem;
      }
      ul.factors li::before {
        display: inline-block;
        width: 1rem;
        font-weight: 700;
      }
      li.positive::before {
        content: '+';
        color: #1e6b32;
      }
      li.negative::before {
        content: '−';
        color: #a4262c;
      }
      li.neutral::before {
        content: '○';
        color: #5a6573;
      }
      li.amber::before {
        content: '±';
        color: #b35c00;
      }
      .words {
        display: block;
        font-size: 0.78rem;
        color: var(--ink-2, #5a6573);
      }
      td.month {
        text-align: center;
      }
      .high {
        color: #a4262c;
        font-weight: 700;
      }
      .low {
        color: #1d4f91;
        font-weight: 700;
      }
      thead th {
        white-space: normal;
        vertical-align: bottom;
      }
      tbody tr {
        break-inside: avoid;
      }
    `,
  ];

  @property({ attribute: false }) dashboard!: Dashboard;
  /** The peer comparison for the Peer rank column (null: not worked out). */
  @property({ attribute: false }) peers: PeerComparison | null = null;

  private peerRank(issueId: string) {
    const p = this.peers?.issues.find((i) => i.issueId === issueId);
    if (p === undefined || p.rank === null) return '—';
    return html`${p.rank.text}${p.groupRank === null ? nothing : html`<span class="words">peer group: ${p.groupRank.text}</span>`}`;
  }

  /** One issue's row; `basis` is what the heading says rates are per, so only a row on another basis (burglary per household) names its own. */
  private row(r: DashboardRow, basis: string | null) {
    const rated = r.indicators.filter((i) => i.rating !== 'not-rated');
    return html`<tr>
      <th scope="row">${r.label}</th>
      <td><span class="rag ${r.rag.rag}" title=${r.rag.words}>${RAG_LABELS[r.rag.rag]}</span></td>
      <td>
        ${
          rated.length === 0
            ? html`<span class="words">${r.rag.words}</span>`
            : html`<ul class="factors">
              ${rated.map(
                (i) =>
                  html`<li class=${i.rating} title="${i.label}: ${i.value} (${i.reason})">
                    <span class="visually-hidden">${i.rating === 'positive' ? 'Positive' : i.rating === 'negative' ? 'Negative' : i.rating === 'neutral' ? 'Neutral' : 'Between target thresholds'}:</span> ${factorText(i, r)}
                  </li>`,
              )}
            </ul>`
        }
      </td>
      <td class="num">${r.quarter.current === null ? '—' : formatCount(r.quarter.current)}</td>
      <td class="num">${r.quarter.change?.text ?? 'No comparison'}<span class="words">${r.quarter.change?.words ?? ''}</span></td>
      <td class="num">${r.rolling.current === null ? '—' : formatCount(r.rolling.current)}</td>
      <td class="num">${r.rolling.change?.text ?? 'No comparison'}<span class="words">${r.rolling.change?.words ?? ''}</span></td>
      <td class="num">${r.ratePer1000 === null ? '—' : formatRate(r.ratePer1000)}${r.ratePer1000 !== null && r.rateBasis && r.rateBasis !== basis ? html` <span class="words">${r.rateBasis}</span>` : nothing}</td>
      <td class="num">${this.peerRank(r.issueId)}</td>
      <td>${r.trend === null || r.trend === undefined ? '—' : trendWords(r.trend)}</td>
      ${r.recent.map((m) => {
        const w = MONTH_STATUS_WORDS[m.status];
        return html`<td class="month ${m.status}" title=${m.count === null ? w.words : `${formatCount(m.count)}: ${w.words}`}>
          <span aria-hidden="true">${w.symbol}</span><span class="visually-hidden">${w.words}</span>
        </td>`;
      })}
    </tr>`;
  }

  override render() {
    const d = this.dashboard;
    const rows = d.rows.filter((r) => r.hasData);
    const none = d.rows.filter((r) => !r.hasData);
    const recent = d.quarter?.current.months ?? [];
    const periods = dashboardPeriods(d);
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>
            Performance dashboard
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">RAG</th>
              <th scope="col">Positive and negative factors</th>
              <th scope="col" class="num">${periods.quarterHeading}</th>
              <th scope="col" class="num">Change on a year earlier</th>
              <th scope="col" class="num">${periods.yearHeading}</th>
              <th scope="col" class="num">${periods.yearChangeHeading}</th>
              <th scope="col" class="num">Rate per 1,000${d.population === null ? nothing : html` <span class="words">${rateBasis(d.population).replace(/^per 1,000 /, '')}</span>`}</th>
              <th scope="col" class="num">Peer rank</th>
              <th scope="col">Long-run trend (a year)</th>
              ${recent.map((m) => html`<th scope="col" class="num">${formatMonth(m)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => this.row(r, d.population === null ? null : rateBasis(d.population)))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        ${d.rolling?.current.name === undefined ? 'Latest quarter' : 'Quarter'}: ${periods.quarter}. ${d.rolling?.current.name === undefined ? 'Rolling 12 months' : 'Year'}: ${periods.rolling}. Monthly exceptions: ▲ unusually high, ▼ unusually low, ● within the usual range, – not judged.
        Long-run trend: the annual rate of change over every stored month after allowing for the season, with its 95% interval (“no clear trend” when the interval spans no change).
        ${d.notes
          .filter((n) => n.id === 'change-test' || n.id === 'fdr')
          .map((n) => n.text)
          .join(' ')}
        ${d.population === null ? '' : `Rates ${rateBasis(d.population)} (${d.population.source}: ${formatCount(d.population.total)} residents${d.population.households ? `; burglary ${rateBasis(d.population, true)}: ${formatCount(d.population.households.total)} households` : ''})${d.population.caveat ? `; ${d.population.caveat}` : ''}.`}
      </p>
      ${none.length === 0 ? nothing : html`<p class="muted">No data for ${none.map((r) => r.label).join(', ')} (local counts go in on the Evidence page).</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-dashboard-table': DashboardTable;
  }
}
