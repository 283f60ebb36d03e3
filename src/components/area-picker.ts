import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { mergeCounts, rankAuthorities, strayAuthorities } from '../../models/area';
import { plural } from '../../models/format';
import { stateContext, type WorkbenchState } from '../app/context';
import { askPage } from '../app/page-requests';

/**
 * Chooses the partnership area: one of the local authorities the stored
 * police.uk rows fall in (from their LSOA names). Rows elsewhere are kept and
 * counted, and left out of the area's figures.
 */
@customElement('csp-area-picker')
export class AreaPicker extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    label {
      font-weight: 600;
    }
    select {
      font: inherit;
      padding: 0.25rem;
      max-width: 22rem;
    }
    select:focus-visible {
      outline: 3px solid var(--focus, #ffbf47);
    }
  `;

  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;

  private readonly authorities = new Task(this, {
    task: async ([version]) => {
      void version;
      const metas = await askPage(this, 'store', 'partitions', 'crime');
      return rankAuthorities(mergeCounts(metas.map((m) => m.ladCounts ?? {})));
    },
    args: () => [this.wb?.versions.data] as const,
  });

  private async choose(e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    await askPage(this, 'store', 'updateSettings', value === '' ? { area: undefined } : { area: value });
  }

  override render() {
    const list = this.authorities.value ?? [];
    const area = this.wb?.area ?? '';
    const known = list.some((a) => a.name === area);
    // A force's file places a handful of rows in authorities far away: they are listed apart, under "other".
    const { main, other } = strayAuthorities(list);
    const option = (a: { name: string; rows: number }) => html`<option value=${a.name} ?selected=${a.name === area}>${a.name} (${plural(a.rows, 'row')})</option>`;
    return html`
      <label for="area">Partnership area</label>
      <select id="area" @change=${this.choose} .value=${area}>
        <option value="" ?selected=${area === ''}>Choose an authority…</option>
        ${!known && area !== '' ? html`<option value=${area} selected>${area} (no rows stored)</option>` : null}
        ${main.map(option)}
        ${other.length === 0 ? null : html`<optgroup label="Other authorities (a few stray rows each)">${other.map(option)}</optgroup>`}
      </select>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-area-picker': AreaPicker;
  }
}
