import { parseCsv } from '../../models/csv';
import { RiskModel } from '../../models/risk-matrix/schema';
import type { Assessment } from '../../models/sensitivity/problem';
import seedCsv from '../../sample-data/reference/central-beds-2014-risk-matrix.csv?raw';

/** The criteria of the 2014 Central Bedfordshire matrix, as the plan names them. */
const LABELS: Record<string, string> = {
  performance_deteriorating: 'Performance deteriorating',
  poc_national_priority: 'PCC/national priority',
  community_priority: 'Community priority',
  harm_to_property: 'Harm to property',
  physical_harm_to_victim: 'Physical harm to victim',
  psychological_harm_to_victim: 'Psychological harm to victim',
  generator_of_fear_worry: 'Generator of fear/worry',
  cost_impact: 'Cost impact',
  likelihood: 'Likelihood',
};

/**
 * The embedded 2014 Central Bedfordshire risk matrix as an assessment (issue ids
 * i0..i31 in file order, every weight 1, weighted sum), for the lab page until
 * the assessment store provides real assessments.
 */
export function seedAssessment(): Assessment {
  const { records } = parseCsv(seedCsv);
  const ids = records[0]!.fields.slice(1, -1);
  const rows = records.slice(1).map((r) => r.fields);
  const scale = { min: 0, max: 5, levels: [{ value: 0, label: 'N/A' }, { value: 1, label: 'Low' }, { value: 3, label: 'Medium' }, { value: 5, label: 'High' }] };
  const model = RiskModel.parse({
    id: 'central-beds-2014',
    name: 'Central Bedfordshire 2014-15',
    criteria: ids.map((id) => ({ id, label: LABELS[id] ?? id, description: '', group: id === 'likelihood' ? 'Likelihood' : 'Harm', scale, weight: 1 })),
    aggregation: { kind: 'weighted-sum' },
  });
  return {
    model,
    issues: rows.map((r, i) => ({ id: `i${i}`, label: r[0]! })),
    scores: Object.fromEntries(rows.map((r, i) => [`i${i}`, Object.fromEntries(ids.map((c, j) => [c, { value: Number(r[j + 1]) }]))])),
  };
}
