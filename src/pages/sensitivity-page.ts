import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Assessment as StoredAssessment } from '../../models/risk-matrix/assessment';
import { comparables, DRAFT_KEY, engineInput, type Comparable } from '../../models/sensitivity/basis';
import type { Assessment } from '../../models/sensitivity/problem';
import { sensitivitySettings, topNOf, updateSensitivitySettings } from '../../models/sensitivity/settings';
import { labelsOf, type Labels } from '../../models/sensitivity/weight-words';
import { AssessmentController } from '../app/assessment-controller';
import { requestEdit } from '../app/assessment-edit';
import { servicesContext, type Services } from '../app/context';
import { baseStyles } from '../components/styles';
import { formStyles } from '../components/form-styles';
import { readNumber } from '../components/number-input';
import '../components/undo-bar';
import '../components/basis-summary';
import '../components/scenarios-panel';
import '../components/scenario-compare';
import '../components/weight-stability';
import '../components/tornado-panel';
import '../components/smaa-panel';
import '../components/what-would-it-take';
import '../components/sensitivity-answer';
import { answerPageRequests } from '../app/page-io';

/** The analyses, one shown at a time: key, tab label, whether it needs an analysable basis, and the question it answers. */
const VIEWS = [
  ['stability', 'Weight stability', true, 'How far can one weight move before the top N, or first place, changes?'],
  ['tornado', 'Tornado', true, 'Which weight moves each issue’s rank the most?'],
  ['smaa', 'Rank acceptability', true, 'Over every plausible weighting, how often is each issue in the top N?'],
  ['inverse', 'What would it take?', true, 'What is the smallest change of weights that lifts an issue to a given rank?'],
  ['scenarios', 'Scenarios', false, 'What if the weights, scores or total were different? Save and analyse a scenario.'],
  ['compare', 'Compare scenarios', false, 'How do the ranks differ between scenarios?'],
] as const;
type View = (typeof VIEWS)[number][0];

/** The analysis the address names (#/sensitivity?view=tornado), so a reload or a link opens it. */
function viewFromHash(hash: string): View {
  const v = new URLSearchParams(hash.split('?')[1] ?? '').get('view');
  return VIEWS.find(([k]) => k === v)?.[0] ?? 'stability';
}

/** What the views analyse: a comparable applied to the open assessment, kept while its inputs are unchanged. */
interface Basis {
  comparable: Comparable;
  input: Assessment;
  labels: Labels;
}

/**
 * How robust the open assessment's ranking is, and what would change it:
 * scenarios and their comparison, weight-stability intervals, the tornado,
 * SMAA rank acceptability, and "what would it take". Every view analyses the
 * basis chosen at the top: the draft weights (as on the Priorities page), a
 * weight set or a saved scenario.
 */
