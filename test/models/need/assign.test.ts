import { describe, expect, it } from 'vitest';
import type { Area, Geometry } from '../../../models/geo/boundaries';
import { assignByCode, assignByPoint, linkLsoa11To21, linkLsoasToWards, ROW } from '../../../models/need/assign';
import { areaIndex } from '../../../models/geo/spatial-index';

const box = (x0: number, y0: number, x1: number, y1: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0, y1],
      [x1, y1],
      [x1, y0],
      [x0, y0],
    ],
  ],
});
const area = (code: string, g: Geometry, centroid: [number, number] | null = null): Area => ({ code, name: code, lad: 'E06000032', centroid, geometry: g });

// Two wards side by side: west [0,1]×[0,1], east [1,2]×[0,1].
const wards = [area('W1', box(0, 0, 1, 1)), area('W2', box(1, 0, 2, 1))];
const wardIndex = areaIndex(wards.map((w) => w.geometry));

describe('assignByPoint', () => {
  it('places rows by coordinates and counts the rest by reason, never forcing a row into a ward', () => {
    const lon = Float64Array.of(0.5, 1.5, 2.5, NaN, 0.5);
    const lat = Float64Array.of(0.5, 0.5, 0.5, NaN, 0.5);
    const lad = ['Luton', 'Luton', 'Luton', 'Luton', 'Bedford'];
    const a = assignByPoint(wardIndex, lon, lat, (i) => lad[i] === 'Luton');
    expect(Array.from(a.areaOfRow)).toEqual([0, 1, ROW.notAssigned, ROW.noCoordinates, ROW.otherAuthority]);
    expect(a).toMatchObject({ considered: 4, assigned: 2, notAssigned: 1, noCoordinates: 1 });
  });
});

describe('assignByCode', () => {
  it('places rows by their 2021 LSOA code and counts codes not loaded', () => {
    const a = assignByCode(['E01000001', 'E01000009', '', 'E01000002'], ['E01000001', 'E01000002'], () => true);
    expect(Array.from(a.areaOfRow)).toEqual([0, ROW.notAssigned, ROW.noCoordinates, 1]);
  });
});

describe('linkLsoasToWards', () => {
  it('uses the lookup when it names a loaded ward, else the ONS centroid, else a computed one', () => {
    const lsoas = [area('L1', box(0.1, 0.1, 0.4, 0.4), [0.2, 0.2]), area('L2', box(1.1, 0.1, 1.4, 0.4)), area('L3', box(0.5, 0.5, 0.9, 0.9), [0.7, 0.7]), area('L4', box(5, 5, 6, 6))];
    const r = linkLsoasToWards(lsoas, wards, wardIndex, { L3: 'W2', L1: 'W9' });
    expect(r.links.map((l) => [l.lsoa, wards[l.target]!.code, l.method])).toEqual([
      ['L1', 'W1', 'ons-centroid'],
      ['L2', 'W2', 'computed-centroid'],
      ['L3', 'W2', 'lookup'],
    ]);
    expect(r.unplaced).toEqual(['L4']);
    expect(r.lookupUnknownWard).toEqual(['L1']);
  });

  it('places an LSOA known only from IMD rows (no boundary) by the lookup, or not at all', () => {
    const r = linkLsoasToWards(
      [
        { code: 'X1', centroid: null, geometry: null },
        { code: 'X2', centroid: null, geometry: null },
      ],
      wards,
      wardIndex,
      { X1: 'W1' },
    );
    expect(r.links.map((l) => l.lsoa)).toEqual(['X1']);
    expect(r.unplaced).toEqual(['X2']);
  });
});

describe('linkLsoa11To21', () => {
  it('keeps unchanged codes, shares a split LSOA equally, and gives a merged one to the LSOA holding its centroid', () => {
    const lsoa11 = [
      area('A', box(0, 0, 1, 1), [0.5, 0.5]), // unchanged
      area('B', box(1, 0, 3, 1), [2, 0.5]), // split into B1 and B2
      area('C', box(3, 0, 4, 1), [3.5, 0.5]), // merged with D into CD
      area('D', box(4, 0, 5, 1), [4.5, 0.5]),
    ];
    const lsoa21 = [area('A', box(0, 0, 1, 1)), area('B1', box(1, 0, 2, 1)), area('B2', box(2, 0, 3, 1)), area('CD', box(3, 0, 5, 1))];
    const r = linkLsoa11To21(lsoa11, lsoa21, areaIndex(lsoa21.map((a) => a.geometry)));
    const links = r.links.map((l) => [l.lsoa, lsoa21[l.target]!.code, l.share, l.method]);
    expect(links).toContainEqual(['A', 'A', 1, 'same-code']);
    expect(links).toContainEqual(['B', 'B1', 0.5, 'split']);
    expect(links).toContainEqual(['B', 'B2', 0.5, 'split']);
    // CD's interior point falls in C or D: that one's code changed (share 1), the other merges by its centroid.
    const cd = links.filter((l) => l[1] === 'CD');
    expect(cd.map((l) => l[0]).sort()).toEqual(['C', 'D']);
    expect(cd.every((l) => l[2] === 1)).toBe(true);
    expect(cd.map((l) => l[3]).sort()).toEqual(['changed', 'merged']);
    expect(r.unplaced).toEqual([]);
  });
});
