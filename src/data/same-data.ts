/**
 * Whether two stored records hold the same values: typed arrays element by
 * element, arrays in order, plain objects by their own keys. Used to tell
 * that a re-imported month carries exactly what is stored already, so undo
 * need not copy it.
 *
 * @example sameData({ a: new Uint32Array([1]) }, { a: new Uint32Array([1]) }) === true
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Roughly how many bytes a stored record takes: typed arrays by length, text at
 * two bytes a character, 8 bytes for any other value. For the undo budget.
 */
export function approxBytes(v: unknown): number {
  if (typeof v === 'string') return 2 * v.length;
  if (typeof v !== 'object' || v === null) return 8;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  let n = 0;
  if (Array.isArray(v)) for (const x of v) n += approxBytes(x);
  else for (const [k, x] of Object.entries(v)) n += 2 * k.length + approxBytes(x);
  return n;
}

/**
 * A SHA-256 digest (hex) of a stored record's values, equal for records
 * {@link sameData} calls the same (except that 0 and -0 differ here): typed
 * arrays by type and bytes, text by its UTF-16 code units, objects by their
 * keys in sorted order. Kept on each partition's description, so a re-import
 * can tell that a month carries exactly the stored rows without reading them.
 *
 * @example await fingerprint({ a: 1 }) === await fingerprint({ a: 1 })
 */
export async function fingerprint(v: unknown): Promise<string> {
  const parts: Uint8Array[] = [];
  const head = (tag: number, n: number) => {
    const b = new Uint8Array(9);
    b[0] = tag;
    new DataView(b.buffer).setFloat64(1, n);
    parts.push(b);
  };
  const walk = (x: unknown): void => {
    if (typeof x === 'string') {
      const units = new Uint16Array(x.length);
      for (let i = 0; i < x.length; i++) units[i] = x.charCodeAt(i);
      head(1, x.length);
      parts.push(new Uint8Array(units.buffer));
    } else if (typeof x === 'number') head(2, x);
    else if (typeof x === 'boolean') head(3, x ? 1 : 0);
    else if (x === null) head(4, 0);
    else if (x === undefined) head(5, 0);
    else if (ArrayBuffer.isView(x)) {
      walk(x.constructor.name);
      head(6, x.byteLength);
      parts.push(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    } else if (Array.isArray(x)) {
      head(7, x.length);
      for (const y of x) walk(y);
    } else if (typeof x === 'object') {
      const keys = Object.keys(x).sort();
      head(8, keys.length);
      for (const k of keys) {
        walk(k);
        walk((x as Record<string, unknown>)[k]);
      }
    } else head(9, 0);
  };
  walk(v);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
