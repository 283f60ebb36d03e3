import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { formatDateTime } from '../../models/format';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { baseStyles } from './styles';

/** Offers to undo the last import, replacement or delete. */
@customElement('csp-undo-bar')
export class UndoBar extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  @state() private busy = false;
  @state() private done = '';

  private readonly last = new Task(this, {
    task: async ([version]) => {
      void version;
      return this.services?.store.lastUndo();
    },
    args: () => [this.wb?.version] as const,
  });

  private async undo(id: string, label: string) {
    if (this.services === undefined) return;
    this.busy = true;
    try {
      await this.services.importer.undo(id);
      this.done = `Undone: ${label}.`;
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
            Last change: ${u.label} (${formatDateTime(u.createdAt)}).
            <button class="secondary" ?disabled=${this.busy} @click=${() => this.undo(u.id, u.label)}>Undo</button>
          </p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-undo-bar': UndoBar;
  }
}
