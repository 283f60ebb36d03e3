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
  private lastEnd = -Infinity;

  /**
   * @param quietMs how long after a page's last request background work still waits: a page asks in
   *   bursts (one answer drawn, the next question sent), and background work between them would delay the next.
   */
  constructor(private readonly quietMs = 0) {}

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

  /** Resolves once no counted request is running and none ended in the last `quietMs` (at once if so). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.active > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
      const wait = this.lastEnd + this.quietMs - performance.now();
      if (wait <= 0 && this.active === 0) return;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
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
        this.lastEnd = performance.now();
        if (--this.active === 0) {
          const wake = this.waiting;
          this.waiting = [];
          for (const w of wake) w();
        }
      }
    };
  }
}
