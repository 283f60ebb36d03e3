import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../models/evidence/audit';
import { DEFAULT_BANDING_RULES } from '../../models/evidence/banding';
import { addIssue, DEFAULT_CATALOGUE, removeIssue, withCrimeTypes } from '../../models/evidence/catalogue';
import { readLocalCounts, type LocalCount } from '../../models/evidence/local-counts';
import { DEFAULT_WEIGHT_TABLES } from '../../models/evidence/weights';
import { openDB } from 'idb';
import { EVIDENCE_DB_VERSION, openEvidenceStore, type EvidenceStore } from '../../src/data/evidence-store';
import { burglaryProposal } from '../fixtures/evidence';

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
const PROPOSAL = burglaryProposal(3, { valueLabel: 'Medium', explanation: 'Mean 79 a month: 3.' });
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
    const proposal = PROPOSAL;
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

  it('records several decisions in one step, or none when one is refused', async () => {
    const d = (id: string, chosen: number, at: number) => {
      const r = decide({ id, assessmentId: 'A', proposal: PROPOSAL, chosen, reason: 'Local knowledge', at });
      if (!r.ok) throw new Error(r.error);
      return r.decision;
    };
    await store.recordDecisions([d('d1', 3, 1), d('d2', 4, 2)]);
    await expect(store.recordDecisions([d('d3', 3, 3), d('d1', 5, 4)])).rejects.toThrow('decision d1 is already in the audit trail');
    await expect(store.recordDecisions([d('d4', 3, 5), { ...d('d5', 4, 6), reason: '' }])).rejects.toThrow('give a reason for overriding the proposed score');
    expect((await store.decisions('A')).map((x) => x.id)).toEqual(['d1', 'd2']);
  });

  it('keeps each assessment’s issue links across a reopen; null removes a stored link', async () => {
    expect(await store.links('A')).toEqual({});
    await store.saveLinks('A', { 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 }, terrorism: { evidenceIssueId: null, at: 2 } });
    await store.saveLinks('B', { tfmv: { evidenceIssueId: 'vehicle-crime', at: 3 } });
    expect(await store.saveLinks('A', { terrorism: null, tfmv: { evidenceIssueId: 'vehicle-crime', at: 4 } })).toEqual({
      'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 },
      tfmv: { evidenceIssueId: 'vehicle-crime', at: 4 },
    });
    await reopen();
    expect(Object.keys(await store.links('A'))).toEqual(['burglary-dwelling', 'tfmv']);
    expect(await store.links('B')).toEqual({ tfmv: { evidenceIssueId: 'vehicle-crime', at: 3 } });
    await expect(store.saveLinks('A', { x: { evidenceIssueId: '', at: 1 } } as never)).rejects.toThrow();
    expect(Object.keys(await store.links('A'))).toEqual(['burglary-dwelling', 'tfmv']);
  });
});

describe('evidence store upgrade', () => {
  it('opens a version 1 database, keeping its set-up, counts and audit trail, and adds links', async () => {
    const old = `evidence-v1-${Date.now()}`;
    const v1 = await openDB(old, 1, {
      upgrade(db) {
        db.createObjectStore('kv');
        db.createObjectStore('localCounts').createIndex('issueId', 'issueId');
        db.createObjectStore('decisions', { keyPath: 'id' }).createIndex('assessmentId', 'assessmentId');
      },
    });
    const banding = { rules: [{ ...DEFAULT_BANDING_RULES.rules[0]!, thresholds: [5, 20, 40, 80] }] };
    const c = count('2023-01', 41);
    const { basis: _b, evidenceIssueId: _e, period: _p, ...phase1 } = (decide({ id: 'd1', assessmentId: 'A', proposal: PROPOSAL, chosen: 3, at: 9 }) as { decision: Record<string, unknown> }).decision;
    await v1.put('kv', banding, 'banding');
    await v1.put('kv', 7, 'version');
    await v1.put('localCounts', c, 'domestic-abuse|2023-01');
    await v1.put('decisions', phase1);
    v1.close();

    const upgraded = await openEvidenceStore(old);
    try {
      const setup = await upgraded.setup();
      expect(setup.banding).toEqual(banding);
      expect(setup.localCounts).toEqual([c]);
      expect(await upgraded.decisions('A')).toEqual([phase1]);
      expect(await upgraded.version()).toBe(7);
      await upgraded.saveLinks('A', { 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 } });
      expect(await upgraded.links('A')).toEqual({ 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 } });
    } finally {
      upgraded.close();
    }
    const check = await openDB(old);
    expect(check.version).toBe(EVIDENCE_DB_VERSION);
    expect([...check.objectStoreNames].sort()).toEqual(['decisions', 'kv', 'links', 'localCounts']);
    check.close();
  });
});
