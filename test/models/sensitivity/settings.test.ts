import { describe, expect, it } from 'vitest';
import { setCutLine } from '../../../models/risk-matrix/weights-edit';
import { constraintsFor, hasConstraints, sensitivitySettings, smaaOptionsOf, topNOf, updateSensitivitySettings } from '../../../models/sensitivity/settings';
import { seedAssessment } from '../risk-matrix/fixtures';

describe('sensitivity settings', () => {
  it('defaults to seed 1234, 10,000 samples, ±50%, scores varied High ±0, Medium ±1, Low ±2', () => {
    expect(sensitivitySettings(seedAssessment())).toEqual({
      tornadoChange: 0.5,
      samples: 10_000,
      seed: 1234,
      varyScores: true,
      spread: { High: 0, Medium: 1, Low: 2, unstated: 0 },
      constraints: { order: [], atLeast: [], shareBounds: {} },
      around: null,
      partnersRange: null,
      usePartnersRange: false,
    });
  });

  it('takes N from the user, else the cut line, else 5, within the issues there are', () => {
    const a = seedAssessment();
    expect(topNOf(a)).toBe(5);
    expect(topNOf(setCutLine(a, 4))).toBe(4);
    expect(topNOf(updateSensitivitySettings(setCutLine(a, 4), { topN: 3 }))).toBe(3);
    expect(topNOf({ ...a, sensitivity: { ...sensitivitySettings(a), topN: 99 } })).toBe(32);
  });

  it('changes settings and refuses values the analyses cannot use', () => {
    const a = updateSensitivitySettings(seedAssessment(), { seed: 42, spread: { High: 0, Medium: 2, Low: 3, unstated: 1 } });
    expect(sensitivitySettings(a)).toMatchObject({ seed: 42, samples: 10_000, spread: { Medium: 2, Low: 3, unstated: 1 } });
    expect(() => updateSensitivitySettings(a, { seed: -1 })).toThrow(/^seed: /);
    expect(() => updateSensitivitySettings(a, { tornadoChange: 2 })).toThrow(/^tornadoChange: /);
    expect(() => updateSensitivitySettings(a, { samples: 0 })).toThrow(/^samples: /);
  });

  it('keeps only the constraints on criteria that carry weight, and says which it left out', () => {
    const stated = { order: ['likelihood', 'cost_impact', 'gone'], shareBounds: { likelihood: { min: 0.1, max: 0.3 }, cost_impact: { min: 0, max: 0.5 } } };
    const r = constraintsFor(stated, ['cost_impact', 'community_priority']);
    expect(r.constraints).toEqual({ order: [], atLeast: [], shareBounds: { cost_impact: { min: 0, max: 0.5 } } });
    expect(r.dropped).toEqual(['likelihood', 'gone']);
    expect(hasConstraints(r.constraints)).toBe(true);
    expect(hasConstraints(constraintsFor({ order: ['likelihood'] }, ['likelihood']).constraints)).toBe(false);
    expect(constraintsFor(stated, ['likelihood', 'cost_impact']).constraints.order).toEqual(['likelihood', 'cost_impact']);
  });

  it('passes the partners’ range to SMAA only when it is chosen', () => {
    const range = { partners: ['Police', 'Council'], bounds: { likelihood: { min: 0.1, max: 0.3 } } };
    const kept = updateSensitivitySettings(seedAssessment(), { partnersRange: range });
    expect(smaaOptionsOf(sensitivitySettings(kept), ['likelihood']).options.partnersRange).toBeNull();
    const used = updateSensitivitySettings(kept, { usePartnersRange: true });
    expect(smaaOptionsOf(sensitivitySettings(used), ['likelihood']).options.partnersRange).toEqual(range);
  });
});
