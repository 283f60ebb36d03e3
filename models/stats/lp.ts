/**
 * A small dense linear-programme solver: minimise c·x subject to linear
 * constraints and x ≥ 0. Two-phase simplex method on a full tableau, with
 * Bland's rule (lowest index enters, lowest basic index leaves on ties), which
 * cannot cycle. The programmes here have tens of variables and at most a few
 * hundred constraints, so a dense tableau is both simple and quick.
 */

export interface LpConstraint {
  /** One coefficient per variable. */
  coefs: ArrayLike<number>;
  op: '<=' | '>=' | '=';
  rhs: number;
}

export interface LinearProgram {
  /** Minimised: Σ objective_j × x_j. */
  objective: ArrayLike<number>;
  constraints: readonly LpConstraint[];
}

export type LpResult = { status: 'optimal'; x: Float64Array; value: number } | { status: 'infeasible' } | { status: 'unbounded' };

const EPS = 1e-10;

/**
 * Solves a linear programme.
 *
 * @example solveLp({ objective: [-1, -1], constraints: [{ coefs: [1, 2], op: '<=', rhs: 4 }, { coefs: [3, 1], op: '<=', rhs: 6 }] })
 * // { status: 'optimal', x: [1.6, 1.2], value: -2.8 }
 */
export function solveLp(lp: LinearProgram): LpResult {
  const nv = lp.objective.length;
  const rows = lp.constraints.map((c) => {
    if (c.coefs.length !== nv) throw new Error(`constraint has ${c.coefs.length} coefficients for ${nv} variables`);
    const flip = c.rhs < 0;
    const op = flip ? (c.op === '<=' ? '>=' : c.op === '>=' ? '<=' : '=') : c.op;
    return { coefs: Array.from(c.coefs, (v) => (flip ? -v : v)), op, rhs: flip ? -c.rhs : c.rhs };
  });
  const nr = rows.length;
  const nSlack = rows.filter((r) => r.op !== '=').length;
  const nArt = rows.filter((r) => r.op !== '<=').length;
  const nc = nv + nSlack + nArt; // columns before the right-hand side
  const width = nc + 1;
  const t = new Float64Array(nr * width);
  const basis = new Int32Array(nr);
  const isArt = new Uint8Array(nc);
  let s = nv;
  let a = nv + nSlack;
  rows.forEach((r, i) => {
    for (let j = 0; j < nv; j++) t[i * width + j] = r.coefs[j]!;
    t[i * width + nc] = r.rhs;
    if (r.op === '<=') {
      t[i * width + s] = 1;
      basis[i] = s++;
    } else {
      if (r.op === '>=') t[i * width + s++] = -1;
      t[i * width + a] = 1;
      isArt[a] = 1;
      basis[i] = a++;
    }
  });

  // Phase 1: minimise the sum of the artificial variables.
  if (nArt > 0) {
    const c1 = new Float64Array(nc);
    for (let j = nv + nSlack; j < nc; j++) c1[j] = 1;
    const r1 = simplex(t, basis, nr, width, c1, new Uint8Array(nc));
    if (r1 === 'unbounded') throw new Error('phase 1 of the simplex method cannot be unbounded');
    if (objectiveValue(t, basis, nr, width, c1) > 1e-8 * Math.max(1, ...rows.map((r) => Math.abs(r.rhs)))) return { status: 'infeasible' };
    // Pivot any artificial still basic (at zero) out of the basis; a row with no other entry is redundant and stays inert.
    for (let i = 0; i < nr; i++) {
      if (!isArt[basis[i]!]) continue;
      for (let j = 0; j < nv + nSlack; j++) {
        if (Math.abs(t[i * width + j]!) > 1e-9) {
          pivot(t, basis, nr, width, i, j);
          break;
        }
      }
    }
  }

  const c2 = new Float64Array(nc);
  for (let j = 0; j < nv; j++) c2[j] = lp.objective[j]!;
  if (simplex(t, basis, nr, width, c2, isArt) === 'unbounded') return { status: 'unbounded' };
  const x = new Float64Array(nv);
  for (let i = 0; i < nr; i++) if (basis[i]! < nv) x[basis[i]!] = Math.max(0, t[i * width + nc]!);
  let value = 0;
  for (let j = 0; j < nv; j++) value += lp.objective[j]! * x[j]!;
  return { status: 'optimal', x, value };
}

function objectiveValue(t: Float64Array, basis: Int32Array, nr: number, width: number, c: Float64Array): number {
  let v = 0;
  for (let i = 0; i < nr; i++) v += c[basis[i]!]! * t[i * width + width - 1]!;
  return v;
}

/** Runs simplex pivots to optimality for costs `c`; columns flagged in `banned` never enter. */
function simplex(t: Float64Array, basis: Int32Array, nr: number, width: number, c: Float64Array, banned: Uint8Array): 'optimal' | 'unbounded' {
  const nc = width - 1;
  const limit = 50_000;
  for (let iter = 0; iter < limit; iter++) {
    // Bland: the lowest-index column with a negative reduced cost enters.
    let enter = -1;
    for (let j = 0; j < nc; j++) {
      if (banned[j]) continue;
      let d = c[j]!;
      for (let i = 0; i < nr; i++) d -= c[basis[i]!]! * t[i * width + j]!;
      if (d < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return 'optimal';
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < nr; i++) {
      const coef = t[i * width + enter]!;
      if (coef <= EPS) continue;
      const ratio = t[i * width + nc]! / coef;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return 'unbounded';
    pivot(t, basis, nr, width, leave, enter);
  }
  throw new Error('the simplex method did not finish within 50,000 pivots');
}

function pivot(t: Float64Array, basis: Int32Array, nr: number, width: number, row: number, col: number): void {
  const p = t[row * width + col]!;
  for (let j = 0; j < width; j++) t[row * width + j]! /= p;
  for (let i = 0; i < nr; i++) {
    if (i === row) continue;
    const f = t[i * width + col]!;
    if (f === 0) continue;
    for (let j = 0; j < width; j++) t[i * width + j]! -= f * t[row * width + j]!;
  }
  basis[row] = col;
}
