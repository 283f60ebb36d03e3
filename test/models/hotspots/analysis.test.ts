import { describe, expect, it } from 'vitest';
import { analyseHotspots, byHotness } from '../../../models/hotspots/analysis';
import { autoCellSize, gridOver } from '../../../models/hotspots/grid';
import type { Geometry } from '../../../models/geo/boundaries';
import type { BngArea } from '../../../models/hotspots/grid';
import { HotspotSettings } from '../../../models/hotspots/schema';

const square = (x0: number, y0: number, x1: number, y1: number): Geometry => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

// Two wards side by side, 1 km × 1 km together, 100 m cells → 100 cells.
const AREAS: BngArea[] = [
  { code: 'W1', name: 'West', geometry: square(500000, 200000, 500500, 201000) },
  { code: 'W2', name: 'East', geometry: square(500500, 200000, 501000, 201000) },
];

function rows() {
  const x: number[] = [];
  const y: number[] = [];
  const location: string[] = [];
  const monthOfRow: number[] = [];
  // A cluster in the cell E500700 N200700 every month; a few rows scattered; one outside.
  for (let m = 0; m < 6; m++) {
    for (let k = 0; k < 8; k++) {
      x.push(500750 + k);
      y.push(200750);
      location.push(k < 5 ? 'On or near Park Street' : 'On or near Mill Lane');
      monthOfRow.push(m);
    }
    x.push(500150 + m * 100);
    y.push(200150);
    location.push('On or near Castle Street');
    monthOfRow.push(m);
  }
  x.push(490000);
  y.push(190000);
  location.push('Elsewhere');
  monthOfRow.push(0);
  return { x, y, location, monthOfRow, rows: x.map((_, i) => i) };
}

describe('analyseHotspots', () => {
  it('finds the cluster, names its location and ward, and keeps its rows for the trace', () => {
    const r = rows();
    const a = analyseHotspots({ ...r, months: ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'], areas: AREAS, cellSize: 100, bandwidth: null, neighbourCells: null });
    expect(a.cells.length).toBe(100);
    expect(a.rowsOutside).toBe(1);
    expect(a.rowsUsed).toBe(54);
    const top = [...a.cells].sort(byHotness)[0]!;
    // The 9 cells around the cluster share its neighbourhood sum, hence its z; the count breaks the tie.
    expect(a.cells.filter((c) => Math.abs(c.z - top.z) < 1e-9).length).toBe(9);
    expect(top.id).toBe('E500700 N200700');
    expect(top.ward).toBe('East');
    expect(top.count).toBe(48);
    expect(top.location).toBe('On or near Park Street');
    expect(top.locationCount).toBe(30);
    expect(top.pAdjusted).toBeLessThan(0.05);
    expect(top.classification).toBe('persistent');
    const i = a.cells.indexOf(top);
    expect(a.rowsOfCell[i]!.length).toBe(48);
    // Every counted row is in exactly one cell.
    expect(a.cells.reduce((s, c) => s + c.count, 0)).toBe(54);
    // Kernel density integrates to about the number of points (0.01 km² per cell; edge losses aside).
    expect(a.cells.reduce((s, c) => s + c.density * 0.01, 0)).toBeGreaterThan(40);
  });
});

describe('cell size', () => {
  it('is chosen from the extent and the number of points, within 50-500 m', () => {
    expect(autoCellSize([500000, 200000, 510000, 208000], 100_000)).toBe(100);
    expect(autoCellSize([500000, 200000, 510000, 208000], 2000)).toBe(200);
    expect(autoCellSize([500000, 200000, 510000, 208000], 1)).toBe(500);
  });
  it('aligns the grid on whole cells', () => {
    expect(gridOver([500020, 200010, 500990, 200400], 100)).toEqual({ size: 100, x0: 500000, y0: 200000, cols: 10, rows: 4 });
  });
  it('refuses 0 and 50 km with a clear message', () => {
    const base = { issueId: 'x', period: { end: null, months: 12 }, bandwidth: null, neighbourCells: null };
    const zero = HotspotSettings.safeParse({ ...base, cellSize: 0 });
    expect(zero.success).toBe(false);
    expect(zero.error!.issues[0]!.message).toBe('The cell size must be between 50 m and 500 m; 0 m was given');
    const big = HotspotSettings.safeParse({ ...base, cellSize: 50_000 });
    expect(big.error!.issues[0]!.message).toBe('The cell size must be between 50 m and 500 m; 50,000 m was given');
    expect(HotspotSettings.safeParse({ ...base, cellSize: 250 }).success).toBe(true);
  });
});
