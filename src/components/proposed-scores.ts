import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import type { BandingRules, Proposals } from '../../models/evidence/banding';
import type { EvidenceResult } from '../../models/evidence/evidence';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * The "Proposed scores" table: for each issue, the score each banding rule
 * proposes for its data-backed criterion, with the evidence behind it. The
 * analyst accepts or overrides these in an assessment's scoring grid.
 */
@customElement('csp-proposed-scores')
export class ProposedScores extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .score {
        font-size: 1.1rem;
        font-weight: 600;
        margin-right: 0.35rem;
      }
      .why {
        display: block;
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
        max-width: 28ch;
        white-space: normal;
      }
      td {
        min-width: 14rem;
      }
    `,
  ];

  @property({ attribute: false }) evidence: EvidenceResult | null = null;
  @property({ attribute: false }) rules: BandingRules | null = null;
  @property({ attribute: false }) proposals: Proposals | null = null;

  override render() {
    const { evidence, rules, proposals } = this;
    if (evidence === null || rules === null || proposals === null) return nothing;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Proposed scores</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              ${rules.rules.map((r) => html`<th scope="col">${r.criterionLabel}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${evidence.issues.map(
              (issue) => html`<tr>
                <th scope="row">${issue.label}</th>
                ${rules.rules.map((r) => {
                  const p = own(own(proposals, issue.id), r.criterionId);
                  if (p === undefined) return html`<td></td>`;
                  return html`<td>
                    <span class="score">${p.value === null ? '—' : p.value}</span>${p.valueLabel === null ? nothing : html`<span>${p.valueLabel}</span>`}
                    <span class="why">${p.explanation}</span>
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
    'csp-proposed-scores': ProposedScores;
  }
}
