// Over 300 lines: a keyboard data grid (roving focus, arrow keys, type-to-edit, revert on Escape, the ARIA
// grid pattern) and its styles; splitting the key handling from the cells it moves between would not make
// either clearer.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import type { CellEvidence } from '../../models/evidence/grid';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore } from '../../models/risk-matrix/explain';
import { addIssue, setCell } from '../../models/risk-matrix/issue-edit';
import { levelLabel, scaleText } from '../../models/risk-matrix/scale';
import { totals } from '../../models/risk-matrix/score';
import { requestEdit } from '../app/assessment-edit';
import { baseStyles } from './styles';
import './proposal-mark';
import { own } from '../../models/own';
import { memoLast } from '../app/memo';
import { findRow, pageAt } from '../app/paging';
import type { PageChange } from './pager';
import './pager';

/** Issues a page of the grid holds: a matrix of up to 100 issues shows whole, as before paging. */
export const GRID_PAGE = 100;

/** A cell of the grid, by ids. */
export interface CellRef {
  issueId: string;
  criterionId: string;
}

/**
 * The scoring grid: issues × criteria, one input per cell. Arrow keys and Tab
 * move between cells; typing a number scores the focused cell at once (it is
 * selected on focus, so a digit replaces it); Delete clears it; Enter moves
 * down; F2 opens the cell's rationale and confidence.
 *
 * @fires cell-select - detail: CellRef, when a cell gets focus
 * @fires cell-details - detail: CellRef, on F2 (the page focuses the rationale)
 * @fires cell-evidence - detail: CellRef, when a proposed score's mark is chosen (the page shows its evidence)
 */
