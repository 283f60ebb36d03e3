import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyRemote, startWorkers } from '../../workers/client';

// A "worker" on a MessageChannel: comlink serves the API on one port, the client talks to the other.
function fakeWorkers(api: object) {
  const log = { started: 0, stopped: 0 };
  const start = () => {
    log.started++;
    const { port1, port2 } = new MessageChannel();
    expose(api, port2);
    return Object.assign(port1, {
      terminate() {
        log.stopped++;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
  return { start, log };
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lazyRemote', () => {
  it('starts the worker on the first call, not before', async () => {
    const { start, log } = fakeWorkers({ twice: (x: number) => x * 2 });
    const remote = lazyRemote<{ twice(x: number): number }>(start);
    expect(log.started).toBe(0);
    expect(await remote.twice(4)).toBe(8);
    expect(log.started).toBe(1);
  });

  it('with idleMs, stops the worker once every call has settled and none came for idleMs, and starts a fresh one for the next call', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { start, log } = fakeWorkers({ slow: async () => (await gate, 'done'), quick: () => 'quick' });
    const remote = lazyRemote<{ slow(): string; quick(): string }>(start, { idleMs: 20 });
    const slow = remote.slow();
    expect(await remote.quick()).toBe('quick');
    // The quick call settled but the slow one has not: the worker stays.
    await wait(60);
    expect(log.stopped).toBe(0);
    release();
    expect(await slow).toBe('done');
    expect(log.stopped).toBe(0);
    await wait(60);
    expect(log.stopped).toBe(1);
    expect(await remote.quick()).toBe('quick');
    expect(log.started).toBe(2);
  });

  it('a call within idleMs of the last keeps the same worker', async () => {
    const { start, log } = fakeWorkers({ quick: () => 'quick' });
    const remote = lazyRemote<{ quick(): string }>(start, { idleMs: 50 });
    await remote.quick();
    await wait(10);
    await remote.quick();
    expect(log.started).toBe(1);
    expect(log.stopped).toBe(0);
  });

  it('stops the worker after a call that failed, too', async () => {
    const { start, log } = fakeWorkers({ bad: () => Promise.reject(new Error('no')) });
    const remote = lazyRemote<{ bad(): void }>(start, { idleMs: 10 });
    await expect(remote.bad()).rejects.toThrow('no');
    await wait(40);
    expect(log.stopped).toBe(1);
  });
});

/** Every Worker the app makes is the fake (the tests call only the crime worker). */
function stubWorkers(start: () => Worker) {
  vi.stubGlobal(
    'Worker',
    class {
      constructor() {
        return start();
      }
    },
  );
}

describe('the crime worker behind startWorkers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is stopped by an import only between calls, and starts again on the next call', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const crime = { data: { overview: async (area: string) => (await gate, `overview of ${area}`), repeatedIds: () => ({ ids: 0, sameMonth: 0 }) } };
    const { start, log } = fakeWorkers(crime);
    // Only the crime worker is started here; the fake stands in for every Worker the app would make.
    stubWorkers(start);
    const workers = startWorkers();
    expect(log.started).toBe(0);
    const slow = workers.data.overview('Luton');
    await wait(10);
    expect(log.started).toBe(1);
    // A call is in flight: the worker stays.
    expect(workers.stopCrimeIfIdle()).toBe(false);
    expect(log.stopped).toBe(0);
    release();
    expect(await slow).toBe('overview of Luton');
    expect(workers.stopCrimeIfIdle()).toBe(true);
    expect(log.stopped).toBe(1);
    // The next call starts a fresh worker.
    expect(await workers.data.repeatedIds()).toEqual({ ids: 0, sameMonth: 0 });
    expect(log.started).toBe(2);
  });

  it('does not wait for the background repeated-ID check: it is asked again of the new worker, and answers once', async () => {
    let answered = 0;
    const gates: (() => void)[] = [];
    const crime = {
      data: {
        repeatedIds: () =>
          new Promise((r) => {
            const n = ++answered;
            gates.push(() => r({ ids: n, sameMonth: 0 }));
          }),
      },
    };
    const { start, log } = fakeWorkers(crime);
    stubWorkers(start);
    const workers = startWorkers();
    const check = workers.data.repeatedIds();
    await wait(10);
    expect(workers.stopCrimeIfIdle()).toBe(true);
    await wait(10);
    expect([log.started, log.stopped]).toEqual([2, 1]);
    // The first worker's answer (were it to come) is not taken; the second's is.
    gates[1]!();
    expect(await check).toEqual({ ids: 2, sameMonth: 0 });
  });
});
