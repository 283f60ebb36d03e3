import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../models/evidence/audit';
import { DEFAULT_BANDING_RULES } from '../../models/evidence/banding';
import { withCrimeTypes, DEFAULT_CATALOGUE } from '../../models/evidence/catalogue';
import { DEFAULT_SETTINGS } from '../../models/need/schema';
import { assessmentContent } from '../../models/project/copy';
import { projectFileText } from '../../models/project/read';
import { PROJECT_VERSION, type ProjectFile } from '../../models/project/schema';
import { DEFAULT_OUTPUT_SETTINGS } from '../../models/report/settings';
import { setCell } from '../../models/risk-matrix/issue-edit';
import { setCutLine, setDraftWeight } from '../../models/risk-matrix/weights-edit';
import { scenarioFromDraft } from '../../models/sensitivity/scenario-edit';
import { updateSensitivitySettings } from '../../models/sensitivity/settings';
import { burglaryProposal } from '../fixtures/evidence';
import { openAssessmentStore, type AssessmentStore } from '../../src/data/assessment-store';
import { openEvidenceStore, type EvidenceStore } from '../../src/data/evidence-store';
import { openNeedStore, type NeedStore } from '../../src/data/need-store';
import { exportProject, importProject, restoreSettings, undoRestore, type ProjectSources } from '../../src/data/project-io';
import { openReportStore, type ReportStore } from '../../src/data/report-store';
import type { PartitionMeta, Settings } from '../../src/data/schema';
import { seedAssessment } from '../../src/data/seed-assessment';

/** The data store's part a project reads: stored partitions, datasets, and the area (in memory; writes are counted). */
function fakeData(months: string[], area = 'Luton') {
  const metas: PartitionMeta[] = months.map((m) => ({
    key: `crime|bedfordshire|${m}`,
    kind: 'crime',
    datasetId: 'd1',
    importId: 'i1',
    fileName: `${m}-luton-street.csv.gz`,
    importedAt: 1,
    rows: 1000,
    rejected: 0,
    month: m,
    force: 'bedfordshire',
  }));
  let settings: Settings = { area, sampleLoaded: true };
  const data = {
    writes: 0,
    partitions: async () => metas,
    datasets: async () => [{ id: 'd1', label: 'Luton sample', source: 'sample' as const, createdAt: 1, importId: 'i1', fileNames: metas.map((m) => m.fileName) }],
    settings: async () => settings,
    updateSettings: async (patch: Partial<Settings>) => {
      data.writes++;
      settings = { ...settings, ...patch };
      return settings;
    },
  };
  return data;
}

let n = 0;
let assessments: AssessmentStore;
let evidence: EvidenceStore;
let need: NeedStore;
let report: ReportStore;
let data: ReturnType<typeof fakeData>;
let sources: ProjectSources;
const SEED_ID = 'seed-1';

beforeEach(async () => {
  const tag = `${++n}-${Date.now()}`;
  [assessments, evidence, need, report] = await Promise.all([openAssessmentStore(`a-${tag}`), openEvidenceStore(`e-${tag}`), openNeedStore(`n-${tag}`), openReportStore(`r-${tag}`)]);
  data = fakeData(['2023-01', '2023-02', '2023-03']);
  sources = { assessments, evidence, data, need, report };
  // An assessment with what a real one carries: a rationale and confidence, draft weights, a cut line, a second weight set.
  let a = seedAssessment(SEED_ID, 1);
  const da = a.issues[0]!.id;
  a = setCell(a, da, 'likelihood', { value: 4, rationale: 'Rising in the town centre; =SUM(A1) in the notes', confidence: 'Medium' });
  a = setDraftWeight(a, 'community_priority', 3);
  a = setCutLine(a, 6);
  a = { ...a, weightSets: [...a.weightSets, { id: 'ws2', name: 'Harm first', weights: { physical_harm_to_victim: 2 }, savedAt: 5 }] };
  // What the Sensitivity page keeps with the assessment: a scenario and the analyses' set-up.
  a = scenarioFromDraft(a, 'Community first', 6);
  a = updateSensitivitySettings(a, { seed: 42, samples: 5_000, topN: 6 });
  await assessments.save(a);
  const d = decide({ id: 'd1', assessmentId: SEED_ID, proposal: burglaryProposal(3, { issueId: da }), chosen: 4, reason: 'Rising in the town centre', at: 10 });
  if (!d.ok) throw new Error(d.error);
  await evidence.recordDecision(d.decision);
  await evidence.saveLinks(SEED_ID, { [a.issues.find((i) => i.label === 'Burglary Dwelling')!.id]: { evidenceIssueId: 'burglary', at: 11 } });
  await evidence.saveCatalogue(withCrimeTypes(DEFAULT_CATALOGUE, 'serious-acquisitive-crime', ['Burglary', 'Robbery']));
  await evidence.savePeriod({ end: '2023-02', months: 1 });
  await need.saveSettings('Luton', { ...DEFAULT_SETTINGS, topN: 3, method: 'percentile' });
  await report.saveSettings({ ...DEFAULT_OUTPUT_SETTINGS, report: { ...DEFAULT_OUTPUT_SETTINGS.report, topN: 4 } });
});
afterEach(() => {
  for (const s of [assessments, evidence, need, report]) s.close();
});

