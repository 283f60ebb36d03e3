import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatMonth } from '../../models/format';
import { INDICATOR_GROUPS, partnershipNote, type IndicatorGroup, type IndicatorUnit } from '../../models/need/indicators';
import { formatIndicator, formatScore } from '../../models/need/format-value';
import type { MatrixArea } from '../../models/need/matrix';
import type { AreaProfile } from '../../models/need/profile';
import { LEVEL_LABELS } from '../../models/need/schema';
import { areaTrendChart } from '../charts/area-trend';
import { baseStyles } from './styles';
import './plot-figure';

/**
 * An area's profile: every indicator against the partnership, and the
 * monthly trend of its main crime types (charts, with the figures in a table).
 */
@customElement('csp-area-profile')
export class AreaProfileView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 0.5rem 1rem;
      }
      .worse {
        color: var(--danger, #a4262c);
      }
      .better {
        color: #2b6a30;
      }
      tbody th[scope='row'] {
        white-space: normal;
        font-weight: normal;
      }
      th[scope='colgroup'] {
        background: var(--panel, #f3f5f8);
      }
      h4 {
        margin: 0.5rem 0 0.25rem;
      }
    `,
  ];

  @property({ attribute: false }) profile: AreaProfile | null = null;
  /** The area's row in the need matrix (rank and score), when it has one. */
  @property({ attribute: false }) row: MatrixArea | null = null;
  @property({ attribute: false }) of = 0;
  /** Ids of the indicators in the need matrix, listed first. */
  @property({ attribute: false }) chosen: readonly string[] = [];

  /** Moves keyboard focus to the profile (after the user picks an area elsewhere on the page). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#profile-heading')?.focus();
  }

  override render() {
    const p = this.profile;
    if (p === null) return nothing;
    const one = LEVEL_LABELS[p.level].one;
    return html`
      <h3 id="profile-heading" tabindex="-1">Profile: ${p.name} <span class="muted">(${p.code})</span></h3>
      <p>
        ${this.row === null || this.row.rank === 0 ? 'Not ranked.' : `Need rank ${this.row.rank} of ${this.of}; composite score ${formatScore(this.row.composite)}.`}
        ${p.population === null ? '' : `${formatCount(Math.round(p.population))} residents (mid-2015).`}
      </p>
      ${this.trend(p)} ${this.indicatorTable(p, one)}
    `;
  }

  private indicatorTable(p: AreaProfile, one: string) {
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>${p.name}: indicators against the partnership</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col" class="num">This ${one}</th>
              <th scope="col" class="num">Partnership</th>
              <th scope="col">Compared with the partnership</th>
            </tr>
          </thead>
          ${this.groups(p).map(
            ([title, rows]) => html`<tbody>
              <tr>
                <th scope="colgroup" colspan="4">${title}</th>
              </tr>
              ${rows.map(
                (i) => html`<tr>
                  <th scope="row">${i.label}</th>
                  <td class="num">${formatIndicator(i.value, i.unit)}${
                    i.count === null
                      ? ''
                      : html`<br />
                          <span class="muted">${formatCount(i.count)} rows</span>`
                  }</td>
                  <td class="num" title=${partnershipNote[i.unit as IndicatorUnit] ?? ''}>${formatIndicator(i.partnership, i.unit)}</td>
                  <td>${compare(i.value, i.partnership, i.unit, i.direction)}</td>
                </tr>`,
              )}
            </tbody>`,
          )}
        </table>
      </div>
      <p class="muted">
        Partnership figures: rates are all placed rows ÷ all residents; IMD ranks and deciles are population-weighted over every placed LSOA; other values are
        the mean of the areas.
      </p>
    `;
  }

  /** The matrix's indicators first, then the rest by group. */
  private groups(p: AreaProfile): [string, AreaProfile['indicators']][] {
    const chosen = new Set(this.chosen);
    const out: [string, AreaProfile['indicators']][] = [['In the need matrix', this.chosen.flatMap((id) => p.indicators.filter((i) => i.id === id))]];
    for (const g of Object.keys(INDICATOR_GROUPS) as IndicatorGroup[]) out.push([INDICATOR_GROUPS[g], p.indicators.filter((i) => i.group === g && !chosen.has(i.id))]);
    return out.filter(([, rows]) => rows.length > 0);
  }

  private trend(p: AreaProfile) {
    if (p.trend.length === 0 || p.months.length === 0) return html`<p>No crime rows are placed in ${p.name}.</p>`;
    return html`
      <h4>Main issues by month in ${p.name}</h4>
      <p class="muted">The ${p.trend.length} crime types with most rows in ${p.name} over ${formatMonth(p.months[0]!)} to ${formatMonth(p.months.at(-1)!)}; each chart has its own scale.</p>
      <div class="charts">${p.trend.map((t) => html`<csp-plot .options=${areaTrendChart(p.months, t.crimeType, t.rows, p.name)}></csp-plot>`)}</div>
      <details>
        <summary>Rows per month in ${p.name} (table)</summary>
        <div class="scroll" ${scrollRegion()}>
          <table>
            <caption>${p.name}: rows per month for its main crime types</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                ${p.trend.map((t) => html`<th scope="col" class="num">${t.crimeType}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${p.months.map(
                (m, i) => html`<tr>
                  <th scope="row">${formatMonth(m)}</th>
                  ${p.trend.map((t) => html`<td class="num">${formatCount(t.rows[i] ?? 0)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }
}

/** "1.8 × the partnership" for rates and shares; "more deprived" for ranks and deciles. */
function compare(v: number | null, partnership: number | null, unit: string, direction: 'higher' | 'lower') {
  if (v === null || partnership === null) return '–';
  const moreNeed = direction === 'higher' ? v > partnership : v < partnership;
  const cls = v === partnership ? '' : moreNeed ? 'worse' : 'better';
  if (unit === 'rank' || unit === 'decile') {
    const text = v === partnership ? 'the same' : `${v < partnership ? 'more' : 'less'} deprived (${formatIndicator(Math.abs(v - partnership), unit)} ${unit === 'rank' ? 'places' : 'deciles'})`;
    return html`<span class=${cls}>${text}</span>`;
  }
  if (partnership === 0) return '–';
  const ratio = v / partnership;
  return html`<span class=${cls}>${ratio.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} × the partnership</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-area-profile': AreaProfileView;
  }
}
