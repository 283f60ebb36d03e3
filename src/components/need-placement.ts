import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatMonth, plural } from '../../models/format';
import type { NeedSetup } from '../engines/need-setup';
import { baseStyles } from './styles';

/**
 * How the partnership's data reaches its areas: for each level, how crime
 * rows were placed and how many could not be, and how 2011 LSOAs (IMD,
 * population) were placed, and from which stored files.
 */
@customElement('csp-need-placement')
export class NeedPlacement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        padding-left: 1.2rem;
        margin: 0 0 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) setup: NeedSetup | null = null;

  override render() {
    const s = this.setup;
    if (s === null) return nothing;
    return html`
      ${
        s.levels.length === 0
          ? nothing
          : html`<div class="scroll" ${scrollRegion()}>
            <table>
              <caption>How data is placed in ${s.area}’s areas</caption>
              <thead>
                <tr>
                  <th scope="col">Areas</th>
                  <th scope="col" class="num">Areas loaded</th>
                  <th scope="col">Crime rows (${s.months === null ? 'none stored' : `${formatMonth(s.months.first)} to ${formatMonth(s.months.last)}`})</th>
                  <th scope="col" class="num">Not assigned</th>
                  <th scope="col">IMD and population (2011 LSOAs)</th>
                </tr>
              </thead>
              <tbody>
                ${s.levels.map(
                  (l) => html`<tr>
                    <th scope="row">${l.label}</th>
                    <td class="num">${formatCount(l.areas)}</td>
                    <td>Placed ${l.crimeMethod}. ${l.crimeSummary}</td>
                    <td class="num">${formatCount(l.crime.notAssigned)}</td>
                    <td>
                      <ul>
                        ${l.links.map((k) => html`<li>${plural(k.lsoas, 'LSOA')} by ${k.label}</li>`)}
                      </ul>
                      ${l.unplaced.length > 0 ? html`<span class="note warning">Not placed: ${l.unplaced.join(', ')}</span>` : nothing}
                      ${
                        l.lookupUnknownWard.length > 0
                          ? html`<span class="note warning">The lookup names a ward that is not loaded for ${l.lookupUnknownWard.join(', ')} (placed by centroid instead).</span>`
                          : nothing
                      }
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
      }
      <p class="muted">
        A crime row is “not assigned” when its map point falls outside every boundary of that level: police.uk moves each point to an anonymous nearby map point,
        and ONS boundaries are generalised, so a few rows near the edge of the area land just outside. They are counted here and left out of the area rates, never moved
        into the nearest area. Rows without a location, and rows in other authorities, are not the partnership’s (see Overview).
      </p>
      ${s.files.length === 0 ? nothing : html`<p class="muted">From: ${s.files.map((f) => `${f.kind}: ${f.fileName}`).join('; ')}.</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-placement': NeedPlacement;
  }
}
