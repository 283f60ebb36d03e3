import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type Area } from '../../../models/geo/boundaries';
import { assignByPoint, ROW } from '../../../models/need/assign';
import { interiorPoint, pointInGeometry } from '../../../models/geo/geometry';
import { areaIndex } from '../../../models/geo/spatial-index';

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

describe('crime rows outside every ward (Central Bedfordshire, December 2023)', () => {
  it('counts the rows whose points fall outside the generalised wards as not assigned, and drops none', () => {
    const wards = areas('ward_E06000056.geojson');
    const rows = csvParse(readFileSync(new URL('../police-uk/bedfordshire/2023-12-bedfordshire-street.csv', BOUNDARIES), 'utf8'));
    const lad = rows.map((r) => (r['LSOA name'] ?? '').replace(/\s+\d{3}[A-Z]$/, ''));
    const a = assignByPoint(
      areaIndex(wards.map((w) => w.geometry)),
      rows.map((r) => Number(r['Longitude'] || NaN)),
      rows.map((r) => Number(r['Latitude'] || NaN)),
      (i) => lad[i] === 'Central Bedfordshire',
    );
    const inArea = lad.filter((l) => l === 'Central Bedfordshire').length;
    expect(a.considered).toBe(inArea);
    expect(a.assigned + a.notAssigned + a.noCoordinates).toBe(inArea);
    expect(a.notAssigned).toBeGreaterThan(0);
    // Each not-assigned row really is outside every ward.
    a.areaOfRow.forEach((w, i) => {
      if (w === ROW.notAssigned) expect(wards.some((x) => pointInGeometry(Number(rows[i]!['Longitude']), Number(rows[i]!['Latitude']), x.geometry))).toBe(false);
    });
  });
});
