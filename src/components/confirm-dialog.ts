import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { baseStyles } from './styles';

/**
 * A modal question before a destructive step. `ask()` resolves true when the
 * user confirms, false on cancel or Escape.
 *
 * @example if (await this.confirm.ask('Delete “2024 import”?', 'Its 12 months are removed.')) ...
 */
@customElement('csp-confirm')
export class ConfirmDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dialog {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 8px;
        max-width: 32rem;
        padding: 1.25rem;
      }
      dialog::backdrop {
        background: rgba(20, 30, 45, 0.45);
      }
      .buttons {
        display: flex;
        gap: 0.75rem;
        justify-content: flex-end;
      }
    `,
  ];

  /** Text of the confirming button. */
  @property() action = 'Delete';
  @property() private heading = '';
  @property() private detail = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private resolve: ((ok: boolean) => void) | undefined;

  async ask(heading: string, detail: string, action = 'Delete'): Promise<boolean> {
    this.heading = heading;
    this.detail = detail;
    this.action = action;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  private close(ok: boolean) {
    this.dialog.close();
    this.resolve?.(ok);
    this.resolve = undefined;
  }

  override render() {
    return html`
      <dialog aria-labelledby="h" aria-describedby="d" @cancel=${() => this.close(false)}>
        <h2 id="h">${this.heading}</h2>
        <p id="d">${this.detail}</p>
        <div class="buttons">
          <button class="secondary" autofocus @click=${() => this.close(false)}>Cancel</button>
          <button class="danger" @click=${() => this.close(true)}>${this.action}</button>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-confirm': ConfirmDialog;
  }
}
