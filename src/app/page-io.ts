import { proxy } from 'comlink';
import { PageRequest } from './page-requests';
import type { Services } from './context';

/**
 * A page's answer to its components' requests (see PageRequest): the page
 * owns the IO and makes the call on the services it names; a request for
 * another service is left for the page above it (none: the component's
 * call fails in words). A function among the arguments (a progress
 * callback) is marked as a comlink proxy, so it reaches a worker as a
 * callback; a service on the page gets the same function, callable as it is.
 * Returns a function that stops answering.
 *
 * @example constructor() { super(); answerPageRequests(this, () => this.services, ['evidenceStore']); }
 */
export function answerPageRequests(page: EventTarget, services: () => Services | undefined, answers: readonly (keyof Services)[]): () => void {
  const answer = (e: Event) => {
    const s = services();
    if (!(e instanceof PageRequest) || s === undefined) return;
    const request = e as PageRequest;
    if (!answers.includes(request.service)) return;
    request.stopPropagation();
    const service = s[request.service] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    // Reflect.apply, not fn.apply: a worker's comlink proxy would take `.apply` for a method of the worker.
    const args = (request.args as unknown[]).map((a) => (typeof a === 'function' ? proxy(a) : a));
    request.reply = Reflect.apply(service[request.method]!, service, args) as typeof request.reply;
  };
  page.addEventListener(PageRequest.TYPE, answer);
  return () => page.removeEventListener(PageRequest.TYPE, answer);
}
