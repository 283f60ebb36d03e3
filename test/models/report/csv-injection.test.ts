import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv, parseCsv } from '../../../models/csv';
import { buildDashboard, DEFAULT_DASHBOARD_SETTINGS } from '../../../models/dashboard/dashboard';
import { dashboardCsv } from '../../../models/dashboard/csv';
import { addIssue, DEFAULT_CATALOGUE } from '../../../models/evidence/catalogue';
import { countCube } from '../../../models/evidence/cube';
import { computeEvidence } from '../../../models/evidence/evidence';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';
import { evidenceCsv } from '../../../models/report/evidence-csv';
import { renameIssue } from '../../../models/risk-matrix/issue-edit';
import { movements } from '../../../models/risk-matrix/movement';
import { rankedCsv } from '../../../models/risk-matrix/ranked-csv';
import { rank } from '../../../models/risk-matrix/score';
import { seedAssessment } from '../../../src/data/seed-assessment';
import { crimeRows } from '../../fixtures/crime-rows';

/** Text a spreadsheet would run as a formula, and what the CSV must hold instead. */
const DANGEROUS: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['+1', "'+1"],
  ['-1', "'-1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', "'\rx"],
];

describe('CSV cells are neutralised against spreadsheet formula injection', () => {
  it('prefixes text starting with = + - @ tab or CR with an apostrophe, and keeps numbers as numbers', () => {
    for (const [text, cell] of DANGEROUS) expect(parseCsv(`${csvCell(text)}\n`).records[0]!.fields[0], JSON.stringify(text)).toBe(cell);
    expect(formatCsv([[-1, 2.5, 0, 1e6, null]])).toBe('-1,2.5,0,1000000,\r\n');
    expect(csvCell('Up 3 (2%)')).toBe('Up 3 (2%)');
  });

  it('in the ranked priorities CSV', () => {
    let a = seedAssessment('a', 1);
    DANGEROUS.slice(0, 4).forEach(([text], i) => (a = renameIssue(a, a.issues[i]!.id, text)));
    const ranked = rank(a.model, a.issues, a.scores);
    const { records } = parseCsv(rankedCsv(a.model, ranked, movements(ranked, ranked), a.scores, {}));
    const issues = records.slice(1).map((r) => r.fields[2]);
    for (const [, cell] of DANGEROUS.slice(0, 4)) expect(issues).toContain(cell);
    // Totals and scores stay numbers.
    expect(records[1]!.fields[3]).toMatch(/^\d+$/);
  });

  it('in the evidence and dashboard CSVs', () => {
    let catalogue = DEFAULT_CATALOGUE;
    for (const [text] of DANGEROUS.slice(0, 4)) catalogue = addIssue(catalogue, text, 'police-uk', ['Burglary']).catalogue;
    const months = monthRange('2023-01', '2023-12');
    const cube = countCube(crimeRows(months.map((month) => ({ month, crimeType: 'Burglary', times: 5 }))), 'Luton');
    const evidence = computeEvidence({ cube, storedMonths: months, population: null, config: { catalogue, localCounts: [], weights: DEFAULT_WEIGHT_TABLES, period: { end: null, months: 12 } } });
    for (const csv of [evidenceCsv(evidence), dashboardCsv(buildDashboard(evidence, DEFAULT_DASHBOARD_SETTINGS))]) {
      const rows = parseCsv(csv).records.map((r) => r.fields);
      const first = rows.map((r) => r[0]);
      for (const [, cell] of DANGEROUS.slice(0, 4)) expect(first).toContain(cell);
      const burglary = rows.find((r) => r[0] === 'Burglary')!;
      expect(burglary.some((c) => c === '60')).toBe(true);
    }
  });
});
