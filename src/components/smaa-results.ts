import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { formatCount } from '../../models/format';
import type { Assessment } from '../../models/sensitivity/problem';
import { adjacentPairsWords, centralWeightWords, smaaBasisWords, smaaHeadlineWords, smaaIssueWords } from '../../models/sensitivity/smaa-words';
import { orderByMeanRank } from '../../models/sensitivity/summary';
import { onlyIfWords, type Labels } from '../../models/sensitivity/weight-words';
import { ordinal } from '../../models/sensitivity/words';
import type { SmaaOutcome } from '../../workers/sensitivity.worker';
import { pairwiseChart } from '../charts/pairwise';
import { rankAcceptabilityChart } from '../charts/rank-acceptability';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import './plot-figure';
import './rank-acceptability';
import './pairwise-table';
import './central-weights';
import { askPage } from '../app/page-requests';

/** How many leading issues the pairwise chart and table show. */
const PAIRWISE_LIMIT = 15;

/**
 * A SMAA run's results: what they rest on, the headline, one chosen issue in
 * words ("in the top 5 in p%; first only if …"), the "Rank acceptability"
 * table and its stacked bars, "A ranks above B" (chart and table), and the
 * central weights.
 */
@customElement('csp-smaa-results')
export class SmaaResults extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) outcome!: SmaaOutcome;
  /** What the run analysed (for "first only if …"). */
  @property({ attribute: false }) input!: Assessment;
  @property({ attribute: false }) labels!: Labels;
  @property({ type: Number }) topN = 5;
  @state() private issueId: string | null = null;

  private described(): string {
    const r = this.outcome.result;
    return this.issueId !== null && r.issueIds.includes(this.issueId) ? this.issueId : r.issueIds[orderByMeanRank(r)[0]!]!;
  }

  private readonly firstOnlyIf = new Task(this, {
    task: async ([input, issueId]) => askPage(this, 'sensitivity', 'whatWouldItTake', input, issueId, 1),
    args: () => [this.input, this.described()] as const,
  });

  override render() {
    const { result: r, elapsedMs, cancelled } = this.outcome;
    const labels = this.labels.issues;
    const id = this.described();
    const leader = r.issueIds[orderByMeanRank(r)[0]!]!;
    return html`
      <p class="words" data-testid="smaa-basis">
        ${smaaBasisWords(r)} ${cancelled ? 'Cancelled.' : ''}
      </p>
      <details class="muted"><summary>How long it took</summary><p>Worked out in the background in ${formatCount(Math.round(elapsedMs))} ms.</p></details>
      <p class="words" data-testid="smaa-words">${smaaHeadlineWords(r, this.topN, labels)}</p>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Describe one issue">
        <span class="field"><label for="pick-describe">Describe</label>
          <select id="pick-describe" @change=${(e: Event) => (this.issueId = (e.target as HTMLSelectElement).value)}>
            ${orderByMeanRank(r).map((i) => html`<option value=${r.issueIds[i]!} ?selected=${r.issueIds[i] === id}>${labels[r.issueIds[i]!] ?? r.issueLabels[i]}</option>`)}
          </select></span
        >
      </form>
      <p class="words" data-testid="smaa-issue-words">
        ${smaaIssueWords(r, id, this.topN, labels[id])}
        ${this.firstOnlyIf.render({ complete: (a) => (a.alreadyThere ? `It ranks first at the weights now in use.` : onlyIfWords(a, this.labels)), error: () => nothing })}
      </p>
      <csp-rank-acceptability .result=${r} .labels=${labels} .topN=${this.topN}></csp-rank-acceptability>
      <figure>
        <figcaption>Share of plausible weightings at each rank to ${ordinal(this.topN)}, and below (the same as the table)</figcaption>
        <csp-plot .options=${rankAcceptabilityChart(r, { topN: this.topN, labels })}></csp-plot>
      </figure>
      <h4>Which ranks above which</h4>
      <p class="words" data-testid="pairwise-words">${adjacentPairsWords(r, Math.min(this.topN, PAIRWISE_LIMIT), labels)}</p>
      <figure>
        <figcaption>Share of plausible weightings in which the row issue ranks above the column issue (the ${Math.min(PAIRWISE_LIMIT, r.issueIds.length)} issues with the best mean rank)</figcaption>
        <csp-plot .options=${pairwiseChart(r, { limit: PAIRWISE_LIMIT, labels })}></csp-plot>
      </figure>
      <details>
        <summary>The same as a table</summary>
        <csp-pairwise-table .result=${r} .labels=${labels} .limit=${PAIRWISE_LIMIT}></csp-pairwise-table>
      </details>
      <h4>Central weights</h4>
      <p class="words" data-testid="central-words">${centralWeightWords(r, leader, labels)}</p>
      <csp-central-weights .result=${r} .labels=${this.labels}></csp-central-weights>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-smaa-results': SmaaResults;
  }
}
