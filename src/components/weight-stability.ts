import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Assessment } from '../../models/sensitivity/problem';
import type { SetChange, StabilityInterval, StabilityReport } from '../../models/sensitivity/stability';
import { stabilityHeadlineWords, type Labels } from '../../models/sensitivity/weight-words';
import { listWords, share, weightWords } from '../../models/sensitivity/words';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import { own } from '../../models/own';
import { askPage } from '../app/page-requests';

/**
 * Weight-stability intervals: for each criterion, how far its weight can move
 * (the others held) before the top N, and separately first place, change;
 * with who enters and who leaves just beyond each end. Exact, from the
 * sensitivity worker.
 */
@customElement('csp-weight-stability')
export class WeightStability extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) input!: Assessment;
  @property({ attribute: false }) labels!: Labels;
  @property({ type: Number }) topN = 5;
  /** The name of what is analysed, for the captions. */
  @property() basisName = '';

  private readonly report = new Task(this, {
    task: async ([input, topN]) => askPage(this, 'sensitivity', 'stability', input, topN),
    args: () => [this.input, this.topN] as const,
  });

  override render() {
    return html`
      <p class="words">
        Each criterion’s weight is moved on its own, the others held as they are. The range is where the set stays exactly as it is now; at an end an
        issue draws level. Shares are of the total weight.
      </p>
      ${this.report.render({
        pending: () => html`<p class="muted" role="status">Working out the intervals…</p>`,
        complete: (r) => html`
          <p class="words" data-testid="stability-top-words">${stabilityHeadlineWords(r, 'top', this.labels)}</p>
          ${this.table(r, 'top')}
          <p class="words" data-testid="stability-first-words">${stabilityHeadlineWords(r, 'first', this.labels)}</p>
          ${this.table(r, 'first')}
        `,
        error: (e) => html`<p class="note error" role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
      })}
    `;
  }

  private table(r: StabilityReport, kind: 'top' | 'first') {
    const names = (ids: readonly string[]) => listWords(ids.map((id) => own(this.labels.issues, id) ?? id));
    const set = kind === 'top' ? `the top ${r.topN} (${names(r.topSet)})` : `first place (${names(r.firstSet)})`;
    const rows = kind === 'top' ? r.top : r.first;
    return html`<div class="scroll" ${scrollRegion()}>
      <table>
        <caption>
          Weight stability of ${kind === 'top' ? `the top ${r.topN}` : 'first place'}${this.basisName ? `, ${this.basisName}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" class="num">Weight now</th>
            <th scope="col" class="num">Share now</th>
            <th scope="col" class="num">Stays from</th>
            <th scope="col" class="num">Stays up to</th>
            <th scope="col">Below the range</th>
            <th scope="col">Above the range</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((s) => this.row(s))}
        </tbody>
      </table>
    </div>
    <p class="muted">The set: ${set}.</p>`;
  }

  private row(s: StabilityInterval) {
    return html`<tr>
      <th scope="row">${own(this.labels.criteria, s.criterionId) ?? s.label}</th>
      <td class="num">${weightWords(s.current)}</td>
      <td class="num">${share(s.currentShare)}</td>
      <td class="num">${weightWords(s.lower)} (${share(s.lowerShare)})</td>
      <td class="num">${s.upper === null ? 'no limit' : `${weightWords(s.upper)} (${share(s.upperShare)})`}</td>
      <td>${this.change(s.belowLower, s.lower === 0 ? 'Holds down to 0' : '')}</td>
      <td>${this.change(s.aboveUpper, 'Holds however high')}</td>
    </tr>`;
  }

  private change(c: SetChange | null, none: string) {
    if (c === null) return none;
    const names = (ids: readonly string[]) => listWords(ids.map((id) => own(this.labels.issues, id) ?? id));
    return html`${c.enters.length > 0 ? html`Enters: ${names(c.enters)}` : nothing}${c.enters.length > 0 && c.leaves.length > 0 ? html`; ` : nothing}${c.leaves.length > 0 ? html`Leaves: ${names(c.leaves)}` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-weight-stability': WeightStability;
  }
}
