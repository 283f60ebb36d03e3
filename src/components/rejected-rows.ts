import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatCsv } from '../../models/csv';
import { formatCount } from '../../models/format';
import { downloadText } from '../app/download';
import type { ImportReport } from '../data/schema';
import { baseStyles } from './styles';

/** Rows shown on the page; the download has them all. */
const SHOWN = 100;

/** CSV of an import's rejected rows (file, line, column, reason, value), safe to open in a spreadsheet. */
export function rejectedRowsCsv(r: ImportReport): string {
  return formatCsv([['file', 'line', 'column', 'reason', 'value'], ...r.problems.map((p) => [p.file, p.line, p.column, p.reason, p.value])]);
}

/** The rows the last import rejected (the page gives its report), each with file, line, column and reason, and a download of all of them. */
@customElement('csp-rejected-rows')
export class RejectedRows extends LitElement {
  static override styles = [baseStyles];

  /** The last import's report; null before any import. */
  @property({ attribute: false }) report: ImportReport | null = null;

  override render() {
    const r = this.report;
    if (r === null) return nothing;
    const n = r.problems.length;
    if (n === 0) return html`<p>The last import rejected no rows.</p>`;
    const stamp = new Date(r.startedAt).toISOString().slice(0, 16).replace(/[-:T]/g, '');
    return html`
      <p>
        ${n > SHOWN ? `Showing the first ${SHOWN} of ${formatCount(n)} rejected rows.` : `${formatCount(n)} rejected ${n === 1 ? 'row' : 'rows'}.`}
        ${r.problemsDropped > 0 ? `A further ${formatCount(r.problemsDropped)} were counted but not listed.` : ''}
        <button class="secondary" @click=${() => downloadText(`rejected-rows-${stamp}.csv`, rejectedRowsCsv(r))}>Download rejected rows (CSV)</button>
      </p>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Rejected rows</caption>
          <thead>
            <tr><th scope="col">File</th><th scope="col" class="num">Line</th><th scope="col">Column</th><th scope="col">Reason</th><th scope="col">Value</th></tr>
          </thead>
          <tbody>
            ${r.problems.slice(0, SHOWN).map((p) => html`<tr><td>${p.file}</td><td class="num">${p.line}</td><td>${p.column}</td><td>${p.reason}</td><td><code>${p.value}</code></td></tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-rejected-rows': RejectedRows;
  }
}
