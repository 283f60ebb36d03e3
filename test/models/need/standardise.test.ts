import { describe, expect, it } from 'vitest';
import { standardise } from '../../../models/need/standardise';
import { compositeOf, rankScores, scoreMatrix } from '../../../models/need/composite';

const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => (Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, 10)));
};

describe('standardise', () => {
  it('z-score divides by the population standard deviation', () => {
    // mean 4; deviations -2, 0, 2; variance (4 + 0 + 4) / 3 = 8/3; sd = 1.632993…
    const sd = Math.sqrt(8 / 3);
    close(standardise([2, 4, 6], 'zscore', 'higher'), [-2 / sd, 0, 2 / sd]);
    close(standardise([2, 4, 6], 'zscore', 'lower'), [2 / sd, 0, -2 / sd]);
  });

  it('z-score leaves missing values out of the mean and sd', () => {
    // over 1 and 3: mean 2, sd 1
    close(standardise([1, NaN, 3], 'zscore', 'higher'), [-1, NaN, 1]);
  });

  it('z-score of a constant indicator is 0', () => {
    close(standardise([5, 5, 5], 'zscore', 'higher'), [0, 0, 0]);
  });

  it('percentile rank gives tied values the average of their ranks', () => {
    // ranks 1, 2.5, 2.5, 4 → (r − 1) / 3
    close(standardise([10, 20, 20, 40], 'percentile', 'higher'), [0, 0.5, 0.5, 1]);
    close(standardise([10, 20, 20, 40], 'percentile', 'lower'), [1, 0.5, 0.5, 0]);
    close(standardise([7], 'percentile', 'higher'), [0.5]);
    close(standardise([3, NaN, 1], 'percentile', 'higher'), [1, NaN, 0]);
  });

  it('min-max maps the range onto 0..1, mirrored when lower is more need', () => {
    close(standardise([5, 10, 25], 'minmax', 'higher'), [0, 0.25, 1]);
    close(standardise([5, 10, 25], 'minmax', 'lower'), [1, 0.75, 0]);
    close(standardise([4, 4], 'minmax', 'lower'), [0.5, 0.5]);
  });
});

describe('compositeOf', () => {
  // min-max by hand: crime rate [2, 4, 6] (higher) → 0, 0.5, 1; IMD rank [100, 300, 200] (lower) → 1, 0, 0.5.
  const crime = Float64Array.of(0, 0.5, 1);
  const imd = Float64Array.of(1, 0, 0.5);

  it('is the weighted mean of standardised values, with contributions that add up to it', () => {
    const c = compositeOf([crime, imd], [1, 3]);
    // A: (1×0 + 3×1) / 4 = 0.75; B: (0.5 + 0) / 4 = 0.125; C: (1 + 1.5) / 4 = 0.625
    close(c.composite, [0.75, 0.125, 0.625]);
    close(c.contributions[0]!, [0, 0.125, 0.25]);
    close(c.contributions[1]!, [0.75, 0, 0.375]);
    close(c.missing, [0, 0, 0]);
  });

  it('scores an area missing an indicator on the rest and counts what is missing', () => {
    const c = compositeOf([crime, Float64Array.of(1, 0, NaN)], [1, 3]);
    close(c.composite, [0.75, 0.125, 1]);
    close(c.missing, [0, 0, 1]);
    expect(c.contributions[1]![2]).toBeNaN();
  });

  it('ignores indicators weighted 0', () => {
    close(compositeOf([crime, imd], [2, 0]).composite, [0, 0.5, 1]);
  });
});

describe('rankScores', () => {
  it('gives tied scores the same competition rank and orders them by name', () => {
    const r = rankScores(Float64Array.of(0.2, 0.9, 0.2), ['Saints', 'Biscot', 'Dallow']);
    expect(Array.from(r.rank)).toEqual([2, 1, 2]);
    expect(Array.from(r.order)).toEqual([1, 2, 0]);
  });

  it('puts unscored areas last with rank 0', () => {
    const r = rankScores(Float64Array.of(NaN, -1, 3));
    expect(Array.from(r.order)).toEqual([2, 1, 0]);
    expect(Array.from(r.rank)).toEqual([0, 2, 1]);
  });
});

describe('scoreMatrix', () => {
  it('reproduces the hand-computed min-max matrix', () => {
    const s = scoreMatrix({
      values: [
        [2, 4, 6],
        [100, 300, 200],
      ],
      directions: ['higher', 'lower'],
      weights: [1, 3],
      method: 'minmax',
      names: ['A', 'B', 'C'],
    });
    close(s.composite, [0.75, 0.125, 0.625]);
    expect(Array.from(s.order)).toEqual([0, 2, 1]);
    expect(Array.from(s.rank)).toEqual([1, 3, 2]);
  });

  it('reproduces the hand-computed z-score matrix', () => {
    // crime [2, 4, 6] → −1.2247, 0, 1.2247; rank [100, 300, 200] lower → mean 200, sd 81.65: 1.2247, −1.2247, 0
    const k = 2 / Math.sqrt(8 / 3);
    const s = scoreMatrix({
      values: [
        [2, 4, 6],
        [100, 300, 200],
      ],
      directions: ['higher', 'lower'],
      weights: [1, 1],
      method: 'zscore',
    });
    close(s.composite, [0, -k / 2, k / 2]);
    expect(Array.from(s.order)).toEqual([2, 0, 1]);
  });

  it('reproduces the hand-computed percentile matrix', () => {
    // crime [2, 4, 6] → 0, 0.5, 1; rank [100, 300, 200] lower → 1, 0, 0.5; weights 2 and 1
    const s = scoreMatrix({
      values: [
        [2, 4, 6],
        [100, 300, 200],
      ],
      directions: ['higher', 'lower'],
      weights: [2, 1],
      method: 'percentile',
    });
    close(s.composite, [1 / 3, 1 / 3, 2.5 / 3]);
    expect(Array.from(s.rank)).toEqual([2, 2, 1]);
  });
});
