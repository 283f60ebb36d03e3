import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDateTime } from '../../models/format';
import { baseStyles } from './styles';

/** An undoable step as every store describes it. */
export interface UndoStep {
  id: string;
  label: string;
  createdAt: number;
}

/**
 * Offers to undo the most recent step of a store (data, assessments, need
 * settings). The page says which step that is and does the undoing.
 *
 * @fires undo-step - detail: the step's id
 * @example <csp-undo-bar .step=${lastStep} @undo-step=${(e) => store.undo(e.detail)}></csp-undo-bar>
 */
@customElement('csp-undo-bar')
export class UndoBar extends LitElement {
  static override styles = [baseStyles];

  /** The most recent undoable step, if any. */
  @property({ attribute: false }) step: UndoStep | undefined;
  /** What the step changed, e.g. "Last change to your indicators or lookup". */
  @property() what = 'Last change';
  @state() private done = '';

  private undo(s: UndoStep) {
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
            ${this.what}: ${s.label} (${formatDateTime(s.createdAt)}).
            <button class="secondary" @click=${() => this.undo(s)}>Undo</button>
          </p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-undo-bar': UndoBar;
  }
}
