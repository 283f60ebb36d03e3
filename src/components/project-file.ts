import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDateTime } from '../../models/format';
import { projectFileText } from '../../models/project/read';
import { assessmentFileName, downloadText } from '../app/download';
import type { ImportOutcome } from '../data/project-io';
import type { RestoreUndo } from '../data/report-store';
import { PROJECT_STEPS, type FileProgress } from '../../models/file-progress';
import { askPage } from '../app/page-requests';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

/** Larger files are refused before they are read. */
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * Exports the open assessment as a project file and imports one: the import
 * adds a new assessment (never overwriting), warns when the data it describes
 * differs from the data loaded, and restores the file's settings only when
 * asked (undoable). It asks its page for each (the page answers with the
 * app's project files service).
 *
 * @fires project-changed - after an import, a settings restore or its undo
 */
@customElement('csp-project-file')
export class ProjectFileControl extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      input[type='file'] {
        font: inherit;
      }
      ul {
        margin: 0.25rem 0 0.5rem;
      }
    `,
  ];

  /** The open assessment's id and name. */
  @property({ attribute: false }) assessment: { id: string; name: string } | null = null;
  @state() private error = '';
  @state() private outcome: Extract<ImportOutcome, { ok: true }> | null = null;
  @state() private restored = false;
  @state() private busy = false;
  @state() private undo: RestoreUndo | undefined;
  /** The import under way: its file and how far it has got. */
  @state() private progress: { fileName: string; at: FileProgress } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => void this.readUndo());
  }

  private async readUndo() {
    this.undo = await askPage(this, 'projects', 'restoreUndo').catch(() => undefined);
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('project-changed', { bubbles: true, composed: true }));
  }

  private async run(step: () => Promise<void>) {
    this.busy = true;
    this.error = '';
    try {
      await step();
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.busy = false;
      await this.readUndo();
    }
  }

  private exportFile() {
    const a = this.assessment;
    if (a === null) return;
    return this.run(async () => {
      const file = await askPage(this, 'projects', 'exportProject', a.id, Date.now());
      const safe = assessmentFileName(a.name);
      downloadText(`${safe}.csp-project.json`, projectFileText(file), 'application/json');
    });
  }

  private async importFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    this.outcome = null;
    this.restored = false;
    await this.run(async () => {
      if (file.size > MAX_BYTES) throw new Error(`${file.name} is ${Math.round(file.size / 1024 / 1024)} MB, larger than any project file (50 MB at most). Nothing was changed.`);
      // Progress comes on a port of its own, so a report can arrive after the answer: it is ignored then.
      let reading = true;
      const step = (at: FileProgress) => {
        if (reading) this.progress = { fileName: file.name, at };
      };
      step({ done: 0, total: PROJECT_STEPS, what: 'reading the file' });
      // Parsed, checked and stored in the files worker, so the page stays usable while a large file is read and stored.
      try {
        const r = await askPage(this, 'projects', 'importProject', await file.text(), Date.now(), step);
        if (!r.ok) throw new Error(`${file.name}: ${r.error}`);
        this.outcome = r;
        this.changed();
      } finally {
        reading = false;
        this.progress = null;
      }
    });
  }

  private restore() {
    const o = this.outcome;
    if (o === null) return;
    return this.run(async () => {
      await askPage(this, 'projects', 'restoreSettings', o.project, Date.now());
      this.restored = true;
      this.changed();
    });
  }

  private undoRestore() {
    return this.run(async () => {
      await askPage(this, 'projects', 'undoRestore');
      this.restored = false;
      this.outcome = null;
      this.changed();
    });
  }

  private result(o: Extract<ImportOutcome, { ok: true }>) {
    return html`<div role="status">
      <p class="note">Imported “${o.name}” as a new assessment; it is now open. Undo it from the Risk matrix page’s undo, like any other change.</p>
      ${
        o.dataWarnings.length === 0
          ? html`<p class="muted">The data it was made with matches the data loaded now.</p>`
          : html`<div class="note warning">
            <p>The data it was made with differs from the data loaded now, so its figures may differ:</p>
            <ul>
              ${o.dataWarnings.map((w) => html`<li>${w}</li>`)}
            </ul>
          </div>`
      }
      ${
        o.settingsDiffer.length === 0
          ? html`<p class="muted">Its settings match yours.</p>`
          : this.restored
            ? html`<p class="note">The file’s settings are now in force.</p>`
            : html`<div class="note">
              <p>The file also carries settings that differ from yours: ${o.settingsDiffer.join('; ')}. Restore them? Yours are kept so you can undo.</p>
              <div class="row">
                <button @click=${this.restore} ?disabled=${this.busy}>Restore the file’s settings</button>
                <button class="secondary" @click=${() => (this.outcome = { ...o, settingsDiffer: [] })} ?disabled=${this.busy}>Keep mine</button>
              </div>
            </div>`
      }
    </div>`;
  }

  private progressView(p: { fileName: string; at: FileProgress }) {
    return html`<p role="status">Importing ${p.fileName}: ${p.at.what} (step ${p.at.done + 1} of ${p.at.total})…</p>
      <progress max=${p.at.total} .value=${p.at.done} aria-label="Project file import progress"></progress>`;
  }

  override render() {
    return html`
      <p>
        A project file holds the open assessment as stored (model, scores, rationales and confidence, weight sets, baseline, draft weights, cut line and scenarios), its
        evidence decisions, the evidence set-up, need, dashboard and report settings, and a description of the data it was made with. Importing one adds a new assessment and
        changes nothing else unless you agree.
      </p>
      <div class="row">
        <button class="secondary" @click=${this.exportFile} ?disabled=${this.assessment === null || this.busy}>Export project file (JSON)</button>
        <label
          >Import a project file
          <input type="file" accept=".json,application/json" @change=${this.importFile} ?disabled=${this.busy} />
        </label>
      </div>
      ${this.progress === null ? nothing : this.progressView(this.progress)}
      <div role="alert">${this.error === '' ? nothing : html`<p class="note error">${this.error}</p>`}</div>
      ${this.outcome === null ? nothing : this.result(this.outcome)}
      ${
        this.undo === undefined
          ? nothing
          : html`<p class="row">
            <span class="muted">Last settings restore: ${this.undo.label} (${formatDateTime(this.undo.createdAt)}).</span>
            <button class="secondary" @click=${this.undoRestore} ?disabled=${this.busy}>Undo the settings restore</button>
          </p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-project-file': ProjectFileControl;
  }
}
