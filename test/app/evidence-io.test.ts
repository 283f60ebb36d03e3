import { describe, expect, it } from 'vitest';
import { answerEvidenceWrites } from '../../src/app/evidence-io';
import { writeEvidence } from '../../src/components/evidence-events';
import type { EvidenceStore } from '../../src/data/evidence-store';
import { DEFAULT_WEIGHT_TABLES } from '../../models/evidence/weights';

// Issue 13: components take properties and send events; the page owns the IO.
describe('evidence writes asked of the page', () => {
  it('the page makes the write the component asked for, with its arguments, and the component gets the store’s answer', async () => {
    const calls: unknown[][] = [];
    const store = {
      saveWeights: (w: unknown) => (calls.push(['saveWeights', w]), Promise.resolve()),
      deleteLocalCounts: (id: string, month?: string) => (calls.push(['deleteLocalCounts', id, month]), Promise.resolve(3)),
    } as unknown as EvidenceStore;
    const page = new EventTarget();
    const stop = answerEvidenceWrites(page, () => store);
    await writeEvidence(page, 'saveWeights', DEFAULT_WEIGHT_TABLES);
    expect(await writeEvidence(page, 'deleteLocalCounts', 'asb', '2023-01')).toBe(3);
    expect(calls).toEqual([
      ['saveWeights', DEFAULT_WEIGHT_TABLES],
      ['deleteLocalCounts', 'asb', '2023-01'],
    ]);
    // The store's failure reaches the component as it is.
    (store as { saveWeights: unknown }).saveWeights = () => Promise.reject(new Error('the disk is full'));
    await expect(writeEvidence(page, 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('the disk is full');
    stop();
    await expect(writeEvidence(page, 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('nothing here can save the evidence set-up');
  });

  it('leaves the request unanswered while the page has no store yet', async () => {
    const page = new EventTarget();
    answerEvidenceWrites(page, () => undefined);
    await expect(writeEvidence(page, 'saveWeights', DEFAULT_WEIGHT_TABLES)).rejects.toThrow('nothing here can save');
  });
});
