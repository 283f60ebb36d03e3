import { describe, expect, it } from 'vitest';
import { traceFromHash, traceHref } from '../../src/components/evidence-events';

describe('traceHref and traceFromHash', () => {
  it('write and read the Evidence page address that opens a figure’s trace', () => {
    const href = traceHref({ issueId: 'criminal-damage-and-arson', figure: 'change' });
    expect(href).toBe('#/evidence?trace=criminal-damage-and-arson&figure=change');
    expect(traceFromHash(href)).toEqual({ issueId: 'criminal-damage-and-arson', figure: 'change' });
  });

  it('ignores an address without a trace, or with a figure the table does not have', () => {
    expect(traceFromHash('#/evidence')).toBeNull();
    expect(traceFromHash('#/evidence?trace=burglary&figure=total')).toBeNull();
    expect(traceFromHash('#/evidence?figure=volume')).toBeNull();
  });
});
