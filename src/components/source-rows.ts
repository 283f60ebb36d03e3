import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TraceRow } from '../../models/evidence/trace';
import { formatCount, formatMonth } from '../../models/format';
import { scrollRegion } from './scroll-region';
import { baseStyles } from './styles';

/** A page of source rows: how many in all, where the page starts, its rows. */
export interface SourceRowsPage {
  total: number;
  offset: number;
  items: readonly (TraceRow & { location?: string })[];
}

/**
 * The source rows behind a figure (file and line of each police.uk row), a
 * page at a time, with the pager and the CSV download: the rows part of a
 * trace, shared by the Evidence, Overview and Hot spots traces.
 *
 * @fires trace-page - detail: the new offset
 * @fires trace-download - the analyst asks for every row as CSV
 */
@customElement('csp-source-rows')
export class SourceRows extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .pager {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.5rem 0;
      }
    `,
  ];

  @property({ attribute: false }) page: SourceRowsPage | null = null;
  /** Rows per page (the step of Previous and Next). */
  @property({ type: Number }) pageSize = 50;
  @property() caption = 'Source rows';
  /** Show each row's police.uk Location (the Hot spots trace, where place is the point). */
  @property({ type: Boolean, attribute: 'with-location' }) withLocation = false;

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const p = this.page;
    if (p === null || p.total === 0) return html``;
    const from = p.offset + 1;
    const to = p.offset + p.items.length;
    return html`
      <div class="pager">
        <span role="status">Source rows ${formatCount(from)} to ${formatCount(to)} of ${formatCount(p.total)}</span>
        <button class="secondary" ?disabled=${p.offset === 0} @click=${() => this.fire('trace-page', Math.max(0, p.offset - this.pageSize))}>Previous rows</button>
        <button class="secondary" ?disabled=${to >= p.total} @click=${() => this.fire('trace-page', p.offset + this.pageSize)}>Next rows</button>
        <button class="secondary" @click=${() => this.fire('trace-download')}>Download all ${formatCount(p.total)} rows (CSV)</button>
      </div>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>${this.caption}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" class="num">Line</th>
              <th scope="col">Month</th>
              <th scope="col">Crime type</th>
              ${this.withLocation ? html`<th scope="col">Location</th>` : nothing}
              <th scope="col">LSOA code</th>
              <th scope="col">LSOA name</th>
            </tr>
          </thead>
          <tbody>
            ${p.items.map(
              (r) => html`<tr>
                <td>${r.file}</td>
                <td class="num">${r.line}</td>
                <td>${formatMonth(r.month)}</td>
                <td>${r.crimeType}</td>
                ${this.withLocation ? html`<td>${r.location ?? ''}</td>` : nothing}
                <td>${r.lsoaCode}</td>
                <td>${r.lsoaName}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-source-rows': SourceRows;
  }
}
