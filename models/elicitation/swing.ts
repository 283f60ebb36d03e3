/**
 * Swing weighting: the swing from worst to best on the most important
 * criterion is worth 100 points; every other criterion's swing is rated
 * against it (0 to 100). Weights are the points over their total.
 *
 * @example swingWeights([['harm', 100], ['cost', 50]]) // Map { 'harm' => 0.6667, 'cost' => 0.3333 }
 */
export function swingWeights(points: readonly (readonly [string, number])[]): Map<string, number> {
  const ids = new Set<string>();
  for (const [id, p] of points) {
    if (ids.has(id)) throw new Error(`criterion "${id}" is rated twice`);
    ids.add(id);
    if (!Number.isFinite(p) || p < 0 || p > 100) throw new Error(`a swing is rated from 0 to 100, not ${p}`);
  }
  if (!points.some(([, p]) => p === 100)) throw new Error('the most important swing must be rated 100');
  const total = points.reduce((t, [, p]) => t + p, 0);
  return new Map(points.map(([id, p]) => [id, p / total]));
}
