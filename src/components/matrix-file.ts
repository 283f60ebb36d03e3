import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatPercent, plural } from '../../models/format';
import type { RowProblem } from '../../models/row-problem';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { EditError } from '../../models/risk-matrix/edit-error';
import { formatScore } from '../../models/risk-matrix/explain';
import { formatMatrixCsv, type TotalMismatch } from '../../models/risk-matrix/matrix-csv';
import { applyMatrixRead } from '../../models/risk-matrix/matrix-import';
import type { MatrixRead } from '../../models/risk-matrix/matrix-csv';
import type { RiskModel } from '../../models/risk-matrix/schema';
import type { FileProgress } from '../../models/file-progress';
import { assessmentFileName, downloadText } from '../app/download';
import { requestEdit } from '../app/assessment-edit';
import type { ConfirmDialog } from './confirm-dialog';
import { baseStyles } from './styles';
import './confirm-dialog';
import { askPage } from '../app/page-requests';

type Outcome = { ok: false; fileName: string; problems: RowProblem[] } | { ok: true; fileName: string; issues: number; mismatches: TotalMismatch[]; notes: string[] };

/**
 * Import a matrix CSV into the open assessment (replacing its issues and
 * scores, after a confirmation; undoable) and export it. A file with any error
 * changes nothing and is reported by line and column.
 */
@customElement('csp-matrix-file')
export class MatrixFile extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin: 0 0 0.5rem;
      }
      label.file {
        display: inline-flex;
        gap: 0.5rem;
        align-items: center;
      }
      ul {
        margin: 0.25rem 0 0.5rem;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @state() private outcome: Outcome | undefined;
  /** The file being read and how far the files worker has got. */
  @state() private progress: { fileName: string; at: FileProgress } | null = null;
  @query('csp-confirm') private confirm!: ConfirmDialog;

  /** Reads the file in the files worker against a model, showing progress; the page stays usable meanwhile. */
  private async read(fileName: string, text: string, model: RiskModel): Promise<MatrixRead> {
    // Progress comes on a port of its own, so a report can arrive after the answer: it is ignored then.
    let reading = true;
    const step = (at: FileProgress) => {
      if (reading) this.progress = { fileName, at };
    };
    step({ done: 0, total: text.length, what: 'reading the rows' });
    try {
      return await askPage(this, 'files', 'readMatrix', text, model, step);
    } finally {
      reading = false;
      this.progress = null;
    }
  }

  private async pick(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined || this.progress !== null) return;
    const text = await file.text();
    this.outcome = undefined;
    let model = this.assessment.model;
    let read: MatrixRead;
    try {
      read = await this.read(file.name, text, model);
    } catch (err) {
      this.outcome = { ok: false, fileName: file.name, problems: [{ line: 1, column: '(whole file)', reason: (err as Error).message, value: '' }] };
      return;
    }
    const first = applyMatrixRead(this.assessment, file.name, read, Date.now());
    if (!first.ok) {
      this.outcome = first;
      return;
    }
    const had = this.assessment.issues.length;
    if (had > 0) {
      const ok = await this.confirm.ask(
        `Replace the matrix of “${this.assessment.name}”?`,
        `Its ${plural(had, 'issue')} and their scores are replaced by the ${plural(first.assessment.issues.length, 'issue')} in ${file.name}. The criteria and weights stay. You can undo this straight afterwards.`,
        'Replace',
      );
      if (!ok) return;
    }
    const same = (m: RiskModel) => JSON.stringify(m) === JSON.stringify(model);
    // Read again if the criteria changed while the question was open.
    if (!same(this.assessment.model)) {
      model = this.assessment.model;
      read = await this.read(file.name, text, model);
    }
    const now = Date.now();
    let result = first;
    const error = requestEdit(
      this,
      (a) => {
        const again = same(a.model) ? applyMatrixRead(a, file.name, read, now) : undefined;
        if (again === undefined || !again.ok) throw new EditError(`${file.name} no longer fits this assessment’s criteria`);
        result = again;
        return again.assessment;
      },
      `Import ${file.name}`,
    );
    this.outcome =
      error === undefined
        ? { ok: true, fileName: file.name, issues: result.assessment.issues.length, mismatches: result.mismatches, notes: result.notes }
        : { ok: false, fileName: file.name, problems: [{ line: 1, column: '(whole file)', reason: error, value: '' }] };
  }

  private export() {
    const a = this.assessment;
    const safe = assessmentFileName(a.name);
    downloadText(`${safe}-matrix.csv`, formatMatrixCsv(a.model, a.issues, a.scores));
  }

  private report(o: Outcome) {
    if (!o.ok) {
      return html`<div class="note error" role="alert">
        <p>${o.fileName} was not imported, and nothing was changed:</p>
        <ul>
          ${o.problems.map((p) => html`<li>Line ${p.line}, column ${p.column}: ${p.reason}</li>`)}
        </ul>
      </div>`;
    }
    return html`<div class="note ${o.mismatches.length > 0 ? 'warning' : ''}" role="status">
      <p>Imported ${plural(o.issues, 'issue')} from ${o.fileName}.</p>
      ${o.notes.map((n) => html`<p>${n}</p>`)}
      ${
        o.mismatches.length === 0
          ? nothing
          : html`<table>
            <caption>
              Totals in ${o.fileName} that differ from the totals of its scores
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">Line</th>
                <th scope="col">Issue</th>
                <th scope="col" class="num">Total in the file</th>
                <th scope="col" class="num">Total of its scores</th>
              </tr>
            </thead>
            <tbody>
              ${o.mismatches.map(
                (m) => html`<tr>
                  <td class="num">${m.line}</td>
                  <th scope="row">${m.issue}</th>
                  <td class="num">${formatScore(m.inFile)}</td>
                  <td class="num">${formatScore(m.computed)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
    </div>`;
  }

  private progressView(p: { fileName: string; at: FileProgress }) {
    const share = p.at.total === 0 ? 0 : p.at.done / p.at.total;
    return html`<p role="status">Reading ${p.fileName}: ${formatPercent(share, 0)} of the file read…</p>
      <progress max="1" .value=${share} aria-label="Matrix import progress"></progress>`;
  }

  override render() {
    return html`
      <csp-confirm></csp-confirm>
      <div class="row">
        <label class="file">Import matrix CSV <input type="file" accept=".csv,text/csv" @change=${this.pick} ?disabled=${this.progress !== null} /></label>
        <button class="secondary" @click=${this.export}>Export matrix CSV</button>
      </div>
      <p class="muted">
        A matrix file has a header <code>issue,${this.assessment.model.criteria.map((c) => c.id).join(',')}[,total]</code>, one row per issue. Importing
        replaces this assessment’s issues and scores.
      </p>
      ${this.progress === null ? nothing : this.progressView(this.progress)}
      ${this.outcome === undefined ? nothing : this.report(this.outcome)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-matrix-file': MatrixFile;
  }
}
