import { areaIndex } from '../need/spatial-index';
import { classifyCell, DEFAULT_CLASSIFY, type ClassifyParams } from './classify';
import { benjaminiHochberg, bhBelow } from './fdr';
import { giStar, neighbours } from './gistar';
import { autoCellSize, cellAt, extentOf, gridOver, type BngArea, type Grid } from './grid';
import { bandwidthNrd, quarticDensity } from './kde';
import type { HotspotCell } from './schema';

/** Adjusted p-values below this are significant. */
export const CRITICAL_P = 0.05;

export interface HotspotInput {
  /** BNG easting and northing of every stored row (NaN without coordinates). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** The rows to analyse (indexes into x, y…). */
  rows: ArrayLike<number>;
  /** Per analysed row (same order as `rows`): its month's index in `months`. */
  monthOfRow: ArrayLike<number>;
  /** The months of the period that have data, oldest first. */
  months: readonly string[];
  /** police.uk Location text per stored row. */
  location: ArrayLike<string>;
  /** The area to clip the grid to. */
  areas: readonly BngArea[];
  cellSize: number | null;
  bandwidth: number | null;
  /** Neighbourhood distance in cells; null: 1.5 (√2 as sfhotspot, the 8 touching cells). */
  neighbourCells: number | null;
  classify?: ClassifyParams;
}

export interface HotspotAnalysis {
  grid: Grid;
  cellSizeAuto: boolean;
  bandwidth: number;
  bandwidthAuto: boolean;
  /** Neighbourhood distance in metres. */
  distance: number;
  /** Mean number of cells in a neighbourhood (the cell included). */
  meanNeighbours: number;
  months: readonly string[];
  cells: HotspotCell[];
  /** Per kept cell, the analysed rows in it (stored-row indexes). */
  rowsOfCell: Int32Array[];
  rowsUsed: number;
  /** Rows outside every area (not forced in). */
  rowsOutside: number;
  rowsNoCoordinates: number;
  /** Whether the classification over time ran (it needs at least two months). */
  classified: boolean;
}

/**
 * Hot spots of one set of rows: counts on a regular grid clipped to the
 * areas, quartic kernel density, Getis-Ord Gi* with a Benjamini-Hochberg
 * adjustment over the cells, and each cell's class over the months.
 *
 * A cell is kept when its centre lies in an area, or when an analysed row
 * inside an area falls in it (so edge cells keep their rows); its ward is the
 * area holding its centre, else the area of most of its rows.
 *
 * @example analyseHotspots({ x, y, rows, monthOfRow, months, location, areas: wards, cellSize: 100, bandwidth: null, neighbourCells: null }).cells
 */
