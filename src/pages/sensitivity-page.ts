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

/** The page's sections for the "On this page" buttons: heading id, label, whether it needs an analysable basis. */
const SECTIONS: readonly (readonly [string, string, boolean])[] = [
  ['scenarios-h', 'Scenarios', false],
  ['compare-h', 'Compare', false],
  ['stability-h', 'Weight stability', true],
  ['tornado-h', 'Tornado', true],
  ['smaa-h', 'Rank acceptability', true],
  ['inverse-h', 'What would it take?', true],
];

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
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
  /** What to analyse; an address may ask for one (#/sensitivity?basis=set:board), as the weight elicitation does. */
  @state() private basisKey = new URLSearchParams(location.hash.split('?')[1] ?? '').get('basis') ?? DRAFT_KEY;
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
      <csp-undo-bar .step=${this.ctl.lastUndo} .run=${this.ctl.undoStep}></csp-undo-bar>
      ${this.ctl.loading
        ? html`<p class="muted" role="status">Opening assessments…</p>`
        : a === undefined
          ? html`<p>No assessment yet: create one on the <a href="#/matrix">Risk matrix</a> page.</p>`
          : a.issues.length === 0
            ? html`<p>“${a.name}” has no issues yet: add and score them on the <a href="#/matrix">Risk matrix</a> page.</p>`
            : this.body(a)}
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
      <nav aria-label="On this page" class="row">
        ${SECTIONS.filter(([, , needsBasis]) => !needsBasis || (basis !== undefined && !('error' in basis))).map(
          ([id, label]) => html`<button type="button" class="secondary" @click=${() => this.jump(id)}>${label}</button>`,
        )}
      </nav>
      <section aria-labelledby="scenarios-h">
        <h3 id="scenarios-h">Scenarios</h3>
        <csp-scenarios-panel .assessment=${a} @analyse-basis=${(e: CustomEvent<string>) => (this.basisKey = e.detail)}></csp-scenarios-panel>
      </section>
      <section aria-labelledby="compare-h">
        <h3 id="compare-h">Compare scenarios</h3>
        <csp-scenario-compare .assessment=${a} .topN=${topN}></csp-scenario-compare>
      </section>
      ${basis === undefined || 'error' in basis
        ? nothing
        : html`
            <section aria-labelledby="stability-h">
              <h3 id="stability-h">Weight stability <span class="muted">· ${basis.comparable.name}</span></h3>
              <csp-weight-stability .input=${basis.input} .labels=${basis.labels} .topN=${topN} .basisName=${basis.comparable.name}></csp-weight-stability>
            </section>
            <section aria-labelledby="tornado-h">
              <h3 id="tornado-h">Tornado: ranks when one weight moves <span class="muted">· ${basis.comparable.name}</span></h3>
              <csp-tornado-panel .input=${basis.input} .labels=${basis.labels} .change=${settings.tornadoChange}></csp-tornado-panel>
            </section>
            <section aria-labelledby="smaa-h">
              <h3 id="smaa-h">Rank acceptability (SMAA) <span class="muted">· ${basis.comparable.name}</span></h3>
              <csp-smaa-panel .input=${basis.input} .labels=${basis.labels} .settings=${settings} .topN=${topN} .basisName=${basis.comparable.name}></csp-smaa-panel>
            </section>
            <section aria-labelledby="inverse-h">
              <h3 id="inverse-h">What would it take? <span class="muted">· ${basis.comparable.name}</span></h3>
              <csp-what-would-it-take .input=${basis.input} .labels=${basis.labels} .comparable=${basis.comparable} .constraints=${settings.constraints}></csp-what-would-it-take>
            </section>
          `}
    `;
  }

  /** Moves to a section and puts focus on its heading (the address is the router's, so no in-page links). */
  private jump(id: string) {
    const h = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    h?.setAttribute('tabindex', '-1');
    h?.scrollIntoView({ block: 'start' });
    h?.focus({ preventScroll: true });
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
