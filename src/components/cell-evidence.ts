import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AssessmentEvidence } from '../../models/evidence/assessment-evidence';
import { decide, type ScoreDecision } from '../../models/evidence/audit';
import type { Catalogue } from '../../models/evidence/catalogue';
import { applyDecisionEdits, type CellEvidence } from '../../models/evidence/grid';
import { formatTimestamp, plural } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { EditError } from '../../models/risk-matrix/edit-error';
import { requestEdit } from '../app/assessment-edit';
import type { CellRef } from './score-grid';
import { baseStyles } from './styles';
import './proposal-evidence';
import { askPage } from '../app/page-requests';

const STATUS_WORDS: Readonly<Record<CellEvidence['status'], string>> = {
  proposed: 'Not decided yet',
  accepted: 'Accepted',
  overridden: 'Overridden',
  stale: 'The evidence has changed since the decision',
  edited: 'The score has been changed since the decision',
  none: 'Nothing proposed',
};

/**
 * The evidence behind the selected data-backed cell: the proposed score and
 * where it comes from (see `csp-proposal-evidence`), and the decision in force.
 * The analyst accepts the proposal or overrides it with a reason; either is
 * appended to the audit trail (evidence store) and then written into the grid
 * through the assessment controller (so it can be undone). Accept-all records
 * one decision per cell.
 *
 * Focus goes to the panel's heading after a decision; Escape returns to the grid.
 *
 * @fires decisions-recorded - detail: ScoreDecision[], after decisions are added to the audit trail
 * @fires back-to-grid - detail: CellRef, on Escape
 */
