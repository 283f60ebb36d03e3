import { describe, expect, it } from 'vitest';
import { loadTemplate, TEMPLATES, templateById, SEED_TEMPLATE_ID } from '../../../models/risk-matrix/templates';
import { rank } from '../../../models/risk-matrix/score';
import { SEED_CSV } from './fixtures';

describe('templates', () => {
  it('offers the seed, a MoRiLE-style and a 4×4 template', () => {
    expect(TEMPLATES.map((t) => [t.id, t.aggregation.kind])).toEqual([
      ['central-beds-2014', 'weighted-sum'],
      ['morile-style', 'harm-x-likelihood'],
      ['impact-likelihood-4x4', 'harm-x-likelihood'],
    ]);
  });

  it('gives the seed the 2014 matrix’s nine criteria, in its column order, scored 0-5 with weight 1', () => {
    const seed = templateById(SEED_TEMPLATE_ID)!;
    expect(seed.criteria.map((c) => c.id)).toEqual(SEED_CSV.split(/\r?\n/)[0]!.split(',').slice(1, -1));
    expect(seed.criteria.map((c) => c.group)).toEqual(['Performance', 'Priority', 'Priority', 'Harm', 'Harm', 'Harm', 'Harm', 'Cost', 'Likelihood']);
    for (const c of seed.criteria) {
      expect(c.weight).toBe(1);
      expect(c.scale).toEqual({
        min: 0,
        max: 5,
        levels: [
          { value: 0, label: 'N/A' },
          { value: 1, label: 'Low' },
          { value: 3, label: 'Medium' },
          { value: 5, label: 'High' },
        ],
      });
    }
  });

  it('keeps MoRiLE’s organisational position out of the risk score, as a capacity axis', () => {
    const m = templateById('morile-style')!;
    expect(m.criteria.filter((c) => c.group === 'Harm').map((c) => c.id)).toEqual(['physical_harm', 'psychological_harm', 'financial_harm', 'community_harm']);
    expect(m.criteria.find((c) => c.id === 'organisational_position')!.group).toBe('Capacity');
    expect(m.criteria.find((c) => c.id === 'confidence')!.group).toBe('Confidence');
    const issues = [{ id: 'a', label: 'A' }];
    const scores = {
      a: {
        physical_harm: { value: 2 },
        psychological_harm: { value: 3 },
        financial_harm: { value: 1 },
        community_harm: { value: 0 },
        likelihood: { value: 4 },
        confidence: { value: 3 },
        organisational_position: { value: 4 },
      },
    };
    expect(rank(m, issues, scores)[0]!.total).toBe((2 + 3 + 1 + 0) * 4);
    // Confidence and organisational position stay out under the other rules too.
    expect(rank({ ...m, aggregation: { kind: 'weighted-sum' } }, issues, scores)[0]!.total).toBe(2 + 3 + 1 + 0 + 4);
    // Normalised: harms 2, 3, 1, 0 on 0-4 and likelihood 4 on 1-4 → (0.5 + 0.75 + 0.25 + 0 + 1) ÷ 5 = 50%.
    expect(rank({ ...m, aggregation: { kind: 'normalised-average' } }, issues, scores)[0]!.total).toBeCloseTo(50, 9);
  });

  it('scores the 4×4 grid from 1 to 16', () => {
    const g = templateById('impact-likelihood-4x4')!;
    const issues = [
      { id: 'lo', label: 'Lo' },
      { id: 'hi', label: 'Hi' },
    ];
    const scores = { lo: { impact: { value: 1 }, likelihood: { value: 1 } }, hi: { impact: { value: 4 }, likelihood: { value: 4 } } };
    expect(rank(g, issues, scores).map((r) => r.total)).toEqual([16, 1]);
  });

  it('refuses a broken template, naming the file and the problem', () => {
    const broken = { ...structuredClone(templateById('impact-likelihood-4x4')!), aggregation: { kind: 'harm-x-likelihood', likelihood: 'chance' } };
    expect(() => loadTemplate('broken.json', broken)).toThrow(/^risk-matrix template broken\.json is invalid:\n.*no criterion "chance" to use as likelihood/s);
  });
});
