import { describe, expect, it } from 'vitest';
import { atVersion, lastAnswers, memoLast } from '../../src/app/memo';

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

describe('lastAnswers', () => {
  it('gives the same answer while the key is the same, and works it out again when the key changes', async () => {
    const answers = lastAnswers();
    let calls = 0;
    const work = (n: number) => () => Promise.resolve({ n, call: ++calls });
    const first = answers.get('part', [1, 'Luton'], work(1));
    expect(answers.get('part', [1, 'Luton'], work(2))).toBe(first);
    expect(await answers.get('part', [2, 'Luton'], work(3))).toEqual({ n: 3, call: 2 });
    // One answer per part: the first key's answer is gone.
    expect(await answers.get('part', [1, 'Luton'], work(4))).toEqual({ n: 4, call: 3 });
    // Parts are kept apart.
    expect(await answers.get('other', [1, 'Luton'], work(5))).toEqual({ n: 5, call: 4 });
    expect(await answers.get('part', [1, 'Luton'], work(6))).toEqual({ n: 4, call: 3 });
  });

  it('forgets a failed answer and one that keep refuses', async () => {
    const answers = lastAnswers();
    await expect(answers.get('part', [1], () => Promise.reject(new Error('worker gone')))).rejects.toThrow('worker gone');
    expect(await answers.get('part', [1], () => Promise.resolve('again'))).toBe('again');
    const cancelled = { cancelled: true };
    expect(
      await answers.get(
        'run',
        [1],
        () => Promise.resolve(cancelled),
        (a) => !a.cancelled,
      ),
    ).toBe(cancelled);
    await Promise.resolve();
    expect(
      await answers.get(
        'run',
        [1],
        () => Promise.resolve({ cancelled: false }),
        (a) => !a.cancelled,
      ),
    ).toEqual({ cancelled: false });
    answers.clear();
    expect(await answers.get('part', [1], () => Promise.resolve('cleared'))).toBe('cleared');
  });
});

describe('atVersion', () => {
  it('reads once per store object and version, reads again when the version moves, and keeps no failed read', async () => {
    let reads = 0;
    let fail = false;
    const read = atVersion((s: { name: string }) => (fail ? Promise.reject(new Error('store closed')) : Promise.resolve(`${s.name} read ${++reads}`)));
    const a = { name: 'a' };
    const b = { name: 'b' };
    expect(await read(a, 1)).toBe('a read 1');
    expect(await read(a, 1)).toBe('a read 1');
    expect(await read(b, 1)).toBe('b read 2');
    expect(await read(a, 2)).toBe('a read 3');
    fail = true;
    await expect(read(a, 3)).rejects.toThrow('store closed');
    fail = false;
    expect(await read(a, 3)).toBe('a read 4');
  });
});