@customElement('csp-cell-evidence')
export class CellEvidencePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        border: 1px solid var(--rule, #d8dde3);
        border-left: 4px solid var(--accent, #1d4f91);
        border-radius: 6px;
        padding: 0.75rem;
        background: white;
        margin: 0 0 0.75rem;
      }
      h3:focus {
        outline: none;
      }
      .proposed {
        font-size: 1.3rem;
        font-weight: 600;
      }
      label {
        display: grid;
        gap: 0.2rem;
        margin: 0.4rem 0;
        font-size: 0.9rem;
      }
      input,
      textarea {
        font: inherit;
        padding: 0.3rem 0.4rem;
      }
      input {
        width: 4rem;
      }
      textarea {
        min-height: 3.5rem;
        resize: vertical;
      }
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        margin: 0.6rem 0 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin: 0.4rem 0;
      }
      .decision {
        font-size: 0.88rem;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @property({ attribute: false }) cell: CellRef | undefined;
  /** Every data-backed cell, by "issue|criterion" (for accept-all). */
  @property({ attribute: false }) cells: ReadonlyMap<string, CellEvidence> = new Map();
  @property({ attribute: false }) data: AssessmentEvidence | undefined;
  @property({ attribute: false }) catalogue: Catalogue | undefined;

  @state() private error = '';
  @state() private done = '';
  @state() private busy = false;
  @query('h3') private heading?: HTMLElement;

  /** Moves focus to the panel's heading (when a proposal's mark is chosen in the grid). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('cell')) {
      const before = changed.get('cell') as CellRef | undefined;
      if (before?.issueId !== this.cell?.issueId || before?.criterionId !== this.cell?.criterionId) {
        this.error = '';
        this.done = '';
      }
    }
  }

  private names(ev: Pick<CellEvidence, 'issueId' | 'criterionId'>) {
    const issue = this.assessment.issues.find((i) => i.id === ev.issueId)?.label ?? ev.issueId;
    const criterion = this.assessment.model.criteria.find((c) => c.id === ev.criterionId)?.label ?? ev.criterionId;
    return { issue, criterion };
  }

  /** Records decisions (all or none), then writes them into the grid as one undoable step. */
  private async record(inputs: { cell: CellEvidence; chosen: number; reason?: string }[], label: string, done: string): Promise<boolean> {
    const at = Date.now();
    const decisions: ScoreDecision[] = [];
    for (const i of inputs) {
      const r = decide({ id: crypto.randomUUID(), assessmentId: this.assessment.id, proposal: i.cell.proposal, chosen: i.chosen, reason: i.reason ?? '', at });
      if (!r.ok) {
        this.error = `${sentence(r.error)} Nothing was recorded.`;
        return false;
      }
      decisions.push(r.decision);
    }
    try {
      applyDecisionEdits(this.assessment, decisions);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      this.error = `${sentence(e.message)} Nothing was recorded.`;
      return false;
    }
    this.busy = true;
    this.error = '';
    this.done = '';
    try {
      await askPage(this, 'evidenceStore', 'recordDecisions', decisions);
    } catch (e) {
      this.error = `Could not record the decision, so nothing was changed: ${e instanceof Error ? e.message : String(e)}.`;
      return false;
    } finally {
      this.busy = false;
    }
    const refused = requestEdit(this, (a) => applyDecisionEdits(a, decisions), label);
    if (refused === undefined) this.done = done;
    else this.error = `The decision is in the audit trail, but the grid could not be changed: ${refused}.`;
    this.dispatchEvent(new CustomEvent<ScoreDecision[]>('decisions-recorded', { detail: decisions, bubbles: true, composed: true }));
    // The button pressed may be gone (an accepted cell has no Accept): keep focus in the panel.
    await this.focusHeading();
    return true;
  }

  private onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || this.cell === undefined) return;
    e.preventDefault();
    this.dispatchEvent(new CustomEvent<CellRef>('back-to-grid', { detail: this.cell, bubbles: true, composed: true }));
  }

  private accept(ev: CellEvidence) {
    const { issue, criterion } = this.names(ev);
    const v = ev.proposal.value!;
    void this.record([{ cell: ev, chosen: v }], `Accept the proposed ${v} for ${issue}, ${criterion}`, `Accepted ${v} for ${issue}, ${criterion}; recorded in the audit trail.`);
  }

  private async override(e: SubmitEvent, ev: CellEvidence) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const text = String(data.get('chosen') ?? '').trim();
    const reason = String(data.get('reason') ?? '');
    const c = this.assessment.model.criteria.find((x) => x.id === ev.criterionId)!;
    const { issue, criterion } = this.names(ev);
    if (!/^-?\d+$/.test(text)) {
      this.error = `Give the score to keep, a whole number from ${c.scale.min} to ${c.scale.max}.`;
      return;
    }
    const chosen = Number(text);
    const kept = chosen === ev.proposal.value ? `Accepted ${chosen} (the proposed score)` : `Overrode the proposed ${ev.proposal.value} with ${chosen}`;
    const ok = await this.record(
      [{ cell: ev, chosen, reason }],
      `Override the proposed ${ev.proposal.value} for ${issue}, ${criterion} with ${chosen}`,
      `${kept} for ${issue}, ${criterion}; recorded in the audit trail.`,
    );
    if (ok) form.reset();
  }

  private acceptAll(cells: CellEvidence[], what: string) {
    void this.record(
      cells.map((cell) => ({ cell, chosen: cell.proposal.value! })),
      `Accept ${plural(cells.length, 'proposed score')} for ${what}`,
      `Accepted ${plural(cells.length, 'proposed score')} for ${what}; each is recorded in the audit trail.`,
    );
  }

  override render() {
    const ref = this.cell;
    const ev = ref === undefined ? undefined : this.cells.get(`${ref.issueId}|${ref.criterionId}`);
    if (ref === undefined || ev === undefined) return nothing;
    const { issue, criterion } = this.names(ev);
    const p = ev.proposal;
    const c = this.assessment.model.criteria.find((x) => x.id === ev.criterionId)!;
    const undecided = (pick: (x: CellEvidence) => boolean) => [...this.cells.values()].filter((x) => pick(x) && x.status === 'proposed' && x.proposal.value !== null);
    const forIssue = undecided((x) => x.issueId === ev.issueId);
    const forCriterion = undecided((x) => x.criterionId === ev.criterionId);
    return html`
      <section aria-labelledby="ev-h" @keydown=${this.onKey}>
        <h3 id="ev-h" tabindex="-1">Evidence: ${issue}, ${criterion}</h3>
        <p>
          <span class="proposed">${p.value === null ? 'No proposal' : `Proposed ${p.value}`}</span>${p.valueLabel === null ? nothing : html` (${p.valueLabel})`}; current
          ${ev.current ?? 'not scored'}. <strong>${STATUS_WORDS[ev.status]}.</strong>
        </p>
        <csp-proposal-evidence
          .proposal=${p}
          .rule=${this.data?.rules.find((r) => r.criterionId === ev.criterionId)}
          .source=${this.catalogue?.issues.find((i) => i.id === p.evidenceIssueId)}
          .link=${this.data?.links.find((l) => l.issueId === ev.issueId)?.state}
        ></csp-proposal-evidence>
        ${this.decision(ev)}
        ${
          p.value === null
            ? html`<p class="muted">The evidence cannot propose a score, so there is nothing to accept; the cell is scored by hand.</p>`
            : html`
              <div class="buttons">
                ${ev.status === 'accepted' ? nothing : html`<button ?disabled=${this.busy} @click=${() => this.accept(ev)}>Accept ${p.value}</button>`}
              </div>
              <form @submit=${(e: SubmitEvent) => this.override(e, ev)} aria-label="Override the proposed score">
                <fieldset>
                  <legend>Override</legend>
                  <label>Score to keep (${c.scale.min} to ${c.scale.max}) <input name="chosen" inputmode="numeric" autocomplete="off" .value=${String(ev.current ?? '')} /></label>
                  <label>Reason for overriding <textarea name="reason"></textarea></label>
                  <button class="secondary" type="submit" ?disabled=${this.busy}>Override</button>
                </fieldset>
              </form>
              ${
                forIssue.length + forCriterion.length === 0
                  ? nothing
                  : html`<div class="buttons">
                    ${
                      forIssue.length === 0
                        ? nothing
                        : html`<button class="secondary" ?disabled=${this.busy} @click=${() => this.acceptAll(forIssue, issue)}>
                          Accept all ${plural(forIssue.length, 'undecided proposal')} for ${issue}
                        </button>`
                    }
                    ${
                      forCriterion.length === 0
                        ? nothing
                        : html`<button class="secondary" ?disabled=${this.busy} @click=${() => this.acceptAll(forCriterion, criterion)}>
                          Accept all ${plural(forCriterion.length, 'undecided proposal')} for ${criterion}
                        </button>`
                    }
                  </div>`
              }
            `
        }
        ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
        <p role="status">${this.done}</p>
      </section>
    `;
  }

  private decision(ev: CellEvidence) {
    const d = ev.decision;
    if (d === undefined) return nothing;
    const what = d.kind === 'accepted' ? `Accepted ${d.chosen}` : `Overridden: proposed ${d.proposed ?? 'nothing'}, kept ${d.chosen}. Reason: ${d.reason}`;
    return html`<p class="decision note ${ev.status === 'stale' || ev.status === 'edited' ? 'warning' : ''}">
      ${what} (${formatTimestamp(d.at)}${d.period === undefined ? '' : `, evidence for ${d.period}`}).
      ${ev.status === 'stale' ? html`<br />The evidence then: ${d.evidence} Accept or override again to decide on the evidence now.` : nothing}
      ${ev.status === 'edited' ? html`<br />The score is now ${ev.current ?? 'not scored'}, not the ${d.chosen} decided: accept or override again to record it.` : nothing}
    </p>`;
  }
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

declare global {
  interface HTMLElementTagNameMap {
    'csp-cell-evidence': CellEvidencePanel;
  }
}
