import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatPercent } from '../../models/format';
import type { RobustnessResult } from '../../models/need/matrix';
import { STANDARDISATIONS, STANDARDISATION_IDS, type Standardisation } from '../../models/need/standardise';
import { baseStyles } from './styles';

/**
 * How far the top N depends on choices: the standardisation, each weight
 * changed by ±50% one at a time, and a seeded Monte Carlo of random weights.
 */
@customElement('csp-need-robustness')
export class NeedRobustness extends LitElement {
  static override styles = [
    baseStyles,
    css`
      td.in {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) result: RobustnessResult | null = null;
  @property({ attribute: false }) method: Standardisation = 'zscore';

  override render() {
    const r = this.result;
    if (r === null) return nothing;
    if (r.indicators.length === 0) return html`<p>Choose at least one indicator to test the ranking.</p>`;
    const pct = formatPercent(r.spread, 0);
    const stable = r.areas.filter((a) => a.monteCarloShare >= 0.95).map((a) => a.name);
    const inTop = (rank: number) => rank > 0 && rank <= r.topN;
    return html`
      <p>
        ${r.sameTopAcrossMethods ? `The same areas make the top ${r.topN} under all three standardisations.` : `The top ${r.topN} differs between standardisations (see the table).`}
        ${
          r.changedBy.length === 0
            ? `Changing any one weight by ±${pct} leaves the top ${r.topN} unchanged.`
            : `${r.changedBy.length} of ${r.changes} one-at-a-time weight changes (±${pct}) alter the top ${r.topN}: ${r.changedBy
                .map((c) => `${c.indicator} × ${c.factor} (${[...c.enter.map((n) => `${n} in`), ...c.leave.map((n) => `${n} out`)].join(', ')})`)
                .join('; ')}.`
        }
        ${stable.length > 0 ? `In the top ${r.topN} in at least 95% of random-weight runs: ${stable.join(', ')}.` : `No area is in the top ${r.topN} in 95% of random-weight runs.`}
      </p>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Robustness of the top ${r.topN}</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              ${STANDARDISATION_IDS.map((m) => html`<th scope="col" class="num">Rank by ${STANDARDISATIONS[m].label}${m === this.method ? ' (chosen)' : ''}</th>`)}
              <th scope="col" class="num">In top ${r.topN} after one weight ±${pct} (of ${r.changes})</th>
              <th scope="col" class="num">In top ${r.topN} in random-weight runs</th>
            </tr>
          </thead>
          <tbody>
            ${r.areas.map(
              (a) => html`<tr>
                <th scope="row">${a.name}</th>
                ${STANDARDISATION_IDS.map((m) => html`<td class="num ${inTop(a.rankBy[m]) ? 'in' : ''}">${a.rankBy[m] === 0 ? '–' : a.rankBy[m]}</td>`)}
                <td class="num">${formatCount(a.inTopOfChanges)}</td>
                <td class="num">${formatPercent(a.monteCarloShare)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="muted">
        Areas that reach the top ${r.topN} in any test. Ranks in bold are inside the top ${r.topN}; areas tied at the boundary all count as in it. One at a time:
        each chosen weight is multiplied by ${1 - r.spread} and by ${1 + r.spread} with the others unchanged (${r.changes} rankings). Random weights:
        ${formatCount(r.runs)} runs, each weight multiplied by its own random factor drawn uniformly between ${1 - r.spread} and ${1 + r.spread}; generator
        xoshiro128** (the sensitivity engine's), seed ${r.seed}, so the figures repeat exactly.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-robustness': NeedRobustness;
  }
}
