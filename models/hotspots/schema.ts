import { z } from 'zod';
import { PeriodChoice } from '../evidence/period';

export const CELL_SIZE = { min: 50, max: 500 } as const;
export const BANDWIDTH = { min: 50, max: 5000 } as const;

const metres = (what: string, min: number, max: number) =>
  z.number({ error: `${what} must be a number of metres` }).refine((v) => Number.isFinite(v) && v >= min && v <= max, {
    error: (i) => `${what} must be between ${min} m and ${max.toLocaleString('en-GB')} m; ${Number(i.input).toLocaleString('en-GB')} m was given`,
  });

/** The analyst's choices for a hot-spot analysis (null: chosen automatically). */
export const HotspotSettings = z
  .object({
    issueId: z.string().min(1),
    period: PeriodChoice,
    /** Side of a grid cell in metres. */
    cellSize: metres('The cell size', CELL_SIZE.min, CELL_SIZE.max).nullable(),
    /** Kernel density bandwidth in metres. */
    bandwidth: metres('The bandwidth', BANDWIDTH.min, BANDWIDTH.max).nullable(),
    /** Neighbourhood distance for Gi*, in cells (centre to centre): 1.5 takes the 8 touching cells. */
    neighbourCells: z
      .number({ error: 'The neighbourhood must be a number of cells' })
      .refine((v) => Number.isFinite(v) && v >= 1 && v <= 10, { error: (i) => `The neighbourhood must be between 1 and 10 cells; ${String(i.input)} was given` })
      .nullable(),
  })
  .strict();
export type HotspotSettings = z.infer<typeof HotspotSettings>;

export const DEFAULT_HOTSPOT_SETTINGS: HotspotSettings = {
  issueId: 'shoplifting',
  period: { end: null, months: 12 },
  cellSize: null,
  bandwidth: null,
  neighbourCells: null,
};

/** One cell of the result. Cell ids are the easting and northing of the cell's south-west corner. */
export const HotspotCell = z.object({
  id: z.string(),
  /** South-west corner, BNG metres. */
  x: z.number(),
  y: z.number(),
  ward: z.string(),
  count: z.number().int(),
  /** Quartic kernel density, points per km². */
  density: z.number(),
  z: z.number(),
  p: z.number(),
  /** Benjamini-Hochberg adjusted p-value. */
  pAdjusted: z.number(),
  classification: z.enum(['intensifying', 'persistent', 'diminishing', 'emerging', 'former', 'intermittent', 'none']).nullable(),
  /** The most common police.uk Location text of the cell's rows ('' when it has none). */
  location: z.string(),
  /** How many of the cell's rows carry that text. */
  locationCount: z.number().int(),
});
export type HotspotCell = z.infer<typeof HotspotCell>;
