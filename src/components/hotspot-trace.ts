import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatMonth, formatP } from '../../models/format';
import { HOTSPOT_CLASSES } from '../../models/hotspots/classify';
import type { CellTrace } from '../../models/hotspots/result';
import { baseStyles } from './styles';

/** Source rows shown per page. */
export const CELL_TRACE_PAGE = 50;

/**
 * Where one cell's count comes from: its figures and its source rows by file
 * and line, a page at a time (the trace pattern of the Evidence page).
 *
 * @fires trace-page - detail: the new offset
 * @fires trace-download - the analyst asks for every row as CSV
 * @fires close - the analyst closes the trace
 */
@customElement('csp-hotspot-trace')
export class HotspotTrace extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        border: 1px solid var(--rule, #d8dde3);
        border-left: 4px solid var(--accent, #1d4f91);
        border-radius: 4px;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
      }
      .head,
      .pager {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
    `,
  ];

  @property({ attribute: false }) trace: CellTrace | null = null;

  /** Moves focus to the heading (after a cell is chosen). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const t = this.trace;
    if (t === null) return html``;
    const c = t.cell;
    const from = t.offset + 1;
    const to = t.offset + t.items.length;
    return html`<section aria-labelledby="cell-trace-heading">
      <div class="head">
        <h3 id="cell-trace-heading" tabindex="-1">Where the count of cell ${c.id} comes from</h3>
        <button class="secondary" @click=${() => this.fire('close')}>Close trace</button>
      </div>
      <p>
        ${formatCount(c.count)} rows in the ${c.ward} ward cell whose south-west corner is at easting ${formatCount(c.x)}, northing ${formatCount(c.y)}; Gi* z ${c.z.toFixed(2)},
        adjusted p ${formatP(c.pAdjusted)}${c.classification === null ? '' : `; over time: ${HOTSPOT_CLASSES[c.classification]}`}.
      </p>
      <div class="pager">
        <span role="status">Source rows ${formatCount(from)} to ${formatCount(to)} of ${formatCount(t.total)}</span>
        <span>
          <button class="secondary" ?disabled=${t.offset === 0} @click=${() => this.fire('trace-page', Math.max(0, t.offset - CELL_TRACE_PAGE))}>Previous rows</button>
          <button class="secondary" ?disabled=${to >= t.total} @click=${() => this.fire('trace-page', t.offset + CELL_TRACE_PAGE)}>Next rows</button>
          <button class="secondary" @click=${() => this.fire('trace-download')}>Download all ${formatCount(t.total)} rows (CSV)</button>
        </span>
      </div>
      <div class="scroll">
        <table>
          <caption>Source rows of cell ${c.id}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" class="num">Line</th>
              <th scope="col">Month</th>
              <th scope="col">Crime type</th>
              <th scope="col">Location</th>
              <th scope="col">LSOA name</th>
            </tr>
          </thead>
          <tbody>
            ${t.items.map(
              (r) => html`<tr>
                <td>${r.file}</td>
                <td class="num">${r.line}</td>
                <td>${formatMonth(r.month)}</td>
                <td>${r.crimeType}</td>
                <td>${r.location}</td>
                <td>${r.lsoaName}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-hotspot-trace': HotspotTrace;
  }
}
