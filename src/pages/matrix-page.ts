import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { createAssessment } from '../../models/risk-matrix/assessment';
import { templateById } from '../../models/risk-matrix/templates';
import { AssessmentController } from '../app/assessment-controller';
import { servicesContext, type Services } from '../app/context';
import type { AssessmentAction } from '../components/assessment-list';
import type { CellDetails } from '../components/cell-details';
import type { CellRef, ScoreGridElement } from '../components/score-grid';
import { baseStyles } from '../components/styles';
import '../components/assessment-list';
import '../components/assessment-undo';
import '../components/score-grid';
import '../components/cell-details';
import '../components/criteria-editor';
import '../components/matrix-file';

/** Building an assessment: the list of assessments, the scoring grid with each cell's rationale, matrix files, and the criteria. */
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
      csp-cell-details {
        position: sticky;
        top: 0.5rem;
      }
      @media (max-width: 1000px) {
        .scoring {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  private readonly ctl = new AssessmentController(this, () => this.services?.assessments);
  @state() private selected: CellRef | undefined;
  @query('csp-score-grid') private grid?: ScoreGridElement;
  @query('csp-cell-details') private details?: CellDetails;

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
      await this.ctl.create(copy, `Duplicate “${full.name}”`);
    }
    this.selected = undefined;
  }

  override render() {
    const a = this.ctl.current;
    return html`
      <h2>Risk matrix</h2>
      ${this.ctl.failure === undefined ? nothing : html`<p class="note error" role="alert">${this.ctl.failure}</p>`}
      <csp-assessment-undo .step=${this.ctl.lastUndo} @undo-step=${(e: CustomEvent<string>) => this.ctl.undo(e.detail)}></csp-assessment-undo>
      <section aria-labelledby="list-h">
        <h3 id="list-h" class="visually-hidden">Assessments</h3>
        ${this.ctl.loading
          ? html`<p class="muted" role="status">Opening assessments…</p>`
          : html`<csp-assessment-list .list=${this.ctl.list} .current=${a} @assessment-action=${this.onAction}></csp-assessment-list>`}
      </section>
      ${a === undefined
        ? nothing
        : html`
            <section aria-labelledby="scores-h">
              <h3 id="scores-h">Scoring grid</h3>
              <csp-matrix-file .assessment=${a}></csp-matrix-file>
              <div class="scoring">
                <csp-score-grid
                  .assessment=${a}
                  .selected=${this.selected}
                  @cell-select=${(e: CustomEvent<CellRef>) => (this.selected = e.detail)}
                  @cell-details=${() => void this.details?.focusRationale()}
                ></csp-score-grid>
                <csp-cell-details .assessment=${a} .cell=${this.selected} @back-to-grid=${(e: CustomEvent<CellRef>) => this.grid?.focusCell(e.detail)}></csp-cell-details>
              </div>
            </section>
            <section aria-labelledby="criteria-h">
              <h3 id="criteria-h">Criteria and scales</h3>
              <csp-criteria-editor .assessment=${a}></csp-criteria-editor>
            </section>
          `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-matrix-page': MatrixPage;
  }
}