/** Everything the stores hold, to check that a refused import wrote nothing. */
async function snapshot() {
  const list = await assessments.list();
  return {
    list,
    records: await Promise.all(list.map((s) => assessments.get(s.id))),
    current: await assessments.currentId(),
    lastUndo: await assessments.lastUndo(),
    assessmentsVersion: await assessments.version(),
    evidence: await evidence.setup(),
    evidenceVersion: await evidence.version(),
    decisions: await Promise.all(list.map((s) => evidence.decisions(s.id))),
    links: await Promise.all(list.map((s) => evidence.links(s.id))),
    need: await need.settings('Luton'),
    needRevision: await need.revision(),
    report: await report.settings(),
    restoreUndo: await report.restoreUndo(),
    dataWrites: data.writes,
  };
}

describe('project file round trip', () => {
  it('exports the assessment as stored, and imports it as a new assessment with identical content', async () => {
    const stored = (await assessments.get(SEED_ID))!;
    const file = await exportProject(sources, SEED_ID, 1000);
    expect(file).toMatchObject({ format: 'csp-workbench-project', version: PROJECT_VERSION, exportedAt: 1000 });
    expect(file.assessment).toEqual(stored);
    expect(file.assessment.scenarios?.map((s) => s.name)).toEqual(['Community first']);
    expect(file.assessment.sensitivity).toMatchObject({ seed: 42, samples: 5_000, topN: 6 });
    expect(file.evidence.decisions).toHaveLength(1);
    expect(file.evidence.links).toEqual({ 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 11 } });
    expect(file.evidence.setup.period).toEqual({ end: '2023-02', months: 1 });
    expect(file.need).toEqual({ area: 'Luton', settings: { ...DEFAULT_SETTINGS, topN: 3, method: 'percentile' } });
    expect(file.outputs.report.topN).toBe(4);
    expect(file.data).toMatchObject({ area: 'Luton', crime: { months: ['2023-01', '2023-02', '2023-03'], rows: 3000, forces: ['bedfordshire'] } });

    const ids = ['new-assessment', 'new-decision'];
    const r = await importProject(sources, projectFileText(file), { now: Date.UTC(2026, 0, 31), newId: () => ids.shift()! });
    if (!r.ok) throw new Error(r.error);
    expect(r).toMatchObject({ assessmentId: 'new-assessment', name: 'Central Bedfordshire 2014-15 (seed) (imported 31/01/2026)', dataWarnings: [], settingsDiffer: [] });
    const imported = (await assessments.get('new-assessment'))!;
    expect(assessmentContent(imported)).toEqual(assessmentContent(stored));
    expect(imported.scores[stored.issues[0]!.id]!['likelihood']).toEqual({ value: 4, rationale: 'Rising in the town centre; =SUM(A1) in the notes', confidence: 'Medium' });
    expect(await assessments.get(SEED_ID)).toEqual(stored);
    expect(await assessments.currentId()).toBe('new-assessment');
    const [was] = await evidence.decisions(SEED_ID);
    const [now] = await evidence.decisions('new-assessment');
    expect(now).toEqual({ ...was, id: 'new-decision', assessmentId: 'new-assessment' });
    expect(await evidence.links('new-assessment')).toEqual(await evidence.links(SEED_ID));
    // Undoing the import removes the new assessment.
    const undo = (await assessments.lastUndo())!;
    expect(undo.label).toBe('Import project “Central Bedfordshire 2014-15 (seed) (imported 31/01/2026)”');
    await assessments.undo(undo.id);
    expect(await assessments.get('new-assessment')).toBeUndefined();
  });

  it('keeps the name when no assessment has it', async () => {
    const file = await exportProject(sources, SEED_ID, 1000);
    const renamed = { ...file, assessment: { ...file.assessment, name: '2025 draft' } };
    const r = await importProject(sources, JSON.stringify(renamed), { now: 1, newId: () => crypto.randomUUID() });
    expect(r.ok && r.name).toBe('2025 draft');
  });

  it('warns, without refusing, when the data the file describes differs from what is loaded', async () => {
    const file = await exportProject(sources, SEED_ID, 1000);
    sources.data = fakeData(['2023-02', '2023-03', '2023-04'], 'Bedford');
    const r = await importProject(sources, projectFileText(file), { now: 1, newId: () => crypto.randomUUID() });
    if (!r.ok) throw new Error(r.error);
    expect(r.dataWarnings).toEqual([
      'The file was made for Luton; the partnership area now is Bedford.',
      'The file was made with 3 months of police.uk data (Jan 2023 to Mar 2023); 3 are loaded now (Feb 2023 to Apr 2023): 1 month it used is not loaded (Jan 2023); 1 month is loaded that it did not use (Apr 2023).',
    ]);
    expect(r.settingsDiffer).toContain('the partnership area (file: Luton; now: Bedford)');
  });

  it('restores the file’s settings only when asked, and the restore can be undone', async () => {
    const file = await exportProject(sources, SEED_ID, 1000);
    const mine = await snapshot();
    // Someone changes their settings after exporting; the import leaves them alone.
    await evidence.savePeriod({ end: null, months: 12 });
    await need.saveSettings('Luton', DEFAULT_SETTINGS);
    await report.saveSettings(DEFAULT_OUTPUT_SETTINGS);
    const r = await importProject(sources, projectFileText(file), { now: 1, newId: () => crypto.randomUUID() });
    if (!r.ok) throw new Error(r.error);
    expect(r.settingsDiffer).toEqual(['the assessment period (file: 1 months to Feb 2023; now: 12 months to the latest month)', 'the community need settings for Luton', 'the report settings']);
    expect((await evidence.setup()).period).toEqual({ end: null, months: 12 });

    await restoreSettings(sources, r.project, 2);
    expect((await evidence.setup()).period).toEqual(mine.evidence.period);
    expect((await evidence.setup()).catalogue).toEqual(mine.evidence.catalogue);
    expect(await need.settings('Luton')).toEqual(mine.need);
    expect(await report.settings()).toEqual(mine.report);
    expect((await report.restoreUndo())?.label).toBe('Restore settings from the project “Central Bedfordshire 2014-15 (seed)”');

    await undoRestore(sources);
    expect((await evidence.setup()).period).toEqual({ end: null, months: 12 });
    expect(await need.settings('Luton')).toEqual(DEFAULT_SETTINGS);
    expect(await report.settings()).toEqual(DEFAULT_OUTPUT_SETTINGS);
    expect(await report.restoreUndo()).toBeUndefined();
  });

  it('restores local counts exactly: the file’s replace those held', async () => {
    await evidence.putLocalCounts([{ issueId: 'domestic-abuse', month: '2023-01', count: 40, source: { kind: 'typed', at: 1 } }]);
    const file = await exportProject(sources, SEED_ID, 1000);
    await evidence.deleteLocalCounts('domestic-abuse');
    await evidence.putLocalCounts([{ issueId: 'hate-crime', month: '2023-02', count: 7, source: { kind: 'typed', at: 2 } }]);
    await restoreSettings(sources, file, 3);
    expect((await evidence.setup()).localCounts.map((c) => [c.issueId, c.month, c.count])).toEqual([['domestic-abuse', '2023-01', 40]]);
    await undoRestore(sources);
    expect((await evidence.setup()).localCounts.map((c) => [c.issueId, c.month, c.count])).toEqual([['hate-crime', '2023-02', 7]]);
  });
});

