import seedCsv from '../../sample-data/reference/central-beds-2014-risk-matrix.csv?raw';
import { createAssessment, type Assessment } from '../../models/risk-matrix/assessment';
import { importMatrixFile } from '../../models/risk-matrix/matrix-import';
import { SEED_TEMPLATE_ID, templateById } from '../../models/risk-matrix/templates';

export const SEED_ASSESSMENT_NAME = 'Central Bedfordshire 2014-15 (seed)';
export const SEED_FILE_NAME = 'central-beds-2014-risk-matrix.csv';

/**
 * The seed assessment: the 2014 Central Bedfordshire template with the
 * published matrix imported through the same path as a user's file. The CSV is
 * bundled as text, so creating it needs no request at all.
 *
 * @example await store.seedOnce(() => seedAssessment(crypto.randomUUID(), Date.now()))
 */
export function seedAssessment(id: string, now: number): Assessment {
  const empty = createAssessment(templateById(SEED_TEMPLATE_ID)!, { id, name: SEED_ASSESSMENT_NAME, now });
  const imported = importMatrixFile(empty, SEED_FILE_NAME, seedCsv, now);
  if (!imported.ok) throw new Error(`the embedded seed matrix does not import: ${imported.problems.map((p) => `line ${p.line}, ${p.column}: ${p.reason}`).join('; ')}`);
  return imported.assessment;
}
