import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { formatBytes, formatCount, formatDateTime, formatMonth, plural } from '../../models/format';
import { stateContext, type WorkbenchState } from '../app/context';
import { PARTITION_LABELS, type Dataset, type PartitionMeta } from '../data/schema';
import type { ConfirmDialog } from './confirm-dialog';
import { baseStyles } from './styles';
import './confirm-dialog';
import { askPage } from '../app/page-requests';

/** What a dataset holds, in a phrase: "32 months of street crime (May 2021 to Dec 2023); IMD 2019 File 1 (index)". */
export function describeContents(metas: readonly PartitionMeta[]): string {
  const crime = metas
    .filter((m) => m.kind === 'crime')
    .map((m) => m.month ?? '')
    .sort();
  const parts: string[] = [];
  if (crime.length > 0) {
    const months = new Set(crime).size;
    parts.push(`${plural(months, 'month')} of street crime (${formatMonth(crime[0]!)}${months > 1 ? ` to ${formatMonth(crime[crime.length - 1]!)}` : ''})`);
  }
  for (const kind of ['imd1', 'imd2', 'imd5', 'imd6', 'ward', 'lsoa11', 'lsoa21', 'pop'] as const) {
    const ms = metas.filter((m) => m.kind === kind);
    if (ms.length > 0) parts.push(`${PARTITION_LABELS[kind]} for ${ms.map((m) => m.ladName ?? m.lad ?? '').join(', ')}`);
  }
  return parts.length === 0 ? 'Nothing left (all replaced by later loads)' : parts.join('; ');
}

/** The loads that make up the stored data, each deletable (after a confirmation, and undoable). */
@customElement('csp-datasets')
export class DatasetsTable extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;
  @query('csp-confirm') private confirm!: ConfirmDialog;
  @state() private message = '';

  private readonly data = new Task(this, {
    task: async ([version]) => {
      void version;
      const [datasets, metas] = await Promise.all([askPage(this, 'store', 'datasets'), askPage(this, 'store', 'partitions')]);
      const storage = await navigator.storage?.estimate?.();
      const persisted = await navigator.storage?.persisted?.();
      return { datasets, metas, storage: storage === undefined ? undefined : { used: storage.usage ?? 0, persisted: persisted === true } };
    },
    args: () => [this.wb?.versions.data] as const,
  });

  private async confirmDelete(d: Dataset, metas: PartitionMeta[]) {
    const ok = await this.confirm.ask(
      `Delete “${d.label}”?`,
      `This removes ${describeContents(metas)} (${formatCount(metas.reduce((s, m) => s + m.rows, 0))} rows) from this browser. You can undo it straight after.`,
    );
    if (!ok) return;
    const deleting = askPage(this, 'importer', 'deleteDataset', d.id);
    // The page's undo bar waits for it (see csp-undo-bar's `writing`).
    this.dispatchEvent(new CustomEvent<Promise<unknown>>('csp-writing', { bubbles: true, composed: true, detail: deleting }));
    await deleting;
    this.message = `Deleted “${d.label}”.`;
  }

  override render() {
    const v = this.data.value;
    if (v === undefined) return html`<p class="muted">Reading datasets…</p>`;
    return html`
      ${this.message === '' ? nothing : html`<p role="status">${this.message}</p>`}
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>Datasets</caption>
          <thead>
            <tr><th scope="col">Dataset</th><th scope="col">Loaded</th><th scope="col">Contents</th><th scope="col" class="num">Rows</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            ${v.datasets.length === 0 ? html`<tr><td colspan="5">No data stored.</td></tr>` : nothing}
            ${v.datasets.map((d) => {
              const metas = v.metas.filter((m) => m.datasetId === d.id);
              return html`<tr>
                <th scope="row">${d.label}</th>
                <td>${formatDateTime(d.createdAt)}</td>
                <td>${describeContents(metas)}</td>
                <td class="num">${formatCount(metas.reduce((s, m) => s + m.rows, 0))}</td>
                <td><button class="danger" aria-label=${`Delete ${d.label}`} @click=${() => this.confirmDelete(d, metas)}>Delete</button></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        v.storage === undefined
          ? nothing
          : html`<p class="muted">
            This browser holds ${formatBytes(v.storage.used)} for the workbench.
            ${v.storage.persisted ? 'Storage is persistent: the browser will not clear it to save space.' : 'The browser may clear it if the disk runs short; export important work.'}
          </p>`
      }
      <csp-confirm></csp-confirm>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-datasets': DatasetsTable;
  }
}
