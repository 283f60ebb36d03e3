import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatCount } from '../../models/format';
import type { PageWindow } from '../app/paging';
import { baseStyles } from './styles';

/** What a page change asks for: the first row to show and, after a search, the row found. */
export interface PageChange {
  offset: number;
  found?: number;
}

/**
 * Pages through a long table: "Rows 1 to 200 of 10,000" with First, Previous,
 * Next and Last page buttons and, when `find` is given, a box that goes to
 * the first row whose label holds the text typed. Shows nothing while every
 * row fits on one page. In print only the rows shown and `printNote` remain.
 *
 * @example html`<csp-pager .window=${pageAt(n, offset, 200)} label="Scores" @page-change=${(e) => (this.offset = e.detail.offset)}></csp-pager>`
 * @fires page-change - detail: PageChange
 */
@customElement('csp-pager')
export class Pager extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin: 0.5rem 0;
      }
      form {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      input {
        font: inherit;
        padding: 0.3rem 0.4rem;
        width: 12rem;
      }
      .print-only {
        display: none;
      }
      @media print {
        button,
        form {
          display: none;
        }
        .print-only {
          display: inline;
        }
      }
    `,
  ];

  /** The page shown (from `pageAt`). */
  @property({ attribute: false }) window!: PageWindow;
  /** The table paged (its caption), which names the buttons' group. */
  @property() label = '';
  /** What a row is, for the search box's label ("issue": "Go to issue"). */
  @property() noun = 'row';
  /** The row whose label holds the text, searching on from a row; -1: none. No search box when null. */
  @property({ attribute: false }) find: ((text: string, from: number) => number) | null = null;
  /** Said only in print, after the rows printed (e.g. where the others are). */
  @property() printNote = '';
  @state() private notFound = '';
  private lastFound = -1;

  private go(offset: number, found?: number) {
    this.dispatchEvent(new CustomEvent<PageChange>('page-change', { detail: found === undefined ? { offset } : { offset, found }, bubbles: true, composed: true }));
  }

  private search(e: SubmitEvent) {
    e.preventDefault();
    const text = String(new FormData(e.target as HTMLFormElement).get('find') ?? '');
    // Asking again for the same text goes on to the next match.
    const i = this.find?.(text, this.lastFound + 1) ?? -1;
    this.notFound = i < 0 ? `No ${this.noun} matches “${text.trim()}”.` : '';
    this.lastFound = i;
    if (i >= 0) this.go(i - (i % this.window.size), i);
  }

  override render() {
    const w = this.window;
    if (w === undefined || w.pages <= 1) return nothing;
    const status = `Rows ${formatCount(w.offset + 1)} to ${formatCount(w.end)} of ${formatCount(w.total)}`;
    const last = (w.pages - 1) * w.size;
    return html`<div class="pager" role="group" aria-label="Pages of ${this.label}">
        <button class="secondary" ?disabled=${w.page === 0} @click=${() => this.go(0)}>First page</button>
        <button class="secondary" ?disabled=${w.page === 0} @click=${() => this.go(w.offset - w.size)}>Previous page</button>
        <span role="status">${status}</span>
        ${this.printNote === '' ? nothing : html`<span class="print-only">${this.printNote}</span>`}
        <button class="secondary" ?disabled=${w.page === w.pages - 1} @click=${() => this.go(w.offset + w.size)}>Next page</button>
        <button class="secondary" ?disabled=${w.page === w.pages - 1} @click=${() => this.go(last)}>Last page</button>
        ${
          this.find === null
            ? nothing
            : html`<form @submit=${this.search} role="search" aria-label="Find in ${this.label}">
                <label>Go to ${this.noun} <input name="find" autocomplete="off" @input=${() => (this.lastFound = -1)} /></label>
                <button class="secondary" type="submit">Go</button>
              </form>`
        }
      </div>
      ${this.notFound === '' ? nothing : html`<p class="note" role="alert">${this.notFound}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-pager': Pager;
  }
}
