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
