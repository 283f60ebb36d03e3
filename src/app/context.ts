import { createContext } from '@lit/context';
import type { Remote } from 'comlink';
import type { DataStore } from '../data/store';
import type { AssessmentStore } from '../data/assessment-store';
import type { ImportApi } from '../../workers/import.worker';
import type { DataApi } from '../../workers/data-api';
import type { EvidenceApi } from '../../workers/evidence-api';
import type { EvidenceStore } from '../data/evidence-store';
import type { NeedApi } from '../../workers/need-api';
import type { HotspotsApi } from '../../workers/hotspots-api';
import type { FilesApi } from '../../workers/files.worker';
import type { SensitivityApi } from '../../workers/sensitivity.worker';
import type { ReportStore } from '../data/report-store';
import type { ImportJobs } from './import-jobs';
import type { ProjectFiles } from './project-sources';
import type { Versions } from '../data/changes';

/** Long-lived services every view may use, provided once by the app shell. */
export interface Services {
  /** Read access to the data store from the page (small records only: descriptions, settings, reports). */
  store: DataStore;
  /** The worker that writes to the store: imports, deletes, undo. */
  importer: Remote<ImportApi>;
  /** The worker that aggregates stored data for views. */
  data: Remote<DataApi>;
  jobs: ImportJobs;
  /** The worker that derives evidence per issue (volumes, rates, change, traces). */
  evidence: Remote<EvidenceApi>;
  /** The evidence set-up: issue catalogue, local counts, weights, banding rules, audit trail. */
  evidenceStore: EvidenceStore;
  /** The community need matrix: placement, indicators, scoring, and its own store (user indicators, lookup, settings). */
  need: Remote<NeedApi>;
  /** Hot spots: grid counts, kernel density, Gi* and their classification over time, with each cell's source rows. */
  hotspots: Remote<HotspotsApi>;
  /** Reads matrix CSVs and project files (parse, validate) off the page's thread, with progress. */
  files: Remote<FilesApi>;
  /** How robust a ranking is: SMAA (progress, cancel), stability intervals, tornado, "what would it take", scenario comparison. */
  sensitivity: Remote<SensitivityApi>;
  /** Risk-matrix assessments (their own IndexedDB database; small records, read and written from the page). */
  assessments: AssessmentStore;
  /** Dashboard and report settings, and the undo of a settings restore from a project file. */
  reports: ReportStore;
  /** Project files: export an assessment, import one, restore its settings and undo that. */
  projects: ProjectFiles;
}
export const servicesContext = createContext<Services>(Symbol('services'));

/**
 * What changes under the views: every store's version as announced on the
 * shared change channel (`versions.data` is raised by every write to the
 * data store, settings included), and the chosen area.
 */
export interface WorkbenchState {
  versions: Versions;
  area: string | null;
}
export const stateContext = createContext<WorkbenchState>(Symbol('workbench-state'));
