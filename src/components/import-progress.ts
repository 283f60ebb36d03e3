import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, formatPercent } from '../../models/format';
import type { ImportProgress as Progress } from '../engines/import/importer';
import { askPage } from '../app/page-requests';
import { baseStyles } from './styles';

/** Progress of a running import: the file being read, the whole job, and a way to stop it (asked of the page: the app shell, whose banner holds it). */
@customElement('csp-import-progress')
export class ImportProgress extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: grid;
        grid-template-columns: 8rem minmax(10rem, 32rem) auto;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      progress {
        width: 100%;
        height: 1rem;
      }
      p {
        margin: 0 0 0.4rem;
      }
    `,
  ];

  /** What is running, e.g. "Importing 3 files". */
  @property() label = '';
  @property({ attribute: false }) progress: Progress | null = null;

  override render() {
    const p = this.progress;
    const saving = p?.phase === 'saving';
    // One unit, files: the bytes a file reports can be its compressed or its decoded size
    // (a gzipped sample file served decoded), so bytes are never set against each other.
    const within = p === null || p.fileSize === 0 ? 0 : Math.min(1, p.fileBytes / p.fileSize);
    const overall = p === null || p.fileCount === 0 ? undefined : Math.min(1, (p.fileIndex + within) / p.fileCount);
    const status =
      p === null
        ? `${this.label}: starting…`
        : saving
          ? `${this.label}: saving ${formatCount(p.rows)} rows to this browser…`
          : `${this.label}: reading file ${p.fileIndex + 1} of ${p.fileCount}, ${p.fileName}${p.fileIndex === 0 ? '' : `; ${formatCount(p.rows)} rows read from the files before it`}`;
    return html`
      <p role="status" aria-live="polite">${status}</p>
      <div class="row">
        <label for="overall">Overall</label>
        ${
          overall === undefined || saving
            ? html`<progress id="overall" aria-label="Overall progress"></progress>`
            : html`<progress id="overall" max="1" .value=${overall} aria-label="Overall progress"></progress>`
        }
        <span>${overall === undefined || saving ? '' : `${formatPercent(overall, 0)} of ${p!.fileCount === 1 ? 'the file' : `${p!.fileCount} files`}`}</span>
        ${
          p === null || saving
            ? nothing
            : html`<label for="file">This file</label>
              <progress id="file" max="1" .value=${within} aria-label="Progress of this file"></progress>
              <span>${formatPercent(within, 0)}</span>`
        }
      </div>
      <p>
        <button class="secondary" @click=${() => void askPage(this, 'jobs', 'cancel').catch(() => undefined)} ?disabled=${saving}>Cancel import</button>
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-import-progress': ImportProgress;
  }
}
