import * as Plot from '@observablehq/plot';
import { formatCount, formatP } from '../../models/format';
import { HOTSPOT_CLASSES } from '../../models/hotspots/classify';
import type { HotspotResult } from '../../models/hotspots/result';
import type { HotspotCell } from '../../models/hotspots/schema';

/** What the cells are coloured by. */
export const MAP_LAYERS = {
  gistar: 'Gi* hot and cold spots (adjusted p)',
  classification: 'Hot spots over time (classification)',
  density: 'Kernel density (per km²)',
  count: 'Count per cell',
} as const;
export type MapLayerId = keyof typeof MAP_LAYERS;

/** Gi* bands of a cell, hottest first. */
export const GI_BANDS = ['Hot spot (p < 0.01)', 'Hot spot (p < 0.05)', 'Not significant', 'Cold spot (p < 0.05)', 'Cold spot (p < 0.01)'] as const;

export function giBand(c: Pick<HotspotCell, 'z' | 'pAdjusted'>): (typeof GI_BANDS)[number] {
  if (c.pAdjusted >= 0.05) return GI_BANDS[2];
  if (c.z > 0) return c.pAdjusted < 0.01 ? GI_BANDS[0] : GI_BANDS[1];
  return c.pAdjusted < 0.01 ? GI_BANDS[4] : GI_BANDS[3];
}

/** The words of a cell's tip and accessible name. */
export function describeCell(c: HotspotCell): string {
  return [
    `Cell ${c.id} (${c.ward || 'no ward'})`,
    c.location === '' ? 'No location text' : `${c.location} (${formatCount(c.locationCount)} of ${formatCount(c.count)})`,
    `Count: ${formatCount(c.count)}`,
    `Gi* z: ${c.z.toFixed(2)}, adjusted p: ${formatP(c.pAdjusted)}`,
    `Density: ${c.density.toFixed(1)} per km²`,
    c.classification === null ? '' : `Over time: ${HOTSPOT_CLASSES[c.classification]}`,
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/**
 * Grid cells over ward outlines in British National Grid metres (one metre
 * across is one metre up), coloured by the chosen layer, with a legend and a
 * tip per cell. Cells that are empty and not significant are left out so the
 * wards show through.
 *
 * @example <csp-plot .options=${hotspotMap(result, 'gistar')}></csp-plot>
 */
export function hotspotMap(r: HotspotResult, layer: MapLayerId): Plot.PlotOptions {
  const size = r.cellSize;
  const shown = r.cells.filter(
    (c) =>
      c.count > 0 || (layer === 'gistar' && c.pAdjusted < 0.05) || (layer === 'density' && c.density > 0) || (layer === 'classification' && c.classification !== 'none' && c.classification !== null),
  );
  const lines = r.wards.flatMap((w, wi) => w.rings.flatMap((ring, ri) => ring.map(([x, y]) => ({ x, y, ring: `${wi}-${ri}` }))));
  const cellMarks = { x1: (c: HotspotCell) => c.x, x2: (c: HotspotCell) => c.x + size, y1: (c: HotspotCell) => c.y, y2: (c: HotspotCell) => c.y + size };
  const color: Plot.ScaleOptions =
    layer === 'gistar'
      ? { type: 'ordinal', domain: [...GI_BANDS], range: ['#b2182b', '#ef8a62', '#eeeeee', '#67a9cf', '#2166ac'], legend: true, label: 'Gi*' }
      : layer === 'classification'
        ? {
            type: 'ordinal',
            domain: Object.values(HOTSPOT_CLASSES),
            range: ['#67001f', '#b2182b', '#f4a582', '#d6604d', '#92c5de', '#fddbc7', '#eeeeee'],
            legend: true,
            label: 'Over time',
          }
        : { type: 'sqrt', scheme: 'YlOrRd', legend: true, label: MAP_LAYERS[layer] };
  const fill = (c: HotspotCell) => (layer === 'gistar' ? giBand(c) : layer === 'classification' ? HOTSPOT_CLASSES[c.classification ?? 'none'] : layer === 'density' ? c.density : c.count);
  const w = r.grid.cols * size;
  const h = r.grid.rows * size;
  return {
    width: 680,
    aspectRatio: 1,
    margin: 4,
    ariaLabel: `Map of hot spots: ${MAP_LAYERS[layer]}`,
    x: { axis: null, domain: [r.grid.x0, r.grid.x0 + w] },
    y: { axis: null, domain: [r.grid.y0, r.grid.y0 + h] },
    color,
    marks: [Plot.rect(shown, { ...cellMarks, fill, title: describeCell, tip: true }), Plot.line(lines, { x: 'x', y: 'y', z: 'ring', stroke: '#333', strokeWidth: 0.8, ariaHidden: 'true' })],
  };
}
