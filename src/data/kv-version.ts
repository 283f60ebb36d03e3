import { z } from 'zod';

/** A store's change counter, kept under the key 'version' of its `kv` object store. */
export const Version = z.number().int().nonnegative();

/** The part of an idb object store (in a readwrite transaction) the counter needs. */
export interface KvStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

/**
 * Adds one to the store's version inside the caller's transaction, so the
 * change and its new version commit together; returns the new version.
 *
 * @example const version = await bumpVersion(tx.objectStore('kv'));
 */
export async function bumpVersion(kv: KvStore): Promise<number> {
  const version = Version.parse((await kv.get('version')) ?? 0) + 1;
  await kv.put(version, 'version');
  return version;
}
