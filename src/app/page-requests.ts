import type { Services } from './context';

/**
 * How a component asks for IO: it holds no store or worker, but sends a
 * request (an event that bubbles out of shadow roots) naming the service,
 * the method and its arguments; the page, which owns the IO, answers by
 * setting `reply` to the service's own promise (app/page-io.ts). The
 * component awaits it and shows progress or the error, as before.
 */

/** A service's methods that answer with a promise. */
export type AsyncMethod<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof T] & string;
type Call<S extends keyof Services, M extends AsyncMethod<Services[S]>> = Services[S][M] extends (...args: infer A) => infer R ? { args: A; reply: R } : never;

export class PageRequest<S extends keyof Services = keyof Services, M extends AsyncMethod<Services[S]> = AsyncMethod<Services[S]>> extends Event {
  static readonly TYPE = 'page-request';
  /** The page's answer: the service's own promise. */
  reply: Call<S, M>['reply'] | undefined;

  constructor(
    readonly service: S,
    readonly method: M,
    readonly args: Call<S, M>['args'],
  ) {
    super(PageRequest.TYPE, { bubbles: true, composed: true });
  }
}

/**
 * Asks the page for a service's method and waits for its answer; fails in
 * words when no page answered (the component is outside a page that does).
 *
 * @example await askPage(this, 'evidenceStore', 'saveBanding', rules);
 */
export function askPage<S extends keyof Services, M extends AsyncMethod<Services[S]>>(from: EventTarget, service: S, method: M, ...args: Call<S, M>['args']): Call<S, M>['reply'] {
  const request = new PageRequest(service, method, args);
  from.dispatchEvent(request);
  return request.reply ?? (Promise.reject(new Error(`nothing here answers ${service}.${method}`)) as Call<S, M>['reply']);
}
