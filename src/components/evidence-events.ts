import { Figure } from '../../models/evidence/figures';

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

/**
 * The Evidence page's address that opens one figure's trace.
 *
 * @example traceHref({ issueId: 'burglary', figure: 'volume' }) // '#/evidence?trace=burglary&figure=volume'
 */
export const traceHref = (t: TraceTarget): string => `#/evidence?${new URLSearchParams({ trace: t.issueId, figure: t.figure }).toString()}`;

/**
 * The trace an address asks for, or null.
 *
 * @example traceFromHash('#/evidence?trace=burglary&figure=volume') // { issueId: 'burglary', figure: 'volume' }
 */
export function traceFromHash(hash: string): TraceTarget | null {
  const at = hash.indexOf('?');
  if (at < 0) return null;
  const params = new URLSearchParams(hash.slice(at + 1));
  const figure = Figure.safeParse(params.get('figure'));
  const issueId = params.get('trace');
  return issueId === null || issueId === '' || !figure.success ? null : { issueId, figure: figure.data };
}