export function analyseHotspots(input: HotspotInput): HotspotAnalysis {
  const { x, y, rows, areas, months } = input;
  const index = areaIndex(areas.map((a) => a.geometry));
  const extent = extentOf(areas);
  let rowsNoCoordinates = 0;
  let rowsOutside = 0;
  const areaOfRow = new Int32Array(rows.length).fill(-1);
  // police.uk places rows on a limited set of anonymous map points: each distinct point is located once, and the density spreads it once, weighted by its rows.
  const pointOfRow = new Int32Array(rows.length).fill(-1);
  const pointIndex = new Map<number, Map<number, number>>();
  const pointX: number[] = [];
  const pointY: number[] = [];
  const pointArea: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) {
      rowsNoCoordinates++;
      continue;
    }
    let byY = pointIndex.get(xi);
    if (byY === undefined) pointIndex.set(xi, (byY = new Map()));
    let at = byY.get(yi);
    if (at === undefined) {
      at = pointX.length;
      byY.set(yi, at);
      pointX.push(xi);
      pointY.push(yi);
      pointArea.push(index.locate(xi, yi));
    }
    pointOfRow[k] = at;
    if ((areaOfRow[k] = pointArea[at]!) < 0) rowsOutside++;
  }
  const inside = rows.length - rowsNoCoordinates - rowsOutside;
  const size = input.cellSize ?? autoCellSize(extent, inside);
  const grid = gridOver(extent, size);

  // Cells kept: centre in an area, or holding a row that is in one.
  const keptAt = new Int32Array(grid.cols * grid.rows).fill(-1);
  const wardOf: number[] = [];
  const col: number[] = [];
  const row: number[] = [];
  const keep = (g: number, ward: number) => {
    keptAt[g] = wardOf.length;
    wardOf.push(ward);
    col.push(g % grid.cols);
    row.push(Math.floor(g / grid.cols));
  };
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const ward = index.locate(grid.x0 + (c + 0.5) * size, grid.y0 + (r + 0.5) * size);
      if (ward >= 0) keep(r * grid.cols + c, ward);
    }
  }
  const cellOfRow = new Int32Array(rows.length).fill(-1);
  const edgeVotes = new Map<number, Map<number, number>>();
  for (let k = 0; k < rows.length; k++) {
    if (areaOfRow[k]! < 0) continue;
    const g = cellAt(grid, x[rows[k]!]!, y[rows[k]!]!);
    if (g < 0) continue;
    if (keptAt[g]! < 0) keep(g, -1);
    const cell = keptAt[g]!;
    cellOfRow[k] = cell;
    if (wardOf[cell] === -1) {
      const votes = edgeVotes.get(cell) ?? new Map<number, number>();
      votes.set(areaOfRow[k]!, (votes.get(areaOfRow[k]!) ?? 0) + 1);
      edgeVotes.set(cell, votes);
    }
  }
  for (const [cell, votes] of edgeVotes) wardOf[cell] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];

  const n = wardOf.length;
  const nMonths = months.length;
  const count = new Float64Array(n);
  const monthly = Array.from({ length: nMonths }, () => new Float64Array(n));
  const members: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < rows.length; k++) {
    const cell = cellOfRow[k]!;
    if (cell < 0) continue;
    count[cell]!++;
    monthly[input.monthOfRow[k]!]![cell]!++;
    members[cell]!.push(rows[k]!);
  }

  const cells = { cols: grid.cols, rows: grid.rows, col: Int32Array.from(col), row: Int32Array.from(row) };
  const neighbourCells = input.neighbourCells ?? 1.5;
  const distance = neighbourCells * size;
  const nb = neighbours(cells, size, distance);
  const gi = giStar(count, nb);
  const adjusted = benjaminiHochberg(gi.p);

  // Classification: Gi* per month, adjusted over the cells of that month.
  const classified = nMonths >= 2;
  const hotByMonth = classified ? monthly.map((m) => giStar(m, nb)).map((g) => ({ z: g.z, significant: bhBelow(g.p, CRITICAL_P) })) : [];
  const params = input.classify ?? DEFAULT_CLASSIFY;

  const px = new Float64Array(inside);
  const py = new Float64Array(inside);
  const pw = new Float64Array(pointX.length);
  let used = 0;
  for (let k = 0; k < rows.length; k++) {
    if (cellOfRow[k]! < 0) continue;
    const at = pointOfRow[k]!;
    px[used] = pointX[at]!;
    py[used++] = pointY[at]!;
    pw[at]!++;
  }
  const bandwidth = input.bandwidth ?? Math.max(size, bandwidthNrd(px.subarray(0, used), py.subarray(0, used)) || size);
  const density = quarticDensity({ ...grid, keptAt, n }, pointX, pointY, bandwidth, pw);

  const hotSeries = new Array<boolean>(nMonths);
  const zSeries = new Array<number>(nMonths);
  const classifyOne = (i: number) => {
    let any = false;
    for (let t = 0; t < nMonths; t++) {
      zSeries[t] = hotByMonth[t]!.z[i]!;
      hotSeries[t] = zSeries[t]! > 0 && hotByMonth[t]!.significant[i] === 1;
      any ||= hotSeries[t]!;
    }
    // A cell never hot in any month has no pattern whatever the rules' shares.
    return any ? classifyCell(hotSeries, zSeries, params) : 'none';
  };
  const topLocation = commonestByCell(members, input.location);
  const out: HotspotCell[] = new Array(n);
  let neighbourTotal = 0;
  for (let i = 0; i < n; i++) {
    neighbourTotal += nb[i]!.length;
    const cx = grid.x0 + col[i]! * size;
    const cy = grid.y0 + row[i]! * size;
    const top = topLocation[i]!;
    out[i] = {
      id: `E${Math.round(cx)} N${Math.round(cy)}`,
      x: cx,
      y: cy,
      ward: areas[wardOf[i]!]?.name ?? '',
      count: count[i]!,
      density: density[i]!,
      z: gi.z[i]!,
      p: gi.p[i]!,
      pAdjusted: adjusted[i]!,
      classification: classified ? classifyOne(i) : null,
      location: top.text,
      locationCount: top.count,
    };
  }
  return {
    grid,
    cellSizeAuto: input.cellSize === null,
    bandwidth,
    bandwidthAuto: input.bandwidth === null,
    distance,
    meanNeighbours: n === 0 ? 0 : neighbourTotal / n,
    months,
    cells: out,
    rowsOfCell: members.map((m) => Int32Array.from(m)),
    rowsUsed: inside,
    rowsOutside,
    rowsNoCoordinates,
    classified,
  };
}

/**
 * Each cell's most frequent text among its rows (ties: first alphabetically):
 * one pass over every row with a numeric key per (cell, text), rather than a
 * map per cell.
 */
function commonestByCell(members: readonly number[][], text: ArrayLike<string>): { text: string; count: number }[] {
  const codeOf = new Map<string, number>();
  const texts: string[] = [];
  const tally = new Map<number, number>();
  members.forEach((rows, cell) => {
    for (const i of rows) {
      const t = text[i]!;
      if (t === '') continue;
      let code = codeOf.get(t);
      if (code === undefined) {
        code = texts.length;
        codeOf.set(t, code);
        texts.push(t);
      }
      const key = cell * 4_194_304 + code;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
  });
  const best = members.map(() => ({ text: '', count: 0 }));
  for (const [key, count] of tally) {
    const cell = Math.floor(key / 4_194_304);
    const t = texts[key - cell * 4_194_304]!;
    const b = best[cell]!;
    if (count > b.count || (count === b.count && t < b.text)) best[cell] = { text: t, count };
  }
  return best;
}

/** Hottest first: Gi* z descending, then count descending, then id. */
export const byHotness = (a: HotspotCell, b: HotspotCell): number => b.z - a.z || b.count - a.count || a.id.localeCompare(b.id);
