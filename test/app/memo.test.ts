import { describe, expect, it } from 'vitest';
import { memoLast } from '../../src/app/memo';

describe('memoLast', () => {
  it('returns the last result while the arguments are the same objects, and works it out again when one changes', () => {
    let calls = 0;
    const sum = memoLast((a: { n: number }, b: number) => ({ total: a.n + b, call: ++calls }));
    const a = { n: 1 };
    const first = sum(a, 2);
    expect(sum(a, 2)).toBe(first);
    expect(sum({ n: 1 }, 2)).toEqual({ total: 3, call: 2 });
    expect(sum({ n: 1 }, 3).total).toBe(4);
    expect(calls).toBe(3);
  });
});
