import { z } from 'zod';
import type { Geometry } from '../geo/boundaries';
import type { HotspotAnalysis } from './analysis';
import { bngOf } from '../geo/projection';
import { HotspotCell } from './schema';
import type { BngArea } from './grid';
import { TraceRow } from '../evidence/trace';

/** A ward outline in BNG metres, for the map. */
export const WardOutline = z.object({ code: z.string(), name: z.string(), rings: z.array(z.array(z.tuple([z.number(), z.number()]))) });
export type WardOutline = z.infer<typeof WardOutline>;

/** What the Hot spots page shows: every kept cell, the outlines, and the method's parameters. */
export const HotspotResult = z.object({
  area: z.string(),
  crimeTypes: z.array(z.string()),
  /** Months of the period with the area's rows (each a period of the classification), and those without. */
  months: z.array(z.string()),
  gaps: z.array(z.string()),
  cellSize: z.number(),
  cellSizeAuto: z.boolean(),
  bandwidth: z.number(),
  bandwidthAuto: z.boolean(),
  /** Neighbourhood distance in metres and in cells. */
  distance: z.number(),
  neighbourCells: z.number(),
  meanNeighbours: z.number(),
  grid: z.object({ x0: z.number(), y0: z.number(), cols: z.number(), rows: z.number() }),
  cells: z.array(HotspotCell),
  wards: z.array(WardOutline),
  rowsUsed: z.number().int(),
  rowsOutside: z.number().int(),
  rowsNoCoordinates: z.number().int(),
  classified: z.boolean(),
  /** Time the analysis took in the worker (projection excluded: done once per data version). */
  ms: z.number(),
});
export type HotspotResult = z.infer<typeof HotspotResult>;

/** Projects a WGS84 geometry to BNG metres. */
export function projectGeometry(g: Geometry): Geometry {
  const ring = (r: readonly (readonly number[])[]) => r.map(([lon, lat]) => bngOf(lon!, lat!));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

/** Outer rings and holes of each ward, for drawing. */
export function outlinesOf(areas: readonly BngArea[]): WardOutline[] {
  return areas.map((a) => ({
    code: a.code,
    name: a.name,
    rings: (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates).flat().map((r) => r.map(([x, y]) => [x!, y!] as [number, number])),
  }));
}

export function resultOf(a: HotspotAnalysis, extra: Pick<HotspotResult, 'area' | 'crimeTypes' | 'gaps' | 'wards' | 'ms'>): HotspotResult {
  return {
    ...extra,
    months: [...a.months],
    cellSize: a.grid.size,
    cellSizeAuto: a.cellSizeAuto,
    bandwidth: a.bandwidth,
    bandwidthAuto: a.bandwidthAuto,
    distance: a.distance,
    neighbourCells: a.distance / a.grid.size,
    meanNeighbours: a.meanNeighbours,
    grid: { x0: a.grid.x0, y0: a.grid.y0, cols: a.grid.cols, rows: a.grid.rows },
    cells: a.cells,
    rowsUsed: a.rowsUsed,
    rowsOutside: a.rowsOutside,
    rowsNoCoordinates: a.rowsNoCoordinates,
    classified: a.classified,
  };
}

/** A source row of a cell: an evidence trace row with its police.uk Location. */
export const CellTraceRow = TraceRow.extend({ location: z.string() });
export type CellTraceRow = z.infer<typeof CellTraceRow>;

export const CellTrace = z.object({
  cell: HotspotCell,
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(CellTraceRow),
});
export type CellTrace = z.infer<typeof CellTrace>;
