import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatCount, formatDate, plural } from '../../models/format';
import type { LookupRead } from '../../models/need/lookup';
import type { NeedSetup } from '../engines/need-setup';
import type { ConfirmDialog } from './confirm-dialog';
import { baseStyles, fileCheckStyles } from './styles';
import './confirm-dialog';
import './row-problems';
import { askPage } from '../app/page-requests';

/**
 * The optional LSOA → ward lookup: import (checked first, every rejected row
 * listed), replace (asks), remove (undoable).
 *
 * @fires need-changed - after a save or removal
 */
@customElement('csp-need-lookup')
export class NeedLookup extends LitElement {
  static override styles = [baseStyles, fileCheckStyles];

  @property({ attribute: false }) current: NeedSetup['lookup'] = null;
  @state() private checked: { fileName: string; read: LookupRead } | null = null;
  @state() private busy = false;
  @query('csp-confirm') private confirm!: ConfirmDialog;
  @query('input[type=file]') private input!: HTMLInputElement;

  private async pick(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    this.busy = true;
    try {
      this.checked = { fileName: file.name, read: await askPage(this, 'need', 'readLookup', file.name, await file.text()) };
    } finally {
      this.busy = false;
    }
  }

  private async save() {
    const c = this.checked;
    if (c === null || !c.read.ok) return;
    if (this.current !== null && !(await this.confirm.ask('Replace the lookup?', `${this.current.fileName} will be replaced by ${c.fileName}; you can undo this afterwards.`, 'Replace'))) return;
    await askPage(this, 'need', 'setLookup', c.read.lookup, `Import lookup ${c.fileName}`);
    this.checked = null;
    this.input.value = '';
    this.changed();
  }

  private async removeLookup() {
    if (this.current === null) return;
    if (!(await this.confirm.ask('Remove the lookup?', 'LSOAs will be placed in wards by their centroids again; you can undo this afterwards.', 'Remove'))) return;
    await askPage(this, 'need', 'setLookup', null, `Remove lookup ${this.current.fileName}`);
    this.changed();
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('need-changed', { bubbles: true, composed: true }));
  }

  override render() {
    const c = this.checked;
    return html`
      ${
        this.current === null
          ? html`<p>No lookup is stored: 2011 LSOAs are placed in wards by their centroids.</p>`
          : html`<p>
            Lookup in use: ${this.current.fileName} (imported ${formatDate(this.current.importedAt)}, ${plural(this.current.pairs, 'LSOA')}); it places
            ${plural(this.current.used, 'LSOA')} of this area.
            <button class="danger" @click=${this.removeLookup}>Remove the lookup</button>
          </p>`
      }
      <label for="lookup-csv">LSOA to ward lookup CSV (columns: lsoa code, ward code; or an ONS lookup file)</label>
      <input id="lookup-csv" type="file" accept=".csv,text/csv" ?disabled=${this.busy} @change=${this.pick} />
      ${
        c === null
          ? nothing
          : !c.read.ok
            ? html`<p class="note error" role="alert">${c.fileName}: ${c.read.reason} Nothing was stored.</p>`
            : html`<div class="note ${c.read.problems.length > 0 ? 'warning' : ''}" role="status">
                <p>
                  ${c.fileName}: ${plural(c.read.rows, 'row')} read; ${plural(Object.keys(c.read.lookup.pairs).length, 'LSOA')} with a ward;
                  ${formatCount(c.read.problems.length)} ${c.read.problems.length === 1 ? 'row' : 'rows'} rejected.
                </p>
                <div class="buttons">
                  <button @click=${this.save}>Use this lookup</button>
                  <button class="secondary" @click=${() => ((this.checked = null), (this.input.value = ''))}>Cancel</button>
                </div>
              </div>
              <csp-row-problems .problems=${c.read.problems} caption="Rejected rows of ${c.fileName}"></csp-row-problems>`
      }
      <csp-confirm></csp-confirm>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-need-lookup': NeedLookup;
  }
}
