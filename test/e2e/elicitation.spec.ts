import { expect, test } from '@playwright/test';
import { pairsOf, pairwiseWeights, type Judgement } from '../../models/elicitation/pairwise';
import { rocWeights } from '../../models/elicitation/ranking';
import { formatPercent } from '../../models/format';
import { weightedCriteria } from '../../models/risk-matrix/explain';
import { comparable, engineInput } from '../../models/sensitivity/basis';
import { linearProblem } from '../../models/sensitivity/problem';
import { sensitivitySettings, smaaOptionsOf } from '../../models/sensitivity/settings';
import { runSmaa } from '../../models/sensitivity/smaa';
import { topNShare } from '../../models/sensitivity/summary';
import { realSeedAssessment } from './seed-assessment';
import { tableRecords } from './helpers';

/** Guided weight elicitation on the Priorities page, on the seed assessment a first visit creates. */
const seed = realSeedAssessment();
const ids = seed.model.criteria.map((c) => c.id);

test('ranking gives ROC weights, tries them as the draft, and pairwise names inconsistent judgements; a saved set opens in Sensitivity with its provenance', async ({ page }) => {
  await page.goto('/#/priorities');
  const section = page.locator('csp-weight-elicitation');
  await expect(page.getByRole('heading', { name: 'Agree the weights' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  // Keyboard only: move Likelihood (last) to the top with Enter on its Up button.
  const up = section.getByRole('button', { name: 'Move Likelihood up' });
  await up.focus();
  for (let k = 0; k < 8; k++) await page.keyboard.press('Enter');
  const order = section.getByRole('list', { name: 'Criteria, most important first' }).getByRole('listitem');
  await expect(order.first()).toContainText('Likelihood');
  const roc = rocWeights(9);
  const rows = await tableRecords(section.getByRole('table', { name: 'Elicited weights' }));
  expect(rows.find((r) => r['Criterion'] === 'Likelihood')!['Share of the weight']).toBe(formatPercent(roc[0]!));
  expect(rows.find((r) => r['Criterion'] === 'Cost impact')!['Share of the weight']).toBe(formatPercent(roc[8]!));
  await section.getByRole('button', { name: 'Try as draft weights' }).click();
  await expect(page.getByText(/^Total = .*2\.83 × Likelihood/)).toBeVisible();

  await section.getByRole('button', { name: 'Use as SMAA importance order' }).click();
  await expect(section.getByRole('status')).toContainText('Rank acceptability (SMAA) will now keep this order');

  // Pairwise: a cycle (A over B, B over C, C over A, each 9) among the first three.
  await section.getByLabel('Pairwise comparison: compare two criteria at a time').check();
  const [a, b, c] = seed.model.criteria;
  await section.getByLabel(`${a!.label} compared with ${b!.label}`).selectOption(`a:9`);
  await section.getByLabel(`${b!.label} compared with ${c!.label}`).selectOption(`a:9`);
  await section.getByLabel(`${a!.label} compared with ${c!.label}`).selectOption(`b:9`);
  const judgements: Judgement[] = pairsOf(ids).map(([x, y]) => ({ a: x, b: y, favours: 'a', strength: 1 }));
  judgements[0] = { a: a!.id, b: b!.id, favours: 'a', strength: 9 };
  judgements[1] = { a: a!.id, b: c!.id, favours: 'b', strength: 9 };
  judgements[8] = { a: b!.id, b: c!.id, favours: 'a', strength: 9 };
  const expected = pairwiseWeights(ids, judgements);
  expect(expected.cr).toBeGreaterThan(0.1);
  await expect(section.getByTestId('consistency')).toContainText(`Consistency ratio ${expected.cr.toFixed(2)} (above 0.10`);
  await expect(section.getByRole('list', { name: 'Most inconsistent judgements' })).toBeVisible();

  // Back to a ranking, saved and sent to Sensitivity.
  await section.getByLabel('Swing weighting: rate each swing against the most important').check();
  await section.getByLabel('Most important swing (100 points)').selectOption({ label: 'Physical harm to victim' });
  await section.getByLabel('Cost impact (points)').fill('20');
  await section.getByLabel('Cost impact (points)').press('Tab');
  await section.getByLabel('Name for the weight set').fill('Board swing');
  await section.getByRole('button', { name: 'Save and open in Sensitivity' }).click();
  await expect(page).toHaveURL(/#\/sensitivity\?basis=set%3Aboard/);
  await expect(page.getByTestId('basis')).toContainText('Every view below analyses Board swing (weight set)');
  await expect(page.getByTestId('provenance')).toContainText('Agreed by swing weighting on');
  await expect(page.getByTestId('provenance')).toContainText('Physical harm to victim 100 points');
  await expect(page.getByTestId('provenance')).toContainText('Cost impact 20 points');
});

test('SMAA around the weights in use (±25%) in the worker matches the engine in Node, seed for seed, and says which analysis it is', async ({ page }) => {
  await page.goto('/#/sensitivity');
  await expect(page.getByTestId('basis')).toContainText('Every view below analyses Draft weights');
  await page.getByRole('tab', { name: 'Rank acceptability', exact: true }).click();
  await page.getByRole('radio', { name: /Around the weights in use/ }).check();
  await expect(page.getByLabel('Each weight within ± (%)')).toHaveValue('25');
  await page.getByLabel('Samples').fill('5000');
  await page.getByLabel('Samples').press('Enter');
  await page.getByRole('button', { name: 'Run SMAA' }).click();
  await expect(page.getByTestId('smaa-basis')).toContainText('Around the weights in use: based on 5,000 weightings near the chosen weights (seed 1234), each weight varied at random within ±25%');
  const input = engineInput(seed, comparable(seed, 'draft')!);
  const { options } = smaaOptionsOf(
    sensitivitySettings({ sensitivity: { ...sensitivitySettings({}), samples: 5000, around: 0.25 } }),
    weightedCriteria(seed.model).map((c) => c.id),
  );
  const expected = runSmaa(linearProblem(input), options);
  const top5 = topNShare(expected, 5);
  const rows = await tableRecords(page.getByRole('table', { name: 'Rank acceptability' }));
  for (const r of rows) expect(r['In top 5'], r['Issue']).toBe(formatPercent(top5[expected.issueLabels.indexOf(r['Issue']!)]!));
});
