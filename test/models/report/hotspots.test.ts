import { describe, expect, it } from 'vitest';
import type { HotspotResult } from '../../../models/hotspots/result';
import type { HotspotCell } from '../../../models/hotspots/schema';
import { cellWords, hotspotRows, reportHotspots } from '../../../models/report/hotspots';

const cell = (id: string, z: number, pAdjusted: number, count: number, location: string, ward = 'South'): HotspotCell => ({
  id,
  x: 0,
  y: 0,
  ward,
  count,
  density: 0,
  z,
  p: pAdjusted,
  pAdjusted,
  classification: null,
  location,
  locationCount: count,
});

const result = (cells: HotspotCell[], cellSize = 200): HotspotResult => ({
  area: 'Luton',
  crimeTypes: ['Burglary'],
  months: ['2023-01', '2023-02'],
  gaps: [],
  cellSize,
  cellSizeAuto: true,
  bandwidth: 400,
  bandwidthAuto: true,
  distance: cellSize * 1.5,
  neighbourCells: 1.5,
  meanNeighbours: 8.2,
  grid: { x0: 0, y0: 0, cols: 1, rows: 1 },
  cells,
  wards: [],
  rowsUsed: 100,
  rowsOutside: 0,
  rowsNoCoordinates: 0,
  classified: true,
  ms: 3,
});

describe('reportHotspots', () => {
  it('keeps the hottest significant cells of each issue, hottest first, and names the method in one line', () => {
    const h = reportHotspots({
      burglary: result([
        cell('a', 2.5, 0.04, 10, 'On or near Park Street'),
        cell('b', 4.1, 0.001, 30, 'On or near George Street', 'Central'),
        cell('c', 3.0, 0.2, 50, 'On or near Not Significant Road'),
        cell('d', -3.0, 0.001, 0, 'On or near Cold Spot Lane'),
        cell('e', 3.5, 0.01, 12, ''),
        cell('f', 2.1, 0.03, 8, 'On or near Fourth Place'),
      ]),
      robbery: result([cell('g', 1.0, 0.5, 2, 'On or near High Street')], 350),
    });
    expect(h.byIssue['burglary']!.map((c) => c.id)).toEqual(['b', 'e', 'a']);
    expect(h.byIssue['robbery']).toEqual([]);
    expect(hotspotRows(h, 'burglary')).toBe('On or near George Street (Central, 30); cell e (South, 12); On or near Park Street (South, 10)');
    expect(hotspotRows(h, 'robbery')).toBe('no significant hot spot');
    expect(hotspotRows(h, 'shoplifting')).toBe('—');
    expect(hotspotRows(null, 'burglary')).toBe('—');
    expect(h.method).toBe(
      'Hot spots: each issue’s police.uk rows of the 2 months of the period counted on a grid of 200 m and 350 m cells over the wards; a cell is a hot spot when it and its neighbours within 1.5 cells hold more rows than chance would give (Getis-Ord Gi*, false discovery rate below 0.05), as on the Hot spots page.',
    );
    expect(cellWords(cell('x', 3, 0.01, 1234, 'On or near Park Street'))).toBe('On or near Park Street (South, 1,234)');
  });

  it('says so when nothing was analysed', () => {
    expect(reportHotspots({}).method).toMatch(/^No hot spots were worked out/);
  });
});
