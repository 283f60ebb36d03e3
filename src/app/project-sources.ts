import type { Remote } from 'comlink';
import { exportProject, restoreSettings, undoRestore, type ImportOutcome, type ProjectSources } from '../data/project-io';
import type { AssessmentStore } from '../data/assessment-store';
import type { DataStore } from '../data/store';
import type { EvidenceStore } from '../data/evidence-store';
import type { ReportStore, RestoreUndo } from '../data/report-store';
import type { FileProgress } from '../../models/file-progress';
import type { ProjectFile } from '../../models/project/schema';
import type { NeedApi } from '../../workers/need-api';
import type { FilesApi } from '../../workers/files.worker';
import { proxy } from '../../workers/client';

/** The stores the page holds and the need worker: what a project file reads and writes. */
export interface ProjectStores {
  assessments: AssessmentStore;
  evidenceStore: EvidenceStore;
  store: DataStore;
  reports: ReportStore;
  need: Remote<NeedApi>;
}

/**
 * Where the app's project files read and write: the stores the page holds,
 * and the need store through the need worker (which owns it).
 */
export function projectSources(s: ProjectStores): ProjectSources {
  return {
    assessments: s.assessments,
    evidence: s.evidenceStore,
    data: s.store,
    report: s.reports,
    need: {
      settings: (area) => s.need.settings(area),
      saveSettings: (area, settings) => s.need.saveSettings(area, settings),
      userIndicators: async () => (await s.need.records()).userIndicators,
      lookup: async () => (await s.need.records()).lookup ?? undefined,
    },
  };
}

/**
 * Project files as one service of the app (a page answers the project-file
 * control's requests of it): export the open assessment, import a file (read,
 * checked and stored in the files worker, with progress), restore the file's
 * settings and undo that restore.
 */
export class ProjectFiles {
  constructor(
    private readonly sources: ProjectSources,
    private readonly files: Remote<FilesApi>,
  ) {}

  exportProject(assessmentId: string, now: number): Promise<ProjectFile> {
    return exportProject(this.sources, assessmentId, now);
  }

  /** Progress comes on a port of its own, so a report can arrive after the answer. */
  importProject(text: string, now: number, onProgress: (p: FileProgress) => void): Promise<ImportOutcome> {
    return this.files.importProject(text, now, proxy(onProgress));
  }

  restoreSettings(project: ProjectFile, now: number): Promise<void> {
    return restoreSettings(this.sources, project, now);
  }

  undoRestore(): Promise<void> {
    return undoRestore(this.sources);
  }

  /** The settings restore that can be undone, if any. */
  restoreUndo(): Promise<RestoreUndo | undefined> {
    return this.sources.report.restoreUndo();
  }
}
