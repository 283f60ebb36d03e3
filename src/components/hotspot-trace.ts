import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatP } from '../../models/format';
import { HOTSPOT_CLASSES } from '../../models/hotspots/classify';
import type { CellTrace } from '../../models/hotspots/result';
import { baseStyles } from './styles';
import './source-rows';

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
      .head {
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
    return html`<section aria-labelledby="cell-trace-heading">
      <div class="head">
        <h3 id="cell-trace-heading" tabindex="-1">Where the count of cell ${c.id} comes from</h3>
        <button class="secondary" @click=${() => this.fire('close')}>Close trace</button>
      </div>
      <p>
        ${formatCount(c.count)} rows in the ${c.ward} ward cell whose south-west corner is at easting ${formatCount(c.x)}, northing ${formatCount(c.y)}; Gi* z ${c.z.toFixed(2)},
        adjusted p ${formatP(c.pAdjusted)}${c.classification === null ? '' : `; over time: ${HOTSPOT_CLASSES[c.classification]}`}.
      </p>
      <csp-source-rows .page=${t} .pageSize=${CELL_TRACE_PAGE} caption="Source rows of cell ${c.id}" with-location></csp-source-rows>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-hotspot-trace': HotspotTrace;
  }
}
