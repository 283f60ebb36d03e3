/** From this many keys the radix sort is used. */
export const RADIX_FROM = 2048;

/**
 * The positions of `keys` in ascending order (stable: equal keys keep their
 * order). Scoring 32,844 LSOAs sorts every indicator; an LSD radix sort on
 * the keys' bits (four passes of 16 bits over the 64-bit float) beats any
 * comparison sort with a callback several times over. Below
 * {@link RADIX_FROM} keys (wards, a few hundred LSOAs) clearing its 65,536
 * counters four times costs more than the sort, so a comparison sort does it.
 * Keys must not be NaN; −0 counts as 0.
 *
 * @example ascendingOrder(Float64Array.of(3, -1, 2)) // Uint32Array [1, 2, 0]
 */
export function ascendingOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  if (n < RADIX_FROM) {
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    // Stable by position; −0 and 0 compare equal here too.
    return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  }
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  // Flip the bits so that unsigned order is numeric order: negatives wholly, positives their sign bit.
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const little = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + (little ? 1 : 0)]!;
    const l = bits[2 * i + (little ? 0 : 1)]!;
    // −0 sorts with 0 (its bits alone would put it just below).
    const negative = h >>> 31 === 1 && !(h === 0x80000000 && l === 0);
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~l >>> 0 : l;
  }
  let from = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Uint32Array(n);
  const count = new Uint32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(word[from[i]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < count.length; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = from[i]!;
      to[count[(word[j]! >>> shift) & 0xffff]!++] = j;
    }
    [from, to] = [to, from];
  }
  return from;
}
