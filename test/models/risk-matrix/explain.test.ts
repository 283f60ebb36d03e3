import { describe, expect, it } from 'vitest';
import { formatScore } from '../../../models/risk-matrix/explain';

describe('formatScore', () => {
  // The reference is the format the function always used: Intl en-GB, at most two decimals.
  const intl = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

  it('writes whole scores exactly as Intl does, with or without its shortcut', () => {
    for (let n = 0; n <= 2_500; n++) expect(formatScore(n), String(n)).toBe(intl.format(n));
    for (const n of [-1, -999, -0, 1e6, 12_345]) expect(formatScore(n), String(n)).toBe(intl.format(n));
  });

  it('writes others to two decimals', () => {
    expect(formatScore(12.345)).toBe('12.35');
    expect(formatScore(999.999)).toBe('1,000');
    expect(formatScore(0.5)).toBe('0.5');
  });
});
