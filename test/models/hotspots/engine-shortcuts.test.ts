import { describe, expect, it } from 'vitest';
import { analyseHotspots, codeText, numberPoints } from '../../../models/hotspots/analysis';
import { bhBelow } from '../../../models/stats/fdr';
import { giStar, monthlyHot, neighbours } from '../../../models/hotspots/gistar';
import { bandwidthNrd } from '../../../models/hotspots/kde';
import type { BngArea } from '../../../models/hotspots/grid';

// The shortcuts that keep the force-wide analysis within 300 ms (numbered map
// points and locations, weighted bandwidth, monthly BH on large |z| only) must
// give exactly what the plain computation gives.

/** Park-Miller LCG, seed 20261204: deterministic test data. */
function lcg(seed = 20261204) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('bandwidthNrd', () => {
  // Reference: python3 standard library, statistics.stdev and
  // statistics.quantiles(v, n=4, method='inclusive') (R's type 7), then
  // 4 × 1.06 × min(sd, IQR ÷ 1.34) × n^(−1/5) averaged over x and y.
  const x = [0, 0, 0, 10, 10, 25, 40, 40, 40, 40, 100];
  const y = [5, 5, 5, 5, 7, 9, 12, 12, 30, 31, 31];
  it('matches MASS bandwidth.nrd computed independently', () => {
    expect(bandwidthNrd(x, y)).toBeCloseTo(48.89022769321788, 10);
  });
  it('gives the same bandwidth from distinct points with weights as from the rows written out', () => {
    // Distinct (x, y) points of the rows above, with how many rows each stands for.
    const points = new Map<string, number>();
    x.forEach((xi, i) => points.set(`${xi},${y[i]}`, (points.get(`${xi},${y[i]}`) ?? 0) + 1));
    const px = [...points.keys()].map((k) => Number(k.split(',')[0]));
    const py = [...points.keys()].map((k) => Number(k.split(',')[1]));
    expect(bandwidthNrd(px, py, [...points.values()])).toBeCloseTo(bandwidthNrd(x, y), 10);
  });
});

describe('monthlyHot', () => {
  it('flags the same cells as BH over every cell’s p-value', () => {
    const rand = lcg();
    let nearCut = 0;
    for (let trial = 0; trial < 60; trial++) {
      // Small and large grids: on a small one the BH cut-off is near 0.05, so cells with |z| just above 1.95 count.
      const cols = 4 + Math.floor(rand() * 30);
      const rows = 4 + Math.floor(rand() * 20);
      const col = Int32Array.from({ length: cols * rows }, (_, i) => i % cols);
      const row = Int32Array.from({ length: cols * rows }, (_, i) => Math.floor(i / cols));
      const nb = neighbours({ cols, rows, col, row }, 100, 150);
      // Mostly zeros with a few clusters, as a month of one crime type is; sometimes a gradient across the grid.
      const gradient = trial % 3 === 0;
      const counts = Float64Array.from({ length: cols * rows }, (_, i) => (gradient ? (i % cols) + Math.floor(rand() * 3) : rand() < 0.1 ? Math.floor(rand() * 6) : 0));
      const centre = Math.floor(rand() * cols * rows);
      for (const j of nb[centre]!) counts[j]! += 3 + Math.floor(rand() * 4);
      nearCut += [...bhBelow(giStar(counts, nb).p, 0.05)].filter((s, i) => s === 1 && Math.abs(giStar(counts, nb).z[i]!) < 2.3).length;
      const fast = monthlyHot(counts, nb, 0.05);
      const plain = giStar(counts, nb);
      expect([...fast.z]).toEqual([...plain.z]);
      expect([...fast.significant]).toEqual([...bhBelow(plain.p, 0.05)]);
    }
    // The data reach the shortcut's edge: some significant cells have |z| below 2.3.
    expect(nearCut).toBeGreaterThan(0);
  });
});

describe('analyseHotspots inputs numbered once', () => {
  it('gives the same cells with numbered points and locations as with plain columns', () => {
    const rand = lcg(7);
    const areas: BngArea[] = [
      {
        code: 'W1',
        name: 'Only',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [500000, 200000],
              [502000, 200000],
              [502000, 202000],
              [500000, 202000],
              [500000, 200000],
            ],
          ],
        },
      },
    ];
    const n = 3000;
    // Rows on a limited set of map points, as police.uk publishes them; some without coordinates.
    const spots = Array.from({ length: 120 }, () => [500000 + rand() * 2000, 200000 + rand() * 2000] as const);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const location: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = Math.floor(rand() ** 2 * spots.length);
      x[i] = i % 97 === 0 ? NaN : spots[s]![0];
      y[i] = i % 97 === 0 ? NaN : spots[s]![1];
      location.push(i % 13 === 0 ? '' : `On or near Street ${s % 40}`);
    }
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    const monthOfRow = rows.map((i) => i % 6);
    const input = { x, y, rows, monthOfRow, months: ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'], areas, cellSize: 200, bandwidth: null, neighbourCells: null };
    const plain = analyseHotspots({ ...input, location });
    const numbered = analyseHotspots({ ...input, location: codeText(location), points: numberPoints(x, y) });
    expect(numbered.cells).toEqual(plain.cells);
    expect(numbered.bandwidth).toBeCloseTo(plain.bandwidth, 9);
    expect(numbered.rowsOfCell.map((r) => [...r])).toEqual(plain.rowsOfCell.map((r) => [...r]));
    expect(plain.cells.some((c) => c.location !== '')).toBe(true);
    // Each cell's commonest location, counted plainly (ties: first alphabetically).
    plain.rowsOfCell.forEach((members, i) => {
      const tally = new Map<string, number>();
      for (const r of members) if (location[r] !== '') tally.set(location[r]!, (tally.get(location[r]!) ?? 0) + 1);
      const best = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      expect([plain.cells[i]!.location, plain.cells[i]!.locationCount]).toEqual(best ?? ['', 0]);
    });
  });
});
