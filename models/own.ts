/**
 * Lookups in records keyed by ids or names a user typed. `record[key]` on a
 * plain object finds Object.prototype's members for keys such as
 * "constructor" or "toString" (a function where a number was expected); these
 * look at the record's own properties only, so every key is just a key.
 */

/**
 * The value stored under `key`, never an inherited one.
 *
 * @example own({ a: 1 }, 'constructor') // undefined
 */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * A record without a prototype, so that writing and reading any key (even
 * "__proto__") is plain data.
 *
 * @example dict([['constructor', 2]]).constructor // 2
 */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}
