import { describe, expect, it } from 'vitest';
import { trendPlainWords } from '../../../models/report/plain';

describe('trendPlainWords', () => {
  // Hand-worked: an annual change of −4% with a 95% interval of −6% to −2% lies wholly below zero, so it is a fall
  // "between 2% and 6%" (the smaller fall first); percentages of 1% and more are whole, smaller ones keep one decimal.
  it('says a clear fall or rise with its range, in whole per cent', () => {
    expect(trendPlainWords({ annualChange: -0.04, lower: -0.06, upper: -0.02 })).toBe('falling about 4% a year (between 2% and 6%)');
    expect(trendPlainWords({ annualChange: 0.126, lower: 0.081, upper: 0.173 })).toBe('rising about 13% a year (between 8% and 17%)');
    expect(trendPlainWords({ annualChange: -0.012, lower: -0.019, upper: -0.004 })).toBe('falling about 1% a year (between 0.4% and 2%)');
  });

  it('says there is no clear trend when the range holds both a rise and a fall', () => {
    expect(trendPlainWords({ annualChange: -0.02, lower: -0.1, upper: 0.07 })).toBe('no clear trend (between 10% down and 7% up a year)');
    expect(trendPlainWords({ annualChange: 0, lower: 0, upper: 0.05 })).toBe('no clear trend (between 0% down and 5% up a year)');
  });
});
