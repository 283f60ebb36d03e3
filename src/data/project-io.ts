import { DEFAULT_SETTINGS, type NeedSettings } from '../../models/need/schema';
import { importedCopy } from '../../models/project/copy';
import { dataDifferences, settingsDifferences } from '../../models/project/differences';
import { readProjectFile, type ProjectRead } from '../../models/project/read';
import { DataDescription, fileSettings, PROJECT_FORMAT, PROJECT_VERSION, ProjectFile, SettingsSnapshot } from '../../models/project/schema';
import type { AssessmentStore } from './assessment-store';
import type { EvidenceStore } from './evidence-store';
import type { ReportStore } from './report-store';
import type { DataStore } from './store';

/** The need matrix's settings and what the user loaded for it (the need store, or the need worker in the app). */
export interface NeedAccess {
  settings(area: string): Promise<NeedSettings | undefined>;
  saveSettings(area: string, settings: NeedSettings): Promise<void>;
  userIndicators(): Promise<readonly { name: string; fileName: string; importedAt: number }[]>;
  lookup(): Promise<{ fileName: string; importedAt: number } | undefined>;
}

/** Where a project's parts are read from and written to. */
export interface ProjectSources {
  assessments: AssessmentStore;
  evidence: EvidenceStore;
  data: Pick<DataStore, 'settings' | 'updateSettings' | 'partitions' | 'datasets'>;
  need: NeedAccess;
  report: ReportStore;
}

export const GENERATOR = 'CSP Strategic Assessment Workbench';

/**
 * What is loaded now, as a project file describes it.
 *
 * @example (await describeData(sources)).crime.months.length // 32 on the Luton sample
 */
export async function describeData(s: ProjectSources): Promise<DataDescription> {
  const [metas, datasets, settings, indicators, lookup] = await Promise.all([s.data.partitions(), s.data.datasets(), s.data.settings(), s.need.userIndicators(), s.need.lookup()]);
  const crime = metas.filter((m) => m.kind === 'crime');
  return DataDescription.parse({
    area: settings.area ?? null,
    crime: {
      months: [...new Set(crime.map((m) => m.month ?? ''))].filter((m) => m !== '').sort(),
      rows: crime.reduce((t, m) => t + m.rows, 0),
      forces: [...new Set(crime.map((m) => m.force ?? ''))].filter((f) => f !== '').sort(),
    },
    partitions: metas.map(({ key, kind, fileName, rows, rejected, importedAt }) => ({ key, kind, fileName, rows, rejected, importedAt })).sort((a, b) => a.key.localeCompare(b.key)),
    datasets: datasets.map(({ label, source, createdAt, fileNames }) => ({ label, source, createdAt, fileNames })),
    need: {
      userIndicators: indicators.map(({ name, fileName, importedAt }) => ({ name, fileName, importedAt })),
      lookup: lookup === undefined ? null : { fileName: lookup.fileName, importedAt: lookup.importedAt },
    },
  });
}

/**
 * The settings in force: evidence set-up, need settings of an area, partnership area, dashboard and report settings.
 * Need settings never stored read as the defaults (so an undo can put them back).
 */
export async function currentSettings(s: ProjectSources, needArea?: string | null): Promise<SettingsSnapshot> {
  const [setup, settings, outputs] = await Promise.all([s.evidence.setup(), s.data.settings(), s.report.settings()]);
  const area = settings.area ?? null;
  const at = needArea ?? area;
  const need = at === null ? null : { area: at, settings: (await s.need.settings(at)) ?? DEFAULT_SETTINGS };
  const { catalogue, localCounts, weights, banding, period } = setup;
  return SettingsSnapshot.parse({ evidence: { catalogue, localCounts, weights, banding, period }, need, area, outputs });
}

/**
 * One assessment as a project file: the record as stored, its evidence
 * decisions (and issue links, where kept), the evidence set-up, need
 * settings, dashboard and report settings, and a description of the data
 * loaded. Validated before it is returned.
 *
 * @example const file = await exportProject(sources, id, Date.now()); downloadText('x.json', projectFileText(file), 'application/json')
 */
export async function exportProject(s: ProjectSources, assessmentId: string, now: number): Promise<ProjectFile> {
  const assessment = await s.assessments.get(assessmentId);
  if (assessment === undefined) throw new Error(`no assessment ${assessmentId} to export`);
  const [settings, decisions, links, data] = await Promise.all([currentSettings(s), s.evidence.decisions(assessmentId), s.evidence.links(assessmentId), describeData(s)]);
  const stored = settings.need === null ? undefined : await s.need.settings(settings.need.area);
  return ProjectFile.parse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    exportedAt: now,
    generator: GENERATOR,
    assessment,
    evidence: { setup: settings.evidence, decisions, links },
    need: settings.need === null || stored === undefined ? null : { area: settings.need.area, settings: stored },
    outputs: settings.outputs,
    data,
  });
}

