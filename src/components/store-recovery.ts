import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { StoreHealth } from '../data/store';
import { plural } from '../../models/format';
import { baseStyles } from './styles';
import './confirm-dialog';
import type { ConfirmDialog } from './confirm-dialog';

/**
 * What to do when the local store holds records this version cannot read:
 * download everything as it is, clear the store, import again. With
 * `blocking` it is the whole page (the app cannot run on what is stored);
 * otherwise a note about records an upgrade kept as they were.
 *
 * @fires export-store - the user asked for a download of everything stored
 * @fires clear-store - the user confirmed clearing the data store
 */
@customElement('csp-store-recovery')
export class StoreRecovery extends LitElement {
  static override styles = [baseStyles];

  /** What the store's health check found. */
  @property({ attribute: false }) health: StoreHealth = { problems: [], legacy: [] };
  /** True when the app cannot open its pages on this store. */
  @property({ type: Boolean }) blocking = false;
  @query('csp-confirm') private confirm!: ConfirmDialog;

  private async clear() {
    const ok = await this.confirm.ask(
      'Clear the local data store?',
      'Every imported month, table and boundary file in this browser is removed, with its import reports and undo history. Download it first if you may need it. Assessments are kept.',
      'Clear the data store',
    );
    if (ok) this.dispatchEvent(new CustomEvent('clear-store', { bubbles: true, composed: true }));
  }

  private download() {
    this.dispatchEvent(new CustomEvent('export-store', { bubbles: true, composed: true }));
  }

  override render() {
    const { problems, legacy } = this.health;
    const buttons = html`<p>
      <button type="button" @click=${this.download}>Download everything stored (JSON)</button>
      <button type="button" @click=${this.clear}>Clear the data store…</button>
    </p>`;
    if (!this.blocking) {
      return html`<section class="note warning" aria-labelledby="legacy-h">
          <h2 id="legacy-h">Data an earlier version saved</h2>
          <p>
            When this version upgraded the local store, ${plural(legacy.length, 'record')} could not be converted
            (${[...new Set(legacy.map((l) => l.reason))].join('; ')}). They are not used in any figure, and are kept as they were
            so you can download them. Import those files again to use them.
          </p>
          ${buttons}
        </section>
        <csp-confirm></csp-confirm>`;
    }
    return html`<section aria-labelledby="recovery-h">
        <h2 id="recovery-h">Your stored data needs attention</h2>
        <p>
          This version of the workbench cannot read some of what an earlier version saved in this browser, so its pages cannot open on
          it. Nothing has been deleted.
        </p>
        <table>
          <caption>Stored records that cannot be read</caption>
          <thead>
            <tr><th scope="col">What</th><th scope="col">First problem found</th></tr>
          </thead>
          <tbody>
            ${problems.map((p) => html`<tr><td>${p.what}</td><td><code>${p.detail}</code></td></tr>`)}
          </tbody>
        </table>
        <h3>What you can do</h3>
        <ol>
          <li>Download everything stored, as it is, to keep a copy.</li>
          <li>Clear the data store. Assessments, evidence settings and reports are kept; only imported data goes.</li>
          <li>Import your police.uk, IMD and boundary files again on the Data page (the sample loads again by itself).</li>
        </ol>
        ${buttons}
      </section>
      ${legacy.length > 0 ? html`<p>${plural(legacy.length, 'record')} kept from an upgrade are in the download too.</p>` : nothing}
      <csp-confirm></csp-confirm>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-store-recovery': StoreRecovery;
  }
}
