import { LitElement, html } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatScore } from '../../models/risk-matrix/explain';
import { aggregationWords } from '../../models/sensitivity/basis';
import type { ScenarioComparison, ScenarioDifference } from '../../models/sensitivity/scenario';
import type { Labels } from '../../models/sensitivity/weight-words';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * "What differs" between the first compared scenario and each other one:
 * weights, scores (value or confidence) and how totals are made, one row each.
 */
@customElement('csp-scenario-differences')
export class ScenarioDifferences extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) comparison!: ScenarioComparison;
  @property({ attribute: false }) labels!: Labels;

  override render() {
    const cmp = this.comparison;
    const first = cmp.scenarios[0]!.name;
    const rows = cmp.differences.flatMap((diffs, k) => diffs.map((d) => ({ scenario: cmp.scenarios[k + 1]!.name, ...this.describe(d) })));
    return html`<div class="scroll" ${scrollRegion()}>
      <table>
        <caption>
          What differs from ${first}
        </caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">What</th>
            <th scope="col" class="num">In ${first}</th>
            <th scope="col" class="num">In the scenario</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length === 0
              ? html`<tr>
                <td colspan="4">Nothing: they are the same.</td>
              </tr>`
              : rows.map(
                  (r) => html`<tr>
                  <th scope="row">${r.scenario}</th>
                  <td>${r.what}</td>
                  <td class="num">${r.a}</td>
                  <td class="num">${r.b}</td>
                </tr>`,
                )
          }
        </tbody>
      </table>
    </div>`;
  }

  private describe(d: ScenarioDifference): { what: string; a: string; b: string } {
    const l = this.labels;
    if (d.kind === 'aggregation') return { what: 'Totals', a: aggregationWords(d.a), b: aggregationWords(d.b) };
    if (d.kind === 'weight') return { what: `${own(l.criteria, d.criterionId) ?? d.label} weight`, a: formatScore(d.a), b: formatScore(d.b) };
    const score = (v: number | null, c?: string) => `${v === null ? 'not scored' : formatScore(v)}${c ? ` (${c})` : ''}`;
    return { what: `Score: ${own(l.issues, d.issueId) ?? d.issueId}, ${own(l.criteria, d.criterionId) ?? d.criterionId}`, a: score(d.a, d.confidenceA), b: score(d.b, d.confidenceB) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-scenario-differences': ScenarioDifferences;
  }
}
