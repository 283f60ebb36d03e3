import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * public/sw.js run in Node against small stand-ins for the service-worker
 * globals (self, caches, fetch): what it caches and what it serves.
 */
const SOURCE = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');

type Handler = (event: Record<string, unknown>) => void;

function worker(rev: string, network: (url: string) => Promise<Response>) {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      put: async (key: string | Request, r: Response) => void store.set(typeof key === 'string' ? key : new URL(key.url).pathname, r),
      match: async (key: string | Request) => store.get(typeof key === 'string' ? key : new URL(key.url).pathname)?.clone(),
      addAll: async (urls: string[]) => {
        for (const u of urls) store.set(u, new Response(`precached ${u}`));
      },
    };
  };
  const caches = {
    open,
    keys: async () => [...stores.keys()],
    delete: async (k: string) => stores.delete(k),
    match: async (req: Request, o: { cacheName?: string }) => (await open(o.cacheName ?? '')).match(req),
  };
  const handlers = new Map<string, Handler>();
  const self = {
    location: new URL(`https://app.test/sw.js?rev=${rev}`),
    addEventListener: (type: string, h: Handler) => handlers.set(type, h),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  const fetchStub = (input: string | Request) => network(typeof input === 'string' ? input : new URL(input.url).pathname);
  new Function('self', 'caches', 'fetch', SOURCE)(self, caches, fetchStub);
  const run = async (type: string, event: Record<string, unknown> = {}) => {
    const waits: Promise<unknown>[] = [];
    let responded: Promise<Response> | undefined;
    handlers.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => waits.push(p), respondWith: (p: Promise<Response>) => (responded = p) });
    const response = await responded;
    await Promise.all(waits);
    return response;
  };
  const navigate = (path: string) => run('fetch', { request: { url: `https://app.test${path}`, method: 'GET', mode: 'navigate' } as unknown as Request });
  return { stores, run, navigate };
}

const page = (body: string, status = 200) => {
  const r = new Response(body, { status });
  Object.defineProperty(r, 'type', { value: 'basic' });
  return r;
};

describe('the service worker (issue 14, defect 7)', () => {
  it('names its cache after the build and removes other builds’ caches', async () => {
    const old = worker('old', async () => page('[]'));
    await old.run('install');
    const next = worker('new', async () => page('["/"]'));
    for (const [k, v] of old.stores) next.stores.set(k, v);
    await next.run('install');
    await next.run('activate');
    expect([...next.stores.keys()]).toEqual(['csp-workbench-new']);
  });

  it('never keeps a 404 or 503 page as the app, and serves the cached app when the server fails', async () => {
    let reply = page('<title>app v2</title>');
    const sw = worker('r1', async () => reply);
    expect(await (await sw.navigate('/'))!.text()).toBe('<title>app v2</title>');
    reply = page('Not Found', 404);
    expect((await sw.navigate('/missing'))!.status).toBe(404);
    reply = page('Service Unavailable', 503);
    expect(await (await sw.navigate('/'))!.text()).toBe('<title>app v2</title>');
    expect(await (await sw.stores.get('csp-workbench-r1')!.get('/'))!.clone().text()).toBe('<title>app v2</title>');
  });
});
