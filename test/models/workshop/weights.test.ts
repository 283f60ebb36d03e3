import { describe, expect, it } from 'vitest';
import { weightedCriteria } from '../../../models/risk-matrix/explain';
import { linearProblem } from '../../../models/sensitivity/problem';
import { runSmaa } from '../../../models/sensitivity/smaa';
import { smaaBasisWords } from '../../../models/sensitivity/smaa-words';
import { Random } from '../../../models/stats/random';
import { resolveConstraints } from '../../../models/sensitivity/constraints';
import { boundsStart, defaultHitAndRun, hitAndRunSampler } from '../../../models/sensitivity/weight-sampler';
import { combineShares, partnerBounds, readWeightsSheet, sharesOf, type PartnerWeights } from '../../../models/workshop/weights';
import { seedAssessment } from '../../fixtures/seed-matrix';

const a = seedAssessment;
const ids = weightedCriteria(a.model).map((c) => c.id);

/** A weights sheet: partner gives criterion k the weight f(k). */
const rows = (partner: string, f: (k: number) => number) => ids.map((id, k) => `${partner},${id},${f(k)}`);

describe('readWeightsSheet and combineShares', () => {
  it('normalises each partner, and the median / mean of three constructed partners is exact', () => {
    // Hand-worked: with n weighted criteria, Police gives 1 to every criterion (share 1/n),
    // Council gives 2 to the first and 1 elsewhere (first share 2/(n+1), others 1/(n+1)),
    // Fire gives 3 to the first and 1 elsewhere (3/(n+2), others 1/(n+2)).
    const text = ['scorer,criterion,weight', ...rows('Police', () => 1), ...rows('Council', (k) => (k === 0 ? 2 : 1)), ...rows('Fire', (k) => (k === 0 ? 3 : 1))].join('\n');
    const r = readWeightsSheet('w.csv', text, a.model);
    expect(r.problems).toEqual([]);
    expect(r.partners.map((p) => p.partner)).toEqual(['Police', 'Council', 'Fire']);
    const n = ids.length;
    const med = combineShares(r.partners, 'median');
    // Medians before renormalising: first 2/(n+1); others 1/(n+1) (the middle of 1/n, 1/(n+1), 1/(n+2)). They sum to (n+1)/(n+1) = 1.
    expect(med.get(ids[0]!)).toBeCloseTo(2 / (n + 1), 12);
    expect(med.get(ids[1]!)).toBeCloseTo(1 / (n + 1), 12);
    const mean = combineShares(r.partners, 'mean');
    const raw0 = (1 / n + 2 / (n + 1) + 3 / (n + 2)) / 3;
    const rawK = (1 / n + 1 / (n + 1) + 1 / (n + 2)) / 3;
    expect(mean.get(ids[0]!)).toBeCloseTo(raw0 / (raw0 + (n - 1) * rawK), 12);
    const b = partnerBounds(r.partners);
    expect(b[ids[0]!]).toEqual({ min: 1 / n, max: 3 / (n + 2) });
    expect(b[ids[1]!]!.min).toBeCloseTo(1 / (n + 2), 12);
  });

  it('reports problems by file, line and column and leaves that partner out whole', () => {
    const text = ['scorer,criterion,weight', ...rows('Police', () => 1), 'Fire,not a criterion,2', ...rows('Fire', () => 1).slice(1), `Health,${ids[0]},-1`].join('\n');
    const r = readWeightsSheet('w.csv', text, a.model);
    expect(r.partners.map((p) => p.partner)).toEqual(['Police']);
    expect(r.problems).toContainEqual({ file: 'w.csv', line: 2 + ids.length, column: 'criterion', reason: `no criterion “not a criterion” in ${a.model.name}` });
    expect(r.problems.find((p) => p.column === 'weight')).toMatchObject({ line: 2 + 2 * ids.length, reason: '“-1” is below 0' });
  });

  it('shares of a weight set sum to 1', () => {
    const s = sharesOf(a.model, {});
    expect([...s.values()].reduce((t, v) => t + v, 0)).toBeCloseTo(1, 12);
  });
});

describe('SMAA within the range the partners gave', () => {
  const partners: PartnerWeights[] = [
    { partner: 'Police', source: 'x', shares: new Map(ids.map((id, k) => [id, k === 0 ? 3 / (ids.length + 2) : 1 / (ids.length + 2)])) },
    { partner: 'Council', source: 'x', shares: new Map(ids.map((id, k) => [id, k === 1 ? 4 / (ids.length + 3) : 1 / (ids.length + 3)])) },
    { partner: 'Fire', source: 'x', shares: new Map(ids.map((id) => [id, 1 / ids.length])) },
  ];
  const range = { partners: partners.map((p) => p.partner), bounds: partnerBounds(partners) };
  const p = linearProblem(a);

  it('every sample respects the partners’ bounds and sums to 1', () => {
    const rc = resolveConstraints(p, { shareBounds: range.bounds });
    const draw = hitAndRunSampler(new Random(1234, 0), rc, boundsStart(rc.lo, rc.hi), defaultHitAndRun(p.m));
    const out = new Float64Array(p.m);
    let moved = 0;
    for (let s = 0; s < 2_000; s++) {
      draw(out);
      expect(out.reduce((t, x) => t + x, 0)).toBeCloseTo(1, 12);
      p.criteria.forEach((c, j) => {
        expect(out[j]!).toBeGreaterThanOrEqual(range.bounds[c.id]!.min - 1e-12);
        expect(out[j]!).toBeLessThanOrEqual(range.bounds[c.id]!.max + 1e-12);
      });
      if (Math.abs(out[0]! - out[1]!) > 1e-6) moved++;
    }
    expect(moved).toBeGreaterThan(1_000);
  });

  it('is reproducible by seed (1234), differs with another seed, and says which analysis it is', () => {
    const one = runSmaa(p, { samples: 3_000, seed: 1234, partnersRange: range, scoreSpread: null });
    const two = runSmaa(p, { samples: 3_000, seed: 1234, partnersRange: range, scoreSpread: null });
    const other = runSmaa(p, { samples: 3_000, seed: 99, partnersRange: range, scoreSpread: null });
    expect(one.sampler).toBe('partners');
    expect(two.rankCounts).toEqual(one.rankCounts);
    expect(other.rankCounts).not.toEqual(one.rankCounts);
    for (const w of one.centralWeights) if (w !== null) p.criteria.forEach((c, j) => expect(w[j]!).toBeLessThanOrEqual(range.bounds[c.id]!.max + 1e-9));
    expect(smaaBasisWords(one)).toMatch(/^Within the range the partners gave: based on 3,000 weightings \(seed 1234\).*Police, Council and Fire/);
  });
});
