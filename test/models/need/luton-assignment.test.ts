import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type Area } from '../../../models/boundaries';
import { interiorPoint } from '../../../models/need/geometry';
import { areaIndex } from '../../../models/need/spatial-index';

const BOUNDARIES = new URL('../../../../shared/data/boundaries/', import.meta.url);
function areas(file: string): Area[] {
  const r = parseBoundaries(readFileSync(new URL(file, BOUNDARIES), 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.areas;
}

describe('Luton LSOAs in Luton wards', () => {
  const wards = areas('ward_E06000032.geojson');
  const index = areaIndex(wards.map((w) => w.geometry));

  it('has the 20 wards, 121 2011 LSOAs and 125 2021 LSOAs of the real files', () => {
    expect(wards).toHaveLength(20);
    expect(areas('lsoa11_E06000032.geojson')).toHaveLength(121);
    expect(areas('lsoa21_E06000032.geojson')).toHaveLength(125);
  });

  it('places every 2011 LSOA, by its ONS centroid, in exactly one ward', () => {
    const lsoas = areas('lsoa11_E06000032.geojson');
    for (const l of lsoas) {
      expect(l.centroid, l.code).not.toBeNull();
      expect(index.locateAll(l.centroid![0], l.centroid![1]), l.code).toHaveLength(1);
    }
  });

  it('places every 2011 and 2021 LSOA, by a computed interior point, in exactly one ward', () => {
    for (const file of ['lsoa11_E06000032.geojson', 'lsoa21_E06000032.geojson']) {
      for (const l of areas(file)) {
        const [x, y] = interiorPoint(l.geometry);
        expect(index.locateAll(x, y), `${file} ${l.code}`).toHaveLength(1);
      }
    }
  });
});
