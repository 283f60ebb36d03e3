import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type * as Plot from '@observablehq/plot';
import { baselineWeights, type Assessment } from '../../models/risk-matrix/assessment';
import { formatScore, totalFormula } from '../../models/risk-matrix/explain';
import { formatCount, plural } from '../../models/format';
import { CHART_ISSUES } from '../../models/report/document';
import { cutLineTie, movements } from '../../models/risk-matrix/movement';
import { rankedCsv } from '../../models/risk-matrix/ranked-csv';
import { effectiveWeights, rank, type RankedIssue } from '../../models/risk-matrix/score';
import { setCutLine } from '../../models/risk-matrix/weights-edit';
import { AssessmentController } from '../app/assessment-controller';
import { requestEdit } from '../app/assessment-edit';
import { servicesContext, type Services } from '../app/context';
import { assessmentFileName, downloadText } from '../app/download';
import { contributionChart } from '../charts/contributions';
import { baseStyles } from '../components/styles';
import '../components/plot-figure';
import '../components/ranked-table';
import '../components/hl-grid';
import '../components/weights-panel';
import '../components/weight-sets';
import '../components/undo-bar';
import '../components/weight-elicitation';

/**
 * While weights are dragged the table follows every change; the chart is
 * redrawn once the drag pauses for this long (and at least every
 * CHART_MAX_WAIT_MS during a long drag), after the table has been painted.
 */
const CHART_PAUSE_MS = 120;
const CHART_MAX_WAIT_MS = 500;

