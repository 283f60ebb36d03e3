import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CR_LIMIT, type Judgement, pairsOf, pairwiseWeights, type PairwiseResult, RANDOM_INDEX_MAX_N, SAATY_WORDS } from '../../models/elicitation/pairwise';
import { formatScore } from '../../models/risk-matrix/explain';
import { ElicitedEvent, type ElicitCriterion } from './elicit-events';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

const STRENGTHS = [9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * Pairwise comparison on Saaty's 1-9 scale: for every pair of criteria, which
 * matters more and how strongly (one labelled choice per pair). Weights are
 * the principal eigenvector; the consistency ratio says whether the answers
 * hang together, and when it is above 0.10 the judgements that disagree most
 * with the rest are named.
 *
 * @fires elicited
 */
@customElement('csp-elicit-pairwise')
export class ElicitPairwise extends LitElement {
  static override styles = [baseStyles, formStyles];

  /** The criteria that carry weight, in the assessment's order. */
  @property({ attribute: false }) criteria: ElicitCriterion[] = [];
  /** Judgements by "a|b" (ids joined; a Map, never an object). */
  @state() private answers = new Map<string, Judgement>();
  private result: PairwiseResult | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('criteria') || changed.has('answers')) {
      const ids = this.criteria.map((c) => c.id);
      if (ids.length < 2) {
        this.result = undefined;
        return;
      }
      const judgements = pairsOf(ids).map(([a, b]) => this.answers.get(`${a}|${b}`) ?? { a, b, favours: 'a' as const, strength: 1 });
      this.result = pairwiseWeights(ids, judgements);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('criteria') && !changed.has('answers')) return;
    const r = this.result;
    if (r === undefined) return void this.dispatchEvent(new ElicitedEvent(null));
    const judgements = pairsOf(r.ids).map(([a, b]) => this.answers.get(`${a}|${b}`) ?? { a, b, favours: 'a' as const, strength: 1 });
    this.dispatchEvent(
      new ElicitedEvent({
        shares: new Map(r.ids.map((id, i) => [id, r.weights[i]!])),
        provenance: { method: 'pairwise', criteria: r.ids, judgements, cr: r.cr, date: Date.now() },
        ...(r.cr > CR_LIMIT
          ? { warning: `The consistency ratio is ${r.cr.toFixed(2)}, above 0.10: some answers contradict others. Revisit the judgements named below before using these weights.` }
          : {}),
      }),
    );
  }

  private answer(a: string, b: string, value: string) {
    const [side, s] = value.split(':');
    const next = new Map(this.answers);
    next.set(`${a}|${b}`, { a, b, favours: side === 'b' ? 'b' : 'a', strength: Number(s) });
    this.answers = next;
  }

  override render() {
    const label = (id: string) => this.criteria.find((c) => c.id === id)?.label ?? id;
    const r = this.result;
    const n = this.criteria.length;
    return html`
      <p class="words">
        For each pair, say which criterion matters more to the partnership and how strongly, on Saaty’s scale from 1 (equally important) to 9 (extremely more
        important). ${n > 1 ? `${n} criteria make ${(n * (n - 1)) / 2} pairs.` : ''} Every pair starts as “equally important”.
      </p>
      <table>
        <caption>
          Pairwise judgements
        </caption>
        <thead>
          <tr><th scope="col">Criterion</th><th scope="col">Judgement</th><th scope="col">Compared with</th></tr>
        </thead>
        <tbody>
          ${pairsOf(this.criteria.map((c) => c.id)).map(([a, b]) => {
            const j = this.answers.get(`${a}|${b}`);
            const current = j === undefined || j.strength === 1 ? 'a:1' : `${j.favours}:${j.strength}`;
            return html`<tr>
              <th scope="row">${label(a)}</th>
              <td>
                <select aria-label="${label(a)} compared with ${label(b)}" @change=${(e: Event) => this.answer(a, b, (e.target as HTMLSelectElement).value)}>
                  ${STRENGTHS.map((s) => html`<option value="a:${s}" ?selected=${current === `a:${s}`}>${label(a)} ${SAATY_WORDS[s]} (${s})</option>`)}
                  <option value="a:1" ?selected=${current === 'a:1'}>Equally important (1)</option>
                  ${[...STRENGTHS].reverse().map((s) => html`<option value="b:${s}" ?selected=${current === `b:${s}`}>${label(b)} ${SAATY_WORDS[s]} (${s})</option>`)}
                </select>
              </td>
              <td>${label(b)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${
        r === undefined
          ? nothing
          : html`<p data-testid="consistency">
              Consistency ratio <strong>${r.cr.toFixed(2)}</strong>
              ${r.cr <= CR_LIMIT ? '(0.10 or less: the answers hang together well enough to use).' : '(above 0.10: some answers contradict others — for example A over B and B over C, but C over A).'}
              ${n > RANDOM_INDEX_MAX_N ? ` With more than ${RANDOM_INDEX_MAX_N} criteria the ratio uses Saaty’s random index for ${RANDOM_INDEX_MAX_N}, so it is slightly low.` : ''}
            </p>
            ${
              r.cr <= CR_LIMIT
                ? nothing
                : html`<p class="note warning">Most at odds with the other answers:</p>
                  <ul aria-label="Most inconsistent judgements">
                    ${r.inconsistencies.slice(0, 3).map(
                      (x) =>
                        html`<li>
                          ${label(x.a)} against ${label(x.b)}: you said ${x.given >= 1 ? `${formatScore(x.given)} times as important` : `${formatScore(1 / x.given)} times less important`};
                          your other answers suggest about ${x.implied >= 1 ? `${formatScore(x.implied)} times as important` : `${formatScore(1 / x.implied)} times less important`}.
                        </li>`,
                    )}
                  </ul>`
            }`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-elicit-pairwise': ElicitPairwise;
  }
}
