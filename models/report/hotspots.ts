import { byHotness, CRITICAL_P } from '../hotspots/analysis';
import type { HotspotResult } from '../hotspots/result';
import type { HotspotCell } from '../hotspots/schema';
import { formatCount } from '../format';
import { listWords } from '../sensitivity/words';

/** The top priorities' hot spots as the report names them: the hottest significant cells of each linked police.uk issue. */
export interface ReportHotspots {
  /** By evidence issue id, the hottest significant cells (at most `max`), hottest first; [] when none is significant. */
  byIssue: Record<string, HotspotCell[]>;
  /** The method and its parameters, in one line. */
  method: string;
}

/**
 * The hottest significant cells of each issue's hot-spot analysis (as the
 * Hot spots page finds them: Gi* above zero with an adjusted p below 0.05),
 * and the method in one line.
 *
 * @example reportHotspots({ burglary: result }).byIssue.burglary[0].location // 'On or near Park Street'
 */
export function reportHotspots(results: Readonly<Record<string, HotspotResult>>, max = 3): ReportHotspots {
  const byIssue: Record<string, HotspotCell[]> = {};
  for (const [id, r] of Object.entries(results))
    byIssue[id] = r.cells
      .filter((c) => c.z > 0 && c.pAdjusted < CRITICAL_P)
      .sort(byHotness)
      .slice(0, max);
  const all = Object.values(results);
  const sizes = [...new Set(all.map((r) => r.cellSize))].sort((a, b) => a - b);
  const cells = [...new Set(all.map((r) => r.neighbourCells))].sort((a, b) => a - b);
  const months = all[0]?.months ?? [];
  const method =
    all.length === 0
      ? 'No hot spots were worked out (no top priority is linked to police.uk crime).'
      : `Hot spots: each issue’s police.uk rows${months.length === 0 ? '' : ` of the ${months.length} months of the period`} counted on a grid of ${listWords(sizes.map((s) => `${formatCount(s)} m`))} cells over the wards; a cell is a hot spot when it and its neighbours within ${listWords(cells.map((c) => c.toLocaleString('en-GB')))} cells hold more rows than chance would give (Getis-Ord Gi*, false discovery rate below ${CRITICAL_P}), as on the Hot spots page.`;
  return { byIssue, method };
}

/** A cell as the report names it: its police.uk location, ward and rows. @example cellWords(cell) // 'On or near Park Street (South, 42)' */
export const cellWords = (c: HotspotCell): string => `${c.location === '' ? `cell ${c.id}` : c.location} (${c.ward}, ${formatCount(c.count)})`;

/** An issue's hot spots in a table cell. */
export function hotspotRows(h: ReportHotspots | null | undefined, issueId: string | null): string {
  if (h == null || issueId === null) return '—';
  const cells = h.byIssue[issueId];
  if (cells === undefined) return '—';
  return cells.length === 0 ? 'no significant hot spot' : cells.map(cellWords).join('; ');
}
