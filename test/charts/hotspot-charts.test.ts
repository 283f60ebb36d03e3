import { describe, expect, it } from 'vitest';
import type { HotspotResult } from '../../models/hotspots/result';
import type { HotspotCell } from '../../models/hotspots/schema';
import { describeCell, giBand, hotspotMap } from '../../src/charts/hotspot-map';
import { peerDots } from '../../src/charts/peer-dots';

const cell = (over: Partial<HotspotCell>): HotspotCell => ({
  id: 'E500000 N200000',
  x: 500000,
  y: 200000,
  ward: 'Central',
  count: 0,
  density: 0,
  z: 0,
  p: 1,
  pAdjusted: 1,
  classification: 'none',
  location: '',
  locationCount: 0,
  ...over,
});

describe('hotspotMap', () => {
  const result = {
    cellSize: 100,
    grid: { x0: 500000, y0: 200000, cols: 3, rows: 1 },
    wards: [
      {
        code: 'W',
        name: 'Central',
        rings: [
          [
            [500000, 200000],
            [500300, 200000],
            [500300, 200100],
            [500000, 200000],
          ],
        ],
      },
    ],
    cells: [
      cell({}),
      cell({ id: 'E500100 N200000', x: 500100, count: 30, z: 3.2, pAdjusted: 0.004, classification: 'persistent', location: 'On or near Park Street', locationCount: 20 }),
      cell({ id: 'E500200 N200000', x: 500200, count: 0, z: -2.1, pAdjusted: 0.03 }),
    ],
  } as unknown as HotspotResult;

  it('bands cells by Gi* and leaves out empty cells that are not significant', () => {
    expect(result.cells.map(giBand)).toEqual(['Not significant', 'Hot spot (p < 0.01)', 'Cold spot (p < 0.05)']);
    const marks = hotspotMap(result, 'gistar').marks as { data?: unknown[] }[];
    expect(marks[0]!.data).toHaveLength(2);
    expect((hotspotMap(result, 'count').marks as { data?: unknown[] }[])[0]!.data).toHaveLength(1);
  });

  it('describes a cell with its exact figures for the tip', () => {
    expect(describeCell(result.cells[1]!)).toBe(
      'Cell E500100 N200000 (Central)\nOn or near Park Street (20 of 30)\nCount: 30\nGi* z: 3.20, adjusted p: 0.004\nDensity: 0.0 per km²\nOver time: Persistent hot spot',
    );
  });
});

describe('peerDots', () => {
  it('lists areas lowest first and highlights the partnership', () => {
    const o = peerDots(
      {
        issueId: 'burglary',
        label: 'Burglary',
        rank: { rank: 2, of: 2, text: '2nd lowest of 2' },
        groupRank: null,
        rates: [
          { code: 'B', name: 'Bedford', count: 500, population: 100000, rate: 5 },
          { code: 'L', name: 'Luton', count: 1200, population: 200000, rate: 6 },
        ],
      },
      'Luton',
    );
    expect((o.y as { domain: string[] }).domain).toEqual(['Bedford', 'Luton']);
    const marks = o.marks as { data?: { name: string }[] }[];
    expect(marks.at(-1)!.data!.map((d) => d.name)).toEqual(['Luton']);
  });
});
