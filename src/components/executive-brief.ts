import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PRIORITY_HEAD as HEAD, type ExecutiveBrief } from '../../models/report/brief';
import { setRecommendation, type Recommendation } from '../../models/report/brief-details';
import { requestEdit } from '../app/assessment-edit';
import { baseStyles } from './styles';
import type * as Plot from '@observablehq/plot';
import type { ChartRef } from '../../models/report/document';
import './chart-figure';

/** Column widths (per cent) of the Recommended priorities table, so the words wrap evenly on A4. */
const WIDTHS = [5, 10, 16, 15, 9, 11, 10, 15, 9];

/**
 * The executive brief: two printed A4 pages a board reads in two minutes.
 * Page one: title block, headline figures and the Recommended priorities
 * table, whose recommendation and lead partner are typed here and kept with
 * the assessment (an `assessment-edit` request); page two: shared counts,
 * where the robustness figures come from and what changed.
 *
 * @fires assessment-edit - when a recommendation or lead partner is changed
 */
@customElement('csp-executive-brief')
export class ExecutiveBriefView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: 1.6rem;
        margin: 0.25rem 0;
      }
      p.kicker {
        text-transform: uppercase;
        letter-spacing: 0.06em;
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
        margin: 0;
      }
      dl.title-block {
        display: grid;
        grid-template-columns: repeat(4, auto 1fr);
        gap: 0.15rem 0.6rem;
        font-size: 0.85rem;
        margin: 0.5rem 0 0.75rem;
      }
      dl.title-block dt {
        font-weight: 600;
      }
      dl.title-block dd {
        margin: 0;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.5rem;
        margin: 0.5rem 0 0.75rem;
      }
      .tile {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 6px;
        padding: 0.4rem 0.6rem;
      }
      .tile p {
        margin: 0;
      }
      .tile .value {
        font-size: 1.4rem;
        font-weight: 700;
      }
      .tile .label,
      .tile .words {
        font-size: 0.8rem;
      }
      table {
        font-size: 0.8rem;
        width: 100%;
      }
      table[data-id='brief-priorities'] {
        table-layout: fixed;
      }
      /* The shared table styles keep headings on one line; here they wrap within their column. */
      table[data-id='brief-priorities'] th,
      table[data-id='brief-priorities'] thead th.num {
        white-space: normal;
      }
      th,
      td {
        vertical-align: top;
        white-space: normal;
        overflow-wrap: break-word;
      }
      td.rag-red {
        background: #f4d6d6;
      }
      td.rag-amber {
        background: #fbe7c6;
      }
      td.rag-green {
        background: #d7ecd9;
      }
      textarea,
      input {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
      }
      .print-only {
        display: none;
      }
      p.note {
        font-size: 0.85rem;
        max-width: 90ch;
      }
      .map {
        max-width: 32rem;
      }
      p.source {
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
      }
      @media print {
        .page {
          break-after: page;
        }
        .screen-only {
          display: none;
        }
        .print-only {
          display: inline;
        }
        h2 {
          font-size: 16pt;
        }
        table {
          font-size: 7.5pt;
        }
        th,
        td {
          padding: 0.1rem 0.2rem;
        }
        tr {
          break-inside: avoid;
        }
        .tile .value {
          font-size: 13pt;
        }
      }
    `,
  ];

  @property({ attribute: false }) brief!: ExecutiveBrief;
  /** Plot options for a chart of the brief (the map); null: not drawn. */
  @property({ attribute: false }) chart: (ref: ChartRef) => Plot.PlotOptions | null = () => null;
  /** Whether recommendations can be typed (false: shown as text only). */
  @property({ type: Boolean }) editable = true;

  private edit(issueId: string, issue: string, patch: Partial<Recommendation>) {
    requestEdit(this, (a) => setRecommendation(a, issueId, patch), `${'recommendation' in patch ? 'Recommendation' : 'Lead partner'} for “${issue}”`);
  }

  private cell(p: ExecutiveBrief['priorities'][number], key: keyof Recommendation, label: string) {
    const value = p[key];
    if (!this.editable) return html`<td>${value}</td>`;
    const change = (e: Event) => this.edit(p.issueId, p.issue, { [key]: (e.target as HTMLTextAreaElement).value });
    return html`<td>
      ${
        key === 'recommendation'
          ? html`<textarea class="screen-only" rows="3" aria-label="${label} for ${p.issue}" .value=${value} @change=${change}></textarea>`
          : html`<input class="screen-only" aria-label="${label} for ${p.issue}" .value=${value} @change=${change} />`
      }
      <span class="print-only">${value}</span>
    </td>`;
  }

  /** The map of the top priorities' busiest areas, with its title, text equivalent and source. */
  private map() {
    const m = this.brief.map;
    const options = m === null ? null : this.chart({ type: 'priority-map' });
    if (m === null || options === null) return nothing;
    return html`<div class="map">
      <csp-chart-figure .options=${options} caption=${m.caption} description=${m.description}></csp-chart-figure>
      <p class="source">${m.source}</p>
    </div>`;
  }

  override render() {
    const b = this.brief;
    return html`<section class="brief" aria-labelledby="report-title">
      <div class="page">
        <p class="kicker">Executive brief${b.marking === '' ? '' : ` · ${b.marking}`}</p>
        <h2 id="report-title">${b.title}</h2>
        <dl class="title-block">
          ${b.titleBlock.map((t) => html`<dt>${t.label}</dt><dd>${t.value}</dd>`)}
        </dl>
        <div class="tiles">
          ${b.tiles.map(
            (t) => html`<div class="tile" role="group" aria-label=${t.label}>
              <p class="label">${t.label}</p>
              <p class="value">${t.value}</p>
              <p class="words">${t.words}</p>
            </div>`,
          )}
        </div>
        <table data-id="brief-priorities">
          <caption>
            Recommended priorities
          </caption>
          <colgroup>
            ${WIDTHS.map((w) => html`<col style="width: ${w}%" />`)}
          </colgroup>
          <thead>
            <tr>
              ${HEAD.map((h) => html`<th scope="col">${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${b.priorities.map(
              (p) => html`<tr>
                <td>${p.rank}</td>
                <th scope="row">${p.issue}</th>
                <td>${p.why}</td>
                <td>${p.evidence}</td>
                <td class="rag-${p.rag.toLowerCase()}">${p.rag}</td>
                <td>${p.robust}</td>
                <td>${p.where}</td>
                ${this.cell(p, 'recommendation', 'Recommendation')} ${this.cell(p, 'leadPartner', 'Lead partner')}
              </tr>`,
            )}
          </tbody>
        </table>
        ${b.shared.map((s) => html`<p class="note shared">${s}</p>`)}
      </div>
      <div class="page">
        ${b.robustnessSource === null ? nothing : html`<p class="note">${b.robustnessSource}</p>`}
        <h3>What changed since the last assessment</h3>
        ${
          b.changes === null
            ? html`<p>No earlier ranking was chosen to compare with.</p>`
            : html`<p>${b.changes.sentence}</p>
              <table data-id="brief-changes">
                <caption>
                  What changed since the last assessment
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col">Change</th>
                    <th scope="col">Issue</th>
                    <th scope="col">Rank before</th>
                  </tr>
                </thead>
                <tbody>
                  ${b.changes.rows.map((r) => html`<tr><td>${r[0]}</td><td>${r[1]}</td><th scope="row">${r[2]}</th><td>${r[3]}</td></tr>`)}
                </tbody>
              </table>
              ${b.changes.left === null ? nothing : html`<p>${b.changes.left}</p>`}`
        }
        ${b.need === null ? nothing : html`<h3>Where need is greatest</h3><p>${b.need}</p>`} ${this.map()}
        <slot></slot>
        <p class="note">How the priorities were scored and tested, and what the terms mean, are in the appendix (Methods and sources; Glossary).</p>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-executive-brief': ExecutiveBriefView;
  }
}
