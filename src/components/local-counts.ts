import { LitElement, css, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Catalogue } from '../../models/evidence/catalogue';
import { LocalCount, readLocalCounts } from '../../models/evidence/local-counts';
import { formatCount, formatMonth, plural } from '../../models/format';
import type { RowProblem } from '../../models/row-problem';
import type { ConfirmDialog } from './confirm-dialog';
import { setupChanged } from './evidence-events';
import { askPage } from '../app/page-requests';
import type { EvidenceStore } from '../data/evidence-store';
import { baseStyles } from './styles';
import './row-problems';
import './confirm-dialog';

interface Outcome {
  kind: 'done' | 'error';
  text: string;
  file?: string;
  problems: RowProblem[];
}

/**
 * Local monthly counts for issues police.uk does not cover: import a CSV
 * (`issue, month, count`), or type a count in. Bad rows are listed by line and
 * column and nothing good is lost; a count for an issue-month already held
 * replaces it.
 *
 * @fires evidence-setup-changed - after counts are stored or removed
 */
@customElement('csp-local-counts')
export class LocalCounts extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin: 0.5rem 0 1rem;
      }
      label {
        display: block;
      }
      input,
      select {
        font: inherit;
        padding: 0.25rem 0.4rem;
      }
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 4px;
        padding: 0.5rem 1rem 0.75rem;
        margin: 0.75rem 0;
      }
      legend {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) catalogue: Catalogue | null = null;
  @property({ attribute: false }) counts: readonly LocalCount[] = [];

  @state() private outcome: Outcome | null = null;
  @state() private typedIssue = '';
  @state() private typedMonth = '';
  @state() private typedCount = '';
  @query('csp-confirm') private confirm!: ConfirmDialog;

  private get localIssues() {
    return (this.catalogue?.issues ?? []).filter((i) => i.source === 'local');
  }

  private label(issueId: string) {
    return this.catalogue?.issues.find((i) => i.id === issueId)?.label ?? issueId;
  }

  private async store(counts: LocalCount[], file?: string, problems: RowProblem[] = []) {
    let r: Awaited<ReturnType<EvidenceStore['putLocalCounts']>>;
    try {
      r = await askPage(this, 'evidenceStore', 'putLocalCounts', counts);
    } catch (e) {
      this.outcome = { kind: 'error', text: `Nothing was stored${file === undefined ? '' : ` from ${file}`}: ${(e as Error).message}`, problems };
      return;
    }
    const replaced = r.replaced.map((x) => `${this.label(x.issueId)} ${formatMonth(x.month)}: ${formatCount(x.before)} → ${formatCount(x.after)}`);
    const head = file === undefined ? 'Count saved' : `Read ${plural(counts.length, 'count')} from ${file}`;
    const text = `${head}: ${formatCount(r.added)} added, ${formatCount(r.replaced.length)} replaced a count stored earlier${replaced.length > 0 ? ` (${replaced.slice(0, 6).join('; ')}${replaced.length > 6 ? '; …' : ''})` : ''}.${problems.length > 0 ? ` ${plural(problems.length, 'row')} rejected, listed below; nothing else was lost.` : ''}`;
    this.outcome = { kind: 'done', text, ...(file === undefined ? {} : { file }), problems };
    this.dispatchEvent(setupChanged());
  }

  private async pick(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined || this.catalogue === null) return;
    const read = readLocalCounts(await file.text(), file.name, this.catalogue, Date.now());
    if (!read.ok) {
      this.outcome = {
        kind: 'error',
        text:
          read.reason === 'empty'
            ? `${file.name} is empty.`
            : `${file.name} lacks the columns ${read.missing.join(', ')}: a local counts file has the columns issue, month, count. Nothing was stored.`,
        problems: [],
      };
      return;
    }
    if (read.counts.length === 0) {
      this.outcome = { kind: 'error', text: `No counts in ${file.name} could be read; nothing was stored.`, file: file.name, problems: read.problems };
      return;
    }
    await this.store(read.counts, file.name, read.problems);
  }

  private async type(e: Event) {
    e.preventDefault();
    const count = Number(this.typedCount);
    const parsed = LocalCount.safeParse({ issueId: this.typedIssue || this.localIssues[0]?.id, month: this.typedMonth, count, source: { kind: 'typed', at: Date.now() } });
    if (this.typedCount.trim() === '' || !parsed.success) {
      const why =
        this.typedMonth === ''
          ? 'Choose the month.'
          : this.typedCount.trim() === '' || !Number.isInteger(count) || count < 0
            ? 'The count must be a whole number, 0 or more.'
            : !Number.isSafeInteger(count)
              ? 'The count is too large to be a count of incidents.'
              : parsed.error!.issues[0]!.message;
      this.outcome = { kind: 'error', text: why, problems: [] };
      return;
    }
    await this.store([parsed.data]);
    this.typedCount = '';
  }

  private async removeCounts(issueId: string, n: number) {
    if (!(await this.confirm.ask(`Remove the local counts for “${this.label(issueId)}”?`, `${plural(n, 'monthly count')} will be removed.`, 'Remove'))) return;
    const removed = await askPage(this, 'evidenceStore', 'deleteLocalCounts', issueId);
    this.outcome = { kind: 'done', text: `Removed ${plural(removed, 'count')} for ${this.label(issueId)}.`, problems: [] };
    this.dispatchEvent(setupChanged());
  }

  override render() {
    const issues = this.localIssues;
    const held = issues.map((i) => ({ issue: i, counts: this.counts.filter((c) => c.issueId === i.id) }));
    return html`
      <p>
        A CSV with the columns <code>issue, month, count</code>: the issue by its name in the catalogue, the month as YYYY-MM, the count as a whole number. A
        count for an issue and month already held replaces it.
      </p>
      <div class="row">
        <div>
          <label for="local-file">Choose a local counts CSV</label>
          <input id="local-file" type="file" accept=".csv,text/csv" @change=${this.pick} />
        </div>
      </div>
      <form @submit=${this.type}>
        <fieldset>
          <legend>Type a count in</legend>
          <div class="row">
            <div>
              <label for="typed-issue">Issue</label>
              <select id="typed-issue" @change=${(e: Event) => (this.typedIssue = (e.target as HTMLSelectElement).value)}>
                ${issues.map((i) => html`<option value=${i.id} ?selected=${i.id === this.typedIssue}>${i.label}</option>`)}
              </select>
            </div>
            <div>
              <label for="typed-month">Month</label>
              <input id="typed-month" type="month" .value=${this.typedMonth} @input=${(e: Event) => (this.typedMonth = (e.target as HTMLInputElement).value)} />
            </div>
            <div>
              <label for="typed-count">Count</label>
              <input id="typed-count" type="number" min="0" step="1" .value=${this.typedCount} @input=${(e: Event) => (this.typedCount = (e.target as HTMLInputElement).value)} />
            </div>
            <button type="submit" ?disabled=${issues.length === 0}>Save count</button>
          </div>
        </fieldset>
      </form>
      ${this.outcome === null ? nothing : html`<p class="note ${this.outcome.kind === 'error' ? 'error' : ''}" role=${this.outcome.kind === 'error' ? 'alert' : 'status'}>${this.outcome.text}</p>`}
      ${this.outcome !== null && this.outcome.problems.length > 0 ? this.problems(this.outcome) : nothing}
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Local counts held</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col" class="num">Months</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" class="num">Total</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${held.map(({ issue, counts }) =>
              counts.length === 0
                ? html`<tr><th scope="row">${issue.label}</th><td class="num">0</td><td colspan="3">No data yet</td><td></td></tr>`
                : html`<tr>
                    <th scope="row">${issue.label}</th>
                    <td class="num">${formatCount(counts.length)}</td>
                    <td>${formatMonth(counts[0]!.month)}</td>
                    <td>${formatMonth(counts.at(-1)!.month)}</td>
                    <td class="num">${formatCount(counts.reduce((s, c) => s + c.count, 0))}</td>
                    <td><button class="danger" aria-label=${`Remove the local counts for ${issue.label}`} @click=${() => void this.removeCounts(issue.id, counts.length)}>Remove</button></td>
                  </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <csp-confirm></csp-confirm>
    `;
  }

  private problems(o: Outcome) {
    return html`<csp-row-problems .problems=${o.problems} caption=${`Rejected local count rows${o.file === undefined ? '' : ` in ${o.file}`}`}></csp-row-problems>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-local-counts': LocalCounts;
  }
}
