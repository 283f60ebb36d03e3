import { describe, expect, it } from 'vitest';
import { proxyMarker } from 'comlink';
import { answerPageRequests } from '../../src/app/page-io';
import { askPage } from '../../src/app/page-requests';
import type { Services } from '../../src/app/context';
import { DEFAULT_WEIGHT_TABLES } from '../../models/evidence/weights';

// Issue 13: components take properties and send events; the page owns the IO.
class FakeEvidenceStore {
  calls: unknown[][] = [];
  failWith: Error | null = null;
  saveWeights(w: unknown) {
    this.calls.push(['saveWeights', w]);
    return this.failWith === null ? Promise.resolve() : Promise.reject(this.failWith);
  }
  deleteLocalCounts(id: string, month?: string) {
    this.calls.push(['deleteLocalCounts', id, month]);
    return Promise.resolve(3);
  }
}

/** Like a comlink proxy: every property read is a remote path, `apply` included. */
function remoteLike(calls: string[]) {
  const at = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_t, prop) => (prop === 'then' ? undefined : at([...path, String(prop)])),
      apply: (_t, _this, args: unknown[]) => {
        calls.push(`${path.join('.')}(${args.join(', ')})`);
        return Promise.resolve(path.join('.'));
      },
    });
  return at([]);
}

describe('requests a component sends its page', () => {
  it('the page makes the call the component asked for, on the service itself, and the component gets its answer', async () => {
    const store = new FakeEvidenceStore();
    const page = new EventTarget();
    const stop = answerPageRequests(page, () => ({ evidenceStore: store }) as unknown as Services, ['evidenceStore']);
    await askPage(page, 'evidenceStore', 'saveWeights', DEFAULT_WEIGHT_TABLES);
    expect(await askPage(page, 'evidenceStore', 'deleteLocalCounts', 'asb', '2023-01')).toBe(3);
    expect(store.calls).toEqual([
      ['saveWeights', DEFAULT_WEIGHT_TABLES],
      ['deleteLocalCounts', 'asb', '2023-01'],
    ]);
    // The service's failure reaches the component as it is.
    store.failWith = new Error('the disk is full');
    await expect(askPage(page, 'evidenceStore', 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('the disk is full');
    stop();
    await expect(askPage(page, 'evidenceStore', 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('nothing here answers evidenceStore.saveWeights');
  });

  it('calls a worker’s method as one remote call (not a remote “apply”)', async () => {
    const calls: string[] = [];
    const page = new EventTarget();
    answerPageRequests(page, () => ({ sensitivity: remoteLike(calls) }) as unknown as Services, ['sensitivity']);
    expect(await askPage(page, 'sensitivity', 'cancel')).toBe('cancel');
    expect(calls).toEqual(['cancel()']);
  });

  it('leaves a request for a service it does not answer, or before it has its services, unanswered', async () => {
    const page = new EventTarget();
    answerPageRequests(page, () => ({ evidenceStore: new FakeEvidenceStore() }) as unknown as Services, ['sensitivity']);
    await expect(askPage(page, 'evidenceStore', 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('nothing here answers');
    const early = new EventTarget();
    answerPageRequests(early, () => undefined, ['evidenceStore']);
    await expect(askPage(early, 'evidenceStore', 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('nothing here answers');
  });

  it('sends a progress callback as a comlink proxy, which a service on the page can still call as it is', async () => {
    const received: unknown[] = [];
    const files = {
      readMatrix(text: string, _model: unknown, onProgress: (p: { done: number }) => void) {
        received.push(onProgress);
        onProgress({ done: 1 });
        return Promise.resolve({ ok: false, error: text });
      },
    };
    const page = new EventTarget();
    answerPageRequests(page, () => ({ files }) as unknown as Services, ['files']);
    const seen: number[] = [];
    await askPage(page, 'files', 'readMatrix', 'x', undefined as never, (p) => seen.push(p.done));
    expect((received[0] as Record<symbol, unknown>)[proxyMarker]).toBe(true);
    expect(seen).toEqual([1]);
  });
});
