import { describe, expect, it } from 'vitest';
import { peerWords, type PeerComparison } from '../../../models/peers/peers';

const comparison = (months: string[]): PeerComparison => ({
  partnership: 'Luton',
  months,
  areas: [{ code: 'E06000032', name: 'Luton', inGroup: false }],
  leftOut: [],
  warnings: [],
  issues: [],
  knownCodes: [],
});

describe('peerWords', () => {
  it('says one month in the singular, several in the plural', () => {
    expect(peerWords(comparison(['2023-12']))).toContain('Dec 2023 to Dec 2023 (1 month)');
    expect(peerWords(comparison(['2023-11', '2023-12']))).toContain('(2 months)');
    expect(peerWords(comparison([]))).toContain('over no common months');
  });
});
