import { describe, expect, it } from 'vitest';
import { saveElicited, tryElicited, useOrderForSmaa, weightsFromShares } from '../../../models/elicitation/apply';
import { weightsFromOrder } from '../../../models/elicitation/ranking';
import { provenanceWords } from '../../../models/elicitation/words';
import { Assessment } from '../../../models/risk-matrix/assessment';
import { seedAssessment } from '../risk-matrix/fixtures';

describe('elicited weights on an assessment', () => {
  const a = seedAssessment();
  const order = a.model.criteria.map((c) => c.id).reverse();
  const shares = weightsFromOrder(order, 'roc');

  it('scales shares so the weights average 1 (nine criteria: share × 9)', () => {
    const w = weightsFromShares(a, shares);
    expect(Object.values(w).reduce((t, x) => t + x, 0)).toBeCloseTo(9, 12);
    expect(w[order[0]!]).toBeCloseTo((9 * 7129) / 22680, 12);
  });

  it('keeps the set with its provenance, and the record stays valid', () => {
    const b = saveElicited(a, 'Board ranking', shares, { method: 'ranking', variant: 'roc', order, date: Date.UTC(2026, 11, 4) });
    const set = b.weightSets.at(-1)!;
    expect(set.name).toBe('Board ranking');
    expect(set.provenance?.method).toBe('ranking');
    expect(() => Assessment.parse(b)).not.toThrow();
    const label = (id: string) => a.model.criteria.find((c) => c.id === id)!.label;
    expect(provenanceWords(set.provenance!, label)).toMatch(/^Agreed by ranking \(rank-order centroid weights\) on 04\/12\/2026, most important first: /);
  });

  it('refuses a name already used', () => {
    const b = saveElicited(a, 'Board ranking', shares, { method: 'ranking', variant: 'roc', order, date: 0 });
    expect(() => saveElicited(b, 'board ranking', shares, { method: 'ranking', variant: 'roc', order, date: 0 })).toThrow(/already/);
  });

  it('tries the weights as the draft and uses the order for SMAA', () => {
    expect(tryElicited(a, shares).draftWeights[order[0]!]).toBeCloseTo((9 * 7129) / 22680, 12);
    expect(useOrderForSmaa(a, order).sensitivity!.constraints.order).toEqual(order);
  });
});
