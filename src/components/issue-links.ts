import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Catalogue } from '../../models/evidence/catalogue';
import { pendingSuggestions, type IssueLink, type ResolvedLink } from '../../models/evidence/links';
import { formatDate, plural } from '../../models/format';
import { baseStyles } from './styles';
import { findRow, pageAt } from '../app/paging';
import type { PageChange } from './pager';
import './pager';
import { askPage } from '../app/page-requests';

/** Issues a page of the table holds (10,000 rows of menus at once blocked the page). */
export const LINKS_PAGE = 100;

/** The select's value for "no data-backed evidence" (catalogue ids never contain a colon). */
const NONE = ':none';

/**
 * The "Evidence links" table: each assessment issue and the catalogue issue
 * its proposed scores come from. Issues named like a catalogue issue are
 * linked automatically; others may have a suggestion to confirm; the analyst
 * can link any issue to any catalogue issue, or say it has no data-backed
 * evidence. Choices are saved at once to the evidence store, per assessment.
 *
 * @fires links-changed - after links are saved
 */
@customElement('csp-issue-links')
export class IssueLinks extends LitElement {
  static override styles = [
    baseStyles,
    css`
      select {
        font: inherit;
        padding: 0.2rem 0.3rem;
        max-width: 22rem;
      }
      td.how {
        max-width: 34rem;
        white-space: normal;
      }
      .state {
        font-weight: 600;
      }
      .toolbar {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) assessmentId = '';
  @property({ attribute: false }) links: readonly ResolvedLink[] = [];
  @property({ attribute: false }) catalogue: Catalogue | undefined;

  @state() private message = '';
  @state() private error = '';
  /** The first issue of the page shown. */
  @state() private offset = 0;

  private turn(e: CustomEvent<PageChange>) {
    this.offset = e.detail.offset;
    const found = e.detail.found;
    if (found !== undefined) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-row="${found}"] select`)?.focus());
  }

  private label(id: string | null | undefined): string {
    return this.catalogue?.issues.find((i) => i.id === id)?.label ?? String(id);
  }

  private async save(changes: Record<string, IssueLink | null>, message: string) {
    try {
      await askPage(this, 'evidenceStore', 'saveLinks', this.assessmentId, changes);
      this.error = '';
      this.message = message;
      this.dispatchEvent(new CustomEvent('links-changed', { bubbles: true, composed: true }));
    } catch (e) {
      this.error = `Could not save the link: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`;
    }
  }

  private change(link: ResolvedLink, value: string) {
    const at = Date.now();
    if (value === '') {
      const back =
        link.suggestion === null
          ? 'not linked'
          : link.suggestion.by === 'rule'
            ? `not linked (suggestion: ${this.label(link.suggestion.evidenceIssueId)})`
            : `linked automatically to ${this.label(link.suggestion.evidenceIssueId)}`;
      void this.save({ [link.issueId]: null }, `${link.label} is ${back}.`);
    } else if (value === NONE) {
      void this.save({ [link.issueId]: { evidenceIssueId: null, at } }, `${link.label} has no data-backed evidence: no proposals.`);
    } else {
      void this.save({ [link.issueId]: { evidenceIssueId: value, at } }, `${link.label} now draws its evidence from ${this.label(value)}.`);
    }
  }

  private confirmAll() {
    const pending = pendingSuggestions(this.links, Date.now());
    const n = Object.keys(pending).length;
    void this.save(pending, `Confirmed ${plural(n, 'suggested link')}.`);
  }

  override render() {
    const pending = this.links.filter((l) => l.state === 'suggested').length;
    const police = this.catalogue?.issues.filter((i) => i.source === 'police-uk') ?? [];
    const local = this.catalogue?.issues.filter((i) => i.source === 'local') ?? [];
    const w = pageAt(this.links.length, this.offset, LINKS_PAGE);
    const shown = w.pages <= 1 ? this.links : this.links.slice(w.offset, w.end);
    return html`
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <div class="toolbar">
        ${pending === 0 ? nothing : html`<button class="secondary" @click=${this.confirmAll}>Confirm all ${plural(pending, 'suggested link')}</button>`}
        <span role="status">${this.message}</span>
      </div>
      <csp-pager
        .window=${w}
        label="Evidence links"
        noun="issue"
        .find=${(text: string, at: number) =>
          findRow(
            this.links.map((l) => l.label),
            text,
            at,
          )}
        @page-change=${this.turn}
      ></csp-pager>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>
            Evidence links
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Evidence from</th>
              <th scope="col">How it is linked</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (l, k) => html`<tr data-row=${w.offset + k}>
                <th scope="row">${l.label}</th>
                <td>
                  <select aria-label="Evidence for ${l.label}" @change=${(e: Event) => this.change(l, (e.target as HTMLSelectElement).value)}>
                    <option value="" .selected=${live(l.stored === null || l.state === 'missing')}>${this.defaultText(l)}</option>
                    <option value=${NONE} .selected=${live(l.state === 'no-evidence')}>No data-backed evidence</option>
                    <optgroup label="Counted from police.uk">
                      ${police.map((i) => html`<option value=${i.id} .selected=${live(l.state === 'confirmed' && l.evidenceIssueId === i.id)}>${i.label}</option>`)}
                    </optgroup>
                    <optgroup label="Local counts">
                      ${local.map((i) => html`<option value=${i.id} .selected=${live(l.state === 'confirmed' && l.evidenceIssueId === i.id)}>${i.label}</option>`)}
                    </optgroup>
                  </select>
                </td>
                <td class="how">${this.how(l)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  /** The first option: what applies with nothing stored. */
  private defaultText(l: ResolvedLink): string {
    if (l.suggestion === null) return 'Not linked';
    const name = this.label(l.suggestion.evidenceIssueId);
    return l.suggestion.by === 'rule' ? `Not linked (suggested: ${name})` : `Automatic: ${name}`;
  }

  private how(l: ResolvedLink) {
    const when = l.stored === null ? '' : ` on ${formatDate(l.stored.at)}`;
    switch (l.state) {
      case 'confirmed':
        return html`<span class="state">Linked by you${when}.</span> ${l.suggestion !== null && l.suggestion.evidenceIssueId === l.evidenceIssueId ? l.suggestion.note : nothing}`;
      case 'no-evidence':
        return html`<span class="state">No data-backed evidence</span> (your choice${when}): scored by hand.`;
      case 'automatic':
        return html`<span class="state">Automatic.</span> ${l.suggestion!.note} Choose another issue, or “No data-backed evidence”, to change it.`;
      case 'suggested':
        return html`<span class="state">Suggested: ${this.label(l.suggestion!.evidenceIssueId)}.</span> ${l.suggestion!.note} Not used until you confirm it.
          <button class="secondary" aria-label="Confirm ${this.label(l.suggestion!.evidenceIssueId)} for ${l.label}" @click=${() => this.change(l, l.suggestion!.evidenceIssueId)}>
            Confirm
          </button>`;
      case 'missing':
        return html`<span class="state">Linked to “${l.stored?.evidenceIssueId}”, which is no longer in the issue catalogue:</span> choose again.`;
      case 'unlinked':
        return html`<span class="muted">Not linked: no proposed scores.</span>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-issue-links': IssueLinks;
  }
}
