import type { RankedIssue } from './score';

/** How an issue's rank changed against a baseline ranking. */
export type Movement =
  | { kind: 'up' | 'down'; places: number }
  | { kind: 'same' }
  /** Not in the baseline ranking at all. */
  | { kind: 'new' };

/**
 * Each issue's movement between two rankings, by competition rank (so issues
 * reordered inside a tie have not moved).
 *
 * @example movements(rank(m, issues, scores), rank(m, issues, scores, { community_priority: 3 })).get('asb-personal') // { kind: 'up', places: 1 }
 */
export function movements(baseline: readonly RankedIssue[], current: readonly RankedIssue[]): Map<string, Movement> {
  const before = new Map(baseline.map((r) => [r.issueId, r.rank]));
  return new Map(
    current.map((r): [string, Movement] => {
      const was = before.get(r.issueId);
      if (was === undefined) return [r.issueId, { kind: 'new' }];
      if (was === r.rank) return [r.issueId, { kind: 'same' }];
      return [r.issueId, was > r.rank ? { kind: 'up', places: was - r.rank } : { kind: 'down', places: r.rank - was }];
    }),
  );
}

/**
 * A movement as a symbol to show and words to read out.
 *
 * @example movementText({ kind: 'up', places: 2 }) // { symbol: '▲2', words: 'up 2 places' }
 */
export function movementText(m: Movement): { symbol: string; words: string } {
  switch (m.kind) {
    case 'up':
      return { symbol: `▲${m.places}`, words: `up ${m.places} ${m.places === 1 ? 'place' : 'places'}` };
    case 'down':
      return { symbol: `▼${m.places}`, words: `down ${m.places} ${m.places === 1 ? 'place' : 'places'}` };
    case 'same':
      return { symbol: '=', words: 'no change' };
    case 'new':
      return { symbol: 'new', words: 'not in the baseline' };
  }
}

/**
 * The issues a top-N cut line splits: when the Nth and (N+1)th issues are
 * tied, which side of the line each lands on is only the tie-break order, and
 * the board should know.
 *
 * @example cutLineTie(ranked, 4) // { rankLabel: '=4', total: 31, issues: ['ASB (Nuisance)', 'Burglary Dwelling'] }
 */
export function cutLineTie(ranked: readonly RankedIssue[], n: number): { rankLabel: string; total: number; issues: string[] } | undefined {
  if (n <= 0 || n >= ranked.length) return undefined;
  const last = ranked[n - 1]!;
  if (ranked[n]!.rank !== last.rank) return undefined;
  return { rankLabel: last.rankLabel, total: last.total, issues: ranked.filter((r) => r.rank === last.rank).map((r) => r.label) };
}
