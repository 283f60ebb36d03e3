import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { formatDateTime } from '../../models/format';
import { servicesContext, type Services } from '../app/context';
import { baseStyles } from './styles';

/**
 * Offers to undo the last change to the user's indicators or lookup.
 *
 * @fires need-changed - after an undo
 */
@customElement('csp-need-undo')
export class NeedUndo extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: servicesContext }) private services?: Services;
  /** Changes whenever the need store may have changed. */
  @property({ attribute: false }) revision = 0;
  @state() private busy = false;
  @state() private done = '';

  private readonly last = new Task(this, {
    task: async ([rev]) => {
      void rev;
      return this.services?.need.lastUndo();
    },
    args: () => [this.revision] as const,
  });

  private async undo(id: string, label: string) {
    if (this.services === undefined) return;
    this.busy = true;
    try {
      await this.services.need.undo(id);
      this.done = `Undone: ${label}.`;
      this.dispatchEvent(new CustomEvent('need-changed', { bubbles: true, composed: true }));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const u = this.last.value;
    return html`
      ${this.done === '' ? nothing : html`<p role="status">${this.done}</p>`}
      ${u === undefined
        ? nothing
        : html`<p class="note">
            Last change to your indicators or lookup: ${u.label} (${formatDateTime(u.createdAt)}).
            <button class="secondary" ?disabled=${this.busy} @click=${() => this.undo(u.id, u.label)}>Undo</button>
          </p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-undo': NeedUndo;
  }
}
