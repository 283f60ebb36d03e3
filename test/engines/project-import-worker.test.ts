import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { projectFileText } from '../../models/project/read';
import { openAssessmentStore } from '../../src/data/assessment-store';
import { openEvidenceStore } from '../../src/data/evidence-store';
import { fileReaders } from '../../src/engines/file-readers';
import { PROJECT_STEPS, type FileProgress } from '../../models/file-progress';
import { openDataStore } from '../../src/data/idb-store';
import { openNeedStore } from '../../src/data/need-store';
import { exportProject } from '../../src/data/project-io';
import { openReportStore } from '../../src/data/report-store';
import { seedAssessment } from '../../src/data/seed-assessment';

// Issue 14, defect 19: a project file is read, checked and stored in the files worker, off the
// page's thread. fileReaders.importProject is what that worker runs; here it runs in Node on the
// same (default-named) databases the app uses.
describe('fileReaders.importProject (what the files worker runs)', () => {
  it('stores the project as a new, open assessment in the app’s own databases, reporting each step', async () => {
    const [assessments, evidence, data, report, need] = await Promise.all([openAssessmentStore(), openEvidenceStore(), openDataStore(), openReportStore(), openNeedStore()]);
    const sources = { assessments, evidence, data, report, need };
    await assessments.save(seedAssessment('seed-1', 1));
    const text = projectFileText(await exportProject(sources, 'seed-1', 2));

    const steps: FileProgress[] = [];
    const outcome = await fileReaders.importProject(text, 3, (p) => steps.push(p));
    if (!outcome.ok) throw new Error(outcome.error);
    expect(steps.map((s) => s.done)).toEqual([0, 1, 2]);
    expect(steps.every((s) => s.total === PROJECT_STEPS)).toBe(true);
    // Seen through the page's own connections, as the page sees the worker's writes.
    const list = await assessments.list();
    expect(list).toHaveLength(2);
    expect(await assessments.currentId()).toBe(outcome.assessmentId);
    expect((await assessments.get(outcome.assessmentId))!.issues).toHaveLength(seedAssessment('x', 1).issues.length);
    expect(outcome.name).not.toBe(list.find((a) => a.id === 'seed-1')!.name);

    const refused = await fileReaders.importProject('{"not": "a project"}', 4);
    expect(refused.ok).toBe(false);
    expect(await assessments.list()).toHaveLength(2);
    for (const s of [assessments, evidence, data, report, need]) s.close();
  });
});