@customElement('csp-score-grid')
export class ScoreGridElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      table {
        width: auto;
      }
      td,
      th {
        vertical-align: middle;
      }
      /* The issue stays in view when the grid scrolls sideways to a far criterion. */
      tbody th[scope='row'],
      thead th:first-child {
        position: sticky;
        left: 0;
        z-index: 1;
        background: white;
      }
      thead th.crit {
        white-space: normal;
        min-width: 5.5rem;
        max-width: 8rem;
        vertical-align: bottom;
        text-align: center;
        font-size: 0.82rem;
      }
      thead th .group {
        display: block;
        font-weight: 400;
        color: var(--ink-2, #5a6573);
      }
      td.cell {
        padding: 0.15rem 0.3rem;
        text-align: center;
        position: relative;
        white-space: nowrap;
      }
      td.cell input {
        width: 2.6rem;
        text-align: center;
        font: inherit;
        font-variant-numeric: tabular-nums;
        padding: 0.2rem;
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 3px;
      }
      td.cell input[aria-invalid='true'] {
        border-color: var(--danger, #a4262c);
        background: #fbeaea;
      }
      td.cell.unscored input {
        background: #fff7e0;
      }
      td.selected input {
        outline: 2px solid var(--accent, #1d4f91);
      }
      .marks {
        position: absolute;
        top: 0;
        right: 0.1rem;
        font-size: 0.65rem;
        line-height: 1;
        color: var(--ink-2, #5a6573);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin: 0 0 0.5rem;
      }
      .toolbar label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.9rem;
      }
      .toolbar input {
        font: inherit;
        padding: 0.3rem 0.4rem;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  /** The cell whose details are shown beside the grid. */
  @property({ attribute: false }) selected: CellRef | undefined;
  /** The data-backed cells' proposals and decisions, by "issue|criterion". */
  @property({ attribute: false }) evidence: ReadonlyMap<string, CellEvidence> = new Map();
  /** Text typed into a cell that is not a valid score yet, by "issue|criterion". */
  @state() private typed = new Map<string, string>();
  /** The cell being edited and its score when focus arrived: what an entry that is refused, or Escape, goes back to. */
  private editStart: { key: string; value: number | null } | null = null;
  @state() private message = '';
  @state() private addError = '';
  /** An issue just added, whose first cell takes focus once it is rendered. */
  private focusAfterUpdate: string | undefined;
  /** The first issue of the page shown (thousands of rows at once blocked the page for a minute). */
  @state() private offset = 0;
  private readonly labels = memoLast((issues: Assessment['issues']) => issues.map((i) => i.label));

  /** Moves keyboard focus to a cell, turning to its page first. */
  focusCell(ref: CellRef): void {
    const r = this.assessment.issues.findIndex((i) => i.id === ref.issueId);
    const c = this.assessment.model.criteria.findIndex((x) => x.id === ref.criterionId);
    void this.focusAt(r, c);
  }

  /** Focuses row r's cell c, once the page that holds it is shown. */
  private async focusAt(r: number, c: number) {
    if (r < 0) return;
    const w = pageAt(this.assessment.issues.length, r, GRID_PAGE);
    if (w.offset !== pageAt(this.assessment.issues.length, this.offset, GRID_PAGE).offset) {
      this.offset = w.offset;
      await this.updateComplete;
    }
    this.input(r, c)?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const was = changed.get('assessment') as Assessment | undefined;
    if (was !== undefined && was.id !== this.assessment.id) this.offset = 0;
  }

  private turn(e: CustomEvent<PageChange>) {
    this.offset = e.detail.offset;
    const found = e.detail.found;
    if (found !== undefined) void this.updateComplete.then(() => this.input(found, 0)?.focus());
  }

  private input(r: number, c: number): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
  }

  private refOf(input: HTMLInputElement): CellRef & { r: number; c: number } {
    const r = Number(input.dataset['r']);
    const c = Number(input.dataset['c']);
    return { r, c, issueId: this.assessment.issues[r]!.id, criterionId: this.assessment.model.criteria[c]!.id };
  }

  private emit(type: 'cell-select' | 'cell-details' | 'cell-evidence', ref: CellRef) {
    this.dispatchEvent(new CustomEvent<CellRef>(type, { detail: { issueId: ref.issueId, criterionId: ref.criterionId }, bubbles: true, composed: true }));
  }

  private move(r: number, c: number) {
    const rows = this.assessment.issues.length;
    const cols = this.assessment.model.criteria.length;
    void this.focusAt(Math.max(0, Math.min(rows - 1, r)), Math.max(0, Math.min(cols - 1, c)));
  }

  private onKey(e: KeyboardEvent) {
    const input = e.target as HTMLInputElement;
    const { r, c, issueId, criterionId } = this.refOf(input);
    const go = (dr: number, dc: number) => {
      e.preventDefault();
      this.move(r + dr, c + dc);
    };
    switch (e.key) {
      case 'ArrowUp':
        return go(-1, 0);
      case 'ArrowDown':
        return go(1, 0);
      case 'ArrowLeft':
        return go(0, -1);
      case 'ArrowRight':
        return go(0, 1);
      case 'Enter':
        return go(e.shiftKey ? -1 : 1, 0);
      case 'Home':
        return go(0, -c);
      case 'End':
        return go(0, this.assessment.model.criteria.length - 1 - c);
      case 'F2':
        e.preventDefault();
        return this.emit('cell-details', { issueId, criterionId });
      case 'Escape':
        this.revert(issueId, criterionId, 'Escape');
        this.clearTyped(issueId, criterionId);
        input.select();
        return;
    }
  }

  /** Puts the cell back to its score when editing began, if keystrokes since changed it. */
  private revert(issueId: string, criterionId: string, why: string) {
    const start = this.editStart;
    if (start === null || start.key !== `${issueId}|${criterionId}`) return;
    const now = own(own(this.assessment.scores, issueId), criterionId)?.value ?? null;
    if (now === start.value) return;
    const issue = this.assessment.issues.find((i) => i.id === issueId)!;
    const c = this.assessment.model.criteria.find((x) => x.id === criterionId)!;
    requestEdit(this, (a) => setCell(a, issueId, criterionId, { value: start.value }), `Score ${issue.label}, ${c.label}: ${now ?? 'blank'} → ${start.value ?? 'blank'} (${why})`);
  }

  private clearTyped(issueId: string, criterionId: string) {
    if (!this.typed.has(`${issueId}|${criterionId}`)) return;
    const typed = new Map(this.typed);
    typed.delete(`${issueId}|${criterionId}`);
    this.typed = typed;
  }

  private onInput(e: InputEvent) {
    const input = e.target as HTMLInputElement;
    const { issueId, criterionId } = this.refOf(input);
    const issue = this.assessment.issues.find((i) => i.id === issueId)!;
    const c = this.assessment.model.criteria.find((x) => x.id === criterionId)!;
    const text = input.value.trim();
    const key = `${issueId}|${criterionId}`;
    const value = text === '' ? null : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    const old = own(own(this.assessment.scores, issueId), criterionId)?.value ?? null;
    const error = Number.isNaN(value)
      ? `${issue.label}, ${c.label}: “${text}” is not a whole number; scores run from ${c.scale.min} to ${c.scale.max}.`
      : requestEdit(this, (a) => setCell(a, issueId, criterionId, { value }), `Score ${issue.label}, ${c.label}: ${old ?? 'blank'} → ${value ?? 'blank'}`);
    const typed = new Map(this.typed);
    if (error === undefined) {
      typed.delete(key);
      const label = value === null ? undefined : levelLabel(c.scale, value);
      this.message = `${issue.label}, ${c.label}: ${value === null ? 'cleared (not scored)' : `${value}${label === undefined ? '' : ` (${label})`}`}.`;
    } else {
      // Nothing half-typed stays saved: "12" must not leave the "1" typed on the way.
      this.revert(issueId, criterionId, `“${text}” refused`);
      typed.set(key, input.value);
      const start = this.editStart?.key === key ? this.editStart.value : old;
      this.message = `${error.endsWith('.') ? error : `${error}.`} Not saved: the score stays ${start ?? 'blank'}.`;
    }
    this.typed = typed;
  }

  private onFocus(e: FocusEvent) {
    const input = e.target as HTMLInputElement;
    input.select();
    const ref = this.refOf(input);
    this.editStart = { key: `${ref.issueId}|${ref.criterionId}`, value: own(own(this.assessment.scores, ref.issueId), ref.criterionId)?.value ?? null };
    this.emit('cell-select', ref);
  }

  /** A click in the cell that has focus selects its score too, so typing replaces it rather than adding digits. */
  private onClick(e: MouseEvent) {
    const input = e.target as HTMLInputElement;
    if (!this.typed.has(`${this.refOf(input).issueId}|${this.refOf(input).criterionId}`)) input.select();
  }

  private onBlur(e: FocusEvent) {
    const { issueId, criterionId } = this.refOf(e.target as HTMLInputElement);
    this.clearTyped(issueId, criterionId);
  }

  private add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const label = String(new FormData(form).get('issue') ?? '');
    this.addError = requestEdit(this, (a) => addIssue(a, label), `Add issue “${label.trim()}”`) ?? '';
    if (this.addError === '') {
      form.reset();
      this.message = `Added “${label.trim()}” at the end of the grid.`;
      this.focusAfterUpdate = label.trim().toLowerCase();
    }
  }

  protected override updated(): void {
    if (this.focusAfterUpdate === undefined) return;
    const r = this.assessment.issues.findIndex((i) => i.label.toLowerCase() === this.focusAfterUpdate);
    if (r < 0) return;
    this.focusAfterUpdate = undefined;
    void this.focusAt(r, 0);
  }

  override render() {
    const a = this.assessment;
    const criteria = a.model.criteria;
    const w = pageAt(a.issues.length, this.offset, GRID_PAGE);
    const shown = w.offset === 0 && w.end === a.issues.length ? a.issues : a.issues.slice(w.offset, w.end);
    const t = totals(a.model, shown, a.scores);
    const sel = this.selected;
    return html`
      <form class="toolbar" @submit=${this.add} aria-label="Add an issue">
        <label>New issue <input name="issue" autocomplete="off" /></label>
        <button type="submit">Add issue</button>
      </form>
      ${this.addError === '' ? nothing : html`<p class="note error" role="alert">${this.addError}</p>`}
      <p class="muted" id="help">
        Arrow keys or Tab move between cells; type a score to set it (a blank cell is not scored); Enter moves down; F2 writes a rationale and
        confidence for the cell. Scales: ${criteria.every((c) => scaleText(c.scale) === scaleText(criteria[0]!.scale)) ? scaleText(criteria[0]!.scale) : 'see each criterion below'}.
        ${
          this.evidence.size === 0
            ? nothing
            : html`Beside a data-backed cell, its proposed score from the evidence: →4 not decided yet, ✓ accepted, ≠ overridden, ! the evidence or the score has
              changed since the decision; choose it (Tab reaches it) to see its evidence and accept or override it.`
        }
      </p>
      <csp-pager
        .window=${w}
        label="Scores: ${a.name}"
        noun="issue"
        .find=${(text: string, from: number) => findRow(this.labels(a.issues), text, from)}
        @page-change=${this.turn}
      ></csp-pager>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>
            Scores: ${a.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              ${criteria.map((c) => html`<th scope="col" class="crit" title=${c.description}>${c.label}<span class="group">${c.group}</span></th>`)}
              <th scope="col" class="num">Total</th>
            </tr>
          </thead>
          <tbody>
            ${a.issues.length === 0 ? html`<tr><td colspan=${criteria.length + 2}>No issues yet: add one above, or import a matrix file.</td></tr>` : nothing}
            ${repeat(
              shown,
              (i) => i.id,
              (issue, k0) => {
                const r = w.offset + k0;
                const total = t[k0]!;
                return html`<tr>
                <th scope="row">${issue.label}</th>
                ${criteria.map((c, k) => {
                  const score = own(own(a.scores, issue.id), c.id);
                  const typed = this.typed.get(`${issue.id}|${c.id}`);
                  const value = score?.value ?? null;
                  const ev = this.evidence.get(`${issue.id}|${c.id}`);
                  const notes = [
                    score?.rationale === undefined ? '' : `Rationale: ${score.rationale}`,
                    score?.confidence === undefined ? '' : `Confidence: ${score.confidence}`,
                    ev === undefined ? '' : `Evidence: ${ev.text}`,
                  ].filter((s) => s !== '');
                  const isSel = sel?.issueId === issue.id && sel.criterionId === c.id;
                  return html`<td class="cell ${value === null ? 'unscored' : ''} ${isSel ? 'selected' : ''}">
                    <input
                      data-r=${r}
                      data-c=${k}
                      .value=${live(typed ?? (value === null ? '' : String(value)))}
                      aria-label="${issue.label}, ${c.label}"
                      aria-describedby=${notes.length > 0 ? `n-${r}-${k}` : nothing}
                      aria-invalid=${typed === undefined ? 'false' : 'true'}
                      inputmode="numeric"
                      autocomplete="off"
                      @keydown=${this.onKey}
                      @input=${this.onInput}
                      @focus=${this.onFocus}
                      @click=${this.onClick}
                      @blur=${this.onBlur}
                    />
                    ${
                      notes.length === 0
                        ? nothing
                        : html`<span class="marks" aria-hidden="true">${score?.rationale === undefined ? '' : '✎'}${score?.confidence?.[0] ?? ''}</span
                          ><span class="visually-hidden" id="n-${r}-${k}">${notes.join('. ')}</span>`
                    }
                    ${
                      ev === undefined
                        ? nothing
                        : html`<csp-proposal-mark .cell=${ev} name="${issue.label}, ${c.label}" @click=${() => this.emit('cell-evidence', { issueId: issue.id, criterionId: c.id })}></csp-proposal-mark>`
                    }
                  </td>`;
                })}
                <td class="num">${formatScore(total.total)}${total.unscored.length > 0 ? html`<span title="Some criteria not scored"> *</span>` : nothing}</td>
              </tr>`;
              },
            )}
          </tbody>
        </table>
      </div>
      <p role="status" aria-live="polite">${this.message}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-score-grid': ScoreGridElement;
  }
}
