import { z } from 'zod';
import { readProjectFile, type ProjectRead } from '../../models/project/read';
import { readMatrixCsv, type MatrixRead } from '../../models/risk-matrix/matrix-csv';
import { RiskModel } from '../../models/risk-matrix/schema';
import { PROJECT_STEPS, type FileProgress } from '../../models/file-progress';
import { importProject, type ImportOutcome, type ProjectSources } from '../data/project-io';
import { openAssessmentStore } from '../data/assessment-store';
import { openEvidenceStore } from '../data/evidence-store';
import { openDataStore } from '../data/idb-store';
import { openReportStore } from '../data/report-store';
import { openNeedStore } from '../data/need-store';

/**
 * The heavy reads of a matrix CSV and a project file: parsing, validation
 * and id-making, the same functions the page used to run itself. The files
 * worker exposes this object; tests call it in process.
 *
 * @example const r = fileReaders.readMatrix(text, assessment.model); if (r.ok) applyMatrixRead(assessment, name, r, Date.now())
 */
export const fileReaders = {
  /** A matrix CSV read against a model ({@link readMatrixCsv}); progress in characters read. */
  readMatrix(text: string, model: RiskModel, onProgress?: (p: FileProgress) => void): MatrixRead {
    return readMatrixCsv(z.string().parse(text), RiskModel.parse(model), (done, total) => onProgress?.({ done, total, what: 'reading the rows' }));
  },
  /** A project file's text read and checked ({@link readProjectFile}); progress in steps of {@link PROJECT_STEPS}. */
  readProject(text: string, onProgress?: (p: FileProgress) => void): ProjectRead {
    onProgress?.({ done: 0, total: PROJECT_STEPS, what: 'reading the file' });
    return readProjectFile(z.string().parse(text), () => onProgress?.({ done: 1, total: PROJECT_STEPS, what: 'checking every field' }));
  },
  /**
   * Reads, checks and stores a project file ({@link importProject}) here, off
   * the page's thread: copying a 3,000 × 200 assessment, checking it against
   * its schema and writing it takes seconds. The stores announce what changed,
   * so the page's views reload as after any other change.
   */
  async importProject(text: string, now: number, onProgress?: (p: FileProgress) => void): Promise<ImportOutcome> {
    const sources = await storesHere();
    return importProject(sources, z.string().parse(text), {
      now: z.number().parse(now),
      newId: () => crypto.randomUUID(),
      read: (t) => {
        const r = fileReaders.readProject(t, onProgress);
        onProgress?.({ done: 2, total: PROJECT_STEPS, what: 'adding the assessment to this browser' });
        return r;
      },
    });
  },
};

let stores: Promise<ProjectSources> | undefined;
/** The stores a project import writes to, opened once by whichever thread runs {@link fileReaders}. */
function storesHere(): Promise<ProjectSources> {
  stores ??= Promise.all([openAssessmentStore(), openEvidenceStore(), openDataStore(), openReportStore(), openNeedStore()]).then(([assessments, evidence, data, report, need]) => ({
    assessments,
    evidence,
    data,
    report,
    need,
  }));
  stores.catch(() => (stores = undefined));
  return stores;
}
