import type { RowProblem } from '../row-problem';
import type { Assessment } from './assessment';
import { replaceMatrix } from './issue-edit';
import { readMatrixCsv, type MatrixRead, type TotalMismatch } from './matrix-csv';

export type MatrixImport = { ok: false; fileName: string; problems: RowProblem[] } | { ok: true; fileName: string; assessment: Assessment; mismatches: TotalMismatch[]; notes: string[] };

/**
 * The one path a matrix file takes into an assessment (a user's file and the
 * embedded seed alike): read it against the assessment's model and, if it has
 * no errors, replace the issues and scores, recording where they came from.
 *
 * @example
 *   const r = importMatrixFile(a, file.name, await file.text(), Date.now());
 *   if (r.ok) await store.save(r.assessment, `Import ${file.name}`);
 */
export function importMatrixFile(a: Assessment, fileName: string, text: string, now: number): MatrixImport {
  return applyMatrixRead(a, fileName, readMatrixCsv(text, a.model), now);
}

/**
 * The second half of {@link importMatrixFile}, for a file read elsewhere
 * (in the files worker) against this assessment's model.
 *
 * @example const r = applyMatrixRead(a, file.name, await files.readMatrix(text, a.model), Date.now());
 */
export function applyMatrixRead(a: Assessment, fileName: string, read: MatrixRead, now: number): MatrixImport {
  if (!read.ok) return { ok: false, fileName, problems: read.problems };
  const next = replaceMatrix(a, read.issues, read.scores);
  return {
    ok: true,
    fileName,
    assessment: { ...next, lastImport: { fileName, importedAt: now, issues: read.issues.length, totalMismatches: read.mismatches.length } },
    mismatches: read.mismatches,
    notes: read.notes,
  };
}
