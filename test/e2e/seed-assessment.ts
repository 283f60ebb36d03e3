import { readFileSync } from 'node:fs';
import { createAssessment, type Assessment } from '../../models/risk-matrix/assessment';
import { importMatrixFile } from '../../models/risk-matrix/matrix-import';
import { RiskModel } from '../../models/risk-matrix/schema';
import { SHARED } from './helpers';

/**
 * The seed assessment as a first visit creates it (src/data/seed-assessment.ts):
 * the Central Bedfordshire 2014-15 template with the published matrix imported
 * through the same path as a user's file. Read with readFileSync, because the
 * browser tests' loader does not take JSON modules.
 */
export function realSeedAssessment(): Assessment {
  const template = RiskModel.parse(JSON.parse(readFileSync(new URL('../../models/risk-matrix/templates/central-beds-2014.json', import.meta.url), 'utf8')));
  const csv = readFileSync(`${SHARED}reference/central-beds-2014-risk-matrix.csv`, 'utf8');
  const r = importMatrixFile(createAssessment(template, { id: 'seed', name: 'Central Bedfordshire 2014-15 (seed)', now: 0 }), 'central-beds-2014-risk-matrix.csv', csv, 0);
  if (!r.ok) throw new Error(`the seed matrix does not import: ${JSON.stringify(r.problems)}`);
  return r.assessment;
}
