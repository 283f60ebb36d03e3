import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { cellText, moveIssue, removeIssue, renameIssue, setCell } from '../../models/risk-matrix/issue-edit';
import { scaleText } from '../../models/risk-matrix/scale';
import { Confidence } from '../../models/risk-matrix/schema';
import { requestEdit } from '../app/assessment-edit';
import type { CellRef } from './score-grid';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * The selected cell's rationale and confidence, and its issue's name, order
 * and removal. Escape returns to the grid.
 *
 * @fires back-to-grid - detail: CellRef
 */
@customElement('csp-cell-details')
export class CellDetails extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 6px;
        padding: 0.75rem;
        background: var(--panel, #f3f5f8);
      }
      label,
      .field {
        display: grid;
        gap: 0.2rem;
        margin: 0 0 0.6rem;
        font-size: 0.9rem;
      }
      .field label {
        margin: 0;
      }
      textarea,
      select,
      input {
        font: inherit;
        padding: 0.3rem 0.4rem;
      }
      textarea {
        min-height: 5rem;
        resize: vertical;
      }
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        margin: 0.75rem 0 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @property({ attribute: false }) cell: CellRef | undefined;
  @state() private error = '';
  @state() private done = '';
  @query('textarea') private rationale?: HTMLTextAreaElement;

  /** Puts the cursor in the rationale (F2 in the grid). */
  async focusRationale(): Promise<void> {
    await this.updateComplete;
    this.rationale?.focus();
  }

  private edit(apply: (a: Assessment) => Assessment, label: string, done = '') {
    this.error = requestEdit(this, apply, label) ?? '';
    this.done = this.error === '' ? done : '';
  }

  private onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || this.cell === undefined) return;
    e.preventDefault();
    // Focus leaving the field commits it (its change event), then the grid takes over.
    this.dispatchEvent(new CustomEvent<CellRef>('back-to-grid', { detail: this.cell, bubbles: true, composed: true }));
  }

  override render() {
    const a = this.assessment;
    const ref = this.cell;
    const issue = a.issues.find((i) => i.id === ref?.issueId);
    const c = a.model.criteria.find((x) => x.id === ref?.criterionId);
    if (ref === undefined || issue === undefined || c === undefined) {
      return html`<h3>Cell details</h3><p class="muted">Move to a cell of the grid to see and write its rationale and confidence.</p>`;
    }
    const score = own(own(a.scores, issue.id), c.id);
    const index = a.issues.indexOf(issue);
    return html`
      <section @keydown=${this.onKey} aria-labelledby="cell-h">
        <h3 id="cell-h">${issue.label}: ${c.label}</h3>
        <p>Score ${cellText(a, issue.id, c.id)}. <span class="muted">${c.description} Scale: ${scaleText(c.scale)}.</span></p>
        <label
          >Rationale
          <textarea
            .value=${score?.rationale ?? ''}
            @change=${(e: Event) =>
              this.edit((x) => setCell(x, issue.id, c.id, { rationale: (e.target as HTMLTextAreaElement).value }), `Rationale for ${issue.label}, ${c.label}`, 'Rationale saved.')}
          ></textarea>
        </label>
        <div class="field">
          <label for="confidence">Confidence</label>
          <select id="confidence"
            @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              this.edit((x) => setCell(x, issue.id, c.id, { confidence: v === '' ? null : Confidence.parse(v) }), `Confidence for ${issue.label}, ${c.label}`, 'Confidence saved.');
            }}
          >
            <option value="" ?selected=${score?.confidence === undefined}>Not given</option>
            ${Confidence.options.map((o) => html`<option value=${o} ?selected=${score?.confidence === o}>${o}</option>`)}
          </select>
        </div>
        <fieldset>
          <legend>Issue</legend>
          <label
            >Issue name
            <input
              .value=${issue.label}
              @change=${(e: Event) => {
                const input = e.target as HTMLInputElement;
                this.edit((x) => renameIssue(x, issue.id, input.value), `Rename “${issue.label}” to “${input.value.trim()}”`, 'Issue renamed.');
                if (this.error !== '') input.value = issue.label;
              }}
            />
          </label>
          <div class="buttons">
            <button class="secondary" ?disabled=${index === 0} @click=${() => this.edit((x) => moveIssue(x, issue.id, -1), `Move “${issue.label}” up`, `Moved “${issue.label}” up.`)}>
              Move issue up
            </button>
            <button
              class="secondary"
              ?disabled=${index === a.issues.length - 1}
              @click=${() => this.edit((x) => moveIssue(x, issue.id, 1), `Move “${issue.label}” down`, `Moved “${issue.label}” down.`)}
            >
              Move issue down
            </button>
            <button class="danger" @click=${() => this.edit((x) => removeIssue(x, issue.id), `Remove issue “${issue.label}”`, `Removed “${issue.label}”; undo is above the grid.`)}>
              Remove issue
            </button>
          </div>
          <p class="muted">Issues with equal totals are ranked in this order.</p>
        </fieldset>
        ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
        <p role="status">${this.done}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-cell-details': CellDetails;
  }
}
