import { LitElement, css, html } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import { auditCsv, type ScoreDecision } from '../../models/evidence/audit';
import { formatTimestamp, plural } from '../../models/format';
import { issueIdFor } from '../../models/risk-matrix/ids';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { downloadText } from '../app/download';
import { baseStyles } from './styles';
import { own } from '../../models/own';

/**
 * The "Audit trail" of an assessment's decisions on proposed scores, newest
 * first: when, which cell, what was proposed and chosen, accepted or
 * overridden with the reason, the evidence period, and whether the decision
 * is still in force (or superseded, stale, or changed since). Filterable by
 * issue; downloadable as CSV (what is shown, oldest first).
 */
@customElement('csp-audit-trail')
export class AuditTrail extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin: 0 0 0.5rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.9rem;
      }
      select {
        font: inherit;
        padding: 0.3rem 0.4rem;
      }
      td.reason,
      td.evidence {
        white-space: normal;
        min-width: 12rem;
      }
      td.evidence {
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
      }
      tr.superseded td {
        color: var(--ink-2, #5a6573);
      }
      .flag {
        color: var(--danger, #a4262c);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  /** The assessment's decisions (any order). */
  @property({ attribute: false }) trail: readonly ScoreDecision[] = [];
  /** Each decision's status in words, by decision id. */
  @property({ attribute: false }) statuses: ReadonlyMap<string, string> = new Map();
  /** Only this issue's decisions ('' for all). */
  @state() private issue = '';

  private names() {
    const a = this.assessment;
    return {
      assessment: a.name,
      issues: Object.fromEntries(a.issues.map((i) => [i.id, i.label])),
      criteria: Object.fromEntries(a.model.criteria.map((c) => [c.id, c.label])),
    };
  }

  private download(shown: readonly ScoreDecision[], names: ReturnType<AuditTrail['names']>) {
    const which = this.issue === '' ? '' : `-${issueIdFor(names.issues[this.issue] ?? this.issue, new Set())}`;
    downloadText(`audit-trail-${issueIdFor(this.assessment.name, new Set())}${which}.csv`, auditCsv(shown, names, this.statuses));
  }

  override render() {
    const names = this.names();
    const decided = [...new Set(this.trail.map((d) => d.issueId))];
    const order = new Map(this.assessment.issues.map((i, k) => [i.id, k]));
    decided.sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || x.localeCompare(y));
    const issue = decided.includes(this.issue) ? this.issue : '';
    const shown = this.trail.filter((d) => issue === '' || d.issueId === issue);
    const newest = [...shown].sort((x, y) => y.at - x.at);
    const label = (id: string) => own(names.issues, id) ?? `${id} (removed)`;
    return html`
      <div class="toolbar">
        <label
          >Show decisions for
          <select @change=${(e: Event) => (this.issue = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${issue === ''}>All issues</option>
            ${decided.map((id) => html`<option value=${id} ?selected=${issue === id}>${label(id)}</option>`)}
          </select>
        </label>
        <button class="secondary" ?disabled=${shown.length === 0} @click=${() => this.download(shown, names)}>
          Download audit trail${issue === '' ? '' : ` for ${label(issue)}`} (CSV)
        </button>
      </div>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>
            Audit trail
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Issue</th>
              <th scope="col">Criterion</th>
              <th scope="col" class="num">Proposed</th>
              <th scope="col" class="num">Chosen</th>
              <th scope="col">Decision</th>
              <th scope="col">Reason</th>
              <th scope="col">Evidence period</th>
              <th scope="col">Status</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            ${
              newest.length === 0
                ? html`<tr><td colspan="10">No decisions yet: accept or override a proposed score in the grid.</td></tr>`
                : newest.map((d) => {
                    const status = this.statuses.get(d.id) ?? '';
                    return html`<tr class=${status === 'Superseded' ? 'superseded' : ''}>
                    <td>${formatTimestamp(d.at)}</td>
                    <td>${label(d.issueId)}</td>
                    <td>${own(names.criteria, d.criterionId) ?? d.criterionId}</td>
                    <td class="num">${d.proposed ?? '—'}</td>
                    <td class="num">${d.chosen}</td>
                    <td>${d.kind === 'accepted' ? 'Accepted' : 'Overridden'}</td>
                    <td class="reason">${d.reason}</td>
                    <td>${d.period ?? '—'}</td>
                    <td><span class=${status.startsWith('Stale') || status.startsWith('Score changed') ? 'flag' : ''}>${status}</span></td>
                    <td class="evidence">${d.evidence}</td>
                  </tr>`;
                  })
            }
          </tbody>
        </table>
      </div>
      <p class="muted">
        ${plural(shown.length, 'decision')}${issue === '' ? '' : ` for ${label(issue)}`}, newest first. Decisions are only ever added: a later decision on the same cell
        supersedes an earlier one, and a decision whose evidence has changed since is marked stale.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-audit-trail': AuditTrail;
  }
}
