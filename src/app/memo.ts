/**
 * Remembers a function's last result and returns it again while every
 * argument is the same object (or value), so derived data keeps its identity
 * and Lit does not re-render what has not changed.
 *
 * @example const proposalsOf = memoLast((evidence, rules) => proposeScores(evidence, rules));
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A): R => {
    if (last !== undefined && last.args.length === args.length && last.args.every((x, i) => Object.is(x, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/**
 * A cache of the last answer per part, for answers worth keeping beyond one
 * component (a page's worker replies, across visits to the page): each part
 * keeps one answer under a key (its JSON) naming everything the answer read.
 * The same key gets the same promise, still pending or settled; another key
 * replaces it. A failed answer, or one `keep` refuses, is forgotten, so the
 * next call works it out again.
 *
 * @example
 *   const answers = lastAnswers();
 *   const notes = await answers.get('overview', [dataVersion, area], () => worker.overview(area));
 */
export function lastAnswers() {
  const held = new Map<string, { key: string; answer: Promise<unknown> }>();
  return {
    get<T>(part: string, key: readonly unknown[], work: () => Promise<T>, keep: (answer: T) => boolean = () => true): Promise<T> {
      const text = JSON.stringify(key);
      const kept = held.get(part);
      if (kept?.key === text) return kept.answer as Promise<T>;
      const answer = work();
      held.set(part, { key: text, answer });
      const forget = () => {
        if (held.get(part)?.answer === answer) held.delete(part);
      };
      answer.then((a) => {
        if (!keep(a)) forget();
      }, forget);
      return answer;
    },
    clear(): void {
      held.clear();
    },
  };
}

/**
 * A read kept per store object with the store version it was made at (the
 * version announced on the shared change channel, see data/changes.ts): the
 * same version gives the same answer, pending or settled; another version
 * reads again. A failed read is not kept.
 *
 * @example
 *   const settingsAt = atVersion((s: ReportStore) => s.settings());
 *   const settings = await settingsAt(store, await store.version());
 */
export function atVersion<S extends object, T>(read: (store: S) => Promise<T>): (store: S, version: number) => Promise<T> {
  const held = new WeakMap<S, { version: number; answer: Promise<T> }>();
  return (store, version) => {
    const kept = held.get(store);
    if (kept?.version === version) return kept.answer;
    const answer = read(store);
    held.set(store, { version, answer });
    answer.catch(() => {
      if (held.get(store)?.answer === answer) held.delete(store);
    });
    return answer;
  };
}
