import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { ScoreDecision } from '../../models/evidence/audit';
import { assessmentEvidence, type AssessmentEvidence } from '../../models/evidence/assessment-evidence';
import { cellEvidence, decisionStatuses, type CellEvidence } from '../../models/evidence/grid';
import { resolveLinks, type IssueLink, type ResolvedLink } from '../../models/evidence/links';
import type { Catalogue } from '../../models/evidence/catalogue';
import type { Assessment } from '../../models/risk-matrix/assessment';
import type { Services, WorkbenchState } from './context';
import { EvidenceController } from './evidence-controller';
import { memoLast } from './memo';

/** What the Risk matrix page shows of the evidence for the open assessment. */
export interface MatrixEvidenceView {
  /** Links, applicable rules and proposals; undefined until the set-up, the evidence and the links are read. */
  data: AssessmentEvidence | undefined;
  /** The issues' links (before the evidence is worked out, too); undefined until the set-up and the stored links are read. */
  links: readonly ResolvedLink[] | undefined;
  /** Data-backed cells by `cellKey` (empty until `data` and `trail`). */
  cells: ReadonlyMap<string, CellEvidence>;
  /** The assessment's audit trail, oldest first; undefined until read. */
  trail: readonly ScoreDecision[] | undefined;
  /** Each decision's status in words. */
  statuses: ReadonlyMap<string, string>;
}

const NO_CELLS: ReadonlyMap<string, CellEvidence> = new Map();
const NO_STATUSES: ReadonlyMap<string, string> = new Map();

/**
 * The evidence behind the open assessment's scoring grid: the evidence (see
 * {@link EvidenceController}), the assessment's stored issue links and its
 * audit trail from the evidence store, and what follows from them (proposals
 * by assessment issue and each data-backed cell's state), worked out again
 * only when one of them changes.
 *
 * @example
 *   private readonly evidence = new MatrixEvidence(this, () => this.services, () => this.wb, () => this.ctl.current?.id);
 *   render() { const view = this.evidence.view(a); … }
 */
export class MatrixEvidence implements ReactiveController {
  readonly ev: EvidenceController;
  private linksVersion = 0;
  private trailVersion = 0;
  private readonly storedLinks;
  private readonly storedTrail;

  constructor(
    private readonly host: ReactiveControllerHost,
    services: () => Services | undefined,
    wb: () => WorkbenchState | undefined,
    assessmentId: () => string | undefined,
  ) {
    host.addController(this);
    this.ev = new EvidenceController(host, services, wb);
    /** Reads something of the open assessment from the evidence store, again when `version` changes; tagged with the assessment read. */
    const perAssessment = <T>(read: (s: Services, id: string) => Promise<T>, version: () => number) =>
      new Task(host, {
        task: async ([id, v]) => {
          void v;
          const s = services();
          if (id === undefined || s === undefined) return undefined;
          return { assessmentId: id, value: await read(s, id) };
        },
        args: () => [assessmentId(), version()] as const,
      });
    this.storedLinks = perAssessment(
      (s, id) => s.evidenceStore.links(id),
      () => this.linksVersion,
    );
    this.storedTrail = perAssessment(
      (s, id) => s.evidenceStore.decisions(id),
      () => this.trailVersion,
    );
  }

  hostConnected(): void {}

  /** Reads the links again (after they were saved). */
  linksChanged(): void {
    this.linksVersion++;
    this.host.requestUpdate();
  }

  /** Reads the audit trail again (after decisions were recorded). */
  trailChanged(): void {
    this.trailVersion++;
    this.host.requestUpdate();
  }

  /** Why the links or the trail could not be read, if so. */
  get failure(): string | undefined {
    const e = this.storedLinks.error ?? this.storedTrail.error;
    return e === undefined ? undefined : e instanceof Error ? e.message : String(e);
  }

  private readonly derive = memoLast(
    (issues: Assessment['issues'], model: Assessment['model'], evidence: AssessmentEvidenceInputs['evidence'], setup: AssessmentEvidenceInputs['setup'], links: Record<string, IssueLink>) =>
      assessmentEvidence({ issues, model }, evidence, setup, links),
  );
  private readonly linksOf = memoLast((issues: Assessment['issues'], catalogue: Catalogue, links: Record<string, IssueLink>) => resolveLinks(issues, catalogue, links));
  private readonly cellsOf = memoLast((issues: Assessment['issues'], scores: Assessment['scores'], data: AssessmentEvidence, trail: readonly ScoreDecision[]) =>
    cellEvidence(issues, scores, data.proposals, trail),
  );
  private readonly statusesOf = memoLast((trail: readonly ScoreDecision[], data: AssessmentEvidence | undefined, scores: Assessment['scores']) =>
    decisionStatuses(trail, data?.proposals ?? null, scores),
  );

  /** The evidence as the assessment's grid sees it. */
  view(a: Assessment): MatrixEvidenceView {
    const setup = this.ev.setup.value;
    const evidence = this.ev.evidence.value?.evidence;
    const links = this.storedLinks.value?.assessmentId === a.id ? this.storedLinks.value.value : undefined;
    const trail = this.storedTrail.value?.assessmentId === a.id ? this.storedTrail.value.value : undefined;
    const data = setup === undefined || evidence === undefined || links === undefined ? undefined : this.derive(a.issues, a.model, evidence, setup, links);
    // Cells wait for the trail too, so a decided cell never shows as undecided while the trail is read.
    const cells = data === undefined || trail === undefined ? NO_CELLS : this.cellsOf(a.issues, a.scores, data, trail);
    const resolved = data?.links ?? (setup === undefined || links === undefined ? undefined : this.linksOf(a.issues, setup.catalogue, links));
    return { data, links: resolved, cells, trail, statuses: trail === undefined ? NO_STATUSES : this.statusesOf(trail, data, a.scores) };
  }
}

interface AssessmentEvidenceInputs {
  evidence: Parameters<typeof assessmentEvidence>[1];
  setup: Parameters<typeof assessmentEvidence>[2];
}
