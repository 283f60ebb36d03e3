import { describe, expect, it } from 'vitest';
import { rank, totals } from '../../../models/risk-matrix/score';
import { RiskModel, type Issue, type ScoreGrid } from '../../../models/risk-matrix/schema';
import { SEED_ROWS, seedIssues, seedModel, seedScores } from '../../fixtures/seed-matrix';

const model = seedModel;
const rows = SEED_ROWS;
const issues = seedIssues;
const scores = seedScores;

describe('rank', () => {
  it('reproduces the 2014 Central Bedfordshire totals and published order', () => {
    const ranked = rank(model, issues, scores);
    expect(ranked.map((r) => [r.label, r.total])).toEqual(rows.map((r) => [r[0], Number(r.at(-1))]));
    expect(ranked.slice(0, 7).map((r) => r.rankLabel)).toEqual(['1', '=2', '=2', '=4', '=4', '6', '=7']);
  });

  it('puts ASB (Personal) first with 42 when Community Priority weighs 3', () => {
    const ranked = rank(model, issues, scores, { community_priority: 3 });
    expect([ranked[0]!.label, ranked[0]!.total]).toEqual(['ASB (Personal)', 42]);
  });

  it('keeps tied issues in assessment order whatever their labels', () => {
    const reversed = [...issues].reverse();
    const ranked = rank(model, reversed, scores);
    const at32 = ranked.filter((r) => r.total === 32).map((r) => r.label);
    expect(at32).toEqual(['Terrorism', 'ASB (Personal)']);
  });
});

describe('totals', () => {
  const two = RiskModel.parse({
    id: 'm',
    name: 'm',
    criteria: [
      { id: 'harm', label: 'Harm', description: '', group: 'Harm', scale: { min: 1, max: 4, levels: [{ value: 1, label: 'Low' }] }, weight: 2 },
      { id: 'likely', label: 'Likelihood', description: '', group: 'Likelihood', scale: { min: 1, max: 4, levels: [{ value: 1, label: 'Rare' }] }, weight: 1 },
      { id: 'capacity', label: 'Capacity', description: '', group: 'Capacity', scale: { min: 0, max: 5, levels: [{ value: 0, label: 'None' }] }, weight: 1 },
    ],
    aggregation: { kind: 'harm-x-likelihood', likelihood: 'likely' },
  });
  const grid: ScoreGrid = { a: { harm: { value: 3 }, likely: { value: 4 }, capacity: { value: 5 } }, b: { harm: { value: null } } };
  const ab: Issue[] = [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ];

  it('multiplies weighted harm by likelihood and leaves capacity out', () => {
    const [a, b] = totals(two, ab, grid);
    expect(a).toEqual({ total: 24, contributions: { harm: 24, likely: 0, capacity: 0 }, unscored: [] });
    expect(b!.total).toBe(2); // unscored counts as the scale minimum: 2 × 1 × 1
    expect(b!.unscored).toEqual(['harm', 'likely']);
  });

  it('normalises a weighted average onto 0-100', () => {
    const avg = { ...two, aggregation: { kind: 'normalised-average' as const } };
    // harm (3-1)/3 weight 2, likely (4-1)/3 weight 1: (2×2/3 + 1×1)/3 × 100
    expect(totals(avg, ab, grid)[0]!.total).toBeCloseTo(((2 * (2 / 3) + 1) / 3) * 100, 10);
  });
});
