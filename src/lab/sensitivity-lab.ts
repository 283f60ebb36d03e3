import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { proxy, startSensitivityWorker, type Remote } from '../../workers/client';
import type { SensitivityApi, SmaaProgress } from '../../workers/sensitivity.worker';
import { formatCount, formatPercent } from '../../models/format';
import { DEFAULT_SEED, isValidSeed } from '../../models/sensitivity/random';
import { smaaBasisWords, smaaHeadlineWords, smaaIssueWords } from '../../models/sensitivity/smaa-words';
import { inverseWords, labelsOf, onlyIfWords } from '../../models/sensitivity/weight-words';
import { rankAcceptabilityChart } from '../charts/rank-acceptability';
import { baseStyles } from '../components/styles';
import { seedAssessment } from './seed-assessment';
import '../components/plot-figure';
import '../components/rank-acceptability';

declare global {
  interface Window {
    /** The lab's worker and seed, for the SMAA benchmark script. */
    cspSensitivityLab?: { worker: Remote<SensitivityApi>; seed: ReturnType<typeof seedAssessment> };
  }
}

/**
 * A working page for the sensitivity engine on the 2014 Central Bedfordshire
 * matrix, until the assessment store and the priorities page can host it:
 * run SMAA in the worker (seed, samples, progress, cancel), read the "Rank
 * acceptability" table, and ask "what would it take". The browser tests and
 * the SMAA benchmark drive it.
 */
@customElement('csp-sensitivity-lab')
export class SensitivityLab extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 1rem 1.25rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.25rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
      }
      section {
        margin: 1.5rem 0;
      }
      .words {
        max-width: 75ch;
      }
    `,
  ];

  private readonly worker = startSensitivityWorker();
  private readonly seed = seedAssessment();
  private readonly labels = labelsOf(this.seed);
  @state() private seedValue = DEFAULT_SEED;
  @state() private samples = 10_000;
  @state() private topN = 5;
  @state() private progress: SmaaProgress | null = null;
  @state() private runId = 0;
  @state() private inverseQuery: { issueId: string; targetRank: number } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.cspSensitivityLab = { worker: this.worker, seed: this.seed };
  }

  private readonly smaa = new Task(this, {
    task: async ([runId, seed, samples], { signal }) => {
      if (runId === 0) return null;
      this.progress = { done: 0, total: samples };
      signal.addEventListener('abort', () => void this.worker.cancel());
      return this.worker.smaa(this.seed, { seed, samples }, proxy((p: SmaaProgress) => (this.progress = p)));
    },
    args: () => [this.runId, this.seedValue, this.samples] as const,
    autoRun: false,
  });

  private readonly inverse = new Task(this, {
    task: async ([query]) => (query === null ? null : this.worker.whatWouldItTake(this.seed, query.issueId, query.targetRank)),
    args: () => [this.inverseQuery] as const,
  });

  private run(e: Event): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const seed = Number(form.get('seed'));
    const samples = Number(form.get('samples'));
    if (!isValidSeed(seed) || !Number.isInteger(samples) || samples < 1) return;
    this.seedValue = seed;
    this.samples = samples;
    this.runId++;
    void this.smaa.run([this.runId, seed, samples]);
  }

  private ask(e: Event): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.inverseQuery = { issueId: String(form.get('issue')), targetRank: Number(form.get('target')) };
  }

  override render() {
    return html`
      <h2>Sensitivity lab: ${this.seed.model.name}</h2>
      <section aria-label="SMAA">
        <form @submit=${this.run}>
          <label>Seed <input name="seed" type="number" min="0" max="4294967295" step="1" .value=${String(this.seedValue)} /></label>
          <label>Samples <input name="samples" type="number" min="1" max="10000000" step="1" .value=${String(this.samples)} /></label>
          <button type="submit">Run SMAA</button>
          <button type="button" @click=${() => void this.worker.cancel()}>Cancel</button>
        </form>
        ${this.progress && this.smaa.status === TaskStatus.PENDING
          ? html`<progress aria-label="SMAA progress" max=${this.progress.total} value=${this.progress.done}></progress>
              ${formatPercent(this.progress.done / this.progress.total, 0)}`
          : nothing}
        ${this.smaa.render({
          complete: (outcome) =>
            outcome === null
              ? nothing
              : html`
                  <p class="words" data-testid="smaa-words">${smaaHeadlineWords(outcome.result, this.topN)} ${smaaIssueWords(outcome.result, 'i0', this.topN)}</p>
                  <p class="words">${smaaBasisWords(outcome.result)} ${outcome.cancelled ? 'Cancelled.' : ''} Took ${formatCount(Math.round(outcome.elapsedMs))} ms.</p>
                  <csp-rank-acceptability .result=${outcome.result} .topN=${this.topN} @top-n-change=${(e: CustomEvent<{ topN: number }>) => (this.topN = e.detail.topN)}></csp-rank-acceptability>
                  <csp-plot .options=${rankAcceptabilityChart(outcome.result, { topN: this.topN })}></csp-plot>
                `,
          error: (e) => html`<p role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
        })}
      </section>
      <section aria-label="What would it take">
        <h3>What would it take?</h3>
        <form @submit=${this.ask}>
          <label
            >Issue
            <select name="issue">
              ${this.seed.issues.map((i) => html`<option value=${i.id}>${i.label}</option>`)}
            </select></label
          >
          <label>Into the top <input name="target" type="number" min="1" max=${this.seed.issues.length} step="1" value="3" /></label>
          <button type="submit">Find the smallest change</button>
        </form>
        ${this.inverse.render({
          pending: () => html`<p>Searching…</p>`,
          complete: (a) => (a === null ? nothing : html`<div data-testid="inverse-words">${[...inverseWords(a, this.labels), onlyIfWords(a, this.labels)].map((w) => html`<p class="words">${w}</p>`)}</div>`),
          error: (e) => html`<p role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-sensitivity-lab': SensitivityLab;
  }
}
