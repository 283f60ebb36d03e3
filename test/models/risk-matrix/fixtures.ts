import { readFileSync } from 'node:fs';
import { createAssessment, type Assessment } from '../../../models/risk-matrix/assessment';
import { importMatrixFile } from '../../../models/risk-matrix/matrix-import';
import { SEED_TEMPLATE_ID, templateById } from '../../../models/risk-matrix/templates';

/** The published matrix, read from the shared reference copy (not the app's). */
export const SEED_CSV = readFileSync(new URL('../../../../shared/reference/central-beds-2014-risk-matrix.csv', import.meta.url), 'utf8');

/** The published rows: [issue, ...9 scores, total], as the plan prints them. */
export const SEED_ROWS = SEED_CSV.trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));

export const seedTemplate = () => templateById(SEED_TEMPLATE_ID)!;

/** The seed matrix as an assessment, through the CSV import path. */
export function seedAssessment(): Assessment {
  const r = importMatrixFile(createAssessment(seedTemplate(), { id: 'seed', name: 'Seed', now: 0 }), 'seed.csv', SEED_CSV, 0);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.assessment;
}
