import fc from 'fast-check';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, parseCsv } from '../../models/csv';
import { solveLp } from '../../models/stats/lp';
import { ascendingOrder, RADIX_FROM } from '../../models/stats/ascending-order';
import { linearProblem } from '../../models/sensitivity/problem';
import { runSmaa } from '../../models/sensitivity/smaa';
import { toyAssessment } from '../fixtures/toy-assessment';

// Property-based tests (fast-check): each property is tried on 100-200
// generated cases; fast-check's seed is printed with any failure, so a
// failing case can be replayed with `fc.assert(…, { seed })`.

/** Field text with the characters that matter to CSV: commas, quotes, CR, LF, spaces, non-ASCII. */
const field = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', ',', '"', '\n', '\r', '\r\n', 'é', '€', '😀', "'"), maxLength: 12 });
/** A row that does not print as an empty line (the tokenizer skips blank lines, as police.uk readers must). */
const row = fc.array(field, { minLength: 1, maxLength: 6 }).filter((r) => !(r.length === 1 && r[0] === ''));

describe('CSV tokenizer against d3-dsv', () => {
  it('reads what d3-dsv writes exactly as d3-dsv reads it', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        // Record ends (and breaks inside fields) as LF or CRLF: both parsers read the same text.
        const text = eol === '\n' ? csvFormatRows(rows) : csvFormatRows(rows).replace(/\n/g, '\r\n');
        const ours = parseCsv(text);
        expect(ours.malformed).toEqual([]);
        expect(ours.records.map((r) => r.fields)).toEqual(csvParseRows(text));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same records and line numbers however the text is split into chunks', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        const text = csvFormatRows(rows);
        const whole = parseCsv(text).records;
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const got: { fields: string[]; line: number }[] = [];
        const t = createCsvTokenizer({ record: (fields, line) => got.push({ fields: fields.slice(), line }) });
        let from = 0;
        for (const c of [...at, text.length]) {
          t.push(text.slice(from, c));
          from = c;
        }
        t.end();
        expect(got).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('numbers each record by the physical line it starts on', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), (rows) => {
        const text = csvFormatRows(rows);
        const { records } = parseCsv(text);
        // Lines before record k: 1 + the line breaks inside the records before it.
        let line = 1;
        records.forEach((r, k) => {
          expect(r.line).toBe(line);
          const printed = csvFormatRows([rows[k]!]);
          line += 1 + (printed.match(/\r\n|\r|\n/g)?.length ?? 0);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('linear programme solver', () => {
  it('on the weight simplex (w ≥ 0, Σw = 1) finds the smallest objective coefficient, at a feasible point', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }), (c) => {
        const r = solveLp({ objective: c, constraints: [{ coefs: c.map(() => 1), op: '=', rhs: 1 }] });
        expect(r.status).toBe('optimal');
        if (r.status !== 'optimal') return;
        expect(r.value).toBeCloseTo(Math.min(...c), 9);
        expect([...r.x].every((x) => x >= -1e-12)).toBe(true);
        expect([...r.x].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('with box bounds and a budget, is never beaten by a random feasible point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.double({ min: -5, max: 5, noNaN: true }), ub: fc.double({ min: 0.1, max: 3, noNaN: true }) }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (vars, u) => {
          const n = vars.length;
          const unit = (j: number) => vars.map((_, k) => (k === j ? 1 : 0));
          const budget = vars.reduce((a, v) => a + v.ub, 0) / 2;
          const r = solveLp({
            objective: vars.map((v) => v.c),
            constraints: [...vars.map((v, j) => ({ coefs: unit(j), op: '<=' as const, rhs: v.ub })), { coefs: vars.map(() => 1), op: '<=', rhs: budget }],
          });
          expect(r.status).toBe('optimal');
          if (r.status !== 'optimal') return;
          // A feasible point: each variable a share of its bound, scaled into the budget.
          let x = vars.map((v, j) => u[j]! * v.ub);
          const total = x.reduce((a, b) => a + b, 0);
          if (total > budget) x = x.map((xi) => (xi * budget) / total);
          const value = x.reduce((a, xi, j) => a + xi * vars[j]!.c, 0);
          expect(r.value).toBeLessThanOrEqual(value + 1e-9);
          for (let j = 0; j < n; j++) expect(r.x[j]!).toBeLessThanOrEqual(vars[j]!.ub + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('argsort (ascendingOrder)', () => {
  /** Keys with ties, both zeros and both infinities: the cases where a sort on the float's bits can go wrong. */
  const key = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1, 0.5, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE));
  // The reference: a stable comparison sort, where −0 and 0 are equal (a − b is 0).
  const stable = (keys: readonly number[]) =>
    keys
      .map((v, i) => ({ v, i }))
      .sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.i - b.i))
      .map((e) => e.i);

  it(`orders like a stable sort, below ${RADIX_FROM} keys (comparison sort) and from it (radix sort)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(key, { maxLength: 60 }), fc.array(key, { minLength: RADIX_FROM, maxLength: RADIX_FROM + 300 })), (keys) => {
        expect(Array.from(ascendingOrder(Float64Array.from(keys)))).toEqual(stable(keys));
      }),
      { numRuns: 60 },
    );
  });
});

describe('SMAA invariants', () => {
  const scores = fc
    .integer({ min: 2, max: 5 })
    .chain((n) => fc.integer({ min: 1, max: 4 }).chain((m) => fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n })));

  it('every issue holds exactly one rank per sample, ranks are competition ranks; the same seed gives the same result', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 0xffffffff }), (rows, seed) => {
        const p = linearProblem(toyAssessment(rows));
        const r = runSmaa(p, { samples: 400, seed });
        const n = rows.length;
        for (let i = 0; i < n; i++) expect(r.rankCounts[i]!.reduce((a, b) => a + b, 0)).toBe(r.samples);
        // Tied issues share the better rank ("1, 2, 2, 4"), so in every sample at least k issues rank k or better: cumulated over the ranks, at least k × samples.
        let upTo = 0;
        for (let k = 0; k < n; k++) {
          upTo += r.rankCounts.reduce((a, c) => a + c[k]!, 0);
          expect(upTo).toBeGreaterThanOrEqual((k + 1) * r.samples);
        }
        expect(upTo).toBe(n * r.samples);
        // "Strictly above" cannot hold both ways in one sample.
        for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) expect(r.above[i]![k]! + r.above[k]![i]!).toBeLessThanOrEqual(r.samples);
        expect(runSmaa(p, { samples: 400, seed })).toEqual(r);
      }),
      { numRuns: 60 },
    );
  });

  it('an issue that scores at least as high on every criterion is never ranked below one it beats', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 0xffffffff }), (rows, seed) => {
        // Issue 0 made to dominate issue 1: at least its score everywhere, and one more on the first criterion.
        const dominant = rows[1]!.map((v, j) => Math.min(5, Math.max(v, rows[0]![j]!) + (j === 0 ? 1 : 0)));
        if (dominant.every((v, j) => v === rows[1]![j])) return;
        const r = runSmaa(linearProblem(toyAssessment([dominant, ...rows.slice(1)])), { samples: 300, seed });
        // Weights are never negative, so issue 1's total never exceeds issue 0's.
        expect(r.above[1]![0]).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
