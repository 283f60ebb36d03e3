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
 * settings). The page says which step that is and how to undo it; the bar
 * waits for the undo, so it reports what happened and a second click cannot
 * send the same step twice.
 *
 * @example <csp-undo-bar .step=${lastStep} .run=${(id) => store.undo(id)}></csp-undo-bar>
 */
@customElement('csp-undo-bar')
export class UndoBar extends LitElement {
  static override styles = [baseStyles];

  /** The most recent undoable step, if any. */
  @property({ attribute: false }) step: UndoStep | undefined;
  /** Undoes a step by its id. */
  @property({ attribute: false }) run: ((id: string) => Promise<void>) | undefined;
  /** What the step changed, e.g. "Last change to your indicators or lookup". */
  @property() what = 'Last change';
  /**
   * A change is being written: the step shown is the one before it, so Undo
   * waits (else it would undo that earlier step instead of the change).
   */
  @property({ type: Boolean }) writing = false;
  @state() private done = '';
  @state() private busy = false;

  private async undo(s: UndoStep) {
    if (this.busy || this.writing || this.run === undefined) return;
    this.busy = true;
    this.done = '';
    try {
      await this.run(s.id);
      this.done = `Undone: ${s.label}.`;
    } catch (e) {
      this.done = `Could not undo ${s.label}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.step;
    return html`
      <p role="status" class=${this.done === '' ? 'visually-hidden' : ''}>${this.done}</p>
      ${
        s === undefined
          ? nothing
          : html`<p class="note">
            ${this.what}: ${s.label}${/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/.test(s.label) ? '' : ` (${formatDateTime(s.createdAt)})`}.
            <button class="secondary" ?disabled=${this.busy || this.writing} @click=${() => this.undo(s)}>Undo</button>
            ${this.writing ? html`<span class="muted">(a change is being saved: Undo waits for it)</span>` : nothing}
          </p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-undo-bar': UndoBar;
  }
}
