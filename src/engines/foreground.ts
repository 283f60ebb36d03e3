/**
 * Which requests a worker is answering, so its background work (the
 * repeated-ID check, which reads every stored month) steps aside for a
 * page's request instead of making it wait behind whole months: IndexedDB
 * serves one request after another, and the worker runs one thing at a time.
 *
 * Background work must never be awaited by a foreground request (it would
 * wait for itself to finish).
 *
 * @example const fg = new Foreground(); const api = fg.track({ need: needApi(...) }); await fg.idle();
 */
export class Foreground {
  private active = 0;
  private waiting: (() => void)[] = [];

  /**
   * The API with every method of its parts counted while it runs, except the
   * background ones named as "part.method".
   */
  track<T extends Record<string, object>>(api: T, background: readonly string[] = []): T {
    const out: Record<string, object> = {};
    for (const [part, methods] of Object.entries(api)) {
      const wrapped: Record<string, unknown> = {};
      for (const [name, fn] of Object.entries(methods)) {
        wrapped[name] = typeof fn !== 'function' || background.includes(`${part}.${name}`) ? fn : this.counted(fn as (...args: unknown[]) => unknown);
      }
      out[part] = wrapped;
    }
    return out as T;
  }

  /** Resolves once no counted request is running (at once if none is). */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** How many counted requests are running. */
  get running(): number {
    return this.active;
  }

  private counted(fn: (...args: unknown[]) => unknown) {
    return async (...args: unknown[]) => {
      this.active++;
      try {
        return await fn(...args);
      } finally {
        if (--this.active === 0) {
          const wake = this.waiting;
          this.waiting = [];
          for (const w of wake) w();
        }
      }
    };
  }
}
