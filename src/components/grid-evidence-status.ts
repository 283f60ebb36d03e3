import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { evidenceSummary, type AssessmentEvidence } from '../../models/evidence/assessment-evidence';
import type { CellEvidence } from '../../models/evidence/grid';
import { formatCount, formatPercent, plural } from '../../models/format';
import type { EvidenceProgress } from '../engines/evidence-source';
import { baseStyles } from './styles';

/**
 * The line above the scoring grid about its proposed scores: which criteria
 * the evidence proposes for and over which period, how many issues are
 * linked, how many proposals are undecided, accepted, overridden or stale;
 * or that the evidence is being worked out, or could not be.
 *
 * @fires review-links - when the analyst asks to see the evidence links
 */
@customElement('csp-grid-evidence-status')
export class GridEvidenceStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        margin: 0 0 0.5rem;
      }
      p {
        max-width: none;
      }
      button {
        padding: 0.15rem 0.5rem;
        margin-left: 0.25rem;
      }
    `,
  ];

  @property({ attribute: false }) data: AssessmentEvidence | undefined;
  @property({ attribute: false }) cells: ReadonlyMap<string, CellEvidence> = new Map();
  /** The evidence's current period in words, e.g. "Jan 2023 to Dec 2023". */
  @property({ attribute: false }) period: string | null = null;
  @property({ attribute: false }) area: string | null = null;
  @property({ type: Boolean }) pending = false;
  @property({ attribute: false }) progress: EvidenceProgress | null = null;
  /** Why the evidence could not be worked out or read. */
  @property({ attribute: false }) failure: string | undefined;

  override render() {
    if (this.failure !== undefined) {
      return html`<p class="note error" role="alert">Proposed scores are not available: ${this.failure}. The grid can still be scored by hand.</p>`;
    }
    const d = this.data;
    if (d === undefined) {
      return html`<p class="muted" role="status">
        ${this.progress?.label ?? 'Working out the evidence for proposed scores'}…
        ${this.progress === null ? nothing : html`<progress max="1" value=${this.progress.done} aria-label="Evidence progress">${formatPercent(this.progress.done, 0)}</progress>`}
      </p>`;
    }
    if (d.rules.length === 0) {
      return html`<p class="muted" role="status">
        No banding rule proposes scores for this model’s criteria, so the grid has no proposed scores. Banding rules are edited on the Evidence page.
        ${this.problems(d)}
      </p>`;
    }
    if (this.period === null) {
      return html`<p class="muted" role="status">No police.uk months are stored for the evidence yet, so nothing is proposed: load police.uk files on the Data page.</p>`;
    }
    const s = evidenceSummary(d.links, this.cells.values());
    const criteria = d.rules.map((r) => r.criterionLabel).join(', ');
    const decided = [
      `${formatCount(s.cells.proposed)} not decided`,
      `${formatCount(s.cells.accepted)} accepted`,
      `${formatCount(s.cells.overridden)} overridden`,
      ...(s.cells.stale + s.cells.edited === 0 ? [] : [`${formatCount(s.cells.stale + s.cells.edited)} changed since the decision`]),
    ].join(', ');
    const none = s.cells.none === 0 ? '' : ` ${plural(s.cells.none, 'linked cell')} ${s.cells.none === 1 ? 'has' : 'have'} nothing proposed (missing data or weights: “–” in the grid).`;
    const proposals = this.cells.size - s.cells.none;
    return html`
      <p role="status">
        Proposed scores for ${criteria} from the evidence${this.period === null ? '' : ` for ${this.period}`}${this.area === null ? '' : ` (${this.area})`}:
        ${plural(s.linked, 'issue')} linked${s.suggested === 0 ? '' : `, ${plural(s.suggested, 'suggested link')} to confirm`}${s.unlinked === 0 ? '' : `, ${formatCount(s.unlinked)} not linked`};
        ${plural(proposals, 'proposal')}: ${decided}.${none}
        <button class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('review-links', { bubbles: true, composed: true }))}>Review evidence links</button>
      </p>
      ${this.problems(d)}
    `;
  }

  private problems(d: AssessmentEvidence) {
    return d.problems.length === 0 ? nothing : html`<p class="note warning">${d.problems.join(' ')} Those rules propose nothing here.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-grid-evidence-status': GridEvidenceStatus;
  }
}