describe('importProject refuses a bad file and writes nothing', () => {
  let file: ProjectFile;
  beforeEach(async () => {
    file = await exportProject(sources, SEED_ID, 1000);
  });

  const cases: [string, () => string, RegExp][] = [
    ['invalid JSON', () => '{"format": "csp-workbench-project", ', /^This is not a project file: it is not valid JSON/],
    ['a JSON array', () => '[1, 2]', /^This is not a project file: it holds no JSON object\.$/],
    [
      'another format',
      () => JSON.stringify({ ...file, format: 'something-else' }),
      /^This is not a CSP workbench project file: its "format" is "something-else", where a project file has "csp-workbench-project"\.$/,
    ],
    ['no format', () => JSON.stringify({ version: 1 }), /it has no "format"/],
    ['a newer version', () => JSON.stringify({ ...file, version: PROJECT_VERSION + 1 }), /saved by a newer version of the workbench \(project file version 2; this version reads version 1\)/],
    ['a version that is not a number', () => JSON.stringify({ ...file, version: '1' }), /has no valid version \(found "1"\)/],
    [
      'an assessment from a newer schema',
      () => JSON.stringify({ ...file, assessment: { ...file.assessment, schemaVersion: 2 } }),
      /assessment in this file was saved by a newer version of the workbench \(assessment schema 2; this version reads 1\)/,
    ],
    [
      'a score outside its scale',
      () => {
        const a = structuredClone(file.assessment);
        a.scores[a.issues[0]!.id]!['likelihood'] = { value: 9 };
        return JSON.stringify({ ...file, assessment: a });
      },
      /^This project file cannot be imported: assessment\.scores\.domestic-abuse\.likelihood: Domestic Abuse, Likelihood: 9 must be a whole number from 0 to 5\. Nothing was changed\.$/,
    ],
    [
      'a decision of another assessment',
      () => JSON.stringify({ ...file, evidence: { ...file.evidence, decisions: [{ ...file.evidence.decisions[0]!, assessmentId: 'other' }] } }),
      /evidence\.decisions\[0\]\.assessmentId: decision d1 belongs to assessment "other"/,
    ],
    ['a missing section', () => JSON.stringify({ ...file, outputs: undefined }), /^This project file cannot be imported: outputs: /],
    [
      'bad banding rules',
      () => JSON.stringify({ ...file, evidence: { ...file.evidence, setup: { ...file.evidence.setup, banding: { rules: [{ ...DEFAULT_BANDING_RULES.rules[0]!, thresholds: [5, 1] }] } } } }),
      /evidence\.setup\.banding\.rules\[0\]/,
    ],
  ];

  for (const [what, text, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await snapshot();
      const r = await importProject(sources, text(), { now: 1, newId: () => crypto.randomUUID() });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('importProject when the evidence store refuses the decisions', () => {
  it('removes the new assessment and its links again, and says why', async () => {
    const file = await exportProject(sources, SEED_ID, 1000);
    const before = (await assessments.list()).length;
    const refusing: ProjectSources = { ...sources, evidence: Object.assign(Object.create(evidence) as EvidenceStore, { recordDecisions: async () => Promise.reject(new Error('the disk is full')) }) };
    const ids = ['again', 'd-again'];
    const r = await importProject(refusing, projectFileText(file), { now: 1, newId: () => ids.shift()! });
    expect(r).toEqual({ ok: false, error: 'The project’s issue links and score decisions could not be stored (the disk is full), so the imported assessment was removed again. Nothing was changed.' });
    expect(await assessments.list()).toHaveLength(before);
    expect(await evidence.links('again')).toEqual({});
    expect(await evidence.decisions('again')).toEqual([]);
  });
});
