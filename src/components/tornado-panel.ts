import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Assessment } from '../../models/sensitivity/problem';
import { updateSensitivitySettings } from '../../models/sensitivity/settings';
import { issueTornado, rankRanges, type Tornado } from '../../models/sensitivity/tornado';
import { rankRangeWords, tornadoWords, type Labels } from '../../models/sensitivity/weight-words';
import { ordinal } from '../../models/sensitivity/words';
import { requestEdit } from '../app/assessment-edit';
import { rankRangeChart, tornadoChart, tornadoRows } from '../charts/tornado';
import { formStyles } from './form-styles';
import { readNumber } from './number-input';
import { baseStyles } from './styles';
import './plot-figure';
import { own } from '../../models/own';
import { findRow, pageAt } from '../app/paging';
import type { PageChange } from './pager';
import './pager';
import { askPage } from '../app/page-requests';

/** Issues a page of the rank-range table holds (3,000 rows at once blocked the page). */
const RANGES_PAGE = 100;

/**
 * One weight at a time, moved by a chosen share of itself (default ±50%), the
 * others held: every issue's rank range (chart and table), and for one chosen
 * issue the classic tornado, a bar per criterion. Exact, from the worker.
 */
@customElement('csp-tornado-panel')
export class TornadoPanel extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) input!: Assessment;
  @property({ attribute: false }) labels!: Labels;
  /** The relative change, 0.5 for ±50% (kept with the assessment's sensitivity settings). */
  @property({ type: Number }) change = 0.5;
  /** The issue whose tornado is drawn (the top-ranked issue until the user chooses). */
  @state() private issueId: string | null = null;
  /** The first issue shown of the rank-range table. */
  @state() private offset = 0;

  private readonly tornado = new Task(this, {
    task: async ([input, change]) => askPage(this, 'sensitivity', 'tornado', input, change),
    args: () => [this.input, this.change] as const,
  });

  private setChange(e: Event) {
    const pct = readNumber(e.target as HTMLInputElement, { min: 0, max: 100 });
    if (pct === null) return;
    requestEdit(this, (a) => updateSensitivitySettings(a, { tornadoChange: pct / 100 }), 'Tornado weight change', 'live');
  }

  override render() {
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Tornado settings">
        <label>Weight change (±%) <input type="number" min="0" max="100" step="5" .value=${String(Math.round(this.change * 100))} @change=${this.setChange} /></label>
      </form>
      ${this.tornado.render({
        pending: () => html`<p class="muted" role="status">Moving the weights…</p>`,
        complete: (t) => this.result(t),
        error: (e) => html`<p class="note error" role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
      })}
    `;
  }

  private result(t: Tornado) {
    const pct = `±${Math.round(t.change * 100)}%`;
    const ranges = [...rankRanges(t)].map(([id, r]) => ({ id, issue: own(this.labels.issues, id) ?? id, ...r })).sort((a, b) => a.now - b.now);
    const issueId = this.issueId !== null && ranges.some((r) => r.id === this.issueId) ? this.issueId : ranges[0]!.id;
    const bars = issueTornado(t, issueId);
    const issue = own(this.labels.issues, issueId) ?? issueId;
    const w = pageAt(ranges.length, this.offset, RANGES_PAGE);
    const labels = ranges.map((r) => r.issue);
    return html`
      <p class="words" data-testid="range-words">${rankRangeWords(t, this.labels)}</p>
      <figure>
        <figcaption>Each issue’s rank range when any one weight moves by ${pct}, widest swing first</figcaption>
        <csp-plot .options=${rankRangeChart(ranges, { issueCount: this.input.issues.length, change: t.change })}></csp-plot>
      </figure>
      <details>
        <summary>The same as a table</summary>
        <csp-pager
          .window=${w}
          label="Rank range when one weight moves ${pct}"
          noun="issue"
          .find=${(text: string, at: number) => findRow(labels, text, at)}
          @page-change=${(e: CustomEvent<PageChange>) => (this.offset = e.detail.offset)}
        ></csp-pager>
        <div class="scroll" ${scrollRegion()}>
          <table>
            <caption>
              Rank range when one weight moves ${pct}
            </caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col" class="num">Rank now</th>
                <th scope="col" class="num">Best</th>
                <th scope="col" class="num">Worst</th>
                <th scope="col">Most sensitive to</th>
              </tr>
            </thead>
            <tbody>
              ${(w.pages <= 1 ? ranges : ranges.slice(w.offset, w.end)).map((r) => {
                const w = r.widest;
                return html`<tr>
                  <th scope="row">${r.issue}</th>
                  <td class="num">${r.tiedNow ? `=${r.now}` : r.now}</td>
                  <td class="num">${r.best}</td>
                  <td class="num">${r.worst}</td>
                  <td>${w.worstRank === w.bestRank ? '–' : this.labels.criteria[w.criterionId]}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </details>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Tornado for one issue">
        <span class="field"><label for="pick-tornado-for">Tornado for</label>
          <select id="pick-tornado-for" @change=${(e: Event) => (this.issueId = (e.target as HTMLSelectElement).value)}>
            ${ranges.map((r) => html`<option value=${r.id} ?selected=${r.id === issueId}>${r.issue}</option>`)}
          </select></span
        >
      </form>
      <p class="words" data-testid="tornado-words">${tornadoWords(bars, t.change, this.labels)}</p>
      <figure>
        <figcaption>${issue}: rank when each weight moves by ${pct} (open circle −, filled +; dashed line: rank now)</figcaption>
        <csp-plot .options=${tornadoChart(bars, { criteria: this.labels.criteria, issueCount: this.input.issues.length, change: t.change, issue })}></csp-plot>
      </figure>
      ${this.tornadoTable(issue, pct, tornadoRows(bars, this.labels.criteria))}
    `;
  }

  private tornadoTable(issue: string, pct: string, rows: ReturnType<typeof tornadoRows>) {
    const sign = pct.slice(1);
    return rows.length === 0
      ? nothing
      : html`<div class="scroll" ${scrollRegion()}>
          <table>
            <caption>
              Tornado: ${issue}
            </caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col" class="num">Rank at −${sign}</th>
                <th scope="col" class="num">Rank at +${sign}</th>
                <th scope="col" class="num">Best</th>
                <th scope="col" class="num">Worst</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) => html`<tr>
                  <th scope="row">${r.criterion}</th>
                  <td class="num">${ordinal(r.atLow)}</td>
                  <td class="num">${ordinal(r.atHigh)}</td>
                  <td class="num">${ordinal(r.best)}</td>
                  <td class="num">${ordinal(r.worst)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-tornado-panel': TornadoPanel;
  }
}
