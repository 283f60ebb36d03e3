import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatP } from '../../models/format';
import { HOTSPOT_CLASSES } from '../../models/hotspots/classify';
import type { HotspotCell } from '../../models/hotspots/schema';
import { baseStyles } from './styles';

/**
 * The **Hot spots** table: cells hottest first, with ward, the most common
 * police.uk location, count, Gi* z, adjusted p and classification. A cell's
 * id is a button that opens its source rows.
 *
 * @fires cell-trace - detail: the cell id
 */
@customElement('csp-hotspot-table')
export class HotspotTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      button.link {
        background: none;
        color: var(--accent, #1d4f91);
        border: 1px solid transparent;
        padding: 0.1rem 0.3rem;
        font-variant-numeric: tabular-nums;
        text-decoration: underline dotted;
        text-underline-offset: 3px;
        white-space: nowrap;
      }
      button.link[aria-pressed='true'] {
        background: var(--panel, #f3f5f8);
        border-color: var(--accent, #1d4f91);
      }
    `,
  ];

  /** The cells to list, in order. */
  @property({ attribute: false }) cells: readonly HotspotCell[] = [];
  @property({ attribute: false }) selected: string | null = null;
  /** Whether the classification over time ran. */
  @property({ attribute: false }) classified = true;

  override render() {
    if (this.cells.length === 0) return nothing;
    return html`<div class="scroll">
      <table>
        <caption>Hot spots</caption>
        <thead>
          <tr>
            <th scope="col">Cell</th>
            <th scope="col">Ward</th>
            <th scope="col">Most common location</th>
            <th scope="col" class="num">Count</th>
            <th scope="col" class="num">Gi* z</th>
            <th scope="col" class="num">Adjusted p</th>
            <th scope="col">Classification</th>
          </tr>
        </thead>
        <tbody>
          ${this.cells.map(
            (c) => html`<tr>
              <th scope="row">
                <button class="link" aria-pressed=${c.id === this.selected ? 'true' : 'false'} aria-label=${`Cell ${c.id}: show its ${c.count} source rows`} @click=${() => this.dispatchEvent(new CustomEvent('cell-trace', { detail: c.id, bubbles: true, composed: true }))}>${c.id}</button>
              </th>
              <td>${c.ward}</td>
              <td>${c.location === '' ? '—' : `${c.location} (${formatCount(c.locationCount)})`}</td>
              <td class="num">${formatCount(c.count)}</td>
              <td class="num">${c.z.toFixed(2)}</td>
              <td class="num">${formatP(c.pAdjusted)}</td>
              <td>${c.classification === null ? (this.classified ? '' : 'one month only') : HOTSPOT_CLASSES[c.classification]}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-hotspot-table': HotspotTable;
  }
}
