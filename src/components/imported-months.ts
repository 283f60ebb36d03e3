import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { splitByArea } from '../../models/area';
import { formatCount, formatDateTime, formatMonth } from '../../models/format';
import { stateContext, type WorkbenchState } from '../app/context';
import type { ImportReport, PartOutcome, PartitionMeta } from '../data/schema';
import { askPage } from '../app/page-requests';
import { shrank } from '../data/report-text';
import { baseStyles } from './styles';

interface MonthRow {
  month: string;
  force: string;
  file: string;
  importedAt: number | null;
  stored: number;
  /** Rows stored that fall in the partnership area (the rows its figures count). */
  inArea: number;
  rejected: number;
  outside: number;
  noLocation: number;
  last: string;
}

/**
 * Every stored month of street crime with what became of its rows: stored
 * (and of those, in the partnership area: the sample holds only Luton's rows,
 * a police.uk file the whole force's), rejected, outside the partnership area, without a location; and what the
 * last import did to it (the page gives the last import's report, and answers the read of the stored months).
 */
@customElement('csp-imported-months')
export class ImportedMonths extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  /** The last import's report; null before any import. */
  @property({ attribute: false }) report: ImportReport | null = null;

  private readonly metas = new Task(this, {
    task: async ([version]) => {
      void version;
      return askPage(this, 'store', 'partitions', 'crime');
    },
    args: () => [this.wb?.versions.data] as const,
  });

  private rows(metas: readonly PartitionMeta[], last: readonly PartOutcome[], lastImportId: string | undefined): MonthRow[] {
    const area = this.wb?.area ?? undefined;
    const lastByKey = new Map(last.filter((p) => p.status === 'added' || p.status === 'replaced').map((p) => [p.key, p]));
    const rows: MonthRow[] = metas.map((m) => {
      const split = splitByArea(m.ladCounts ?? {}, area);
      const l = lastByKey.get(m.key);
      return {
        month: m.month ?? '',
        force: m.force ?? '',
        file: m.fileName,
        importedAt: m.importedAt,
        stored: m.rows,
        inArea: split.inside,
        rejected: m.rejected,
        outside: split.outside,
        noLocation: split.noLocation,
        last:
          l === undefined || m.importId !== lastImportId
            ? ''
            : l.status === 'added'
              ? 'Added'
              : `Replaced ${formatCount(l.replaced?.rows ?? 0)} rows stored earlier${shrank(l) ? ' (much more than it holds: check the file is complete)' : ''}`,
      };
    });
    for (const p of last.filter((x) => x.kind === 'crime' && x.status === 'rejected')) {
      rows.push({
        month: p.month ?? '',
        force: p.force ?? '',
        file: p.fileName,
        importedAt: null,
        stored: 0,
        inArea: 0,
        rejected: p.rejected,
        outside: 0,
        noLocation: 0,
        last: p.month === undefined ? 'Rejected: the month could not be read' : 'Every row rejected',
      });
    }
    // Rows whose month could not be read come last.
    return rows.sort((a, b) => (a.month === '' ? 1 : 0) - (b.month === '' ? 1 : 0) || a.month.localeCompare(b.month) || a.force.localeCompare(b.force));
  }

  override render() {
    const metas = this.metas.value;
    if (metas === undefined) return html`<p class="muted">Reading stored months…</p>`;
    const report = this.report;
    // An import that was undone no longer describes what is stored.
    const rows = this.rows(metas, report === null || report.undoneAt !== undefined ? [] : report.parts, report?.id);
    const total = rows.reduce(
      (t, r) => ({ stored: t.stored + r.stored, inArea: t.inArea + r.inArea, rejected: t.rejected + r.rejected, outside: t.outside + r.outside, noLocation: t.noLocation + r.noLocation }),
      { stored: 0, inArea: 0, rejected: 0, outside: 0, noLocation: 0 },
    );
    const area = this.wb?.area;
    return html`
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Imported months</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Force</th>
              <th scope="col">File</th>
              <th scope="col">Imported</th>
              <th scope="col" class="num">Rows stored</th>
              ${area == null ? nothing : html`<th scope="col" class="num">In ${area}</th>`}
              <th scope="col" class="num">Rows rejected</th>
              <th scope="col" class="num">Outside ${area ?? 'the area'}</th>
              <th scope="col" class="num">No location</th>
              <th scope="col">Last import</th>
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0 ? html`<tr><td colspan=${area == null ? 9 : 10}>No months stored yet.</td></tr>` : nothing}
            ${rows.map(
              (r) => html`<tr>
                <th scope="row">${r.month === '' ? 'Month not readable' : formatMonth(r.month)}</th>
                <td>${r.force}</td>
                <td>${r.file}</td>
                <td>${r.importedAt === null ? '' : formatDateTime(r.importedAt)}</td>
                <td class="num">${formatCount(r.stored)}</td>
                ${area == null ? nothing : html`<td class="num">${formatCount(r.inArea)}</td>`}
                <td class="num">${formatCount(r.rejected)}</td>
                <td class="num">${formatCount(r.outside)}</td>
                <td class="num">${formatCount(r.noLocation)}</td>
                <td>${r.last}</td>
              </tr>`,
            )}
          </tbody>
          ${
            rows.length > 0
              ? html`<tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td colspan="3">${metas.length} ${metas.length === 1 ? 'month' : 'months'} stored</td>
                  <td class="num">${formatCount(total.stored)}</td>
                  ${area == null ? nothing : html`<td class="num">${formatCount(total.inArea)}</td>`}
                  <td class="num">${formatCount(total.rejected)}</td>
                  <td class="num">${formatCount(total.outside)}</td>
                  <td class="num">${formatCount(total.noLocation)}</td>
                  <td></td>
                </tr>
              </tfoot>`
              : nothing
          }
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-imported-months': ImportedMonths;
  }
}
