import { EvidenceWrite } from '../components/evidence-events';
import type { EvidenceStore } from '../data/evidence-store';

/**
 * A page's answer to its components' evidence writes: the page owns the
 * store, the components only ask (see EvidenceWrite). Returns a function that
 * stops answering.
 *
 * @example
 *   connectedCallback() { super.connectedCallback(); this.stop = answerEvidenceWrites(this, () => this.services?.evidenceStore); }
 */
export function answerEvidenceWrites(page: EventTarget, store: () => EvidenceStore | undefined): () => void {
  const answer = (e: Event) => {
    const s = store();
    if (!(e instanceof EvidenceWrite) || s === undefined) return;
    const request = e as EvidenceWrite;
    request.stopPropagation();
    const write = s[request.name] as (...args: unknown[]) => Promise<unknown>;
    request.reply = write.apply(s, request.args) as typeof request.reply;
  };
  page.addEventListener(EvidenceWrite.TYPE, answer);
  return () => page.removeEventListener(EvidenceWrite.TYPE, answer);
}
