import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { formatPercent } from '../../models/format';
import { weightedCriteria } from '../../models/risk-matrix/explain';
import type { Assessment } from '../../models/sensitivity/problem';
import { smaaOptionsOf, type SensitivitySettings } from '../../models/sensitivity/settings';
import type { SmaaOptionsInput } from '../../models/sensitivity/smaa';
import type { Labels } from '../../models/sensitivity/weight-words';
import type { SmaaProgress } from '../../workers/sensitivity.worker';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import './importance-order';
import './weight-limits';
import './smaa-settings';
import './smaa-results';
import { own } from '../../models/own';
import { askPage } from '../app/page-requests';

/**
 * SMAA in the sensitivity worker: the run's settings (samples, seed, score
 * uncertainty, importance order, weight limits), Run and Cancel, a progress
 * bar, and the results. Results say when they were drawn for other settings
 * or scores than those now shown.
 */
@customElement('csp-smaa-panel')
export class SmaaPanel extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) input!: Assessment;
  @property({ attribute: false }) labels!: Labels;
  @property({ attribute: false }) settings!: SensitivitySettings;
  @property({ type: Number }) topN = 5;
  @property() basisName = '';
  @state() private progress: SmaaProgress | null = null;

  /** The options a run takes from the settings, and the stated limits that carry no weight here. */
  private options(): { options: SmaaOptionsInput; dropped: string[] } {
    return smaaOptionsOf(
      this.settings,
      weightedCriteria(this.input.model).map((c) => c.id),
    );
  }

  private readonly smaa = new Task(this, {
    task: async ([input, options, basisName], { signal }) => {
      this.progress = { done: 0, total: options.samples ?? 0 };
      signal.addEventListener('abort', () => void askPage(this, 'sensitivity', 'cancel'));
      const outcome = await askPage(this, 'sensitivity', 'smaa', input, options, (p: SmaaProgress) => (this.progress = p));
      return { outcome, key: runKey(input, options), input, basisName };
    },
    args: () => [this.input, this.options().options, this.basisName] as const,
    autoRun: false,
  });

  override render() {
    const criteria = weightedCriteria(this.input.model).map((c) => ({ id: c.id, label: own(this.labels.criteria, c.id) ?? c.label }));
    const { options, dropped } = this.options();
    const running = this.smaa.status === TaskStatus.PENDING;
    return html`
      <p class="words">
        SMAA (stochastic multicriteria acceptability analysis) draws many plausible weightings at random, every one equally likely unless an order or limits
        are stated, ranks the issues under each, and counts how often each issue lands at each rank. The weights now in use play no part: only the scores, the
        total and what is stated below.
      </p>
      <csp-smaa-settings .settings=${this.settings} .confidenceCounts=${confidenceCounts(this.input)}></csp-smaa-settings>
      <csp-importance-order .criteria=${criteria} .order=${this.settings.constraints.order}></csp-importance-order>
      <details ?open=${Object.keys(this.settings.constraints.shareBounds).length > 0}>
        <summary>Weight limits (optional)</summary>
        <csp-weight-limits .criteria=${criteria} .bounds=${this.settings.constraints.shareBounds}></csp-weight-limits>
      </details>
      ${dropped.length === 0 ? nothing : html`<p class="note warning">Ignored here (these criteria carry no weight in ${this.basisName}): ${dropped.map((id) => own(this.labels.criteria, id) ?? id).join(', ')}.</p>`}
      <div class="row">
        <button type="button" @click=${() => void this.smaa.run()}>Run SMAA</button>
        <button type="button" class="secondary" ?disabled=${!running} @click=${() => void askPage(this, 'sensitivity', 'cancel')}>Cancel the run</button>
        ${
          running && this.progress !== null
            ? html`<progress aria-label="SMAA progress" max=${this.progress.total} .value=${this.progress.done}></progress>
              <span role="status">${formatPercent(this.progress.total > 0 ? this.progress.done / this.progress.total : 0, 0)}</span>`
            : nothing
        }
      </div>
      ${this.smaa.render({
        complete: (run) => {
          const stale = run.key !== runKey(this.input, options);
          return html`
            ${stale ? html`<p class="note warning">These results were drawn for ${run.basisName} before the last change to the settings, weights or scores: run SMAA again to update them.</p>` : nothing}
            <csp-smaa-results .outcome=${run.outcome} .input=${run.input} .labels=${this.labels} .topN=${this.topN}></csp-smaa-results>
          `;
        },
        error: (e) => html`<p class="note error" role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
      })}
    `;
  }
}

/** What a run's result depends on: the scores, the model and its total, and the options (not the weights in use, which SMAA does not read). */
function runKey(a: Assessment, options: SmaaOptionsInput): string {
  return JSON.stringify([a.model, a.issues, a.scores, options]);
}

/** How many scores that count have each confidence. */
function confidenceCounts(a: Assessment): Record<'High' | 'Medium' | 'Low' | 'unstated', number> {
  const out = { High: 0, Medium: 0, Low: 0, unstated: 0 };
  const ids = weightedCriteria(a.model).map((c) => c.id);
  if (a.model.aggregation.kind === 'harm-x-likelihood') ids.push(a.model.aggregation.likelihood);
  for (const issue of a.issues) for (const id of ids) out[own(own(a.scores, issue.id), id)?.confidence ?? 'unstated']++;
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-smaa-panel': SmaaPanel;
  }
}
