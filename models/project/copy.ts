import type { ScoreDecision } from '../evidence/audit';
import { formatDate } from '../format';
import type { Assessment } from '../risk-matrix/assessment';
import type { IssueLink } from '../evidence/links';
import type { ProjectFile } from './schema';

export interface ImportedCopy {
  assessment: Assessment;
  decisions: ScoreDecision[];
  links: Record<string, IssueLink>;
}

/**
 * The file's assessment as a new assessment: a new id (an import never
 * overwrites), a name not yet taken, and its decisions and issue links moved
 * to the new id. Everything else — model, issues, scores, rationales,
 * confidence, weight sets, baseline, draft weights, cut line, scenarios — is
 * kept as it is in the file.
 *
 * @example importedCopy(project, { id: 'new', decisionId: (i) => `new-${i}`, takenNames: ['2025 draft'], now }).assessment.name // '2025 draft (imported 01/02/2026)'
 */
export function importedCopy(p: ProjectFile, opts: { id: string; decisionId: (i: number) => string; takenNames: readonly string[]; now: number }): ImportedCopy {
  const taken = new Set(opts.takenNames.map((n) => n.trim().toLowerCase()));
  let name = p.assessment.name;
  if (taken.has(name.trim().toLowerCase())) {
    const base = `${p.assessment.name} (imported ${formatDate(opts.now)})`;
    name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} ${k}`;
  }
  return {
    // Shallow copies: nothing here changes the file's objects, and a deep copy of a 3,000 × 200 assessment took a second on the page.
    assessment: { ...p.assessment, id: opts.id, name },
    decisions: p.evidence.decisions.map((d, i) => ({ ...d, id: opts.decisionId(i), assessmentId: opts.id })),
    links: { ...p.evidence.links },
  };
}

/** The assessment's content, without what an import changes (id, name, time stamps): equal for a file and its import. */
export function assessmentContent(a: Assessment): Omit<Assessment, 'id' | 'name' | 'createdAt' | 'updatedAt'> {
  const { id, name, createdAt, updatedAt, ...content } = a;
  void id;
  void name;
  void createdAt;
  void updatedAt;
  return content;
}
