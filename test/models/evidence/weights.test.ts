import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHT_TABLES, WeightTable, weightedVolume } from '../../../models/evidence/weights';

const table = (weights: Record<string, number>) => ({ ...DEFAULT_WEIGHT_TABLES.cost, source: 'Local estimate, 2024', weights });

describe('weightedVolume', () => {
  it('sums count × weight', () => {
    const w = weightedVolume(
      [
        { key: 'Burglary', count: 10 },
        { key: 'Robbery', count: 2 },
      ],
      table({ Burglary: 2.5, Robbery: 10 }),
    );
    expect(w).toEqual({
      value: 45,
      missing: [],
      parts: [
        { key: 'Burglary', count: 10, weight: 2.5 },
        { key: 'Robbery', count: 2, weight: 10 },
      ],
    });
  });

  it('gives no value when a counted type has no weight, and names it', () => {
    const w = weightedVolume(
      [
        { key: 'Burglary', count: 10 },
        { key: 'Robbery', count: 2 },
      ],
      table({ Burglary: 2.5 }),
    );
    expect(w.value).toBeNull();
    expect(w.missing).toEqual(['Robbery']);
  });
});

describe('WeightTable', () => {
  it('ships empty tables with a note naming what to put there', () => {
    for (const t of [DEFAULT_WEIGHT_TABLES.harm, DEFAULT_WEIGHT_TABLES.cost]) {
      expect(t.weights).toEqual({});
      expect(WeightTable.safeParse(t).success).toBe(true);
    }
    expect(DEFAULT_WEIGHT_TABLES.harm.note).toContain('Crime Severity Score');
    expect(DEFAULT_WEIGHT_TABLES.cost.note).toContain('The economic and social costs of crime');
  });

  it('refuses weights without a named source, and negative weights', () => {
    const r = WeightTable.safeParse({ ...DEFAULT_WEIGHT_TABLES.harm, weights: { Burglary: 1 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('name the source of the weights (title, publisher, year and table) before entering any');
    expect(WeightTable.safeParse(table({ Burglary: -1 })).error?.issues[0]?.message).toBe('a weight cannot be negative');
  });
});
