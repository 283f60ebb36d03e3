// Over 300 lines: the partners' scoring workshop: loading partners' files, combining them, and the agreement
// results, which share one set of partners.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatP } from '../../models/format';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { formatScore } from '../../models/risk-matrix/explain';
import { rank } from '../../models/risk-matrix/score';
import { agreement, cellAgreement, consensusAssessment, gridOf } from '../../models/workshop/agreement';
import type { KendallW } from '../../models/workshop/kendall';
import { readScoringSheet, scoringSheet, type ScorerSheet, type SheetProblem } from '../../models/workshop/sheet';
import { applyRound2, delphiSheet, readDelphiSheet, type Revision } from '../../models/workshop/delphi';
import { combinedProvenance, combineShares, partnerBounds, partnerFromSet, readWeightsSheet, type PartnerWeights } from '../../models/workshop/weights';
import { saveElicited } from '../../models/elicitation/apply';
import { updateSensitivitySettings } from '../../models/sensitivity/settings';
import { requestEdit } from '../app/assessment-edit';
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
  /** Round 2 (Delphi) revisions of the flagged cells, and problems reading them. */
  @state() private round2: Revision[] = [];
  @state() private round2Problems: SheetProblem[] = [];
  /** Partners' weights read from weights sheets, the saved sets ticked, and problems. */
  @state() private filePartners: PartnerWeights[] = [];
  @state() private weightProblems: SheetProblem[] = [];
  @state() private chosenSets: string[] = [];
  @state() private weightHow: 'median' | 'mean' = 'median';
  @state() private weightMessage = '';
  @state() private weightError = '';

  /** The sheets with any round 2 revisions in place. */
  private get current(): ScorerSheet[] {
    return applyRound2(this.sheets, this.round2);
  }

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
    this.round2 = [];
    this.round2Problems = [];
  }

  private round1Cells() {
    return cellAgreement(
      this.assessment.model,
      this.assessment.issues.map((i) => i.id),
      this.sheets,
    );
  }

  private downloadRound2() {
    const a = this.assessment;
    downloadText(`${assessmentFileName(a.name)}-round-2-sheet.csv`, delphiSheet(a.issues, this.round1Cells(), this.sheets));
  }

  private async loadRound2(input: HTMLInputElement) {
    const a = this.assessment;
    const cells = this.round1Cells();
    const revisions: Revision[] = [];
    const problems: SheetProblem[] = [];
    for (const f of [...(input.files ?? [])]) {
      const r = readDelphiSheet(f.name, await f.text(), a.model, a.issues, cells, this.sheets);
      revisions.push(...r.revisions);
      problems.push(...r.problems);
    }
    this.round2 = revisions;
    this.round2Problems = problems;
  }

  private async loadWeights(input: HTMLInputElement) {
    const partners: PartnerWeights[] = [];
    const problems: SheetProblem[] = [];
    for (const f of [...(input.files ?? [])]) {
      const r = readWeightsSheet(f.name, await f.text(), this.assessment.model);
      partners.push(...r.partners);
      problems.push(...r.problems);
    }
    this.filePartners = partners;
    this.weightProblems = problems;
  }

  /** The partners' weights chosen: ticked saved sets, then those read from sheets. */
  private partners(): PartnerWeights[] {
    const a = this.assessment;
    return [...a.weightSets.filter((w) => this.chosenSets.includes(w.id)).map((w) => partnerFromSet(a.model, w)), ...this.filePartners];
  }

  private saveCombined(e: Event) {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get('set-name') ?? '');
    const partners = this.partners();
    this.weightMessage = '';
    this.weightError =
      requestEdit(this, (a) => saveElicited(a, name, combineShares(partners, this.weightHow), combinedProvenance(partners, this.weightHow, Date.now())), `Save weight set “${name.trim()}”`) ?? '';
    if (this.weightError === '') this.weightMessage = `Saved the weight set “${name.trim()}”: the ${this.weightHow} of ${partners.map((p) => p.partner).join(', ')}.`;
  }

  private useRange() {
    const partners = this.partners();
    this.weightMessage = '';
    this.weightError =
      requestEdit(
        this,
        (a) => updateSensitivitySettings(a, { partnersRange: { partners: partners.map((p) => p.partner), bounds: partnerBounds(partners) }, usePartnersRange: true }),
        'SMAA within the partners’ range',
        'live',
      ) ?? '';
    if (this.weightError === '') this.weightMessage = `SMAA on the Sensitivity page now samples within the range ${partners.map((p) => p.partner).join(', ')} gave.`;
  }

  private consensus() {
    const a = this.assessment;
    const name = `${a.name} consensus (${this.how} of ${this.sheets.map((s) => s.scorer).join(', ')}${this.round2.length > 0 ? ', round 2' : ''})`;
    const made = consensusAssessment(a, this.current, this.how, { id: crypto.randomUUID(), name, now: Date.now() });
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
      ${this.problems.length === 0 ? nothing : this.problemTable(this.problems, 'Problems in the sheets')}
      ${this.sheets.length < 2 ? (this.sheets.length === 1 ? html`<p class="muted">One scorer read; agreement needs two or more.</p>` : nothing) : this.results(a)}
      ${this.weightsPanel(a)}
    `;
  }

  private weightsPanel(a: Assessment) {
    const partners = this.partners();
    return html`<fieldset>
      <legend>Partners’ weights</legend>
      <p class="words">
        Combine several partners’ weights into one set: tick saved weight sets, or read a weights sheet with the columns <code>scorer,criterion,weight</code> (one row per
        partner and criterion). Each partner’s weights are first turned into shares adding up to 100%, so partners using different scales count alike.
      </p>
      <div class="row" role="group" aria-label="Saved weight sets to combine">
        ${a.weightSets.map(
          (w) =>
            html`<label class="check"
              ><input
                type="checkbox"
                .checked=${this.chosenSets.includes(w.id)}
                @change=${(e: Event) => (this.chosenSets = (e.target as HTMLInputElement).checked ? [...this.chosenSets, w.id] : this.chosenSets.filter((x) => x !== w.id))}
              />
              ${w.name}</label
            >`,
        )}
      </div>
      <label>Partners’ weights sheets <input type="file" accept=".csv,text/csv" multiple @change=${(e: Event) => this.loadWeights(e.target as HTMLInputElement)} /></label>
      ${this.weightProblems.length === 0 ? nothing : this.problemTable(this.weightProblems, 'Problems in the weights sheets', 'those partners were left out')}
      <p class="muted" data-testid="partners-chosen">
        ${partners.length === 0 ? 'No partners’ weights chosen yet.' : `${partners.length === 1 ? '1 partner' : `${partners.length} partners`}: ${partners.map((p) => `${p.partner} (${p.source})`).join('; ')}.`}
        ${partners.length === 1 ? ' Combining needs two or more.' : ''}
      </p>
      <form class="row" aria-label="Combine the partners’ weights" @submit=${this.saveCombined}>
        <label
          >Combine by
          <select @change=${(e: Event) => (this.weightHow = (e.target as HTMLSelectElement).value as 'median' | 'mean')}>
            <option value="median" ?selected=${this.weightHow === 'median'}>Median of the partners’ shares</option>
            <option value="mean" ?selected=${this.weightHow === 'mean'}>Mean of the partners’ shares</option>
          </select>
        </label>
        <label>Name of the combined set <input name="set-name" autocomplete="off" .value=${'Partners combined'} /></label>
        <button type="submit" ?disabled=${partners.length < 2}>Save combined weight set</button>
        <button type="button" class="secondary" ?disabled=${partners.length < 2} @click=${this.useRange}>Use the partners’ range in SMAA</button>
      </form>
      ${this.weightMessage === '' ? nothing : html`<p class="note" role="status">${this.weightMessage}</p>`}
      ${this.weightError === '' ? nothing : html`<p class="note error" role="alert">${this.weightError}</p>`}
    </fieldset>`;
  }

  private problemTable(problems: readonly SheetProblem[], caption: string, left = 'those rows were left out') {
    return html`<p class="note warning" role="alert">${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in ${caption === 'Problems in the sheets' ? 'the sheets' : 'the files'}; ${left}.</p>
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr>
        </thead>
        <tbody>
          ${problems.map((p) => html`<tr><td>${p.file}</td><td>${p.line}</td><td>${p.column}</td><td>${p.reason}</td></tr>`)}
        </tbody>
      </table>`;
  }

  private results(a: Assessment) {
    const sheets = this.current;
    const round1Flagged = this.round1Cells().filter((c) => c.flagged).length;
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
      <fieldset>
        <legend>Second round (Delphi)</legend>
        <p class="words">
          Send each partner the ${round1Flagged === 1 ? '1 cell' : `${round1Flagged} cells`} where scorers differed by 2 or more levels in round 1, with the group median and
          their own score; they may revise it in the “round 2” column. Revised scores replace round 1 for those cells only, and the tables above are worked out again.
        </p>
        <div class="row">
          <button type="button" class="secondary" ?disabled=${round1Flagged === 0} @click=${this.downloadRound2}>Download round 2 sheet (CSV)</button>
          <label>Round 2 sheets <input type="file" accept=".csv,text/csv" multiple @change=${(e: Event) => this.loadRound2(e.target as HTMLInputElement)} /></label>
        </div>
        ${this.round2Problems.length === 0 ? nothing : this.problemTable(this.round2Problems, 'Problems in the round 2 sheets', 'those rows were left out')}
        <p data-testid="round-2-words">
          ${
            this.round2.length === 0
              ? 'Round 1 scores are shown.'
              : `Round 2: ${this.round2.length === 1 ? '1 score' : `${this.round2.length} scores`} revised (${[...new Set(this.round2.map((r) => r.scorer))].join(', ')}); cells 2 or more levels apart went from ${round1Flagged} in round 1 to ${flagged} now.`
          }
        </p>
      </fieldset>
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
