import { LEVEL_LABELS } from '../need/schema';
import type { NeedMatrix } from '../need/matrix';
import { STANDARDISATIONS } from '../need/standardise';
import type { TopAreas } from '../need/top-areas';
import type { ReportInput } from './build';
import { listWords } from '../sensitivity/words';

/**
 * The report's "where" from the community need matrix (as the Community
 * Need page scores it, with its stored settings) and each linked issue's
 * busiest areas.
 *
 * @example whereInput(matrix, { burglary: topAreas(…) }, 5).top.map((t) => t.name) // ['Biscot', 'Dallow', …]
 */
export function whereInput(m: NeedMatrix, byIssue: Readonly<Record<string, TopAreas>>, topN: number, tableRows = 10): NonNullable<ReportInput['where']> {
  const scored = m.areas.filter((a) => a.rank > 0);
  const labels = m.indicators.map((i) => i.label);
  return {
    levelLabel: LEVEL_LABELS[m.level].inText,
    top: scored.slice(0, topN).map((a) => ({ name: a.name, rank: a.rank })),
    method: `${labels.length} ${labels.length === 1 ? 'indicator' : 'indicators'} (${labels.join('; ')}), each standardised as a ${STANDARDISATIONS[m.method].label.toLowerCase()} and combined as Σ weight × standardised ÷ Σ weight`,
    byIssue,
    topTable: scored.slice(0, tableRows).map((a) => ({ rank: a.rank, name: a.name, composite: a.composite, population: a.population })),
  };
}

/**
 * Where need is greatest, for the brief: the top areas in plain words (the
 * scoring method, with its formula, is in Methods and sources).
 *
 * @example needWords(where) // 'Need is greatest in Central, Farley and South (the top 3 wards of the community need matrix; how it is scored: Methods and sources).'
 */
export function needWords(w: NonNullable<ReportInput['where']> | null): string | null {
  if (w === null || w.top.length === 0) return null;
  return `Need is greatest in ${listWords(w.top.map((t) => t.name))} (the top ${w.top.length} ${w.levelLabel} of the community need matrix; how it is scored: Methods and sources).`;
}