/** Ranked priorities for the open assessment: live weights, the ranking with movements and cut line, its make-up and the harm × likelihood grid. */
@customElement('csp-priorities-page')
export class PrioritiesPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
      /* Off-screen sections skip layout and paint while weights are dragged. */
      section.deferred {
        content-visibility: auto;
        contain-intrinsic-size: auto 900px;
      }
      .layout {
        display: grid;
        grid-template-columns: 17rem minmax(0, 1fr);
        gap: 1.25rem;
        align-items: start;
      }
      aside {
        position: sticky;
        top: 0.5rem;
        max-height: calc(100vh - 1rem);
        overflow-y: auto;
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 6px;
        padding: 0.75rem;
        background: var(--panel, #f3f5f8);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        aside {
          position: static;
          max-height: none;
        }
      }
      .field {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .pick,
      .cut {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin: 0 0 0.75rem;
      }
      select,
      input {
        font: inherit;
        padding: 0.25rem 0.35rem;
      }
      .cut input {
        width: 4.5rem;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
  @state() private chart: Plot.PlotOptions | null = null;

  private ranked: RankedIssue[] = [];
  private baseline: RankedIssue[] = [];
  private baseKey: unknown[] = [];
  private chartTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet in the chart was made. */
  private chartStale: number | undefined;
  private shown: Assessment | undefined;

  protected override willUpdate(_changed: PropertyValues): void {
    const a = this.ctl.current;
    if (a === this.shown) return;
    const first = this.shown === undefined || a?.id !== this.shown.id;
    this.shown = a;
    if (a === undefined) {
      this.ranked = [];
      this.chart = null;
      return;
    }
    this.ranked = rank(a.model, a.issues, a.scores, a.draftWeights);
    // The baseline ranking only changes with the scores, the model or the baseline, not with the weights being dragged.
    const key = [a.model, a.issues, a.scores, a.weightSets, a.baselineWeightSetId];
    if (key.some((k, i) => k !== this.baseKey[i])) {
      this.baseKey = key;
      this.baseline = rank(a.model, a.issues, a.scores, baselineWeights(a));
    }
    if (first) this.chart = contributionChart(a.model, this.ranked, a.cutLine);
    else this.scheduleChart();
  }

  /** Redraws the chart when the weights stop moving, after the table has been painted. */
  private scheduleChart() {
    const now = performance.now();
    this.chartStale ??= now;
    clearTimeout(this.chartTimer);
    const wait = Math.max(0, Math.min(CHART_PAUSE_MS, this.chartStale + CHART_MAX_WAIT_MS - now));
    this.chartTimer = setTimeout(() => {
      this.chartTimer = undefined;
      this.chartStale = undefined;
      const a = this.shown;
      if (a !== undefined) this.chart = contributionChart(a.model, this.ranked, a.cutLine);
    }, wait);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.chartTimer);
  }

  private download(a: Assessment, moves: ReturnType<typeof movements>) {
    const safe = assessmentFileName(a.name);
    downloadText(`${safe}-ranked-priorities.csv`, rankedCsv(a.model, this.ranked, moves, a.scores, effectiveWeights(a.model, a.draftWeights), a.brief?.recommendations ?? {}));
  }

  private setCut(e: Event) {
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '') return;
    requestEdit(this, (a) => setCutLine(a, Math.min(a.issues.length, Math.max(0, Math.round(Number(input.value))))), 'Cut line', 'live');
  }

  override render() {
    const a = this.ctl.current;
    return html`
      <h2>Priorities</h2>
      ${this.ctl.failure === undefined ? nothing : html`<p class="note error" role="alert">${this.ctl.failure}</p>`}
      <csp-undo-bar .step=${this.ctl.lastUndo} .run=${this.ctl.undoStep} ?writing=${this.ctl.writing}></csp-undo-bar>
      ${this.ctl.loading ? html`<p class="muted" role="status">Opening assessments…</p>` : a === undefined ? html`<p>No assessment yet: create one on the <a href="#/matrix">Risk matrix</a> page.</p>` : this.body(a)}
    `;
  }

  private body(a: Assessment) {
    const weights = effectiveWeights(a.model, a.draftWeights);
    const cut = a.cutLine ?? 0;
    const tie = cutLineTie(this.ranked, cut);
    const moves = movements(this.baseline, this.ranked);
    const unscored = this.ranked.filter((r) => r.unscored.length > 0);
    return html`
      <div class="pick">
        <div class="field">
          <label for="assessment">Assessment</label>
          <select id="assessment" @change=${(e: Event) => this.ctl.open((e.target as HTMLSelectElement).value)}>
            ${this.ctl.list.filter((s) => s.problem === undefined).map((s) => html`<option value=${s.id} ?selected=${s.id === a.id}>${s.name}</option>`)}
          </select>
        </div>
        <span class="muted">${a.model.name}; ${a.issues.length} issues, ${a.model.criteria.length} criteria.</span>
      </div>
      <div class="layout">
        <aside aria-labelledby="weights-h">
          <h3 id="weights-h">Weights</h3>
          <csp-weights-panel .model=${a.model} .draft=${a.draftWeights} .baseline=${baselineWeights(a)}></csp-weights-panel>
          <csp-weight-sets .assessment=${a}></csp-weight-sets>
          <p><a href="#/sensitivity">How robust is this ranking?</a> Scenarios, weight stability, rank acceptability and what it would take to move an issue.</p>
        </aside>
        <div>
          <section aria-labelledby="rank-h">
            <h3 id="rank-h">Ranking</h3>
            <p class="muted">${totalFormula(a.model, a.draftWeights)} Issues with equal totals share a rank (“=2”) and keep their order in the assessment.</p>
            <div class="cut">
              <label>Issues above the cut line <input type="number" min="0" max=${a.issues.length} step="1" .value=${String(cut)} @input=${this.setCut} /></label>
              <span>
                ${
                  cut > 0 && cut < this.ranked.length
                    ? html`Top ${cut}: ${this.ranked
                        .slice(0, cut)
                        .map((r) => r.label)
                        .join(', ')}.`
                    : 'No cut line drawn.'
                }
              </span>
            </div>
            ${
              tie === undefined
                ? nothing
                : html`<p class="note warning">
                  The cut line splits a tie at ${formatScore(tie.total)} (${tie.rankLabel}): ${tie.issues.join(', ')}. Which of them fall above the line is only their
                  order in the assessment.
                </p>`
            }
            ${
              unscored.length === 0
                ? nothing
                : html`<p class="note warning">
                  ${plural(unscored.length, 'issue')} ${unscored.length === 1 ? 'has' : 'have'} criteria not yet scored, counted as the scale minimum (shown as “–”):
                  ${unscored.map((r) => r.label).join(', ')}.
                </p>`
            }
            <csp-ranked-table .model=${a.model} .scores=${a.scores} .ranked=${this.ranked} .moves=${moves} .weights=${weights} .cutLine=${cut}></csp-ranked-table>
            <p>
              <button class="secondary" @click=${() => this.download(a, moves)}>Download ranked priorities (CSV)</button>
            </p>
          </section>
          <section class="deferred" aria-labelledby="chart-h">
            <h3 id="chart-h">What makes up each total</h3>
            <figure>
              <figcaption>Contribution of each criterion to each issue’s total, highest ranked first${this.ranked.length > CHART_ISSUES ? ` (the ${CHART_ISSUES} highest ranked of ${formatCount(this.ranked.length)} issues)` : ''}</figcaption>
              <csp-plot .options=${this.chart}></csp-plot>
            </figure>
          </section>
          <section class="deferred" aria-labelledby="hl-h">
            <h3 id="hl-h">Harm × likelihood</h3>
            <csp-hl-grid .model=${a.model} .issues=${a.issues} .scores=${a.scores} .weights=${a.draftWeights}></csp-hl-grid>
          </section>
          <section class="deferred" aria-labelledby="elicit-h">
            <h3 id="elicit-h">Agree the weights</h3>
            <csp-weight-elicitation .assessment=${a}></csp-weight-elicitation>
          </section>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-priorities-page': PrioritiesPage;
  }
}
