import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { APP_DATABASES, listenForChanges, type Change } from '../../src/data/changes';
import { openDataStore } from '../../src/data/idb-store';
import { openEvidenceStore } from '../../src/data/evidence-store';
import { openNeedStore } from '../../src/data/need-store';
import { openAssessmentStore } from '../../src/data/assessment-store';
import { openReportStore } from '../../src/data/report-store';
import { seedAssessment } from '../../src/data/seed-assessment';
import { DEFAULT_SETTINGS } from '../../models/need/schema';
import { DEFAULT_OUTPUT_SETTINGS } from '../../models/report/settings';
import { DEFAULT_WEIGHT_TABLES } from '../../models/evidence/weights';

const settle = () => new Promise((r) => setTimeout(r, 20));
let n = 0;
const unique = (store: string) => `changes-${store}-${++n}-${Date.now()}`;

describe('the shared change channel', () => {
  it('hears every store announce its change, with the store, its database and its new version', async () => {
    const names = { data: unique('data'), evidence: unique('evidence'), need: unique('need'), assessments: unique('assessments'), reports: unique('reports') };
    const heard: Change[] = [];
    const stop = listenForChanges((c) => heard.push(c), names);
    const [data, evidence, need, assessments, reports] = await Promise.all([
      openDataStore(names.data),
      openEvidenceStore(names.evidence),
      openNeedStore(names.need),
      openAssessmentStore(names.assessments),
      openReportStore(names.reports),
    ]);
    await data.updateSettings({ area: 'Luton' });
    await evidence.saveWeights(DEFAULT_WEIGHT_TABLES);
    await need.saveSettings('Luton', DEFAULT_SETTINGS);
    await assessments.save(seedAssessment('a', 1));
    await reports.saveSettings(DEFAULT_OUTPUT_SETTINGS);
    await reports.saveSettings(DEFAULT_OUTPUT_SETTINGS);
    await settle();
    stop();
    expect(heard.map((c) => [c.store, c.db, c.version])).toEqual([
      ['data', names.data, 1],
      ['evidence', names.evidence, 1],
      ['need', names.need, 1],
      ['assessments', names.assessments, 1],
      ['reports', names.reports, 1],
      ['reports', names.reports, 2],
    ]);
    // The announced version is the stored one.
    expect(await Promise.all([data.version(), evidence.version(), need.version(), assessments.version(), reports.version()])).toEqual([1, 1, 1, 1, 2]);
    for (const s of [data, evidence, need, assessments, reports]) s.close();
  });

  it("listens only to the databases it names (by default the app's own)", async () => {
    const heardApp: Change[] = [];
    const heardOther: Change[] = [];
    const stopApp = listenForChanges((c) => heardApp.push(c));
    const other = unique('need');
    const stopOther = listenForChanges((c) => heardOther.push(c), { need: other });
    const need = await openNeedStore(other);
    await need.saveSettings('Luton', DEFAULT_SETTINGS);
    await settle();
    stopApp();
    stopOther();
    need.close();
    expect(heardApp).toEqual([]);
    expect(heardOther).toEqual([{ store: 'need', db: other, version: 1 }]);
    expect(APP_DATABASES.need).not.toBe(other);
  });

  it("raises the need store's version for a settings change but not the revision its worker's cache keys on", async () => {
    const need = await openNeedStore(unique('need'));
    await need.saveSettings('Luton', DEFAULT_SETTINGS);
    expect([await need.version(), await need.revision()]).toEqual([1, 0]);
    await need.setLookup(null, 'Remove the lookup');
    expect([await need.version(), await need.revision()]).toEqual([2, 1]);
    need.close();
  });

  it('announces nothing for a change that is refused', async () => {
    const name = unique('evidence');
    const heard: Change[] = [];
    const stop = listenForChanges((c) => heard.push(c), { evidence: name });
    const evidence = await openEvidenceStore(name);
    await expect(evidence.saveWeights({ nonsense: true } as never)).rejects.toThrow();
    await settle();
    stop();
    expect(heard).toEqual([]);
    expect(await evidence.version()).toBe(0);
    evidence.close();
  });
});
