import { describe, expect, it } from 'vitest';
import { giStar, neighbours } from '../../../models/hotspots/gistar';
import { benjaminiHochberg, bhBelow } from '../../../models/stats/fdr';
import { twoSidedP } from '../../../models/stats/normal';

// A 4 × 3 grid of 100 m cells (row 0 at the bottom), neighbourhood 150 m (the 8 touching cells and the cell itself).
const COUNTS = [
  [0, 1, 2, 0],
  [3, 9, 4, 1],
  [0, 2, 1, 0],
];

/**
 * Computed independently by gistar-reference.py (beside this file; python3,
 * standard library only): a dense weight matrix from centre distances and
 * the textbook Gi* of Ord and Getis (1995) with Σw² written out, p by
 * math.erfc. Output pasted below (z, two-sided p), cells row by row.
 */
const REFERENCE: [number, number][] = [
  [1.2685199475, 0.2046123318],
  [1.6818357317, 0.09260069782],
  [1.2333462033, 0.2174466268],
  [-0.1585649934, 0.874011611],
  [0.7848566748, 0.4325376065],
  [1.2299438624, 0.2187181275],
  [0.7120727625, 0.4764197198],
  [-0.7848566748, 0.4325376065],
  [1.5063674376, 0.131972875],
  [1.6818357317, 0.09260069782],
  [1.2333462033, 0.2174466268],
  [-0.3964124836, 0.6918007583],
];

function grid() {
  const col: number[] = [];
  const row: number[] = [];
  const x: number[] = [];
  COUNTS.forEach((r, ri) =>
    r.forEach((v, ci) => {
      col.push(ci);
      row.push(ri);
      x.push(v);
    }),
  );
  return { cells: { cols: 4, rows: 3, col: Int32Array.from(col), row: Int32Array.from(row) }, x };
}

describe('giStar', () => {
  it('matches an independent computation on a hand-made grid', () => {
    const { cells, x } = grid();
    const g = giStar(x, neighbours(cells, 100, 150));
    REFERENCE.forEach(([z, p], i) => {
      expect(g.z[i]).toBeCloseTo(z, 8);
      expect(g.p[i]).toBeCloseTo(p, 6);
    });
  });

  it('takes the cell itself and the cells within the distance', () => {
    const { cells } = grid();
    const nb = neighbours(cells, 100, 150);
    expect(nb[0]!.length).toBe(4); // corner: itself and 3
    expect(nb[5]!.length).toBe(9); // inside: itself and 8
    expect(neighbours(cells, 100, 100)[5]!.length).toBe(5); // rook: itself and 4
  });

  it('gives z = 0 everywhere when every count is equal', () => {
    const { cells } = grid();
    const g = giStar(new Array(12).fill(3), neighbours(cells, 100, 150));
    expect([...g.z].every((v) => v === 0)).toBe(true);
  });
});

describe('twoSidedP', () => {
  it('gives the familiar critical values', () => {
    expect(twoSidedP(1.959963985)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(2.575829304)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });
});

describe('benjaminiHochberg', () => {
  it('adjusts a known list as R p.adjust(…, "BH") does', () => {
    // By hand (and gistar-reference.py): sorted 0.005, 0.01, 0.03, 0.04, 0.2, 0.5 times 6/k gives
    // 0.03, 0.03, 0.06, 0.06, 0.24, 0.5; the running minimum from the top leaves them so.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.5]);
    [0.03, 0.06, 0.06, 0.03, 0.24, 0.5].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
  });

  it('carries a smaller adjusted value down to larger p-values', () => {
    // 0.04 × 2/2 = 0.04 and 0.039 × 2/1 = 0.078 → the first takes the minimum above it.
    const q = benjaminiHochberg([0.039, 0.04]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.04, 12);
  });
});

describe('bhBelow', () => {
  it('agrees with the adjusted p-values below the level, ties and all', () => {
    // A seeded linear congruential generator (seed 1234): p-values with many small ones and ties.
    let seed = 1234;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 20; run++) {
      const p = Array.from({ length: 500 }, () => Math.round(next() ** 3 * 1000) / 1000);
      for (const alpha of [0.01, 0.05, 0.1]) {
        const q = benjaminiHochberg(p);
        expect([...bhBelow(p, alpha)]).toEqual(p.map((_, i) => (q[i]! < alpha ? 1 : 0)));
      }
    }
    expect([...bhBelow([0.01, 0.04, 0.03, 0.005, 0.2, 0.5], 0.05)]).toEqual([1, 0, 0, 1, 0, 0]);
  });
});
