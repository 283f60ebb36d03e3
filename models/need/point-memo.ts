/**
 * The area of each distinct point, worked out once: police.uk snaps every
 * crime to one of a fixed set of anonymous map points, so across months most
 * rows repeat a point already placed. Keyed on the coordinates' exact bits
 * (open addressing over typed arrays, no string per row), so a point is
 * never confused with a neighbour, however close.
 *
 * @example const memo = new PointMemo(); memo.get(-0.417, 51.879, () => index.locate(-0.417, 51.879))
 */
export class PointMemo {
  private xs: Float64Array;
  private ys: Float64Array;
  /** The remembered value + 1 in each slot (0 = empty); values are area indexes or negative codes ≥ -2^30. */
  private values: Int32Array;
  private mask: number;
  private count = 0;
  private readonly scratch = new Float64Array(2);
  private readonly words = new Uint32Array(this.scratch.buffer);

  constructor(capacity = 1024) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.mask = size - 1;
    this.xs = new Float64Array(size);
    this.ys = new Float64Array(size);
    this.values = new Int32Array(size).fill(EMPTY);
  }

  /** The value for (x, y): remembered, or `compute()` once and remembered. x and y must not be NaN. */
  get(x: number, y: number, compute: () => number): number {
    let h = this.hash(x, y);
    for (;;) {
      const v = this.values[h]!;
      if (v === EMPTY) break;
      // Object.is: -0 and 0 are different bits, so they are different keys (x and y are never NaN).
      if (Object.is(this.xs[h], x) && Object.is(this.ys[h], y)) return v;
      h = (h + 1) & this.mask;
    }
    const value = compute();
    this.values[h] = value;
    this.xs[h] = x;
    this.ys[h] = y;
    if (++this.count * 2 > this.mask) this.grow();
    return value;
  }

  /** Distinct points remembered. */
  get size(): number {
    return this.count;
  }

  private hash(x: number, y: number): number {
    this.scratch[0] = x;
    this.scratch[1] = y;
    const w = this.words;
    let h = Math.imul(w[0]! ^ Math.imul(w[1]!, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ w[2]! ^ Math.imul(w[3]!, 0xc2b2ae35), 0x27d4eb2f);
    return (h ^ (h >>> 15)) & this.mask;
  }

  private grow(): void {
    const { xs, ys, values } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.xs = new Float64Array(size);
    this.ys = new Float64Array(size);
    this.values = new Int32Array(size).fill(EMPTY);
    for (let i = 0; i < values.length; i++) {
      if (values[i] === EMPTY) continue;
      let h = this.hash(xs[i]!, ys[i]!);
      while (this.values[h] !== EMPTY) h = (h + 1) & this.mask;
      this.values[h] = values[i]!;
      this.xs[h] = xs[i]!;
      this.ys[h] = ys[i]!;
    }
  }
}

/** No value in the slot (area indexes are ≥ 0 and the row codes are small negatives). */
const EMPTY = -2147483648;
