import { LitElement, css, html } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatScore } from '../../models/risk-matrix/explain';
import { bandOf, harmBands, harmLikelihoodAxes, harmLikelihoodPoints } from '../../models/risk-matrix/harm-likelihood';
import { levelLabel, scalePoints } from '../../models/risk-matrix/scale';
import type { Issue, RiskModel, ScoreGrid, Weights } from '../../models/risk-matrix/schema';
import { baseStyles } from './styles';

/** Background for a cell by how far up and right it lies (0 to 1): pale green to pale red. */
function shade(t: number): string {
  const hue = 120 - 120 * t;
  return `hsl(${hue.toFixed(0)} 60% ${(94 - 8 * t).toFixed(0)}%)`;
}

/**
 * Every issue placed on a harm × likelihood grid: columns are the likelihood
 * scale, rows are bands of harm (the weighted sum of the Harm criteria, with
 * the weights in force). Works for any model with a Likelihood criterion and
 * Harm criteria, and says so when a model lacks them.
 */
@customElement('csp-hl-grid')
export class HarmLikelihoodGrid extends LitElement {
  static override styles = [
    baseStyles,
    css`
      table {
        table-layout: fixed;
      }
      td {
        font-size: 0.82rem;
        border: 1px solid #fff;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li .h {
        /* Darker than --ink-2: at least 4.5:1 on the reddest cell (WCAG 1.4.3). */
        color: #3d4652;
      }
      thead th {
        white-space: normal;
        text-align: center;
      }
      .lvl {
        display: block;
        font-weight: 400;
      }
    `,
  ];

  @property({ attribute: false }) model!: RiskModel;
  @property({ attribute: false }) issues: Issue[] = [];
  @property({ attribute: false }) scores: ScoreGrid = {};
  @property({ attribute: false }) weights: Weights = {};

  override render() {
    const axes = harmLikelihoodAxes(this.model);
    if (!axes.ok) return html`<p class="note">${axes.reason}</p>`;
    const points = harmLikelihoodPoints(this.model, axes, this.issues, this.scores, this.weights);
    const bands = harmBands(this.model, axes, this.weights);
    const columns = scalePoints(axes.likelihood.scale);
    const cells = new Map<string, typeof points>();
    for (const p of points) {
      const key = `${bandOf(bands, p.harm)}|${p.likelihood}`;
      const here = cells.get(key);
      if (here === undefined) cells.set(key, [p]);
      else here.push(p);
    }
    const harmNames = axes.harm.map((c) => c.label).join(', ');
    return html`
      <p class="muted">Harm is the weighted sum of ${harmNames}; likelihood is the ${axes.likelihood.label} score. Each issue shows its harm in brackets.</p>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Harm × likelihood</caption>
          <thead>
            <tr>
              <th scope="col">Harm</th>
              ${columns.map((v) => {
                const name = levelLabel(axes.likelihood.scale, v);
                return html`<th scope="col">Likelihood ${v}${name === undefined ? '' : html` <span class="lvl">${name}</span>`}</th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${bands.map(
              (b, i) => html`<tr>
                <th scope="row">${b.label}</th>
                ${columns.map((v, j) => {
                  const here = cells.get(`${i}|${v}`) ?? [];
                  const t = ((bands.length - 1 - i) / Math.max(1, bands.length - 1) + j / Math.max(1, columns.length - 1)) / 2;
                  return html`<td style="background:${shade(t)}">
                    <ul>
                      ${here.map((p) => html`<li>${p.label} <span class="h">(${formatScore(p.harm)}${p.unscored ? ', not fully scored' : ''})</span></li>`)}
                    </ul>
                  </td>`;
                })}
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
    'csp-hl-grid': HarmLikelihoodGrid;
  }
}
