/**
 * Seeded pseudo-random numbers for the Monte Carlo analyses.
 *
 * Algorithm: xoshiro128** (Blackman and Vigna, 2018): 128 bits of state,
 * period 2^128 − 1, passes BigCrush, and needs only 32-bit integer operations,
 * which JavaScript does fast (`Math.imul`, `>>>`). The state is filled from
 * the seed with splitmix32 (a 32-bit variant of Steele, Lea and Flood's
 * SplitMix), so nearby seeds give unrelated streams.
 *
 * Runs are split into blocks of samples, each with its own stream
 * (`blockRandom(seed, block)`), so a result depends only on the seed and the
 * number of samples, never on how the work was chunked or spread over workers.
 */

/** The default seed, as in the MCDA anchor drugis/mcda-elicitation-web. */
export const DEFAULT_SEED = 1234;

const TWO_POW_32 = 4294967296;

/** splitmix32: a strong 32-bit mixer; each call advances `state` by the golden-ratio step. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * A xoshiro128** generator.
 *
 * @example const r = new Random(1234); r.float() // 0 < x < 1, the same every time for seed 1234
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = NaN;

  /** `seed` is a whole number 0 to 2^32 − 1; `stream` picks one of many independent streams for that seed. */
  constructor(seed: number, stream = 0) {
    const st = { s: (seed ^ Math.imul(stream, 0x85ebca6b)) | 0 };
    // Mix the stream number in twice so that (seed, stream) pairs do not collide by simple xor.
    st.s = (splitmix32(st) ^ Math.imul(stream + 1, 0xc2b2ae35)) | 0;
    this.a = splitmix32(st) | 0;
    this.b = splitmix32(st) | 0;
    this.c = splitmix32(st) | 0;
    this.d = splitmix32(st) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is the one forbidden state
  }

  /** A generator with its state given directly (for checking against the published reference outputs). */
  static fromState(a: number, b: number, c: number, d: number): Random {
    const r = new Random(0);
    r.a = a | 0;
    r.b = b | 0;
    r.c = c | 0;
    r.d = d | 0;
    return r;
  }

  /** A whole number 0 to 2^32 − 1. */
  uint32(): number {
    const b = this.b;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Fills `out[0..count)` with whole numbers 0 to 2^32 − 1: the same numbers
   * `count` calls of `uint32()` would give, but with the state held in locals,
   * which is several times faster in a hot loop.
   */
  fillUint32(out: Uint32Array, count = out.length): Uint32Array {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let k = 0; k < count; k++) {
      const x = Math.imul(b, 5);
      out[k] = Math.imul((x << 7) | (x >>> 25), 9);
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return out;
  }

  /** Uniform on the open interval (0, 1): never 0, so `-Math.log(float())` is always finite. */
  float(): number {
    return (this.uint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform whole number lo..lo + count − 1 (bias below count / 2^32, under 1e-8 for any scale here). */
  int(lo: number, count: number): number {
    return lo + Math.floor((this.uint32() * count) / TWO_POW_32);
  }

  /** Standard exponential (rate 1). */
  exponential(): number {
    return -Math.log(this.float());
  }

  /** Standard normal, by the Box-Muller transform (pairs are generated, the spare kept). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(this.float()));
    const theta = 2 * Math.PI * this.float();
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Checks a seed a user typed: a whole number 0 to 4,294,967,295. */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}
