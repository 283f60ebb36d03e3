import { Figure } from '../../models/evidence/figures';
import type { EvidenceStore } from '../data/evidence-store';

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

/** The evidence set-up's writes a component may ask of its page. */
export type EvidenceWriteName = 'saveBanding' | 'saveCatalogue' | 'saveWeights' | 'putLocalCounts' | 'deleteLocalCounts' | 'recordDecisions' | 'saveLinks';

/**
 * A component's request to change the evidence set-up. Components hold no
 * store: they send this (bubbling out of shadow roots) and the page, which
 * owns the IO, answers by setting `reply` (see app/evidence-io.ts).
 */
export class EvidenceWrite<K extends EvidenceWriteName = EvidenceWriteName> extends Event {
  static readonly TYPE = 'evidence-write';
  /** The page's answer: the store's own promise. */
  reply: ReturnType<EvidenceStore[K]> | undefined;

  constructor(
    readonly name: K,
    readonly args: Parameters<EvidenceStore[K]>,
  ) {
    super(EvidenceWrite.TYPE, { bubbles: true, composed: true });
  }
}

/**
 * Asks the page to make an evidence write and waits for it; fails in words
 * when no page answered (the component is outside a page that saves).
 *
 * @example await writeEvidence(this, 'saveBanding', rules);
 */
export function writeEvidence<K extends EvidenceWriteName>(from: EventTarget, name: K, ...args: Parameters<EvidenceStore[K]>): ReturnType<EvidenceStore[K]> {
  const request = new EvidenceWrite(name, args);
  from.dispatchEvent(request);
  return request.reply ?? (Promise.reject(new Error('nothing here can save the evidence set-up')) as ReturnType<EvidenceStore[K]>);
}
