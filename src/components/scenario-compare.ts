import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Assessment as StoredAssessment } from '../../models/risk-matrix/assessment';
import { comparables, type Comparable } from '../../models/sensitivity/basis';
import type { Assessment } from '../../models/sensitivity/problem';
import type { ScenarioComparison } from '../../models/sensitivity/scenario';
import { differenceWords, scenarioChangeWords } from '../../models/sensitivity/scenario-words';
import { labelsOf } from '../../models/sensitivity/weight-words';
import { scenarioSlopeChart } from '../charts/scenario-slope';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';
import './plot-figure';
import './scenario-differences';
import { askPage } from '../app/page-requests';

/**
 * Two to four of the draft weights, weight sets and scenarios side by side:
 * the "Ranks by scenario" table with each issue's rank change from the first,
 * a slope chart, and what differs between them, in a table and in words.
 */
@customElement('csp-scenario-compare')
export class ScenarioCompare extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) assessment!: StoredAssessment;
  /** N for "joins / leaves the top N" in the words. */
  @property({ type: Number }) topN = 5;
  /** Keys chosen by the user (null until they choose: then a default). */
  @state() private chosen: string[] | null = null;
  private base: Assessment | undefined;
  private baseDeps: unknown[] = [];
  private all: Comparable[] = [];

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const a = this.assessment;
    if ([a.model, a.issues, a.scores].some((d, i) => d !== this.baseDeps[i])) {
      this.baseDeps = [a.model, a.issues, a.scores];
      this.base = { model: a.model, issues: a.issues, scores: a.scores };
    }
    this.all = comparables(a);
  }

  /** The keys compared: the user's choice where it still exists, else the baseline and the first scenarios (or the draft). */
  private keys(): string[] {
    const exists = new Set(this.all.map((c) => c.key));
    if (this.chosen !== null) return this.chosen.filter((k) => exists.has(k));
    const baseline = `set:${this.assessment.baselineWeightSetId}`;
    const scenarios = this.all.filter((c) => c.kind === 'scenario').map((c) => c.key);
    const keys = [baseline, ...scenarios].slice(0, 4);
    return keys.length >= 2 ? keys : [baseline, 'draft'];
  }

  private readonly compare = new Task(this, {
    task: async ([base, picked]) => {
      if (base === undefined || picked.length < 2 || picked.length > 4) return null;
      return askPage(
        this,
        'sensitivity',
        'compareScenarios',
        base,
        picked.map((c) => c.scenario),
      );
    },
    args: () => {
      const keys = this.keys();
      const picked = keys.map((k) => this.all.find((c) => c.key === k)!);
      return [this.base, picked] as const;
    },
    // Comparables are rebuilt on every render; compare what they mean.
    argsEqual: (a, b) => a[0] === b[0] && JSON.stringify(a[1].map((c) => c.scenario)) === JSON.stringify(b[1].map((c) => c.scenario)),
  });

  private toggle(key: string, on: boolean) {
    const keys = this.keys().filter((k) => k !== key);
    this.chosen = on ? [...keys, key] : keys;
  }

  override render() {
    const keys = this.keys();
    return html`
      <fieldset>
        <legend>Compare (2 to 4, the first is the reference)</legend>
        <div class="row">
          ${this.all.map(
            (c) =>
              html`<label class="check"
                ><input type="checkbox" .checked=${keys.includes(c.key)} ?disabled=${!keys.includes(c.key) && keys.length >= 4} @change=${(e: Event) => this.toggle(c.key, (e.target as HTMLInputElement).checked)} />
                ${c.name}</label
              >`,
          )}
        </div>
      </fieldset>
      ${keys.length < 2 ? html`<p class="note warning">Choose at least two to compare.</p>` : nothing}
      ${this.compare.render({
        pending: () => html`<p class="muted" role="status">Comparing…</p>`,
        complete: (cmp) => (cmp === null ? nothing : this.result(cmp)),
        error: (e) => html`<p class="note error" role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
      })}
    `;
  }

  private result(cmp: ScenarioComparison) {
    const labels = labelsOf(this.base!);
    const order = [...cmp.rows].sort((x, y) => x.places[0]!.rank - y.places[0]!.rank);
    const change = (c: number) => (c > 0 ? `▲${c}` : c < 0 ? `▼${-c}` : '=');
    const changeText = (c: number) => (c > 0 ? `up ${c}` : c < 0 ? `down ${-c}` : 'no change');
    return html`
      <div class="words" data-testid="compare-words">
        ${cmp.scenarios.slice(1).map((_, k) => html`<p>${scenarioChangeWords(cmp, k + 1, this.topN)} ${differenceWords(cmp.differences[k]!, labels)}</p>`)}
      </div>
      <figure>
        <figcaption>Ranks under ${cmp.scenarios.map((s) => s.name).join(', ')}</figcaption>
        <csp-plot .options=${scenarioSlopeChart(cmp)}></csp-plot>
      </figure>
      <div class="scroll" ${scrollRegion()}>
        <table>
          <caption>
            Ranks by scenario
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              ${cmp.scenarios.map((s, k) => html`<th scope="col" class="num">${s.name}</th>${k > 0 ? html`<th scope="col" class="num">Change</th>` : nothing}`)}
            </tr>
          </thead>
          <tbody>
            ${order.map(
              (r) => html`<tr>
                <th scope="row">${r.label}</th>
                ${r.places.map(
                  (p, k) =>
                    html`<td class="num">${p.rankLabel}</td>
                      ${k > 0 ? html`<td class="num"><span aria-hidden="true">${change(r.change[k]!)}</span><span class="visually-hidden">${changeText(r.change[k]!)}</span></td>` : nothing}`,
                )}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <csp-scenario-differences .comparison=${cmp} .labels=${labels}></csp-scenario-differences>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-scenario-compare': ScenarioCompare;
  }
}
