import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatDateTime, plural } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { TEMPLATES } from '../../models/risk-matrix/templates';
import type { StoredAssessmentSummary } from '../data/assessment-store';
import { requestEdit } from '../app/assessment-edit';
import type { ConfirmDialog } from './confirm-dialog';
import { baseStyles } from './styles';
import './confirm-dialog';

/** What the list asks its page to do. */
export type AssessmentAction = { kind: 'open'; id: string } | { kind: 'create'; name: string; templateId: string } | { kind: 'duplicate'; id: string } | { kind: 'delete'; id: string };

/**
 * The stored assessments: open one, create one from a template, duplicate,
 * rename the open one, delete (after a confirmation; undoable).
 *
 * @fires assessment-action - detail: AssessmentAction
 */
@customElement('csp-assessment-list')
export class AssessmentList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
        margin: 0.75rem 0;
      }
      label,
      .field {
        display: grid;
        gap: 0.2rem;
        font-size: 0.9rem;
      }
      input,
      select {
        font: inherit;
        padding: 0.3rem 0.4rem;
      }
      tr.open th {
        font-weight: 700;
      }
      td.actions {
        white-space: nowrap;
      }
      td.actions button + button {
        margin-left: 0.4rem;
      }
    `,
  ];

  /** Every stored assessment. */
  @property({ attribute: false }) list: StoredAssessmentSummary[] = [];
  /** The open assessment. */
  @property({ attribute: false }) current: Assessment | undefined;
  @state() private error = '';
  @query('csp-confirm') private confirm!: ConfirmDialog;

  private act(detail: AssessmentAction) {
    this.dispatchEvent(new CustomEvent<AssessmentAction>('assessment-action', { detail, bubbles: true, composed: true }));
  }

  private async askDelete(s: StoredAssessmentSummary) {
    const ok = await this.confirm.ask(`Delete “${s.name}”?`, `Its ${plural(s.issues, 'issue')}, scores, rationales and weight sets are removed. You can undo this straight afterwards.`);
    if (ok) this.act({ kind: 'delete', id: s.id });
  }

  private create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (name === '') {
      this.error = 'Give the new assessment a name.';
      return;
    }
    this.error = '';
    this.act({ kind: 'create', name, templateId: String(data.get('template')) });
    form.reset();
  }

  private rename(e: Event) {
    const input = e.target as HTMLInputElement;
    const name = input.value.trim();
    const old = this.current?.name ?? '';
    if (name === old) return;
    this.error = name === '' ? 'An assessment needs a name.' : (requestEdit(this, (a) => ({ ...a, name }), `Rename “${old}” to “${name}”`) ?? '');
    if (this.error !== '') input.value = old;
  }

  override render() {
    return html`
      <csp-confirm></csp-confirm>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Assessments</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Model</th>
              <th scope="col" class="num">Issues</th>
              <th scope="col" class="num">Criteria</th>
              <th scope="col">Last changed</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.list.length === 0 ? html`<tr><td colspan="6">No assessments yet: create one below.</td></tr>` : nothing}
            ${this.list.map((s) => {
              const open = s.id === this.current?.id;
              return html`<tr class=${open ? 'open' : ''}>
                <th scope="row">${s.name}${open ? html` <span class="muted">(open)</span>` : nothing}</th>
                ${
                  s.problem !== undefined
                    ? html`<td colspan="4" class="error">This record could not be read: ${s.problem}</td>`
                    : html`<td>${s.modelName}</td>
                      <td class="num">${s.issues}</td>
                      <td class="num">${s.criteria}</td>
                      <td>${formatDateTime(s.updatedAt)}</td>`
                }
                <td class="actions">
                  ${open || s.problem !== undefined ? nothing : html`<button class="secondary" aria-label="Open ${s.name}" @click=${() => this.act({ kind: 'open', id: s.id })}>Open</button>`}
                  ${s.problem !== undefined ? nothing : html`<button class="secondary" aria-label="Duplicate ${s.name}" @click=${() => this.act({ kind: 'duplicate', id: s.id })}>Duplicate</button>`}
                  <button class="danger" aria-label="Delete ${s.name}" @click=${() => this.askDelete(s)}>Delete</button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        this.current === undefined
          ? nothing
          : html`<form @submit=${(e: Event) => e.preventDefault()}>
            <label>Name of the open assessment <input name="rename" .value=${this.current.name} @change=${this.rename} /></label>
          </form>`
      }
      <form @submit=${this.create} aria-label="New assessment">
        <label>New assessment name <input name="name" placeholder="e.g. 2025 draft" /></label>
        <div class="field">
          <label for="template">Template</label>
          <select id="template" name="template">
            ${TEMPLATES.map((t) => html`<option value=${t.id}>${t.name}</option>`)}
          </select>
        </div>
        <button type="submit">Create assessment</button>
      </form>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-assessment-list': AssessmentList;
  }
}
