import { describe, expect, it } from 'vitest';
import { crimeCube, crimePeriod } from '../../../models/need/crime-cube';
import { topAreas } from '../../../models/need/top-areas';

describe('topAreas', () => {
  // Rows: area 0 (Biscot) 3 burglaries in Dec, area 1 (Dallow) 1 burglary and 5 robberies, area 2 none; one row outside every area (-1).
  const areaOfRow = Int32Array.from([0, 0, 0, 1, 1, 1, 1, 1, 1, -1, 0]);
  const type = ['Burglary', 'Burglary', 'Burglary', 'Burglary', 'Robbery', 'Robbery', 'Robbery', 'Robbery', 'Robbery', 'Burglary', 'Burglary'];
  const month = ['2023-12', '2023-12', '2023-12', '2023-12', '2023-12', '2023-12', '2023-12', '2023-12', '2023-12', '2023-12', '2022-01'];
  const cube = crimeCube(areaOfRow, type, month, 3);
  const areas = [
    { code: 'E05000001', name: 'Biscot' },
    { code: 'E05000002', name: 'Dallow' },
    { code: 'E05000003', name: 'South' },
  ];

  it('ranks areas by the rows of the issue’s crime types in the period, leaving out areas with none', () => {
    const t = topAreas(cube, areas, crimePeriod(cube, 12), ['Burglary'], 5);
    expect(t).toMatchObject({ first: '2023-01', last: '2023-12', months: 1, total: 4 });
    expect(t.areas).toEqual([
      { code: 'E05000001', name: 'Biscot', count: 3, share: 0.75 },
      { code: 'E05000002', name: 'Dallow', count: 1, share: 0.25 },
    ]);
  });

  it('sums several crime types and keeps the top n', () => {
    const t = topAreas(cube, areas, crimePeriod(cube, 0), ['Burglary', 'Robbery'], 1);
    expect(t.total).toBe(10);
    expect(t.areas).toEqual([{ code: 'E05000002', name: 'Dallow', count: 6, share: 0.6 }]);
  });
});
