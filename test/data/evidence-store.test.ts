import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../models/evidence/audit';
import { DEFAULT_BANDING_RULES, type Proposal } from '../../models/evidence/banding';
import { addIssue, DEFAULT_CATALOGUE, removeIssue, withCrimeTypes } from '../../models/evidence/catalogue';
import { readLocalCounts, type LocalCount } from '../../models/evidence/local-counts';
import { DEFAULT_WEIGHT_TABLES } from '../../models/evidence/weights';
import { openEvidenceStore, type EvidenceStore } from '../../src/data/evidence-store';

let name: string;
let store: EvidenceStore;
let n = 0;
beforeEach(async () => {
  name = `evidence-${++n}-${Date.now()}`;
  store = await openEvidenceStore(name);
});
afterEach(() => store.close());

const reopen = async () => {
  store.close();
  store = await openEvidenceStore(name);
};
const count = (month: string, c: number, issueId = 'domestic-abuse'): LocalCount => ({ issueId, month, count: c, source: { kind: 'typed', at: 1 } });

describe('openEvidenceStore', () => {
  it('reads defaults before anything is saved', async () => {
    expect(await store.setup()).toEqual({
      catalogue: DEFAULT_CATALOGUE,
      localCounts: [],
      weights: DEFAULT_WEIGHT_TABLES,
      banding: DEFAULT_BANDING_RULES,
      period: { end: null, months: 12 },
    });
    expect(await store.version()).toBe(0);
  });

  it('keeps the mapping, weights, rules and period across a reopen', async () => {
    const catalogue = withCrimeTypes(DEFAULT_CATALOGUE, 'serious-acquisitive-crime', ['Burglary']);
    const weights = { ...DEFAULT_WEIGHT_TABLES, harm: { ...DEFAULT_WEIGHT_TABLES.harm, source: 'Local', weights: { Burglary: 3 } } };
    const banding = { rules: [{ ...DEFAULT_BANDING_RULES.rules[0]!, thresholds: [5, 20, 40, 80] }] };
    await store.saveCatalogue(catalogue);
    await store.saveWeights(weights);
    await store.saveBanding(banding);
    await store.savePeriod({ end: '2023-06', months: 12 });
    await reopen();
    expect(await store.setup()).toMatchObject({ catalogue, weights, banding, period: { end: '2023-06', months: 12 } });
    expect(await store.version()).toBe(4);
  });

  it('refuses to save what is not valid, and keeps what was there', async () => {
    await expect(store.saveBanding({ rules: [{ ...DEFAULT_BANDING_RULES.rules[0]!, scores: [1] }] })).rejects.toThrow('Likelihood: 4 thresholds make 5 bands, so give 5 scores (found 1)');
    await expect(store.saveWeights({ ...DEFAULT_WEIGHT_TABLES, cost: { ...DEFAULT_WEIGHT_TABLES.cost, weights: { Burglary: 1 } } })).rejects.toThrow('name the source');
    expect((await store.setup()).banding).toEqual(DEFAULT_BANDING_RULES);
  });

  it('replaces local counts for the same issue-month, never adding to them', async () => {
    expect(await store.putLocalCounts([count('2023-01', 41), count('2023-02', 39)])).toEqual({ added: 2, replaced: [] });
    expect(await store.putLocalCounts([count('2023-02', 44)])).toEqual({ added: 0, replaced: [{ issueId: 'domestic-abuse', month: '2023-02', before: 39, after: 44 }] });
    await reopen();
    expect((await store.setup()).localCounts.map((c) => [c.month, c.count])).toEqual([
      ['2023-01', 41],
      ['2023-02', 44],
    ]);
  });

  it('loads the same CSV twice without double counting', async () => {
    const csv = 'issue,month,count\nDomestic abuse,2023-01,41\nHate crime,2023-01,7\n';
    for (let i = 0; i < 2; i++) {
      const r = readLocalCounts(csv, 'local.csv', DEFAULT_CATALOGUE, 1);
      if (!r.ok) throw new Error('not read');
      await store.putLocalCounts(r.counts);
    }
    expect((await store.setup()).localCounts.reduce((s, c) => s + c.count, 0)).toBe(48);
  });

  it('removes local counts by issue or month, and those of issues removed from the catalogue', async () => {
    await store.putLocalCounts([count('2023-01', 1), count('2023-02', 2), count('2023-01', 3, 'hate-crime'), count('2023-01', 4, 're-offending')]);
    expect(await store.deleteLocalCounts('domestic-abuse', '2023-02')).toBe(1);
    expect(await store.deleteLocalCounts('domestic-abuse', '2023-02')).toBe(0);
    expect(await store.saveCatalogue(removeIssue(DEFAULT_CATALOGUE, 'hate-crime'))).toEqual({ removedCounts: 1 });
    expect(await store.deleteLocalCounts('re-offending')).toBe(1);
    expect((await store.setup()).localCounts.map((c) => [c.issueId, c.month])).toEqual([['domestic-abuse', '2023-01']]);
    // An added local issue keeps its counts when the catalogue is saved again.
    const { catalogue, id } = addIssue(removeIssue(DEFAULT_CATALOGUE, 'hate-crime'), 'Knife crime', 'local');
    await store.saveCatalogue(catalogue);
    await store.putLocalCounts([count('2023-01', 9, id)]);
    expect(await store.saveCatalogue(catalogue)).toEqual({ removedCounts: 0 });
  });

  it('appends score decisions to an audit trail that survives a reopen', async () => {
    const proposal = { issueId: 'burglary', criterionId: 'likelihood', value: 3, explanation: 'Mean 79 a month: 3.' } as Proposal;
    const a = decide({ id: 'd1', assessmentId: 'A', proposal, chosen: 3, at: 1000 });
    const b = decide({ id: 'd2', assessmentId: 'A', proposal, chosen: 5, reason: 'Spike', at: 2000 });
    const c = decide({ id: 'd3', assessmentId: 'B', proposal, chosen: 3, at: 1500 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('not decided');
    await store.recordDecision(b.decision);
    await store.recordDecision(a.decision);
    await store.recordDecision(c.decision);
    await expect(store.recordDecision(a.decision)).rejects.toThrow('decision d1 is already in the audit trail');
    await reopen();
    expect((await store.decisions('A')).map((d) => [d.id, d.kind, d.chosen])).toEqual([
      ['d1', 'accepted', 3],
      ['d2', 'overridden', 5],
    ]);
  });
});
