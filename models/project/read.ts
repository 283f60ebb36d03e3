import { z } from 'zod';
import { ASSESSMENT_SCHEMA_VERSION } from '../risk-matrix/assessment';
import { PROJECT_FORMAT, PROJECT_VERSION, ProjectFile } from './schema';

export type ProjectRead = { ok: true; project: ProjectFile } | { ok: false; error: string };

const MAX_PROBLEMS = 5;

/** A zod problem as a reader can follow it: where in the file, then what. */
function problemText(issue: z.core.$ZodIssue): string {
  const where =
    issue.path.length === 0
      ? 'the file'
      : issue.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
          .join('.')
          .replace(/\.\[/g, '[');
  return `${where}: ${issue.message}`;
}

/**
 * Reads a project file's text, checking it in order — JSON, kind, version,
 * then every field — and says what is wrong in words. Nothing is stored here.
 * `onChecking` is told when the JSON has been read and the fields are being checked.
 *
 * @example readProjectFile('{"format":"csp-workbench-project","version":2}') // { ok: false, error: 'This project file was saved by a newer version …' }
 */
export function readProjectFile(text: string, onChecking?: () => void): ProjectRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `This is not a project file: it is not valid JSON (${(e as Error).message}).` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'This is not a project file: it holds no JSON object.' };
  const head = raw as Record<string, unknown>;
  if (head['format'] !== PROJECT_FORMAT) {
    const found = head['format'] === undefined ? 'it has no "format"' : `its "format" is ${JSON.stringify(head['format'])}`;
    return { ok: false, error: `This is not a CSP workbench project file: ${found}, where a project file has "${PROJECT_FORMAT}".` };
  }
  const version = head['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `This project file has no valid version (found ${JSON.stringify(version ?? null)}); a project file has a whole-number "version".` };
  }
  if (version > PROJECT_VERSION) {
    return {
      ok: false,
      error: `This project file was saved by a newer version of the workbench (project file version ${version}; this version reads version ${PROJECT_VERSION}). Reload the page to update the workbench, then import it again. Nothing was changed.`,
    };
  }
  const schemaVersion = (head['assessment'] as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion > ASSESSMENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `The assessment in this file was saved by a newer version of the workbench (assessment schema ${schemaVersion}; this version reads ${ASSESSMENT_SCHEMA_VERSION}). Reload the page to update the workbench, then import it again. Nothing was changed.`,
    };
  }
  onChecking?.();
  const parsed = ProjectFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues;
    const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
    return { ok: false, error: `This project file cannot be imported: ${problems.slice(0, MAX_PROBLEMS).map(problemText).join('; ')}${more}. Nothing was changed.` };
  }
  return { ok: true, project: parsed.data };
}

/** The file's text: indented JSON, so it can be read and compared. */
export const projectFileText = (p: ProjectFile): string => `${JSON.stringify(p, null, 2)}\n`;
