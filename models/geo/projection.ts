import proj4 from 'proj4';

/**
 * WGS84 longitude/latitude to British National Grid (EPSG:27700) metres,
 * with proj4. The datum shift from WGS84 to OSGB36 is the published
 * seven-parameter Helmert transformation (`+towgs84`), which the Ordnance
 * Survey gives as good to about 5 m across Great Britain (typically 2-3 m);
 * the Transverse Mercator projection itself is exact to the millimetre
 * (tested against the OS's worked example). OSTN15, the definitive
 * transformation, would need a 15 MB grid file; police.uk already moves
 * every point to an anonymous map point, so metres do not matter here.
 */
export const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' + '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** OSGB36 longitude/latitude (on the Airy ellipsoid, no datum shift), for testing the projection alone. */
export const OSGB36_LONLAT = '+proj=longlat +ellps=airy +no_defs';

export const PROJECTION_NOTE = 'Coordinates are projected from WGS84 to British National Grid (EPSG:27700) with proj4, using the seven-parameter Helmert datum shift (accurate to about 5 m).';

const toBng = proj4('EPSG:4326', BNG);

/** @example bngOf(-0.417, 51.879) // [509063, 221232] (easting, northing in metres) */
export function bngOf(longitude: number, latitude: number): [number, number] {
  const [x, y] = toBng.forward([longitude, latitude]);
  return [x!, y!];
}

/**
 * Projects coordinate columns; a row without coordinates (NaN) stays NaN.
 *
 * @example projectColumns(lon, lat).x[0] // 509063.27
 */
export function projectColumns(longitude: ArrayLike<number>, latitude: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
  const n = longitude.length;
  const x = new Float64Array(n).fill(NaN);
  const y = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const lon = longitude[i]!;
    const lat = latitude[i]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const [e, nn] = bngOf(lon, lat);
    x[i] = e;
    y[i] = nn;
  }
  return { x, y };
}
