import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { stateContext, type WorkbenchState } from '../app/context';
import { askPage } from '../app/page-requests';
import { filesFromDrop, importable } from '../app/drop';
import { SAMPLE_FILES, SAMPLE_LABEL } from '../data/sample-files';
import { baseStyles } from './styles';
import { formatCount } from '../../models/format';
import type { Shrink } from '../engines/import/importer';
import type { ConfirmDialog } from './confirm-dialog';
import './confirm-dialog';

/**
 * Where files come in: pick files or a folder, or drop them. Accepts police.uk
 * street-level CSVs (also gzipped, or the zip police.uk gives), IMD 2019 Files
 * 1, 2 and 6, and ONS ward or LSOA boundary GeoJSON. The page runs the
 * import (it answers this panel's requests of the import jobs) and says
 * whether one is running.
 */
@customElement('csp-import-panel')
export class ImportPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .drop {
        border: 2px dashed var(--ink-2, #5a6573);
        border-radius: 8px;
        padding: 1.25rem;
        display: grid;
        gap: 0.75rem;
        background: white;
      }
      .drop.over {
        border-color: var(--accent, #1d4f91);
        background: #eef4fb;
      }
      .pickers {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
      }
      .picker {
        display: grid;
        gap: 0.25rem;
      }
      label {
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  /** An import is running: the pickers wait. */
  @property({ type: Boolean }) busy = false;
  @state() private over = false;
  @state() private skipped: string[] = [];
  @query('csp-confirm') private confirm!: ConfirmDialog;

  /** Asked by the import before a stored month would lose more than half its rows. */
  private readonly confirmShrink = (shrinks: Shrink[]) =>
    this.confirm.ask(
      shrinks.length === 1 ? `Replace ${shrinks[0]!.label} with a much smaller copy?` : `Replace ${shrinks.length} stored parts with much smaller copies?`,
      `${shrinks.map((x) => `${x.label}: ${formatCount(x.storedRows)} stored, ${formatCount(x.newRows)} in ${x.fileName}`).join('; ')}. A file this much smaller is often cut short or damaged. Cancel keeps the stored rows (the other files are still imported); Replace stores the smaller copy (you can undo it).`,
      'Replace',
    );

  private readonly sampleStored = new Task(this, {
    task: async ([version]) => {
      void version;
      const datasets = await askPage(this, 'store', 'datasets');
      return datasets.some((d) => d.source === 'sample');
    },
    args: () => [this.wb?.versions.data] as const,
  });

  private async start(files: readonly File[]) {
    const { files: ok, skipped } = importable(files);
    this.skipped = skipped;
    if (ok.length === 0) return;
    await navigator.storage?.persist?.();
    // The job keeps its own outcome and error for the page to show.
    await askPage(this, 'jobs', 'importFiles', ok, this.confirmShrink).catch(() => undefined);
  }

  private async picked(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    await this.start(files);
    input.value = '';
  }

  private async dropped(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    if (e.dataTransfer !== null) await this.start(await filesFromDrop(e.dataTransfer));
  }

  override render() {
    const { busy } = this;
    return html`
      <div
        class="drop ${this.over ? 'over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.over = true;
        }}
        @dragleave=${() => (this.over = false)}
        @drop=${this.dropped}
      >
        <p>
          Drop police.uk street-level crime files here (a month, a year, a whole folder or the zip police.uk gives you), or choose them.
          IMD 2019 files and ONS boundary GeoJSON are recognised too. A month already stored is replaced, never added twice.
        </p>
        <div class="pickers">
          <div class="picker">
            <label for="files">Choose police.uk files</label>
            <input id="files" type="file" multiple accept=".csv,.gz,.zip,.geojson,.json" ?disabled=${busy} @change=${this.picked} />
          </div>
          <div class="picker">
            <label for="folder">Choose a folder</label>
            <input id="folder" type="file" webkitdirectory ?disabled=${busy} @change=${this.picked} />
          </div>
        </div>
        ${this.skipped.length > 0 ? html`<p class="note warning" role="status">Left out (not CSV, zip or GeoJSON): ${this.skipped.join(', ')}.</p>` : nothing}
        ${
          this.sampleStored.value === false && !busy
            ? html`<p>
              The ${SAMPLE_LABEL.split(' (')[0]} is not loaded.
              <button class="secondary" ?disabled=${busy} @click=${() => void askPage(this, 'jobs', 'loadSample', SAMPLE_FILES, SAMPLE_LABEL).catch(() => undefined)}>
                Load the sample data
              </button>
            </p>`
            : nothing
        }
      </div>
      <csp-confirm></csp-confirm>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-import-panel': ImportPanel;
  }
}