export type ImportOutcome =
  | { ok: false; error: string }
  | {
      ok: true;
      project: ProjectFile;
      assessmentId: string;
      name: string;
      /** How the data the file describes differs from the data loaded now. */
      dataWarnings: string[];
      /** Which of the file's settings differ from those in force (restored only if the user agrees). */
      settingsDiffer: string[];
    };

/**
 * Imports a project file's text: checks everything first (nothing is written
 * for a file with any problem), then adds its assessment as a new assessment
 * (never overwriting; undoable from the assessments' undo) with its issue
 * links and decisions (all or none), and opens it. Settings are not touched: see {@link restoreSettings}.
 * `opts.read` reads and checks the text (by default {@link readProjectFile}, here on this thread).
 *
 * @example const r = await importProject(sources, text, { now: Date.now(), newId: () => crypto.randomUUID() }); if (!r.ok) alert(r.error)
 */
export async function importProject(s: ProjectSources, text: string, opts: { now: number; newId: () => string; read?: (text: string) => ProjectRead | Promise<ProjectRead> }): Promise<ImportOutcome> {
  // The app reads in the files worker; tests read here.
  const read = await (opts.read ?? readProjectFile)(text);
  if (!read.ok) return read;
  const p = read.project;
  const list = await s.assessments.list();
  const copy = importedCopy(p, { id: opts.newId(), decisionId: () => opts.newId(), takenNames: list.map((a) => a.name), now: opts.now });
  const [loaded, mine] = await Promise.all([describeData(s), currentSettings(s, p.need?.area)]);
  await s.assessments.save(copy.assessment, `Import project “${copy.assessment.name}”`);
  const linked = Object.keys(copy.links).length > 0;
  try {
    if (linked) await s.evidence.saveLinks(copy.assessment.id, copy.links);
    // Last, and all or nothing: a trail is never changed once written.
    await s.evidence.recordDecisions(copy.decisions);
  } catch (e) {
    if (linked) await s.evidence.saveLinks(copy.assessment.id, Object.fromEntries(Object.keys(copy.links).map((k) => [k, null]))).catch(() => undefined);
    const undo = await s.assessments.lastUndo();
    if (undo?.assessmentId === copy.assessment.id) await s.assessments.undo(undo.id);
    return { ok: false, error: `The project’s issue links and score decisions could not be stored (${(e as Error).message}), so the imported assessment was removed again. Nothing was changed.` };
  }
  await s.assessments.setCurrentId(copy.assessment.id);
  return {
    ok: true,
    project: p,
    assessmentId: copy.assessment.id,
    name: copy.assessment.name,
    dataWarnings: dataDifferences(p.data, loaded),
    settingsDiffer: settingsDifferences(fileSettings(p), mine),
  };
}

async function applySettings(s: ProjectSources, to: SettingsSnapshot): Promise<void> {
  const e = to.evidence;
  await s.evidence.saveCatalogue(e.catalogue);
  const held = (await s.evidence.setup()).localCounts;
  for (const issueId of new Set(held.map((c) => c.issueId))) await s.evidence.deleteLocalCounts(issueId);
  if (e.localCounts.length > 0) await s.evidence.putLocalCounts(e.localCounts);
  await s.evidence.saveWeights(e.weights);
  await s.evidence.saveBanding(e.banding);
  await s.evidence.savePeriod(e.period);
  if (to.need !== null) await s.need.saveSettings(to.need.area, to.need.settings);
  await s.report.saveSettings(to.outputs);
  if (((await s.data.settings()).area ?? null) !== to.area) await s.data.updateSettings({ area: to.area ?? undefined });
}

/**
 * Puts a project file's settings in force (after the user has agreed): the
 * evidence set-up (catalogue, local counts, weights, banding, period), the
 * need settings, the partnership area, and the dashboard and report
 * settings. The settings replaced are kept, so {@link undoRestore} puts them back.
 */
export async function restoreSettings(s: ProjectSources, p: ProjectFile, now: number): Promise<void> {
  const target = fileSettings(p);
  const before = await currentSettings(s, target.need?.area);
  await s.report.setRestoreUndo({ id: `restore-${now}`, createdAt: now, label: `Restore settings from the project “${p.assessment.name}”`, value: before });
  try {
    await applySettings(s, target);
  } catch (e) {
    await applySettings(s, before).catch(() => undefined);
    await s.report.setRestoreUndo(null);
    throw new Error(`the settings could not be restored (${(e as Error).message}); your own settings were put back`, { cause: e });
  }
}

/** Puts back the settings the last restore replaced. */
export async function undoRestore(s: ProjectSources): Promise<void> {
  const entry = await s.report.restoreUndo();
  if (entry === undefined) throw new Error('there is no settings restore to undo');
  await applySettings(s, SettingsSnapshot.parse(entry.value));
  await s.report.setRestoreUndo(null);
}
