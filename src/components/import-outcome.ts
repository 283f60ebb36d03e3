import { LitElement, html, nothing } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property } from 'lit/decorators.js';
import { formatBytes } from '../../models/format';
import type { JobState } from '../app/import-jobs';
import { PARTITION_LABELS } from '../data/schema';
import { summariseImport } from '../data/report-text';
import { baseStyles } from './styles';

const KIND_LABELS: Record<string, string> = {
  'police-uk-street': PARTITION_LABELS.crime,
  imd1: PARTITION_LABELS.imd1,
  imd2: PARTITION_LABELS.imd2,
  imd5: PARTITION_LABELS.imd5,
  imd6: PARTITION_LABELS.imd6,
  boundaries: 'ONS boundaries',
  'ons-population': 'ONS population',
  unrecognised: 'Not recognised',
};
const STATUS_LABELS: Record<string, string> = { imported: 'Imported', refused: 'Refused', empty: 'Empty', failed: 'Could not be read', superseded: 'Not stored: duplicate' };

/** What the last import did (the page gives the import job's state): a summary and one line per file. */
@customElement('csp-import-outcome')
export class ImportOutcome extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) job: JobState | null = null;

  override render() {
    const s = this.job;
    if (s === null) return nothing;
    const r = s.lastReport;
    return html`
      ${s.error !== null ? html`<p class="note error" role="alert">${s.error}</p>` : nothing}
      ${
        r === null
          ? nothing
          : html`
            <section aria-labelledby="last">
              <h3 id="last">Last import</h3>
              <div role="status">${summariseImport(r).map((line, i) => html`<p class=${i === 0 ? '' : 'note'}>${line}</p>`)}</div>
              <details ?open=${r.files.length <= 12 || r.files.some((f) => f.status !== 'imported')}>
                <summary>${r.files.length} ${r.files.length === 1 ? 'file' : 'files'}</summary>
                <div class="scroll" ${scrollRegion()}>
                <table>
                  <caption>Files in the last import</caption>
                  <thead>
                    <tr><th scope="col">File</th><th scope="col">Recognised as</th><th scope="col" class="num">Size</th><th scope="col">Outcome</th><th scope="col">Detail</th></tr>
                  </thead>
                  <tbody>
                    ${r.files.map(
                      (f) => html`<tr>
                        <th scope="row">${f.name}</th>
                        <td>${KIND_LABELS[f.kind] ?? f.kind}</td>
                        <td class="num">${formatBytes(f.size)}</td>
                        <td>${STATUS_LABELS[f.status] ?? f.status}</td>
                        <td>${f.message}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
                </div>
              </details>
            </section>
          `
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-import-outcome': ImportOutcome;
  }
}
