import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDateTime } from '../../models/format';
import type { AssessmentUndoSummary } from '../data/assessment-store';
import { baseStyles } from './styles';

/**
 * Offers to undo the last step on any assessment (a delete, an import, a
 * removed issue or criterion, a score…).
 *
 * @fires undo-step - detail: the step's id
 */
@customElement('csp-assessment-undo')
export class AssessmentUndo extends LitElement {
  static override styles = [baseStyles];

  /** The most recent undoable step. */
  @property({ attribute: false }) step: AssessmentUndoSummary | undefined;
  @state() private done = '';

  private undo(s: AssessmentUndoSummary) {
    this.dispatchEvent(new CustomEvent<string>('undo-step', { detail: s.id, bubbles: true, composed: true }));
    this.done = `Undone: ${s.label}.`;
  }

  override render() {
    const s = this.step;
    return html`
      <p role="status" class=${this.done === '' ? 'visually-hidden' : ''}>${this.done}</p>
      ${s === undefined
        ? nothing
        : html`<p class="note">
            Last change: ${s.label} (${formatDateTime(s.createdAt)}).
            <button class="secondary" @click=${() => this.undo(s)}>Undo</button>
          </p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-assessment-undo': AssessmentUndo;
  }
}
