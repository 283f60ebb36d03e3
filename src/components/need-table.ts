import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../../models/format';
import { formatIndicator, formatScore } from '../../models/need/format-value';
import { highRateWarning, type MatrixArea, type NeedMatrix } from '../../models/need/matrix';
import { LEVEL_LABELS } from '../../models/need/schema';
import { DIRECTIONS, STANDARDISATIONS } from '../../models/need/standardise';
import { baseStyles } from './styles';

/**
 * The ranked need table: each area's composite score and what each indicator
 * adds to it, with the indicator's own value beneath. The accessible
 * equivalent of the map; area names link to their profile.
 */
@customElement('csp-need-table')
export class NeedTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      tr[aria-current='true'] {
        background: #fff4d6;
      }
      .value {
        display: block;
        font-size: 0.8rem;
      }
      .flag {
        /* 7.2:1 on white and 6.5:1 on the highlighted rows (WCAG AA needs 4.5:1). */
        color: #8a4500;
      }
      th .how {
        display: block;
        font-weight: normal;
        font-size: 0.8rem;
        white-space: normal;
      }
    `,
  ];

  @property({ attribute: false }) matrix: NeedMatrix | null = null;
  /** Code of the selected area. */
  @property({ attribute: false }) selected: string | null = null;
  /** Link to an area's profile. */
  @property({ attribute: false }) href: (code: string) => string = (code) => `#/need?area=${code}`;

  override render() {
    const m = this.matrix;
    if (m === null) return nothing;
    const ranks = new Map<number, number>();
    for (const a of m.areas) ranks.set(a.rank, (ranks.get(a.rank) ?? 0) + 1);
    const one = LEVEL_LABELS[m.level].one;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Community need by area</caption>
          <thead>
            <tr>
              <th scope="col" class="num">Rank</th>
              <th scope="col">Area</th>
              <th scope="col" class="num">Residents</th>
              <th scope="col" class="num">Composite score</th>
              ${m.indicators.map(
                (i) => html`<th scope="col" class="num" title=${i.description}>
                  ${i.label}<span class="how">weight ${i.weight}; ${DIRECTIONS[i.direction].toLowerCase()}</span>
                </th>`,
              )}
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            ${m.areas.map((a) => this.row(a, m, (ranks.get(a.rank) ?? 0) > 1))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        ${m.areas.length} ${LEVEL_LABELS[m.level].inText}, most need first. Each indicator column shows what it adds to the composite score (weight ×
        ${STANDARDISATIONS[m.method].label.toLowerCase()} ÷ total weight) and, beneath, the ${one}'s own value. “=” marks a tie. Residents are IoD2019 mid-2015
        estimates; areas with fewer than ${formatCount(m.smallPopulation)} residents are flagged because rates on small denominators swing widely.
      </p>
    `;
  }

  private row(a: MatrixArea, m: NeedMatrix, tied: boolean) {
    const notes: string[] = [];
    if (a.smallPopulation) notes.push(`Small population (fewer than ${formatCount(m.smallPopulation)} residents): rates are unstable`);
    if (a.populationEstimated) notes.push('Residents estimated: an equal share of a 2011 LSOA split into several 2021 LSOAs');
    if (a.missing.length > 0) notes.push(`No value for ${a.missing.join(', ')}: scored on the other indicators`);
    if (a.composite === null) notes.push('No score: no value for any chosen indicator');
    if (a.highRates.length > 0) notes.push(highRateWarning(a.highRates));
    return html`<tr aria-current=${a.code === this.selected ? 'true' : 'false'}>
      <td class="num">${a.rank === 0 ? '–' : `${tied ? '=' : ''}${a.rank}`}</td>
      <th scope="row"><a href=${this.href(a.code)}>${a.name}</a> <span class="muted">${a.code}</span></th>
      <td class="num">${a.population === null ? '–' : formatCount(Math.round(a.population))}</td>
      <td class="num"><strong>${formatScore(a.composite)}</strong></td>
      ${m.indicators.map(
        (ind, k) => html`<td class="num">
          ${formatScore(a.contributions[k])} <span class="value muted">${formatIndicator(a.values[k], ind.unit)}${a.counts[k] === null ? '' : ` (${formatCount(a.counts[k]!)} rows)`}</span>
        </td>`,
      )}
      <td>${notes.map((n) => html`<span class="flag">${n}</span><br />`)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-table': NeedTable;
  }
}
