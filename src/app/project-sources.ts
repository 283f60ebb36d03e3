import type { ProjectSources } from '../data/project-io';
import type { Services } from './context';

/**
 * Where the app's project files read and write: the stores the page holds,
 * and the need store through the need worker (which owns it).
 */
export function projectSources(s: Services): ProjectSources {
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
