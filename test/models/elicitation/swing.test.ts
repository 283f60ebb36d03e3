import { describe, expect, it } from 'vitest';
import { swingWeights } from '../../../models/elicitation/swing';

describe('swingWeights', () => {
  it('divides each swing’s points by their total (100 + 50 + 25 = 175)', () => {
    const w = swingWeights([
      ['harm', 100],
      ['cost', 50],
      ['trend', 25],
    ]);
    expect(w.get('harm')).toBeCloseTo(100 / 175, 14);
    expect(w.get('cost')).toBeCloseTo(50 / 175, 14);
    expect(w.get('trend')).toBeCloseTo(25 / 175, 14);
  });
  it('needs the most important swing at 100', () =>
    expect(() =>
      swingWeights([
        ['harm', 90],
        ['cost', 50],
      ]),
    ).toThrow(/rated 100/));
  it('refuses points off 0-100', () =>
    expect(() =>
      swingWeights([
        ['harm', 100],
        ['cost', 120],
      ]),
    ).toThrow(/0 to 100/));
});
