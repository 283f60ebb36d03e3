import { describe, expect, it } from 'vitest';
import { solveLp } from '../../../models/stats/lp';

describe('solveLp', () => {
  it('solves a textbook maximisation', () => {
    // max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6: the corner where both bind, x = 8/5, y = 6/5.
    const r = solveLp({
      objective: [-1, -1],
      constraints: [
        { coefs: [1, 2], op: '<=', rhs: 4 },
        { coefs: [3, 1], op: '<=', rhs: 6 },
      ],
    });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.x[0]).toBeCloseTo(1.6, 12);
    expect(r.x[1]).toBeCloseTo(1.2, 12);
    expect(r.value).toBeCloseTo(-2.8, 12);
  });

  it('handles equalities, ≥ rows and negative right-hand sides', () => {
    // min 2x + 3y s.t. x + y = 10, x ≥ 3, −y ≤ −2 (y ≥ 2): x as large as possible, x = 8, y = 2.
    const r = solveLp({
      objective: [2, 3],
      constraints: [
        { coefs: [1, 1], op: '=', rhs: 10 },
        { coefs: [1, 0], op: '>=', rhs: 3 },
        { coefs: [0, -1], op: '<=', rhs: -2 },
      ],
    });
    expect(r).toMatchObject({ status: 'optimal' });
    if (r.status === 'optimal') expect([r.x[0], r.x[1], r.value].map((v) => Math.round(v! * 1e9) / 1e9)).toEqual([8, 2, 22]);
  });

  it('reports infeasible and unbounded programmes', () => {
    expect(
      solveLp({
        objective: [1],
        constraints: [
          { coefs: [1], op: '>=', rhs: 2 },
          { coefs: [1], op: '<=', rhs: 1 },
        ],
      }).status,
    ).toBe('infeasible');
    expect(solveLp({ objective: [-1, 0], constraints: [{ coefs: [1, -1], op: '<=', rhs: 1 }] }).status).toBe('unbounded');
  });

  it('survives degenerate corners (several constraints through one point)', () => {
    // max x + y with x ≤ 1, y ≤ 1, x + y ≤ 2, 2x + 2y ≤ 4: optimum 2, reached at a degenerate vertex.
    const r = solveLp({
      objective: [-1, -1],
      constraints: [
        { coefs: [1, 0], op: '<=', rhs: 1 },
        { coefs: [0, 1], op: '<=', rhs: 1 },
        { coefs: [1, 1], op: '<=', rhs: 2 },
        { coefs: [2, 2], op: '<=', rhs: 4 },
      ],
    });
    expect(r.status === 'optimal' && Math.abs(r.value + 2) < 1e-12).toBe(true);
  });
});
