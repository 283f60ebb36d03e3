import { describe, expect, it } from 'vitest';
import { fixed, formatPercent, formatRate } from '../../models/format';
import { formatScore } from '../../models/need/format-value';

describe('number formats', () => {
  it('never writes a negative zero', () => {
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(fixed(-0, 1)).toBe('0.0');
    expect(fixed(-0.006, 2)).toBe('-0.01');
    expect(formatRate(-0.0004)).toBe('0.00 per 1,000');
    expect(formatScore(-0.0001)).toBe('0.000');
    expect(formatScore(-0.4567)).toBe('−0.457');
  });

  it('says a share is small rather than zero when it is not zero', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.0005)).toBe('0.1%');
    expect(formatPercent(0.004, 0)).toBe('<1%');
    expect(formatPercent(0.123)).toBe('12.3%');
  });
});
