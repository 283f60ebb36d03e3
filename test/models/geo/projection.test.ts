import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { BNG, OSGB36_LONLAT, bngOf, projectColumns } from '../../../models/geo/projection';

describe('projection to British National Grid', () => {
  it('projects the Ordnance Survey worked example within 1 m', () => {
    // Ordnance Survey, "A guide to coordinate systems in Great Britain" (v3.6, 2020),
    // worked example of the Transverse Mercator projection: Caister Water Tower,
    // OSGB36 latitude 52°39′27.2531″N, longitude 1°43′4.5177″E →
    // E 651409.903 m, N 313177.270 m.
    const lat = 52 + 39 / 60 + 27.2531 / 3600;
    const lon = 1 + 43 / 60 + 4.5177 / 3600;
    const [e, n] = proj4(OSGB36_LONLAT, BNG.replace(/\+towgs84=\S+ /, ''), [lon, lat]);
    expect(Math.abs(e! - 651409.903)).toBeLessThan(1);
    expect(Math.abs(n! - 313177.27)).toBeLessThan(1);
  });

  it('shifts WGS84 to OSGB36 by the published Helmert parameters', () => {
    // The same tower given in WGS84 (its OSGB36 position shifted back through
    // proj4's inverse) projects to the same grid reference: the datum shift and
    // the projection are one chain, and the round trip loses nothing.
    const lat = 52 + 39 / 60 + 27.2531 / 3600;
    const lon = 1 + 43 / 60 + 4.5177 / 3600;
    const [wlon, wlat] = proj4(OSGB36_LONLAT.replace('+no_defs', '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +no_defs'), 'EPSG:4326', [lon, lat]);
    // The shift is about 100 m here (OSGB36 and WGS84 differ by up to ~120 m in East Anglia).
    expect(Math.abs(wlon! - lon) * 67_000).toBeGreaterThan(50);
    const [e, n] = bngOf(wlon!, wlat!);
    expect(Math.abs(e - 651409.903)).toBeLessThan(1);
    expect(Math.abs(n - 313177.27)).toBeLessThan(1);
  });

  it('keeps rows without coordinates as NaN', () => {
    const { x, y } = projectColumns([-0.417, NaN], [51.879, NaN]);
    expect(x[0]).toBeGreaterThan(500_000);
    expect(y[0]).toBeGreaterThan(200_000);
    expect(Number.isNaN(x[1])).toBe(true);
  });
});
