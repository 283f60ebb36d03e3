import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, query, state } from 'lit/decorators.js';
import { addIssue, Catalogue, DEFAULT_CATALOGUE, removeIssue, type CatalogueIssue, type IssueSource } from '../../models/evidence/catalogue';
import type { LocalCount } from '../../models/evidence/local-counts';
import { CRIME_TYPES } from '../../models/police-uk/street-row';
import { plural } from '../../models/format';
import type { ConfirmDialog } from './confirm-dialog';
import { setupChanged } from './evidence-events';
import { askPage } from '../app/page-requests';
import { baseStyles } from './styles';
import './confirm-dialog';

/**
 * The issue catalogue: which police.uk crime types each issue counts, and
 * which issues take local counts. Issues can be renamed, remapped, added and
 * removed; the default catalogue can be restored.
 *
 * @fires evidence-setup-changed - after the catalogue is saved
 */
@customElement('csp-issue-catalogue')
export class IssueCatalogue extends LitElement {
  static override styles = [
    baseStyles,
    css`
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 4px;
        margin: 0.75rem 0;
        padding: 0.5rem 1rem 0.75rem;
      }
      legend {
        font-weight: 600;
      }
      .types {
        columns: 3 14rem;
        margin: 0.5rem 0;
      }
      .types label {
        display: block;
        break-inside: avoid;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin: 0.5rem 0;
      }
      .row label {
        display: block;
      }
      input[type='text'] {
        font: inherit;
        padding: 0.25rem 0.4rem;
        min-width: 18rem;
      }
      td .actions {
        display: flex;
        gap: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) catalogue: Catalogue | null = null;
  /** Local counts held (to say what removing an issue removes). */
  @property({ attribute: false }) localCounts: readonly LocalCount[] = [];
  /** Crime types present in the stored data (the 14 police.uk types are always offered). */
  @property({ attribute: false }) dataCrimeTypes: readonly string[] = [];

  @state() private editing: string | null = null;
  /** A new police.uk issue not yet saved (it needs its crime types first). */
  @state() private pending: CatalogueIssue | null = null;
  @state() private draftLabel = '';
  @state() private draftTypes: string[] = [];
  @state() private newLabel = '';
  @state() private newSource: IssueSource = 'police-uk';
  @state() private message: { kind: 'error' | 'status'; text: string } | null = null;
  @query('csp-confirm') private confirm!: ConfirmDialog;

  private get crimeTypes(): string[] {
    return [...CRIME_TYPES, ...this.dataCrimeTypes.filter((t) => !(CRIME_TYPES as readonly string[]).includes(t))];
  }

  private async save(next: Catalogue, done: string): Promise<boolean> {
    const parsed = Catalogue.safeParse(next);
    if (!parsed.success) {
      this.message = { kind: 'error', text: parsed.error.issues[0]!.message };
      return false;
    }
    try {
      const { removedCounts } = await askPage(this, 'evidenceStore', 'saveCatalogue', parsed.data);
      this.message = { kind: 'status', text: removedCounts > 0 ? `${done} ${plural(removedCounts, 'local count')} removed with it.` : done };
      this.dispatchEvent(setupChanged());
      return true;
    } catch (e) {
      this.message = { kind: 'error', text: (e as Error).message };
      return false;
    }
  }

  /** The catalogue's issues plus one being added. */
  private get issues(): CatalogueIssue[] {
    return [...(this.catalogue?.issues ?? []), ...(this.pending === null ? [] : [this.pending])];
  }

  private async startEdit(issue: CatalogueIssue) {
    this.editing = issue.id;
    this.draftLabel = issue.label;
    this.draftTypes = [...issue.crimeTypes];
    this.message = null;
    // The form opens below a long table: take the keyboard (and the view) to it.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#edit-label')?.focus();
  }

  private async saveEdit(e: Event) {
    e.preventDefault();
    const next = {
      issues: this.issues.map((i) =>
        i.id === this.editing ? { ...i, label: this.draftLabel.trim(), crimeTypes: i.source === 'local' ? [] : this.crimeTypes.filter((t) => this.draftTypes.includes(t)) } : i,
      ),
    };
    if (await this.save(next, `Saved “${this.draftLabel.trim()}”.`)) {
      this.editing = null;
      this.pending = null;
    }
  }

  private async removeIssue(issue: CatalogueIssue) {
    const n = this.localCounts.filter((c) => c.issueId === issue.id).length;
    const detail = n > 0 ? `Its ${plural(n, 'local count')} will be removed too.` : 'It can be added again later.';
    if (!(await this.confirm.ask(`Remove “${issue.label}”?`, detail, 'Remove'))) return;
    await this.save(removeIssue(this.catalogue!, issue.id), `Removed “${issue.label}”.`);
  }

  private async add(e: Event) {
    e.preventDefault();
    const label = this.newLabel.trim();
    if (label === '') {
      this.message = { kind: 'error', text: 'Give the new issue a name.' };
      return;
    }
    const { catalogue, id } = addIssue(this.catalogue!, label, this.newSource);
    // A new police.uk issue needs a crime type before it is valid: open it for editing with none chosen.
    if (this.newSource === 'police-uk') {
      this.pending = catalogue.issues.find((i) => i.id === id)!;
      void this.startEdit(this.pending);
      this.message = { kind: 'status', text: `Choose the crime types “${label}” counts, then save it.` };
      this.newLabel = '';
      return;
    }
    if (await this.save(catalogue, `Added “${label}”; import or type its monthly counts below.`)) this.newLabel = '';
  }

  private async reset() {
    if (!(await this.confirm.ask('Restore the default catalogue?', 'Your issues and mappings are replaced by the defaults; local counts of issues not in the defaults are removed.', 'Restore')))
      return;
    await this.save(DEFAULT_CATALOGUE, 'Restored the default catalogue.');
  }

  override render() {
    const cat = this.catalogue;
    if (cat === null) return nothing;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Issue catalogue</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Counted from</th>
              <th scope="col">Crime types / what to count</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${cat.issues.map(
              (i) => html`<tr>
                <th scope="row">${i.label}</th>
                <td>${i.source === 'police-uk' ? 'police.uk crime types' : 'Local monthly counts'}</td>
                <td>${i.source === 'police-uk' ? i.crimeTypes.join(', ') : i.description}</td>
                <td>
                  <div class="actions">
                    <button class="secondary" aria-label=${`Edit ${i.label}`} @click=${() => void this.startEdit(i)}>Edit</button>
                    <button class="danger" aria-label=${`Remove ${i.label}`} @click=${() => void this.removeIssue(i)}>Remove</button>
                  </div>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.editing === null ? nothing : this.editor()}
      ${this.message === null ? nothing : html`<p class="note ${this.message.kind === 'error' ? 'error' : ''}" role=${this.message.kind === 'error' ? 'alert' : 'status'}>${this.message.text}</p>`}
      <form @submit=${this.add}>
        <fieldset>
          <legend>Add an issue</legend>
          <div class="row">
            <div>
              <label for="new-label">Name of the new issue</label>
              <input id="new-label" type="text" .value=${this.newLabel} @input=${(e: Event) => (this.newLabel = (e.target as HTMLInputElement).value)} />
            </div>
            <div role="radiogroup" aria-label="Counted from">
              <label class="check"><input type="radio" name="source" .checked=${this.newSource === 'police-uk'} @change=${() => (this.newSource = 'police-uk')} /> police.uk crime types</label>
              <label class="check"><input type="radio" name="source" .checked=${this.newSource === 'local'} @change=${() => (this.newSource = 'local')} /> Local monthly counts</label>
            </div>
            <button type="submit">Add issue</button>
          </div>
        </fieldset>
      </form>
      <button class="secondary" @click=${() => void this.reset()}>Restore the default catalogue</button>
      <csp-confirm></csp-confirm>
    `;
  }

  private editor() {
    const issue = this.issues.find((i) => i.id === this.editing);
    if (issue === undefined) return nothing;
    return html`<form @submit=${this.saveEdit}>
      <fieldset>
        <legend>Edit “${issue.label}”</legend>
        <label for="edit-label">Name</label>
        <input id="edit-label" type="text" .value=${this.draftLabel} @input=${(e: Event) => (this.draftLabel = (e.target as HTMLInputElement).value)} />
        ${
          issue.source === 'police-uk'
            ? html`<fieldset>
              <legend>Crime types “${issue.label}” counts</legend>
              <div class="types">
                ${this.crimeTypes.map(
                  (t) => html`<label
                    ><input
                      type="checkbox"
                      .checked=${this.draftTypes.includes(t)}
                      @change=${(e: Event) => {
                        const on = (e.target as HTMLInputElement).checked;
                        this.draftTypes = on ? [...this.draftTypes, t] : this.draftTypes.filter((x) => x !== t);
                      }}
                    />
                    ${t}</label
                  >`,
                )}
              </div>
            </fieldset>`
            : html`<p class="muted">Counted from local monthly counts: import them or type them in below.</p>`
        }
        <div class="row">
          <button type="submit">Save issue</button>
          <button type="button" class="secondary" @click=${() => this.cancelEdit()}>Cancel</button>
        </div>
      </fieldset>
    </form>`;
  }

  private cancelEdit() {
    this.editing = null;
    this.pending = null;
    this.message = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-issue-catalogue': IssueCatalogue;
  }
}
