/** The seed every Monte Carlo in the need matrix uses unless told otherwise (as drugis/mcda-elicitation-web does). */
export const DEFAULT_SEED = 1234;

/**
 * A seeded generator of uniform numbers in [0, 1): mulberry32, small, fast and
 * the same in every browser and in Node, so a Monte Carlo can be repeated.
 *
 * @example const rnd = seededRandom(1234); rnd() // 0.8233…, always
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
