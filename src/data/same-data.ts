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
