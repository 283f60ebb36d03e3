import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { windowLabel } from '../../models/evidence/period';
import { createAssessment, type Assessment } from '../../models/risk-matrix/assessment';
import { templateById } from '../../models/risk-matrix/templates';
import { AssessmentController } from '../app/assessment-controller';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { MatrixEvidence, type MatrixEvidenceView } from '../app/matrix-evidence';
import type { AssessmentAction } from '../components/assessment-list';
import type { CellDetails } from '../components/cell-details';
import type { CellEvidencePanel } from '../components/cell-evidence';
import type { CellRef, ScoreGridElement } from '../components/score-grid';
import { baseStyles } from '../components/styles';
import '../components/assessment-list';
import '../components/undo-bar';
import '../components/score-grid';
import '../components/cell-details';
import '../components/cell-evidence';
import '../components/grid-evidence-status';
import '../components/issue-links';
import '../components/audit-trail';
import '../components/criteria-editor';
import '../components/matrix-file';
import '../components/scoring-workshop';
import { answerPageRequests } from '../app/page-io';

/**
 * Building an assessment: the list of assessments, the scoring grid with each
 * cell's rationale and, for data-backed cells, the proposed score from the
 * evidence to accept or override; the links from its issues to the evidence,
 * the audit trail of decisions, matrix files, and the criteria.
 */
