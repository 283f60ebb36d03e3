import type { z } from 'zod';

/**
 * A stored record this version of the app cannot read. Its message is for a
 * person (what, where, what to do), never a schema dump; `detail` keeps the
 * first validation problem for a bug report.
 */
export class StoreReadError extends Error {
  override readonly name = 'StoreReadError';
  constructor(
    readonly what: string,
    readonly detail: string,
  ) {
    super(`${what} was saved in a layout this version cannot read. Open the Data page to download it, clear the store and import again.`);
  }
}

/** True for a {@link StoreReadError}, also one that crossed a worker boundary (comlink keeps the name). */
export function isStoreReadError(e: unknown): boolean {
  return e instanceof Error && e.name === 'StoreReadError';
}

/**
 * Validates a stored value, throwing a {@link StoreReadError} naming `what`.
 *
 * @example const meta = parseStored(PartitionMeta, raw, 'The description of crime|Bedfordshire|2023-01');
 */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first === undefined ? '' : first.path.map(String).join('.');
  const detail = `${where}: ${first?.message ?? 'invalid'}`.slice(0, 200);
  throw new StoreReadError(what, detail);
}
