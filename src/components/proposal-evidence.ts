import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { bandList, METRIC_FIGURES, METRIC_LABELS, type BandingRule, type Proposal } from '../../models/evidence/banding';
import type { CatalogueIssue } from '../../models/evidence/catalogue';
import { figureLabel } from '../../models/evidence/figures';
import type { LinkState } from '../../models/evidence/links';
import { traceHref } from './evidence-events';
import { baseStyles } from './styles';

/**
 * Where a proposed score comes from: the catalogue issue and period, the
 * metric and its value, the banding rule's thresholds with the band the value
 * fell in, the explanation, and a link to the figure's trace on the Evidence page.
 */
@customElement('csp-proposal-evidence')
export class ProposalEvidence extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dl {
        margin: 0 0 0.6rem;
        font-size: 0.88rem;
      }
      dt {
        font-weight: 600;
        margin-top: 0.35rem;
      }
      dd {
        margin: 0;
      }
      ol {
        margin: 0.2rem 0 0;
        padding-left: 1.2rem;
      }
      li.hit {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) proposal!: Proposal;
  /** The rule that made it (for its bands). */
  @property({ attribute: false }) rule: BandingRule | undefined;
  /** The catalogue issue the evidence is for. */
  @property({ attribute: false }) source: CatalogueIssue | undefined;
  /** How the assessment issue is linked to it. */
  @property({ attribute: false }) link: LinkState | undefined;

  override render() {
    const p = this.proposal;
    const s = this.source;
    const name = s?.label ?? p.evidenceIssueId;
    const figure = METRIC_FIGURES[p.metric];
    const hit = (index: number) => (p.band === null ? p.value !== null && index === -1 : p.band.index === index);
    return html`
      <dl>
        <dt>Evidence from</dt>
        <dd>
          ${name}${s === undefined ? nothing : s.source === 'local' ? ' (local counts)' : ` (police.uk: ${s.crimeTypes.join(', ')})`}, ${p.period ?? 'no period'}.
          ${this.link === 'automatic' ? 'Linked automatically (same name).' : this.link === 'confirmed' ? 'Link confirmed.' : nothing}
        </dd>
        <dt>Metric</dt>
        <dd>${METRIC_LABELS[p.metric]}: ${p.metricText}</dd>
        ${
          this.rule === undefined
            ? nothing
            : html`<dt>Thresholds (banding rule)</dt>
              <dd>
                <ol>
                  ${bandList(this.rule).map((b) => html`<li class=${hit(b.index) ? 'hit' : ''}>${b.range} → ${b.score}${hit(b.index) ? ' (this issue)' : ''}</li>`)}
                </ol>
              </dd>`
        }
        <dt>Why</dt>
        <dd>${p.explanation}</dd>
      </dl>
      <p><a href=${traceHref({ issueId: p.evidenceIssueId, figure })}>Trace “${figureLabel(figure)}” for ${name} on the Evidence page</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-proposal-evidence': ProposalEvidence;
  }
}
