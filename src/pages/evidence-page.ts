import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { proposeScores, type BandingRules, type Proposals } from '../../models/evidence/banding';
import type { EvidenceResult } from '../../models/evidence/evidence';
import { windowLabel, type PeriodChoice } from '../../models/evidence/period';
import { formatPercent } from '../../models/format';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { EvidenceController } from '../app/evidence-controller';
import type { EvidenceSetup } from '../data/evidence-store';
import { SETUP_CHANGED, TRACE_REQUEST, traceFromHash, type TraceTarget } from '../components/evidence-events';
import type { EvidenceTrace } from '../components/evidence-trace';
import { baseStyles } from '../components/styles';
import '../components/banding-editor';
import '../components/evidence-table';
import '../components/evidence-trace';
import '../components/issue-catalogue';
import '../components/local-counts';
import '../components/period-picker';
import '../components/proposed-scores';
import '../components/weight-tables';
import { answerPageRequests } from '../app/page-io';

/**
 * Evidence from the data: for each issue, volumes, rate per 1,000, change and
 * its test, trend, seasonality, concentration and weighted volumes, each
 * traceable to its rows; the scores banding rules propose from them; and the
 * set-up behind them (issue catalogue, local counts, weights).
 */
@customElement('csp-evidence-page')
export class EvidencePage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2.25rem;
      }
      ul.notes {
        padding: 0;
        list-style: none;
      }
      .status {
        min-height: 1.5rem;
      }
      progress {
        vertical-align: middle;
        margin-left: 0.5rem;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;

  constructor() {
    super();
    // The page makes the evidence writes and traces its components ask for (components hold no store or worker).
    answerPageRequests(this, () => this.services, ['evidenceStore', 'evidence']);
  }

  @state() private target: TraceTarget | null = null;
  @query('csp-evidence-trace') private traceView?: EvidenceTrace;
  private readonly ev = new EvidenceController(
    this,
    () => this.services,
    () => this.wb,
  );
  /** A trace the address asks for (#/evidence?trace=burglary&figure=volume), opened once the evidence is ready. */
  private wantedTrace: TraceTarget | null = traceFromHash(location.hash);

  private proposalsFor: { evidence: EvidenceResult; rules: BandingRules; proposals: Proposals } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(SETUP_CHANGED, () => this.ev.reread());
    this.addEventListener(TRACE_REQUEST, (e) => {
      this.opener = deepActiveElement();
      void this.showTrace((e as CustomEvent<TraceTarget>).detail);
    });
    // Escape closes an open trace (unless something inside used the key).
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented && this.target !== null) this.closeTrace();
    });
  }

  /** What opened the trace (a figure's button): focus returns there when it closes. */
  private opener: HTMLElement | null = null;

  private closeTrace() {
    this.target = null;
    const back = this.opener;
    this.opener = null;
    if (back?.isConnected === true) back.focus();
  }

  protected override updated(): void {
    const wanted = this.wantedTrace;
    const issues = this.ev.evidence.value?.evidence.issues;
    if (wanted === null || issues === undefined) return;
    this.wantedTrace = null;
    if (issues.some((i) => i.id === wanted.issueId)) void this.showTrace(wanted);
  }

  private proposals(evidence: EvidenceResult, rules: BandingRules): Proposals {
    const held = this.proposalsFor;
    if (held?.evidence === evidence && held.rules === rules) return held.proposals;
    const proposals = proposeScores(evidence, rules);
    this.proposalsFor = { evidence, rules, proposals };
    return proposals;
  }

  private async showTrace(t: TraceTarget) {
    this.target = t;
    await this.updateComplete;
    await this.traceView?.focusHeading();
  }

  private async changePeriod(e: CustomEvent<PeriodChoice>) {
    await this.services?.evidenceStore.savePeriod(e.detail);
    this.ev.reread();
  }

  override render() {
    return html`
      <h2>Evidence</h2>
      <p>
        The evidence behind each issue’s scores, derived from the stored data for ${this.wb?.area ?? 'every located row'}: volumes, rates, change and whether
        it is more than chance, trend, seasonality, concentration and harm- and cost-weighted volumes. Choose any figure to see the months and rows it
        counts.
      </p>
      ${
        this.ev.setup.value !== undefined
          ? // Keep showing the set-up in force while it is read again after a save, so editors keep their state.
            this.body(this.ev.setup.value)
          : this.ev.setup.render({
              pending: () => html`<p class="muted" role="status">Reading the evidence set-up…</p>`,
              error: (e) => html`<p class="note error" role="alert">Could not read the evidence set-up: ${(e as Error).message}</p>`,
            })
      }
      ${
        this.ev.setup.status === TaskStatus.ERROR && this.ev.setup.value !== undefined
          ? html`<p class="note error" role="alert">Could not read the evidence set-up: ${String((this.ev.setup.error as Error)?.message ?? this.ev.setup.error)}</p>`
          : nothing
      }
    `;
  }

  private body(setup: EvidenceSetup) {
    const response = this.ev.evidence.value;
    const e = response?.evidence;
    const pending = this.ev.evidence.status === TaskStatus.PENDING;
    const { progress, slow } = this.ev;
    return html`
      <section aria-labelledby="period">
        <h3 id="period">Assessment period</h3>
        <csp-period-picker .period=${setup.period} .months=${e?.storedMonths ?? []} @period-change=${this.changePeriod}></csp-period-picker>
        ${
          e?.period == null
            ? nothing
            : html`<p>Current period ${windowLabel(e.period.current)}, compared with ${windowLabel(e.period.previous)}. A month counts once it is stored: police.uk publishes whole months, so the latest stored month is treated as complete.</p>`
        }
        <div class="status">
          ${
            pending && slow
              ? html`<p role="status">
                ${progress?.label ?? 'Working out the evidence'}…
                <progress max="1" value=${progress?.done ?? 0} aria-label="Evidence progress">${formatPercent(progress?.done ?? 0, 0)}</progress>
              </p>`
              : nothing
          }
          ${
            response === undefined || pending
              ? nothing
              : html`<details class="muted"><summary>How long it took</summary><p data-timing>Worked out in ${Math.round(response.timing.totalMs).toLocaleString('en-GB')} ms.</p></details>`
          }
        </div>
        ${this.ev.evidence.status === TaskStatus.ERROR ? html`<p class="note error" role="alert">Could not work out the evidence: ${String((this.ev.evidence.error as Error)?.message ?? this.ev.evidence.error)}</p>` : nothing}
        ${e === undefined ? (pending ? html`<p class="muted">Working out the evidence…</p>` : nothing) : this.notes(e)}
      </section>
      ${
        e === undefined
          ? nothing
          : html`
            <section aria-labelledby="by-issue">
              <h3 id="by-issue">Volumes, rates and trends</h3>
              <csp-evidence-table .evidence=${e} .selected=${this.target}></csp-evidence-table>
              <csp-evidence-trace .target=${this.target} .area=${this.wb?.area ?? null} .config=${this.ev.config(setup)} @close=${this.closeTrace}></csp-evidence-trace>
            </section>
            <section aria-labelledby="proposed">
              <h3 id="proposed">Proposed scores</h3>
              <p>
                Each data-backed criterion of the risk matrix gets a proposed score from its banding rule. Judgement stays with the analyst: once an
                assessment’s issues are linked to these issues, the proposals appear in its <a href="#/matrix">scoring grid</a> (Risk
                matrix page), where each is accepted or overridden with a reason, and every decision is kept in the assessment’s audit trail.
              </p>
              <csp-proposed-scores .evidence=${e} .rules=${setup.banding} .proposals=${this.proposals(e, setup.banding)}></csp-proposed-scores>
              <details>
                <summary>Edit the banding rules</summary>
                <csp-banding-editor .rules=${setup.banding}></csp-banding-editor>
              </details>
            </section>
          `
      }
      <section aria-labelledby="catalogue">
        <h3 id="catalogue">Issue catalogue</h3>
        <p>Each issue counts the police.uk crime types mapped to it, or takes local monthly counts. A crime type may count towards several issues.</p>
        <csp-issue-catalogue .catalogue=${setup.catalogue} .localCounts=${setup.localCounts} .dataCrimeTypes=${e?.crimeTypes ?? []}></csp-issue-catalogue>
      </section>
      <section aria-labelledby="local">
        <h3 id="local">Local counts</h3>
        <csp-local-counts .catalogue=${setup.catalogue} .counts=${setup.localCounts}></csp-local-counts>
      </section>
      <section aria-labelledby="weights">
        <h3 id="weights">Harm and cost weights</h3>
        <csp-weight-tables .weights=${setup.weights} .catalogue=${setup.catalogue}></csp-weight-tables>
      </section>
    `;
  }

  private notes(e: EvidenceResult) {
    if (e.notes.length === 0) return nothing;
    return html`<ul class="notes">
      ${e.notes.map((n) => html`<li class="note ${n.severity}">${n.text}</li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-evidence-page': EvidencePage;
  }
}

/** The focused element, looking inside shadow roots (document.activeElement stops at the first host). */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement != null) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}
