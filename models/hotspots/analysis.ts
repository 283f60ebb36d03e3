import { areaIndex } from '../geo/spatial-index';
import { classifyCell, DEFAULT_CLASSIFY, type ClassifyParams } from './classify';
import { benjaminiHochberg } from '../stats/fdr';
import { commonestByCell, numberPoints, type CodedText, type MapPoints } from './columns';
import { giStar, monthlyHot, neighbours } from './gistar';
import { autoCellSize, cellAt, extentOf, gridOver, type BngArea, type Grid } from './grid';
import { bandwidthNrd, quarticDensity } from './kde';
import type { HotspotCell } from './schema';

export { codeText, numberPoints, type CodedText, type MapPoints } from './columns';

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
  /** police.uk Location text per stored row, as text or numbered once by {@link codeText}. */
  location: ArrayLike<string> | CodedText;
  /** The area to clip the grid to. */
  areas: readonly BngArea[];
  cellSize: number | null;
  bandwidth: number | null;
  /** Each stored row's map point, numbered once per stored-data version by {@link numberPoints}; worked out here when absent. */
  points?: MapPoints;
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
  const located = locatorOf(areas);
  const { index, extent } = located;
  let rowsNoCoordinates = 0;
  let rowsOutside = 0;
  const areaOfRow = new Int32Array(rows.length).fill(-1);
  // police.uk places rows on a limited set of anonymous map points: each distinct point is located once, and the density spreads it once, weighted by its rows.
  const points = input.points ?? numberPoints(x, y);
  const pointOfRow = new Int32Array(rows.length).fill(-1);
  const localOf = new Int32Array(points.count).fill(-1);
  const pointX: number[] = [];
  const pointY: number[] = [];
  const pointArea: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const g = points.id[i]!;
    if (g < 0) {
      rowsNoCoordinates++;
      continue;
    }
    let at = localOf[g]!;
    if (at < 0) {
      at = localOf[g] = pointX.length;
      pointX.push(x[i]!);
      pointY.push(y[i]!);
      pointArea.push(index.locate(x[i]!, y[i]!));
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
  const centres = centresOf(located, grid);
  for (let g = 0; g < centres.length; g++) if (centres[g]! >= 0) keep(g, centres[g]!);
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
  for (let k = 0; k < rows.length; k++) {
    const cell = cellOfRow[k]!;
    if (cell < 0) continue;
    count[cell]!++;
    monthly[input.monthOfRow[k]!]![cell]!++;
  }
  // Each cell's rows, in analysed order, as views of one array (cell i: start[i] to start[i + 1]).
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + count[i]!;
  const memberRows = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let k = 0; k < rows.length; k++) {
    const cell = cellOfRow[k]!;
    if (cell >= 0) memberRows[fill[cell]!++] = rows[k]!;
  }
  const members = Array.from({ length: n }, (_, i) => memberRows.subarray(start[i]!, start[i + 1]!));

  const cells = { cols: grid.cols, rows: grid.rows, col: Int32Array.from(col), row: Int32Array.from(row) };
  const neighbourCells = input.neighbourCells ?? 1.5;
  const distance = neighbourCells * size;
  const nb = neighbours(cells, size, distance);
  const gi = giStar(count, nb);
  const adjusted = benjaminiHochberg(gi.p);

  // Classification: Gi* per month, adjusted over the cells of that month.
  const classified = nMonths >= 2;
  const hotByMonth = classified ? monthly.map((m) => monthlyHot(m, nb, CRITICAL_P)) : [];
  const params = input.classify ?? DEFAULT_CLASSIFY;

  const pw = new Float64Array(pointX.length);
  for (let k = 0; k < rows.length; k++) if (cellOfRow[k]! >= 0) pw[pointOfRow[k]!]!++;
  const bandwidth = input.bandwidth ?? Math.max(size, bandwidthNrd(pointX, pointY, pw) || size);
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
    rowsOfCell: members,
    rowsUsed: inside,
    rowsOutside,
    rowsNoCoordinates,
    classified,
  };
}

interface Located {
  index: ReturnType<typeof areaIndex>;
  extent: [number, number, number, number];
  /** The area holding each grid cell's centre (-1: none), per grid. */
  centres: Map<string, Int32Array>;
}
// The worker keeps one areas array per stored-data version and area, so its index and each grid's cell centres are located once.
const locators = new WeakMap<readonly BngArea[], Located>();
function locatorOf(areas: readonly BngArea[]): Located {
  let l = locators.get(areas);
  if (l === undefined) locators.set(areas, (l = { index: areaIndex(areas.map((a) => a.geometry)), extent: extentOf(areas), centres: new Map() }));
  return l;
}
function centresOf(l: Located, grid: Grid): Int32Array {
  const key = `${grid.x0} ${grid.y0} ${grid.size} ${grid.cols} ${grid.rows}`;
  let c = l.centres.get(key);
  if (c === undefined) {
    c = new Int32Array(grid.cols * grid.rows);
    for (let r = 0; r < grid.rows; r++) for (let col = 0; col < grid.cols; col++) c[r * grid.cols + col] = l.index.locate(grid.x0 + (col + 0.5) * grid.size, grid.y0 + (r + 0.5) * grid.size);
    if (l.centres.size >= 8) l.centres.clear();
    l.centres.set(key, c);
  }
  return c;
}

/** Hottest first: Gi* z descending, then count descending, then id. */
export const byHotness = (a: HotspotCell, b: HotspotCell): number => b.z - a.z || b.count - a.count || a.id.localeCompare(b.id);
