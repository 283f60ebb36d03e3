import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatCount, formatDate, plural } from '../../models/format';
import type { UserIndicatorRead } from '../../models/need/user-indicators';
import type { NeedSetup } from '../engines/need-setup';
import type { ConfirmDialog } from './confirm-dialog';
import { baseStyles, fileCheckStyles } from './styles';
import './confirm-dialog';
import './row-problems';
import { askPage } from '../app/page-requests';

/**
 * The user's own area indicators: import a CSV (`area code, indicator,
 * value`), see every rejected row, save (asking before replacing indicators
 * of the same name), list and delete. Saving and deleting can be undone.
 *
 * @fires need-changed - after a save or delete
 */
@customElement('csp-user-indicators')
export class UserIndicators extends LitElement {
  static override styles = [baseStyles, fileCheckStyles];

  @property({ attribute: false }) area = '';
  @property({ attribute: false }) stored: NeedSetup['userIndicators'] = [];
  @state() private checked: { fileName: string; read: UserIndicatorRead } | null = null;
  @state() private status = '';
  @state() private busy = false;
  @query('csp-confirm') private confirm!: ConfirmDialog;
  @query('input[type=file]') private input!: HTMLInputElement;

  private async pick(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    this.busy = true;
    this.status = '';
    try {
      this.checked = { fileName: file.name, read: await askPage(this, 'need', 'readIndicators', file.name, await file.text(), this.area) };
    } finally {
      this.busy = false;
    }
  }

  private async save() {
    const c = this.checked;
    if (c === null || !c.read.ok) return;
    const names = c.read.indicators.map((i) => i.name);
    const replacing = names.filter((n) => this.stored.some((s) => s.name === n));
    if (
      replacing.length > 0 &&
      !(await this.confirm.ask(
        `Replace ${plural(replacing.length, 'indicator')}?`,
        `${replacing.map((n) => `“${n}”`).join(', ')} ${replacing.length === 1 ? 'is' : 'are'} already stored. The values from ${c.fileName} will take their place; you can undo this afterwards.`,
        'Replace',
      ))
    )
      return;
    this.busy = true;
    try {
      await askPage(this, 'need', 'saveIndicators', c.read.indicators, `Import ${c.fileName} (${plural(names.length, 'indicator')})`);
      this.status = `Saved ${plural(names.length, 'indicator')} from ${c.fileName}: ${names.join(', ')}.`;
      this.checked = null;
      this.input.value = '';
      this.changed();
    } finally {
      this.busy = false;
    }
  }

  private async deleteIndicator(name: string) {
    if (!(await this.confirm.ask(`Delete “${name}”?`, 'Its values are removed from the workbench; you can undo this afterwards.'))) return;
    await askPage(this, 'need', 'deleteIndicator', name);
    this.status = `Deleted “${name}”.`;
    this.changed();
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('need-changed', { bubbles: true, composed: true }));
  }

  override render() {
    return html`
      <label for="user-csv">Area indicators CSV (columns: area code, indicator, value)</label>
      <input id="user-csv" type="file" accept=".csv,text/csv" ?disabled=${this.busy} @change=${this.pick} />
      <p class="muted">
        One row per area and indicator; area codes must be wards (E05…) or LSOAs (E01…) of the loaded boundaries. Values are used as given, so give rates rather than
        counts where areas differ in size.
      </p>
      ${this.checkResult()} ${this.status === '' ? nothing : html`<p role="status">${this.status}</p>`} ${this.list()}
      <csp-confirm></csp-confirm>
    `;
  }

  private checkResult() {
    const c = this.checked;
    if (c === null) return nothing;
    if (!c.read.ok) return html`<p class="note error" role="alert">${c.fileName}: ${c.read.reason} Nothing was stored.</p>`;
    const r = c.read;
    const areas = new Set(r.indicators.flatMap((i) => Object.keys(i.values))).size;
    return html`
      <div class="note ${r.problems.length > 0 ? 'warning' : ''}" role="status">
        <p>
          ${c.fileName}: ${plural(r.rows, 'row')} read; ${plural(r.indicators.length, 'indicator')} (${r.indicators.map((i) => i.name).join(', ') || 'none'}) for
          ${plural(areas, 'area')}; ${formatCount(r.problems.length)} ${r.problems.length === 1 ? 'row' : 'rows'} rejected${r.problems.length > 0 ? ' (listed below, not stored)' : ''}.
        </p>
        <div class="buttons">
          <button ?disabled=${this.busy || r.indicators.length === 0} @click=${this.save}>Save ${plural(r.indicators.length, 'indicator')}</button>
          <button class="secondary" @click=${() => ((this.checked = null), (this.input.value = ''))}>Cancel</button>
        </div>
      </div>
      <csp-row-problems .problems=${r.problems} caption="Rejected rows of ${c.fileName}"></csp-row-problems>
    `;
  }

  private list() {
    if (this.stored.length === 0) return html`<p>No indicators of your own are stored.</p>`;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Your area indicators</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">File</th>
              <th scope="col">Imported</th>
              <th scope="col" class="num">Wards of ${this.area}</th>
              <th scope="col" class="num">LSOAs of ${this.area}</th>
              <th scope="col" class="num">Other areas</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.stored.map(
              (u) => html`<tr>
                <th scope="row">${u.name}</th>
                <td>${u.fileName}</td>
                <td>${formatDate(u.importedAt)}</td>
                <td class="num">${formatCount(u.wards)}</td>
                <td class="num">${formatCount(u.lsoas)}</td>
                <td class="num">${formatCount(u.elsewhere)}</td>
                <td><button class="danger" aria-label="Delete ${u.name}" @click=${() => this.deleteIndicator(u.name)}>Delete</button></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-user-indicators': UserIndicators;
  }
}
