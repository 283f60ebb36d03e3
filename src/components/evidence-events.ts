import type { Figure } from '../../models/evidence/figures';

/**
 * Events of the evidence views. Editors save to the evidence store
 * themselves, then announce the change so the page reads the set-up again.
 */
export const SETUP_CHANGED = 'evidence-setup-changed';

/** Fired by an editor after it has saved to the evidence store. */
export const setupChanged = (): CustomEvent => new CustomEvent(SETUP_CHANGED, { bubbles: true, composed: true });

/** Which figure to trace. */
export interface TraceTarget {
  issueId: string;
  figure: Figure;
}
export const TRACE_REQUEST = 'trace-request';
export const traceRequest = (detail: TraceTarget): CustomEvent<TraceTarget> => new CustomEvent(TRACE_REQUEST, { detail, bubbles: true, composed: true });
