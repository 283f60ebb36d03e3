import { readFileSync } from 'node:fs';
import { DEFAULT_BANDING_RULES } from '../../models/evidence/banding';
import { DEFAULT_CATALOGUE } from '../../models/evidence/catalogue';
import { DEFAULT_PERIOD } from '../../models/evidence/period';
import { DEFAULT_WEIGHT_TABLES } from '../../models/evidence/weights';
import { projectFileText } from '../../models/project/read';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectFile } from '../../models/project/schema';
import { DEFAULT_OUTPUT_SETTINGS } from '../../models/report/settings';
import { createAssessment } from '../../models/risk-matrix/assessment';
import { RiskModel, type Criterion, type ScoreGrid } from '../../models/risk-matrix/schema';

/**
 * Heavy but valid files (issue 14, defect 19: a 10,000-issue matrix or a
 * 3,000 × 200 project blocked the page for 30-90 s). Deterministic: the
 * score of issue i on criterion j is (7i + 3j) mod 6, so the expected totals
 * are known without reading the file back.
 */

// Read as a file, not imported: Playwright's loader cannot import JSON modules.
const SEED_TEMPLATE = new URL('../../models/risk-matrix/templates/central-beds-2014.json', import.meta.url);
const seedTemplate = (): RiskModel => RiskModel.parse(JSON.parse(readFileSync(SEED_TEMPLATE, 'utf8')));

/** The score the generators give issue `i` on criterion `j` (0-5, the seed's scale). */
export const heavyScore = (i: number, j: number): number => (7 * i + 3 * j) % 6;

/** Issue names the generators use: `Issue 1` … */
export const heavyIssue = (i: number): string => `Issue ${i + 1}`;

/**
 * A matrix CSV for the seed template (Central Bedfordshire 2014: 9 criteria
 * scored 0-5, every weight 1, total = plain sum) with `n` issues and a
 * correct `total` column.
 *
 * @example heavyMatrixCsv(10_000).split('\n').length // 10,002 (header, rows, final newline)
 */
export function heavyMatrixCsv(n: number): string {
  const model = seedTemplate();
  const lines = [['issue', ...model.criteria.map((c) => c.id), 'total'].join(',')];
  for (let i = 0; i < n; i++) {
    const cells = model.criteria.map((_, j) => heavyScore(i, j));
    lines.push([heavyIssue(i), ...cells, cells.reduce((s, v) => s + v, 0)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The seed template widened to `k` criteria (the first nine as they are, then copies of the last scale), weights 1, plain sum. */
export function wideModel(k: number): RiskModel {
  const seed = seedTemplate();
  const criteria: Criterion[] = [];
  for (let j = 0; j < k; j++) {
    const from = seed.criteria[Math.min(j, seed.criteria.length - 1)]!;
    criteria.push(j < seed.criteria.length ? from : { ...from, id: `criterion_${j + 1}`, label: `Criterion ${j + 1}`, description: '' });
  }
  return { ...seed, id: 'wide', name: `Wide model (${k} criteria)`, criteria, aggregation: { kind: 'weighted-sum' } };
}

/**
 * A project file holding one assessment of `issues` issues × `criteria`
 * criteria, every cell scored, with a rationale on every tenth cell.
 *
 * @example JSON.parse(heavyProjectText(3_000, 200)).assessment.issues.length // 3000
 */
export function heavyProject(issues: number, criteria: number): ProjectFile {
  const model = wideModel(criteria);
  const a = createAssessment(model, { id: 'heavy', name: `Heavy project (${issues} × ${criteria})`, now: Date.UTC(2026, 11, 1) });
  const scores: ScoreGrid = {};
  const list = [];
  for (let i = 0; i < issues; i++) {
    const id = `issue-${i + 1}`;
    list.push({ id, label: heavyIssue(i) });
    const row: ScoreGrid[string] = {};
    model.criteria.forEach((c, j) => {
      row[c.id] = (i + j) % 10 === 0 ? { value: heavyScore(i, j), rationale: `Reason ${i + 1}.${j + 1}` } : { value: heavyScore(i, j) };
    });
    scores[id] = row;
  }
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    exportedAt: Date.UTC(2026, 11, 1),
    generator: 'test/hostile/heavy.ts',
    assessment: { ...a, issues: list, scores },
    evidence: { setup: { catalogue: DEFAULT_CATALOGUE, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, banding: DEFAULT_BANDING_RULES, period: DEFAULT_PERIOD }, decisions: [], links: {} },
    need: null,
    outputs: DEFAULT_OUTPUT_SETTINGS,
    data: { area: null, crime: { months: [], rows: 0, forces: [] }, partitions: [], datasets: [], need: { userIndicators: [], lookup: null } },
  };
}

/** {@link heavyProject} as the text of a file. */
export const heavyProjectText = (issues: number, criteria: number): string => projectFileText(heavyProject(issues, criteria));

/** The total the generators' issue `i` gets with `k` criteria of weight 1 summed. */
export const heavyTotal = (i: number, k: number): number => {
  let t = 0;
  for (let j = 0; j < k; j++) t += heavyScore(i, j);
  return t;
};
