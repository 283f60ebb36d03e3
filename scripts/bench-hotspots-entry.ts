/**
 * The body of `npm run bench:hotspots` (bundled by scripts/bench-hotspots.mjs
 * and run in Node): the hot-spot engine the worker runs, on the shared
 * Bedfordshire files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { parseBoundaries } from '../models/geo/boundaries';
import { analyseHotspots, codeText, numberPoints } from '../models/hotspots/analysis';
import { projectColumns } from '../models/geo/projection';
import { projectGeometry } from '../models/hotspots/result';
import type { BngArea } from '../models/hotspots/grid';

export function run(shared: string, runs: number): void {
  const dir = `${shared}data/police-uk/bedfordshire/`;
  const lon: number[] = [];
  const lat: number[] = [];
  const month: string[] = [];
  const lad: string[] = [];
  const location: string[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    for (const r of csvParse(readFileSync(dir + f, 'utf8').replace(/^\uFEFF/, ''))) {
      lon.push(r['Longitude'] === '' ? NaN : Number(r['Longitude']));
      lat.push(r['Latitude'] === '' ? NaN : Number(r['Latitude']));
      month.push(r['Month']!);
      lad.push((r['LSOA name'] ?? '').replace(/\s+\d{3}[A-Z]$/, ''));
      location.push(r['Location'] ?? '');
    }
  }
  const wardsOf = (code: string): BngArea[] => {
    const p = parseBoundaries(readFileSync(`${shared}data/boundaries/ward_${code}.geojson`, 'utf8'));
    if (!p.ok) throw new Error(p.reason);
    return p.areas.map((a) => ({ code: a.code, name: a.name, geometry: projectGeometry(a.geometry) }));
  };
  const t0 = performance.now();
  const { x, y } = projectColumns(lon, lat);
  const projectMs = performance.now() - t0;
  const t1 = performance.now();
  const locations = codeText(location);
  const points = numberPoints(x, y);
  const codeMs = performance.now() - t1;
  console.log(
    `read ${lon.length.toLocaleString('en-GB')} rows; projected to BNG in ${projectMs.toFixed(0)} ms, locations and map points numbered in ${codeMs.toFixed(0)} ms (both once per stored-data version in the worker)`,
  );

  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const time = (label: string, input: Parameters<typeof analyseHotspots>[0]) => {
    const ms: number[] = [];
    const cpu: number[] = [];
    const first = performance.now();
    let a = analyseHotspots(input);
    const firstMs = performance.now() - first;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const c = process.cpuUsage();
      a = analyseHotspots(input);
      const used = process.cpuUsage(c);
      ms.push(performance.now() - s);
      cpu.push((used.user + used.system) / 1000);
    }
    const hot = a.cells.filter((c) => c.z > 0 && c.pAdjusted < 0.05).length;
    console.log(
      `${label}: ${input.rows.length.toLocaleString('en-GB')} rows, ${a.months.length} months, ${a.cells.length.toLocaleString('en-GB')} cells of ${a.grid.size} m, bandwidth ${a.bandwidth.toFixed(0)} m, ` +
        `${hot.toLocaleString('en-GB')} significant hot cells; grid + counts + KDE + Gi* + BH + classification: median ${median(ms).toFixed(0)} ms wall clock (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), ${median(cpu).toFixed(0)} ms CPU (${runs} runs; target 300 ms); the first analysis of this area at this cell size (locates the grid's cells in the wards, then kept) took ${firstMs.toFixed(0)} ms`,
    );
  };

  const all = (pick: (i: number) => boolean) => {
    const rows: number[] = [];
    for (let i = 0; i < lon.length; i++) if (pick(i)) rows.push(i);
    return rows;
  };
  const monthIndex = (rows: number[]) => {
    const months = [...new Set(rows.map((i) => month[i]!))].sort();
    const at = new Map(months.map((m, i) => [m, i]));
    return { months, monthOfRow: rows.map((i) => at.get(month[i]!)!) };
  };

  const luton = all((i) => lad[i] === 'Luton' && month[i]! >= '2023-01' && month[i]! <= '2023-12');
  time('Luton, 2023 (12 months), every crime type, 100 m', {
    x,
    y,
    rows: luton,
    ...monthIndex(luton),
    location: locations,
    points,
    areas: wardsOf('E06000032'),
    cellSize: 100,
    bandwidth: null,
    neighbourCells: null,
  });

  const force = all(() => true);
  const forceWards = ['E06000032', 'E06000055', 'E06000056'].flatMap(wardsOf);
  time('Bedfordshire force area, every stored row (32 months), 250 m', {
    x,
    y,
    rows: force,
    ...monthIndex(force),
    location: locations,
    points,
    areas: forceWards,
    cellSize: 250,
    bandwidth: null,
    neighbourCells: null,
  });
}