@customElement('csp-sensitivity-page')
export class SensitivityPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      section {
        margin: 0 0 2.25rem;
      }
      .basis {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 6px;
        padding: 0.75rem;
        background: var(--panel, #f3f5f8);
        margin: 0 0 1.5rem;
      }
      input[name='top-n'] {
        width: 4.5rem;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 2px solid var(--accent, #1d4f91);
        margin: 0 0 1rem;
      }
      .tabs button {
        background: white;
        color: var(--accent, #1d4f91);
        border-radius: 4px 4px 0 0;
        border-bottom: none;
      }
      .tabs button[aria-selected='true'] {
        background: var(--accent, #1d4f91);
        color: white;
        font-weight: 600;
      }
      .question {
        font-style: italic;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;

  constructor() {
    super();
    // The page runs the analyses its panels ask for (the panels hold no worker).
    answerPageRequests(this, () => this.services, ['sensitivity']);
  }

  private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
  /** What to analyse; an address may ask for one (#/sensitivity?basis=set:board), as the weight elicitation does. */
  @state() private basisKey = new URLSearchParams(location.hash.split('?')[1] ?? '').get('basis') ?? DRAFT_KEY;
  @state() private view: View = viewFromHash(location.hash);
  private basis: Basis | { error: string } | undefined;
  private basisDeps: unknown[] = [];

  protected override willUpdate(_changed: PropertyValues): void {
    const a = this.ctl.current;
    // Rebuilt only when what it depends on changes, so settings edits do not re-run the analyses.
    const deps = [a?.id, a?.model, a?.issues, a?.scores, a?.draftWeights, a?.weightSets, a?.scenarios, this.basisKey];
    if (deps.every((d, i) => d === this.basisDeps[i])) return;
    this.basisDeps = deps;
    this.basis = a === undefined || a.issues.length === 0 ? undefined : basisOf(a, this.basisKey);
  }

  override render() {
    const a = this.ctl.current;
    return html`
      <h2>Sensitivity</h2>
      ${this.ctl.failure === undefined ? nothing : html`<p class="note error" role="alert">${this.ctl.failure}</p>`}
      <csp-undo-bar .step=${this.ctl.lastUndo} .run=${this.ctl.undoStep} ?writing=${this.ctl.writing}></csp-undo-bar>
      ${
        this.ctl.loading
          ? html`<p class="muted" role="status">Opening assessments…</p>`
          : a === undefined
            ? html`<p>No assessment yet: create one on the <a href="#/matrix">Risk matrix</a> page.</p>`
            : a.issues.length === 0
              ? html`<p>“${a.name}” has no issues yet: add and score them on the <a href="#/matrix">Risk matrix</a> page.</p>`
              : this.body(a)
      }
    `;
  }

  private body(a: StoredAssessment) {
    const topN = topNOf(a);
    const settings = sensitivitySettings(a);
    const basis = this.basis;
    const all = comparables(a);
    return html`
      <div class="basis">
        <form @submit=${(e: Event) => e.preventDefault()} aria-label="What to analyse">
          <span class="field"><label for="pick-assessment">Assessment</label>
            <select id="pick-assessment" @change=${(e: Event) => this.open((e.target as HTMLSelectElement).value)}>
              ${this.ctl.list.filter((s) => s.problem === undefined).map((s) => html`<option value=${s.id} ?selected=${s.id === a.id}>${s.name}</option>`)}
            </select></span
          >
          <span class="field"><label for="pick-analyse">Analyse</label>
            <select id="pick-analyse" @change=${(e: Event) => (this.basisKey = (e.target as HTMLSelectElement).value)}>
              ${all.map((c) => html`<option value=${c.key} ?selected=${c.key === this.basisKey}>${c.name}</option>`)}
            </select></span
          >
          <label
            >Top N
            <input name="top-n" type="number" min="1" max=${a.issues.length} step="1" .value=${String(topN)} @change=${this.setTopN} />
          </label>
        </form>
        ${basis === undefined ? nothing : 'error' in basis ? html`<p class="note error" role="alert">${basis.error}</p>` : html`<csp-basis-summary .assessment=${a} .comparable=${basis.comparable}></csp-basis-summary>`}
      </div>
      ${basis === undefined || 'error' in basis ? nothing : html`<csp-sensitivity-answer .input=${basis.input} .labels=${basis.labels} .topN=${topN}></csp-sensitivity-answer>`}
      ${this.tabs(basis !== undefined && !('error' in basis))}
      <section role="tabpanel" id="view-panel" aria-labelledby="tab-${this.view}">
        <p class="question">${VIEWS.find(([k]) => k === this.view)?.[3]}</p>
        ${this.section(a, basis, topN, settings)}
      </section>
    `;
  }

  /** The analyses as tabs (arrow keys move between them, as the ARIA tabs pattern has it). */
  private tabs(analysable: boolean) {
    const shown = VIEWS.filter(([, , needsBasis]) => !needsBasis || analysable);
    const keys = (e: KeyboardEvent) => {
      const i = shown.findIndex(([k]) => k === this.view);
      const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? shown.length - 1 : null;
      if (to === null) return;
      e.preventDefault();
      const next = shown[(to + shown.length) % shown.length]![0];
      this.choose(next);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
    };
    return html`<div role="tablist" aria-label="Analyses" class="tabs" @keydown=${keys}>
      ${shown.map(
        ([k, label]) => html`<button
          type="button"
          role="tab"
          id="tab-${k}"
          aria-controls="view-panel"
          aria-selected=${k === this.view ? 'true' : 'false'}
          tabindex=${k === this.view ? '0' : '-1'}
          @click=${() => this.choose(k)}
        >
          ${label}
        </button>`,
      )}
    </div>`;
  }

  /** Shows one analysis, and keeps it in the address (without a new history entry). */
  private choose(view: View) {
    this.view = view;
    history.replaceState(history.state, '', `#/sensitivity?view=${view}`);
  }

  private section(a: StoredAssessment, basis: Basis | { error: string } | undefined, topN: number, settings: ReturnType<typeof sensitivitySettings>) {
    if (this.view === 'scenarios')
      return html`<h3 id="scenarios-h">Scenarios</h3>
        <csp-scenarios-panel .assessment=${a} @analyse-basis=${(e: CustomEvent<string>) => (this.basisKey = e.detail)}></csp-scenarios-panel>`;
    if (this.view === 'compare')
      return html`<h3 id="compare-h">Compare scenarios</h3>
        <csp-scenario-compare .assessment=${a} .topN=${topN}></csp-scenario-compare>`;
    if (basis === undefined || 'error' in basis) return html`<p class="muted">Choose something that can be analysed above.</p>`;
    switch (this.view) {
      case 'stability':
        return html`<h3 id="stability-h">Weight stability <span class="muted">· ${basis.comparable.name}</span></h3>
          <csp-weight-stability .input=${basis.input} .labels=${basis.labels} .topN=${topN} .basisName=${basis.comparable.name}></csp-weight-stability>`;
      case 'tornado':
        return html`<h3 id="tornado-h">Tornado: ranks when one weight moves <span class="muted">· ${basis.comparable.name}</span></h3>
          <csp-tornado-panel .input=${basis.input} .labels=${basis.labels} .change=${settings.tornadoChange}></csp-tornado-panel>`;
      case 'smaa':
        return html`<h3 id="smaa-h">Rank acceptability (SMAA) <span class="muted">· ${basis.comparable.name}</span></h3>
          <csp-smaa-panel .input=${basis.input} .labels=${basis.labels} .settings=${settings} .topN=${topN} .basisName=${basis.comparable.name}></csp-smaa-panel>`;
      case 'inverse':
        return html`<h3 id="inverse-h">What would it take? <span class="muted">· ${basis.comparable.name}</span></h3>
          <csp-what-would-it-take .input=${basis.input} .labels=${basis.labels} .comparable=${basis.comparable} .constraints=${settings.constraints}></csp-what-would-it-take>`;
    }
  }

  private async open(id: string) {
    this.basisKey = DRAFT_KEY;
    await this.ctl.open(id);
  }

  private setTopN(e: Event) {
    const v = readNumber(e.target as HTMLInputElement, { min: 1, max: 1_000_000, whole: true });
    if (v === null) return;
    requestEdit(this, (x) => updateSensitivitySettings(x, { topN: Math.min(v, x.issues.length) }), 'Top N', 'live');
  }
}

/** The basis for a key, falling back to the draft when the key has gone (a deleted scenario). */
function basisOf(a: StoredAssessment, key: string): Basis | { error: string } {
  const all = comparables(a);
  const comparable = all.find((c) => c.key === key) ?? all[0]!;
  try {
    const input = engineInput(a, comparable);
    return { comparable, input, labels: labelsOf(input) };
  } catch (e) {
    return { error: `“${comparable.name}” cannot be analysed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-sensitivity-page': SensitivityPage;
  }
}
