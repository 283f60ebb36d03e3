import type { Assessment } from '../../models/risk-matrix/assessment';

/** How an edit is saved: `step` is undoable and saved at once; `live` (a weight being dragged) is saved shortly after the last change, as one undoable step. */
export type EditMode = 'step' | 'live';

/**
 * Asks the page that owns the open assessment to apply a pure edit. Bubbles
 * out of shadow roots. The page applies it synchronously, so the component
 * that asked can read `error` straight after dispatching.
 *
 * @fires assessment-edit
 */
export class AssessmentEditEvent extends Event {
  static readonly type = 'assessment-edit';
  /** Set by the page when the edit was refused (an EditError's message). */
  error: string | undefined;
  /** Set by the page when it handled the event. */
  handled = false;

  constructor(
    readonly apply: (a: Assessment) => Assessment,
    /** What the step was, for the undo bar ("Remove issue “NTE”"); required for `step` edits. */
    readonly label: string,
    readonly mode: EditMode = 'step',
  ) {
    super(AssessmentEditEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Requests an edit from inside a component; returns the refusal message, if any.
 *
 * @example const error = requestEdit(this, (a) => renameIssue(a, id, name), `Rename “${old}”`);
 */
export function requestEdit(from: EventTarget, apply: (a: Assessment) => Assessment, label: string, mode: EditMode = 'step'): string | undefined {
  const e = new AssessmentEditEvent(apply, label, mode);
  from.dispatchEvent(e);
  if (!e.handled) return 'no assessment is open';
  return e.error;
}

declare global {
  interface HTMLElementEventMap {
    'assessment-edit': AssessmentEditEvent;
  }
}
