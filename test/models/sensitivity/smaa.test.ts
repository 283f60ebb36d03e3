import { describe, expect, it } from 'vitest';
import { RiskModel, type ScoreGrid } from '../../../models/risk-matrix/schema';
import { rank } from '../../../models/risk-matrix/score';
import { dominators } from '../../../models/sensitivity/inverse';
import { linearProblem, type Assessment } from '../../../models/sensitivity/problem';
import { Random } from '../../../models/stats/random';
import { BLOCK_SIZE, mergeSmaaCounts, runSmaa, SmaaRun, smaaResult, type SmaaOptionsInput } from '../../../models/sensitivity/smaa';
import { pairwiseShares, rankAcceptability, topNShare } from '../../../models/sensitivity/summary';
import { toyAssessment } from '../../fixtures/toy-assessment';
import { seedAssessment } from '../../fixtures/seed-matrix';

const smaa = (a: Assessment, o: SmaaOptionsInput = {}) => runSmaa(linearProblem(a), o);
/** |estimate − exact| within 5 standard errors of a share from n independent samples. */
const near = (estimate: number, exact: number, n: number) => expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(5 * Math.sqrt((exact * (1 - exact)) / n) + 1e-12);

describe('SMAA: closed-form cases', () => {
  it('two issues, two criteria, A = (1, 0), B = (0, 1): each first half the time', () => {
    const r = smaa(
      toyAssessment([
        [1, 0],
        [0, 1],
      ]),
      { samples: 100_000 },
    );
    near(rankAcceptability(r)[0]![0]!, 0.5, 100_000);
    expect(r.rankCounts[0]![0]! + r.rankCounts[1]![0]!).toBe(100_000); // a tie has probability 0
    expect(r.above[0]![1]! + r.above[1]![0]!).toBe(100_000);
    expect(r.rankCounts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([100_000, 100_000]);
  });

  it('A = (2, 0), B = (0, 1): A first when 2w₁ > 1 − w₁, that is w₁ > ⅓, so ⅔ of the time', () => {
    const r = smaa(
      toyAssessment([
        [2, 0],
        [0, 1],
      ]),
      { samples: 100_000 },
    );
    near(rankAcceptability(r)[0]![0]!, 2 / 3, 100_000);
    near(pairwiseShares(r)[0]![1]!, 2 / 3, 100_000);
  });

  it('three criteria, A = (2, 0, 0), B = (1, 1, 1): A first when w₁ > ½, so (1 − ½)² = ¼ of the time', () => {
    const r = smaa(
      toyAssessment([
        [2, 0, 0],
        [1, 1, 1],
      ]),
      { samples: 100_000 },
    );
    near(rankAcceptability(r)[0]![0]!, 0.25, 100_000);
  });

  it('with the order w₁ ≥ w₂ stated, A = (1, 0) is always first (sampled exactly by sorting)', () => {
    const r = smaa(
      toyAssessment([
        [1, 0],
        [0, 1],
      ]),
      { samples: 20_000, constraints: { order: ['c0', 'c1'] } },
    );
    expect(r.sampler).toBe('ordered-simplex');
    expect(r.rankCounts[0]![0]).toBe(20_000);
    expect(r.above[1]![0]).toBe(0);
  });

  it('with w₂ ≥ w₁, A = (2, 0) is first when w₁ ∈ (⅓, ½]: ⅓ of the time, exactly or by hit-and-run', () => {
    const exact = smaa(
      toyAssessment([
        [2, 0],
        [0, 1],
      ]),
      { samples: 100_000, constraints: { order: ['c1', 'c0'] } },
    );
    near(rankAcceptability(exact)[0]![0]!, 1 / 3, 100_000);
    const har = smaa(
      toyAssessment([
        [2, 0],
        [0, 1],
      ]),
      { samples: 50_000, constraints: { atLeast: [['c1', 'c0']] } },
    );
    expect(har.sampler).toBe('hit-and-run');
    // Hit-and-run samples are correlated, so allow more than for independent ones.
    expect(Math.abs(rankAcceptability(har)[0]![0]! - 1 / 3)).toBeLessThan(0.02);
  });

  it('with w₁ between 20% and 60%, A = (2, 0) is first when w₁ > ⅓: (0.6 − ⅓)/0.4 = ⅔ of the time', () => {
    const r = smaa(
      toyAssessment([
        [2, 0],
        [0, 1],
      ]),
      { samples: 50_000, constraints: { shareBounds: { c0: { min: 0.2, max: 0.6 } } } },
    );
    expect(Math.abs(rankAcceptability(r)[0]![0]! - 2 / 3)).toBeLessThan(0.02);
  });
});

describe('SMAA: score uncertainty and ties', () => {
  it('a Medium 3 against a High 3 is above a third, level a third, below a third; level counts as shared first', () => {
    const r = smaa(toyAssessment([[3], [3]], { confidence: [['Medium'], ['High']] }), { samples: 90_000 });
    expect(r.uncertainCells).toBe(1);
    const pw = pairwiseShares(r);
    near(pw[0]![1]!, 1 / 3, 90_000);
    near(pw[1]![0]!, 1 / 3, 90_000);
    // Shared ranks: both are first whenever level, so each is first ⅔ of the time.
    near(rankAcceptability(r)[0]![0]!, 2 / 3, 90_000);
    near(rankAcceptability(r)[1]![0]!, 2 / 3, 90_000);
    expect(r.rankCounts[0]![0]! + r.rankCounts[1]![0]!).toBe(90_000 + (90_000 - r.above[0]![1]! - r.above[1]![0]!));
  });

  it('keeps a Low 5 on a 0-5 scale to the levels that exist: 3, 4 or 5 a third each', () => {
    // Against a fixed 4: above (5) ⅓, level (4) ⅓, below (3) ⅓.
    const r = smaa(toyAssessment([[5], [4]], { confidence: [['Low'], [undefined]] }), { samples: 90_000 });
    near(pairwiseShares(r)[0]![1]!, 1 / 3, 90_000);
    near(pairwiseShares(r)[1]![0]!, 1 / 3, 90_000);
  });

  it('leaves scores as given when the spread is switched off, or for High confidence', () => {
    const a = toyAssessment([[3], [3]], { confidence: [['Low'], ['High']] });
    expect(smaa(a, { samples: 1000, scoreSpread: null }).uncertainCells).toBe(0);
    expect(smaa(a, { samples: 1000, scoreSpread: { Low: 0 } }).uncertainCells).toBe(0);
    const r = smaa(a, { samples: 1000, scoreSpread: null });
    expect(r.rankCounts[0]![0]).toBe(1000); // always level, so always shared first
  });
});

describe('SMAA: dominance', () => {
  it('never ranks an issue above one that scores at least as high on every criterion', () => {
    const rng = new Random(42);
    const rows = Array.from({ length: 14 }, () => Array.from({ length: 6 }, () => rng.int(0, 6)));
    rows.push(rows[0]!.map((v) => Math.max(0, v - 1))); // certainly dominated by issue 0
    const a = toyAssessment(rows);
    const p = linearProblem(a);
    const pairs = rows.flatMap((_, i) => dominators(p, i).map((k) => [k, i] as const));
    expect(pairs.length).toBeGreaterThan(0);
    for (const options of [{}, { constraints: { order: ['c2', 'c0', 'c5'] } }, { constraints: { atLeast: [['c1', 'c3']] as [string, string][], shareBounds: { c4: { max: 0.1 } } } }]) {
      const r = runSmaa(p, { samples: 20_000, ...options });
      for (const [k, i] of pairs) expect(r.above[i]![k]).toBe(0);
    }
  });
});

describe('SMAA: reproducibility', () => {
  const p = linearProblem(
    toyAssessment(
      [
        [1, 4, 2],
        [3, 1, 2],
        [2, 2, 3],
        [4, 0, 1],
      ],
      { confidence: [['Low', 'Medium', undefined], [], [], []] },
    ),
  );

  it('gives identical results for the same seed and different ones for another', () => {
    expect(runSmaa(p, { samples: 25_000, seed: 1234 })).toEqual(runSmaa(p, { samples: 25_000, seed: 1234 }));
    expect(runSmaa(p, { samples: 25_000, seed: 1234 }).rankCounts).not.toEqual(runSmaa(p, { samples: 25_000, seed: 1235 }).rankCounts);
  });

  it('does not depend on how the run is stepped or split between workers', () => {
    const whole = runSmaa(p, { samples: 3 * BLOCK_SIZE + 123, seed: 9 });
    const stepped = new SmaaRun(p, { samples: 3 * BLOCK_SIZE + 123, seed: 9 });
    while (!stepped.done) stepped.step(777);
    expect(stepped.result()).toEqual(whole);
    const options = { samples: 3 * BLOCK_SIZE + 123, seed: 9 };
    const a = new SmaaRun(p, options, { from: 0, to: 2 });
    const b = new SmaaRun(p, options, { from: 2, to: 4 });
    while (!a.done) a.step(5000);
    while (!b.done) b.step(5000);
    expect(smaaResult(p, a.options, mergeSmaaCounts([a.counts, b.counts]), { sampler: a.sampler, hitAndRun: a.hitAndRun, uncertainCells: a.uncertain })).toEqual(whole);
  });

  it('uses seed 1234 and 10,000 samples unless told otherwise', () => {
    const r = runSmaa(p);
    expect([r.seed, r.samples, r.requested]).toEqual([1234, 10_000, 10_000]);
  });
});

describe('SMAA: agreement with rank()', () => {
  const scale = { min: 1, max: 5, levels: [{ value: 1, label: 'Low' }] };
  const criteria = ['a', 'b', 'c', 'l'].map((id, j) => ({ id, label: id, description: '', group: id === 'l' ? 'Likelihood' : 'Harm', scale, weight: j + 1 }));
  const rng = new Random(8);
  const issues = Array.from({ length: 9 }, (_, i) => ({ id: `x${i}`, label: `X${i}` }));
  const scores: ScoreGrid = Object.fromEntries(issues.map((x) => [x.id, Object.fromEntries(criteria.map((c) => [c.id, { value: rng.int(1, 5) }]))]));
  for (const aggregation of [{ kind: 'weighted-sum' }, { kind: 'normalised-average' }, { kind: 'harm-x-likelihood', likelihood: 'l' }] as const) {
    it(`ranks each sample as rank() would with its weights (${aggregation.kind})`, () => {
      const model = RiskModel.parse({ id: 'm', name: 'm', criteria, aggregation });
      const p = linearProblem({ model, issues, scores });
      for (let seed = 1; seed <= 25; seed++) {
        // One sample: the leader's central weights are that sample's weights.
        const r = runSmaa(p, { samples: 1, seed });
        const leader = r.rankCounts.findIndex((row) => row[0] === 1);
        const weights = Object.fromEntries(r.criterionIds.map((id, j) => [id, r.centralWeights[leader]![j]!]));
        const expected = rank(model, issues, scores, weights);
        for (const e of expected) expect(r.rankCounts[issues.findIndex((x) => x.id === e.issueId)]![e.rank - 1]).toBe(1);
      }
    });
  }
});

describe('SMAA: size', () => {
  it('has no cap on criteria: 60 criteria, each issue best on one of them, each first about 1 time in 60 (by symmetry)', () => {
    const rows = Array.from({ length: 60 }, (_, i) => Array.from({ length: 60 }, (_, j) => (i === j ? 5 : 0)));
    const r = smaa(toyAssessment(rows), { samples: 60_000 });
    expect(r.criterionIds).toHaveLength(60);
    for (const row of rankAcceptability(r)) near(row[0]!, 1 / 60, 60_000);
  });
});

describe('SMAA on the seed matrix', () => {
  it('sums each issue’s shares to 1 and puts the top-N share between first place and 1', () => {
    const r = runSmaa(linearProblem(seedAssessment), { samples: 20_000 });
    const acc = rankAcceptability(r);
    for (const row of acc) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const top5 = topNShare(r, 5);
    acc.forEach((row, i) => expect(top5[i]!).toBeGreaterThanOrEqual(row[0]!));
    // Central weights are share vectors (summed in units of 2^-28, so to within about 1e-8).
    for (const cw of r.centralWeights) if (cw) expect(cw.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 7);
  });
});
