import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatP } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore } from '../../models/risk-matrix/explain';
import { rank } from '../../models/risk-matrix/score';
import { agreement, cellAgreement, consensusAssessment, gridOf } from '../../models/workshop/agreement';
import type { KendallW } from '../../models/workshop/kendall';
import { readScoringSheet, scoringSheet, type ScorerSheet, type SheetProblem } from '../../models/workshop/sheet';
import { assessmentFileName, downloadText } from '../app/download';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

/**
 * The partners' scoring workshop: a scoring sheet per partner, their sheets
 * read back (every mismatch named by file, line and column; bad rows left
 * out), the Scorer agreement table with cells 2 or more levels apart
 * highlighted, Kendall's W overall and per criterion, Ranks by scorer, and a
 * consensus assessment (median or mean) created as a new assessment.
 *
 * @fires create-assessment - detail { assessment, label }: the page saves and opens it
 */
@customElement('csp-scoring-workshop')
export class ScoringWorkshop extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      td.flag {
        background: var(--warn-bg, #fff3cd);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) assessment!: Assessment;
  @state() private sheets: ScorerSheet[] = [];
  @state() private problems: SheetProblem[] = [];
  @state() private how: 'median' | 'mean' = 'median';

  private download(e: Event) {
    e.preventDefault();
    const scorer = String(new FormData(e.target as HTMLFormElement).get('scorer') ?? '').trim() || 'Scorer';
    const a = this.assessment;
    downloadText(`${assessmentFileName(a.name)}-scoring-sheet-${assessmentFileName(scorer)}.csv`, scoringSheet(a.model, a.issues, scorer));
  }

  private async load(input: HTMLInputElement) {
    const a = this.assessment;
    const sheets: ScorerSheet[] = [];
    const problems: SheetProblem[] = [];
    for (const f of [...(input.files ?? [])]) {
      const r = readScoringSheet(f.name, await f.text(), a.model, a.issues);
      sheets.push(...r.sheets);
      problems.push(...r.problems);
    }
    this.sheets = sheets;
    this.problems = problems;
  }

  private consensus() {
    const a = this.assessment;
    const name = `${a.name} consensus (${this.how} of ${this.sheets.map((s) => s.scorer).join(', ')})`;
    const made = consensusAssessment(a, this.sheets, this.how, { id: crypto.randomUUID(), name, now: Date.now() });
    this.dispatchEvent(new CustomEvent('create-assessment', { detail: { assessment: made, label: `Create “${name}”` }, bubbles: true, composed: true }));
  }

  override render() {
    const a = this.assessment;
    return html`
      <p class="words">
        Each partner scores the matrix on their own sheet; read the sheets back here to see where partners agree and where to talk, then build a consensus
        assessment.
      </p>
      <form @submit=${this.download} aria-label="Download a scoring sheet">
        <label>Scorer’s name <input name="scorer" autocomplete="off" placeholder="e.g. Fire service" /></label>
        <button type="submit" class="secondary">Download scoring sheet (CSV)</button>
      </form>
      <label>Partners’ sheets <input type="file" accept=".csv,text/csv" multiple @change=${(e: Event) => this.load(e.target as HTMLInputElement)} /></label>
      ${this.problems.length === 0 ? nothing : this.problemTable()}
      ${this.sheets.length < 2 ? (this.sheets.length === 1 ? html`<p class="muted">One scorer read; agreement needs two or more.</p>` : nothing) : this.results(a)}
    `;
  }

  private problemTable() {
    return html`<p class="note warning" role="alert">${this.problems.length === 1 ? '1 problem' : `${this.problems.length} problems`} in the sheets; those rows were left out.</p>
      <table>
        <caption>
          Problems in the sheets
        </caption>
        <thead>
          <tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr>
        </thead>
        <tbody>
          ${this.problems.map((p) => html`<tr><td>${p.file}</td><td>${p.line}</td><td>${p.column}</td><td>${p.reason}</td></tr>`)}
        </tbody>
      </table>`;
  }

  private results(a: Assessment) {
    const sheets = this.sheets;
    const cells = cellAgreement(
      a.model,
      a.issues.map((i) => i.id),
      sheets,
    );
    const flagged = cells.filter((c) => c.flagged).length;
    const label = new Map(a.issues.map((i) => [i.id, i.label]));
    const crit = new Map(a.model.criteria.map((c) => [c.id, c.label]));
    const ag = agreement(a, sheets, a.draftWeights);
    const w = (k: KendallW) => `W = ${k.w.toFixed(2)} (χ² = ${k.chiSquare.toFixed(1)} on ${k.df} degrees of freedom, p ${formatP(k.p)})`;
    const issues = a.issues.filter((i) => ag.issueIds.includes(i.id));
    const ranks = sheets.map((s) => new Map(rank(a.model, issues, gridOf(s), a.draftWeights).map((r) => [r.issueId, r.rankLabel])));
    return html`
      <p data-testid="agreement-words">
        ${sheets.length} scorers: ${sheets.map((s) => `${s.scorer} (${s.scores.size} issues, from ${s.file})`).join('; ')}. ${flagged === 0 ? 'No cell' : flagged === 1 ? '1 cell' : `${flagged} cells`}
        where scorers differ by 2 or more levels ${flagged === 1 ? 'is' : 'are'} highlighted for discussion. Agreement on the order of the ${ag.issueIds.length} issues every
        scorer scored (Kendall’s W: 0 no agreement, 1 the same order): ${w(ag.overall)}${ag.overall.p < 0.05 ? ', more agreement than chance' : ', not clearly more than chance'}.
      </p>
      <table>
        <caption>
          Scorer agreement
        </caption>
        <thead>
          <tr>
            <th scope="col">Issue</th><th scope="col">Criterion</th>
            ${sheets.map((s) => html`<th scope="col">${s.scorer}</th>`)}
            <th scope="col">Median</th><th scope="col">Range</th>
          </tr>
        </thead>
        <tbody>
          ${cells.map(
            (c) => html`<tr>
              <th scope="row">${label.get(c.issueId)}</th>
              <td>${crit.get(c.criterionId)}</td>
              ${c.scores.map((v) => html`<td class=${c.flagged ? 'flag' : ''}>${v === null ? '–' : v}</td>`)}
              <td>${c.median === null ? '–' : formatScore(c.median)}</td>
              <td class=${c.flagged ? 'flag' : ''}>${c.range === null ? '–' : `${c.range}${c.flagged ? ' (discuss)' : ''}`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <table>
        <caption>
          Agreement by criterion
        </caption>
        <thead>
          <tr><th scope="col">Criterion</th><th scope="col">Kendall’s W</th><th scope="col">Test of no agreement</th></tr>
        </thead>
        <tbody>
          ${a.model.criteria.map((c) => {
            const k = ag.byCriterion.get(c.id)!;
            return html`<tr><th scope="row">${c.label}</th><td>${k.w.toFixed(2)}</td><td>χ² ${k.chiSquare.toFixed(1)}, ${k.df} df, p ${formatP(k.p)}</td></tr>`;
          })}
        </tbody>
      </table>
      <table>
        <caption>
          Ranks by scorer
        </caption>
        <thead>
          <tr><th scope="col">Issue</th>${sheets.map((s) => html`<th scope="col">${s.scorer}</th>`)}</tr>
        </thead>
        <tbody>
          ${issues.map((i) => html`<tr><th scope="row">${i.label}</th>${ranks.map((r) => html`<td>${r.get(i.id)}</td>`)}</tr>`)}
        </tbody>
      </table>
      <form class="row" aria-label="Build the consensus" @submit=${(e: Event) => (e.preventDefault(), this.consensus())}>
        <label
          >Consensus score
          <select @change=${(e: Event) => (this.how = (e.target as HTMLSelectElement).value as 'median' | 'mean')}>
            <option value="median" ?selected=${this.how === 'median'}>Median of the scorers</option>
            <option value="mean" ?selected=${this.how === 'mean'}>Mean of the scorers (rounded)</option>
          </select>
        </label>
        <button type="submit">Create consensus assessment</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-scoring-workshop': ScoringWorkshop;
  }
}
