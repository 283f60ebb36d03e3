import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CellEvidence, CellStatus } from '../../models/evidence/grid';

const MARKS: Readonly<Record<CellStatus, string>> = { proposed: '→', accepted: '✓', overridden: '≠', stale: '!', edited: '!', none: '' };

/**
 * A data-backed cell's proposed score beside its input in the scoring grid,
 * marked with the cell's state (→ not decided yet, ✓ accepted, ≠ overridden,
 * ! changed since the decision). Its accessible name is the cell and its state
 * in words, e.g. "TFMV, Likelihood: Proposed 4 from 121.3 a month; current 3;
 * not decided yet". A cell
 * with nothing proposed shows a dash that is not a control.
 *
 * Clicks bubble to the grid, which asks the page to show the evidence.
 */
@customElement('csp-proposal-mark')
export class ProposalMark extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      vertical-align: middle;
      margin-left: 0.15rem;
    }
    button,
    span {
      font: inherit;
      font-size: 0.72rem;
      line-height: 1.2;
      padding: 0.05rem 0.25rem;
      border-radius: 3px;
      border: 1px dashed var(--accent, #1d4f91);
      background: white;
      color: var(--accent, #1d4f91);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--focus, #ffbf47);
      outline-offset: 1px;
    }
    .accepted {
      border: 1px solid #2e7d32;
      color: #1b5e20;
      background: #e8f5e9;
    }
    .overridden {
      border: 1px solid #8a5a00;
      color: #6b4500;
      background: #fff4dc;
    }
    .stale,
    .edited {
      border: 1px solid var(--danger, #a4262c);
      color: var(--danger, #a4262c);
      background: #fbeaea;
    }
    span.none {
      border: 1px solid var(--rule, #d8dde3);
      color: var(--ink-2, #5a6573);
      cursor: default;
    }
  `;

  /** The cell's proposal, decision and state. */
  @property({ attribute: false }) cell!: CellEvidence;
  /** The cell's name, e.g. "Burglary Dwelling, Likelihood", which starts the accessible name. */
  @property() name = '';

  override render() {
    const c = this.cell;
    if (c.status === 'none') return html`<span class="none" aria-hidden="true" title=${c.text}>–</span>`;
    return html`<button type="button" class=${c.status} title=${c.text} aria-label=${this.name === '' ? c.text : `${this.name}: ${c.text}`}>${MARKS[c.status]}${c.proposal.value ?? '–'}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-proposal-mark': ProposalMark;
  }
}
