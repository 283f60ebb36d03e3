import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { readPeerGroup, type PeerGroup } from '../../models/peers/peers';
import { baseStyles } from './styles';
import { formStyles } from './form-styles';

/**
 * Edits the user's peer group (local authority codes, e.g. a Most Similar
 * Group). Codes are checked against the loaded files before anything is kept.
 *
 * @fires peer-group-change - detail: the new list of codes
 */
@customElement('csp-peer-group')
export class PeerGroupEditor extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) group: PeerGroup = [];
  /** Codes the loaded files name. */
  @property({ attribute: false }) known: readonly { code: string; name: string }[] = [];
  @state() private error = '';

  private save(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#peer-codes')!;
    const r = readPeerGroup(input.value, this.known);
    input.setAttribute('aria-invalid', r.ok ? 'false' : 'true');
    if (!r.ok) {
      this.error = `${r.reason}. The peer group was not changed.`;
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent('peer-group-change', { detail: r.codes, bubbles: true, composed: true }));
  }

  override render() {
    const name = new Map(this.known.map((k) => [k.code, k.name]));
    return html`<form @submit=${this.save}>
        <div class="field">
          <label for="peer-codes">Peer group (local authority codes, separated by commas)</label>
          <input id="peer-codes" type="text" size="40" .value=${this.group.join(', ')} />
        </div>
        <button type="submit">Save peer group</button>
      </form>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <p class="muted">
        ${this.group.length === 0 ? 'No peer group is set.' : `Peer group: ${this.group.map((c) => `${name.get(c) ?? c} (${c})`).join(', ')}.`} Codes the loaded files name:
        ${this.known.map((k) => `${k.name} ${k.code}`).join(', ') || 'none'}.
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-peer-group': PeerGroupEditor;
  }
}