@customElement('csp-matrix-page')
export class MatrixPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
      .scoring {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 20rem;
        gap: 1rem;
        align-items: start;
      }
      .side {
        position: sticky;
        top: 0.5rem;
        max-height: calc(100vh - 1rem);
        overflow-y: auto;
      }
      h3:focus {
        outline: none;
      }
      @media (max-width: 1000px) {
        .scoring {
          grid-template-columns: minmax(0, 1fr);
        }
        .side {
          position: static;
          max-height: none;
        }
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;

  constructor() {
    super();
    // The page makes the evidence writes and reads the matrix files its components ask for (components hold no store or worker).
    answerPageRequests(this, () => this.services, ['evidenceStore', 'files']);
  }
  private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
  private readonly evidence = new MatrixEvidence(
    this,
    () => this.services,
    () => this.wb,
    () => this.ctl.current?.id,
  );
  @state() private selected: CellRef | undefined;
  @query('csp-score-grid') private grid?: ScoreGridElement;
  @query('csp-cell-details') private details?: CellDetails;
  @query('csp-cell-evidence') private cellEvidence?: CellEvidencePanel;
  @query('#links-h') private linksHeading?: HTMLElement;

  private async onAction(e: CustomEvent<AssessmentAction>) {
    const act = e.detail;
    const now = Date.now();
    if (act.kind === 'open') await this.ctl.open(act.id);
    else if (act.kind === 'delete') await this.ctl.remove(act.id);
    else if (act.kind === 'create') {
      const a = createAssessment(templateById(act.templateId)!, { id: crypto.randomUUID(), name: act.name, now });
      await this.ctl.create(a, `Create “${act.name}”`);
    } else {
      const source = this.ctl.list.find((s) => s.id === act.id);
      const full = act.id === this.ctl.current?.id ? this.ctl.current : await this.services?.assessments.get(act.id);
      if (source === undefined || full === undefined) return;
      const copy = { ...structuredClone(full), id: crypto.randomUUID(), name: `Copy of ${full.name}`, createdAt: now, updatedAt: now };
      // The copy's issues draw on the same evidence; its audit trail starts empty.
      const links = await this.services?.evidenceStore.links(full.id);
      if (links !== undefined && Object.keys(links).length > 0) await this.services?.evidenceStore.saveLinks(copy.id, links);
      await this.ctl.create(copy, `Duplicate “${full.name}”`);
    }
    this.selected = undefined;
  }

  private async showEvidence(ref: CellRef) {
    this.selected = ref;
    await this.updateComplete;
    await this.cellEvidence?.focusHeading();
  }

  private evidenceFailure(): string | undefined {
    const { setup, evidence } = this.evidence.ev;
    const e = setup.status === TaskStatus.ERROR ? setup.error : evidence.status === TaskStatus.ERROR ? evidence.error : undefined;
    return e === undefined ? this.evidence.failure : e instanceof Error ? e.message : String(e);
  }

  /** The selected cell's evidence, when it is data-backed. */
  private cellEvidencePanel(a: Assessment, view: MatrixEvidenceView) {
    const sel = this.selected;
    if (sel === undefined || !view.cells.has(`${sel.issueId}|${sel.criterionId}`)) return nothing;
    return html`<csp-cell-evidence
      .assessment=${a}
      .cell=${sel}
      .cells=${view.cells}
      .data=${view.data}
      .catalogue=${this.evidence.ev.setup.value?.catalogue}
      @decisions-recorded=${() => this.evidence.trailChanged()}
      @back-to-grid=${(e: CustomEvent<CellRef>) => this.grid?.focusCell(e.detail)}
    ></csp-cell-evidence>`;
  }

  override render() {
    const a = this.ctl.current;
    const view = a === undefined ? undefined : this.evidence.view(a);
    const ev = this.evidence.ev;
    const period = ev.evidence.value?.evidence.period;
    return html`
      <h2>Risk matrix</h2>
      ${this.ctl.failure === undefined ? nothing : html`<p class="note error" role="alert">${this.ctl.failure}</p>`}
      <csp-undo-bar .step=${this.ctl.lastUndo} .run=${this.ctl.undoStep} ?writing=${this.ctl.writing}></csp-undo-bar>
      <section aria-labelledby="list-h">
        <h3 id="list-h" class="visually-hidden">Assessments</h3>
        ${
          this.ctl.loading
            ? html`<p class="muted" role="status">Opening assessments…</p>`
            : html`<csp-assessment-list .list=${this.ctl.list} .current=${a} @assessment-action=${this.onAction}></csp-assessment-list>`
        }
      </section>
      ${
        a === undefined
          ? nothing
          : html`
            <section aria-labelledby="scores-h">
              <h3 id="scores-h">Scoring grid</h3>
              <csp-matrix-file .assessment=${a}></csp-matrix-file>
              <csp-grid-evidence-status
                .data=${view?.data}
                .cells=${view?.cells}
                .period=${period == null ? null : windowLabel(period.current)}
                .area=${this.wb?.area ?? null}
                .progress=${ev.slow ? ev.progress : null}
                .failure=${this.evidenceFailure()}
                @review-links=${() => this.linksHeading?.focus()}
              ></csp-grid-evidence-status>
              <div class="scoring">
                <csp-score-grid
                  .assessment=${a}
                  .selected=${this.selected}
                  .evidence=${view?.cells}
                  @cell-select=${(e: CustomEvent<CellRef>) => (this.selected = e.detail)}
                  @cell-details=${() => void this.details?.focusRationale()}
                  @cell-evidence=${(e: CustomEvent<CellRef>) => void this.showEvidence(e.detail)}
                ></csp-score-grid>
                <div class="side">
                  ${view === undefined ? nothing : this.cellEvidencePanel(a, view)}
                  <csp-cell-details .assessment=${a} .cell=${this.selected} @back-to-grid=${(e: CustomEvent<CellRef>) => this.grid?.focusCell(e.detail)}></csp-cell-details>
                </div>
              </div>
            </section>
            <section aria-labelledby="links-h">
              <h3 id="links-h" tabindex="-1">Linking issues to evidence</h3>
              <p>
                Proposed scores apply to an issue once it is linked to an issue of the evidence catalogue (set up on the Evidence page). Issues with the same
                name are linked automatically; suggested links are used only once you confirm them. An issue with no data behind it can be marked “No
                data-backed evidence”.
              </p>
              ${
                view?.links === undefined
                  ? html`<p class="muted">Reading the links…</p>`
                  : html`<csp-issue-links
                    .assessmentId=${a.id}
                    .links=${view.links}
                    .catalogue=${ev.setup.value?.catalogue}
                    @links-changed=${() => this.evidence.linksChanged()}
                  ></csp-issue-links>`
              }
            </section>
            <section aria-labelledby="audit-h">
              <h3 id="audit-h">Decisions on proposed scores</h3>
              ${
                view?.trail === undefined
                  ? html`<p class="muted">Reading the audit trail…</p>`
                  : html`<csp-audit-trail .assessment=${a} .trail=${view.trail} .statuses=${view.statuses}></csp-audit-trail>`
              }
            </section>
            <section aria-labelledby="criteria-h">
              <h3 id="criteria-h">Criteria and scales</h3>
              <csp-criteria-editor .assessment=${a}></csp-criteria-editor>
            </section>
            <section aria-labelledby="workshop-h">
              <h3 id="workshop-h">Partners’ workshop</h3>
              <csp-scoring-workshop
                .assessment=${a}
                @create-assessment=${(e: CustomEvent<{ assessment: Assessment; label: string }>) => this.ctl.create(e.detail.assessment, e.detail.label)}
              ></csp-scoring-workshop>
            </section>
          `
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-matrix-page': MatrixPage;
  }
}
