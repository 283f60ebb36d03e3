import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, isValidSeed, Random } from '../../../models/stats/random';

describe('Random (xoshiro128**)', () => {
  it('gives the reference outputs from state (1, 2, 3, 4)', () => {
    // By hand: result = rotl(b × 5, 7) × 9. b = 2 → rotl(10, 7) = 1,280 → 11,520. After the update b = 0 → 0.
    // Then b = 1,029 → rotl(5,145, 7) = 658,560 → 5,927,040; then b = 12,295 → rotl(61,475, 7) = 7,868,800 → 70,819,200.
    const r = Random.fromState(1, 2, 3, 4);
    expect([r.uint32(), r.uint32(), r.uint32(), r.uint32()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('fills arrays with exactly the numbers single calls give', () => {
    const a = new Random(DEFAULT_SEED, 3);
    const b = new Random(DEFAULT_SEED, 3);
    const filled = a.fillUint32(new Uint32Array(1000));
    const single = Array.from({ length: 1000 }, () => b.uint32());
    expect(Array.from(filled)).toEqual(single);
    expect(a.uint32()).toBe(b.uint32());
  });

  it('repeats a stream for the same seed and stream, and differs otherwise', () => {
    const draw = (seed: number, stream = 0) => {
      const r = new Random(seed, stream);
      return Array.from({ length: 8 }, () => r.uint32());
    };
    expect(draw(1234)).toEqual(draw(1234));
    expect(draw(1234)).not.toEqual(draw(1235));
    expect(draw(1234, 0)).not.toEqual(draw(1234, 1));
    expect(draw(0)).not.toEqual(draw(0, 1));
  });

  it('draws floats strictly inside (0, 1) with mean ½ and whole numbers evenly', () => {
    const r = new Random(7);
    let sum = 0;
    const counts = [0, 0, 0, 0, 0];
    const N = 100_000;
    let inside = 0;
    for (let k = 0; k < N; k++) {
      const x = r.float();
      if (x > 0 && x < 1) inside++;
      sum += x;
      counts[r.int(0, 5) - 0]!++;
    }
    expect(inside).toBe(N);
    // Standard error of the mean of U(0,1) over 100,000 draws: √(1/12/100,000) ≈ 0.00091; allow 5.
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(5 * 0.00091);
    // Each of 5 levels: 20,000 expected, sd √(100,000 × 0.2 × 0.8) ≈ 126; allow 5.
    for (const c of counts) expect(Math.abs(c - 20_000)).toBeLessThan(5 * 126);
  });

  it('draws standard normals', () => {
    const r = new Random(99);
    const N = 100_000;
    let s = 0;
    let s2 = 0;
    for (let k = 0; k < N; k++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it('accepts seeds 0 to 2^32 − 1 only', () => {
    expect([0, 1234, 4294967295].every(isValidSeed)).toBe(true);
    expect([-1, 1.5, 4294967296, Number.NaN].some(isValidSeed)).toBe(false);
  });
});
