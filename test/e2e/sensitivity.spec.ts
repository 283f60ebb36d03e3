import { expect, test, type Page } from '@playwright/test';
import { formatPercent } from '../../models/format';
import { rank } from '../../models/risk-matrix/score';
import { comparable, engineInput } from '../../models/sensitivity/basis';
import { whatWouldItTake } from '../../models/sensitivity/inverse';
import { linearProblem } from '../../models/sensitivity/problem';
import { compareScenarios } from '../../models/sensitivity/scenario';
import { scenarioFromDraft } from '../../models/sensitivity/scenario-edit';
import { runSmaa } from '../../models/sensitivity/smaa';
import { stabilityIntervals } from '../../models/sensitivity/stability';
import { meanRanks, topNShare } from '../../models/sensitivity/summary';
import { share, weightWords } from '../../models/sensitivity/words';
import { labelsOf, stabilityHeadlineWords } from '../../models/sensitivity/weight-words';
import { setDraftWeight } from '../../models/risk-matrix/weights-edit';
import { realSeedAssessment } from './seed-assessment';
import { tableRecords } from './helpers';

/**
 * The Sensitivity page on the real seed assessment, as a first visit creates
 * it. Expected figures come from the same engine run in Node on the same
 * assessment (built through the same matrix import), seed for seed.
 */
const seed = realSeedAssessment();
const draft = engineInput(seed, comparable(seed, 'draft')!);
const problem = linearProblem(draft);

async function openSensitivity(page: Page) {
  await page.goto('/#/sensitivity');
  await expect(page.getByTestId('basis')).toContainText('Every view below analyses Draft weights');
}

/** The page shows one analysis at a time: choose its tab. */
async function view(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

test.describe('sensitivity page', () => {
  test('runs SMAA in the worker: the Rank acceptability table matches the engine in Node, seed for seed; the set-up survives a reload', async ({ page }) => {
    await openSensitivity(page);
    await view(page, 'Rank acceptability');
    await expect(page.getByLabel('Seed')).toHaveValue('1234');
    await page.getByLabel('Samples').fill('20000');
    await page.getByLabel('Samples').press('Enter');
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    const table = page.getByRole('table', { name: 'Rank acceptability' });
    await expect(page.getByTestId('smaa-basis')).toContainText('Based on 20,000 plausible weightings drawn at random (seed 1234), every one equally likely.');
    const rows = await tableRecords(table);
    expect(rows).toHaveLength(32);

    const expected = runSmaa(problem, { samples: 20_000, seed: 1234 });
    const top5 = topNShare(expected, 5);
    const mean = meanRanks(expected);
    for (const r of rows) {
      const i = expected.issueLabels.indexOf(r['Issue']!);
      expect(r['In top 5'], r['Issue']).toBe(formatPercent(top5[i]!));
      expect(r['Mean rank'], r['Issue']).toBe(mean[i]!.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    }
    const da = expected.issueLabels.indexOf('Domestic Abuse');
    await expect(page.getByTestId('smaa-issue-words')).toContainText(`Domestic Abuse is in the top 5 in ${formatPercent(top5[da]!)} of plausible weightings`);
    await expect(page.locator('csp-smaa-results csp-plot svg').first()).toBeVisible();
    await page.locator('csp-smaa-results').getByText('The same as a table').click();
    const pairs = await tableRecords(page.getByRole('table', { name: /^Ranks above/ }));
    const as = expected.issueLabels.indexOf('ASB (Personal)');
    expect(pairs.find((r) => r['Issue'] === 'Domestic Abuse')!['ASB (Personal)']).toBe(formatPercent(expected.above[da]![as]! / 20_000));
    const central = await tableRecords(page.getByRole('table', { name: /^Central weights/ }));
    expect(central.find((r) => r['Issue'] === 'Domestic Abuse')!['Likelihood']).toBe(formatPercent(expected.centralWeights[da]![8]!));

    // "Top N" is the page's: the column and the words follow with no new run.
    await page.getByLabel('Top N').fill('3');
    await page.getByLabel('Top N').press('Enter');
    await expect(table.getByRole('columnheader', { name: 'In top 3' })).toBeVisible();
    const top3 = topNShare(expected, 3);
    const again = await tableRecords(table);
    expect(again.find((r) => r['Issue'] === 'Terrorism')!['In top 3']).toBe(formatPercent(top3[expected.issueLabels.indexOf('Terrorism')]!));

    // The same seed again gives the very same table; the seed and samples are kept with the assessment.
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByTestId('smaa-basis')).toContainText('Based on 20,000 plausible weightings');
    expect(await tableRecords(table)).toEqual(again);
    await page.getByLabel('Seed').fill('99');
    await page.getByLabel('Seed').press('Enter');
    await expect(page.getByText('These results were drawn for Draft weights before the last change')).toBeVisible();
    await page.waitForTimeout(700); // settings are saved shortly after the last change
    await page.reload();
    await expect(page.getByLabel('Seed')).toHaveValue('99');
    await expect(page.getByLabel('Samples')).toHaveValue('20000');
    await expect(page.getByLabel('Top N')).toHaveValue('3');
  });

  test('SMAA keeps a stated importance order (built from the keyboard) and weight limits, as the engine does in Node', async ({ page }) => {
    await openSensitivity(page);
    await view(page, 'Rank acceptability');
    await page.getByLabel('Samples').fill('5000');
    await page.getByLabel('Samples').press('Enter');
    const add = page.getByLabel('Add to the order');
    // From the keyboard: choose, Tab to "Add", press Enter.
    await add.selectOption({ label: 'Likelihood' });
    await add.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move Likelihood down' })).toBeVisible();
    await page.getByLabel('Add to the order').selectOption({ label: 'Community priority' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Move Community priority up' }).click();
    await expect(page.getByRole('list', { name: 'Importance order, most important first' }).getByRole('listitem')).toHaveText([/^\s*Community priority/, /^\s*Likelihood/]);
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByTestId('smaa-basis')).toContainText('every weighting that keeps the stated order of importance equally likely');
    const ordered = runSmaa(problem, { samples: 5000, seed: 1234, constraints: { order: ['community_priority', 'likelihood'] } });
    const rows = await tableRecords(page.getByRole('table', { name: 'Rank acceptability' }));
    const top5 = topNShare(ordered, 5);
    for (const r of rows) expect(r['In top 5'], r['Issue']).toBe(formatPercent(top5[ordered.issueLabels.indexOf(r['Issue']!)]!));

    await page.getByText('Weight limits (optional)').click();
    await page.getByLabel('Community priority: at most (%)').fill('20');
    await page.getByLabel('Community priority: at most (%)').press('Enter');
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByTestId('smaa-basis')).toContainText('every weighting within the stated limits equally likely');
    const limited = runSmaa(problem, { samples: 5000, seed: 1234, constraints: { order: ['community_priority', 'likelihood'], shareBounds: { community_priority: { min: 0, max: 0.2 } } } });
    const again = await tableRecords(page.getByRole('table', { name: 'Rank acceptability' }));
    const top5l = topNShare(limited, 5);
    for (const r of again) expect(r['In top 5'], r['Issue']).toBe(formatPercent(top5l[limited.issueLabels.indexOf(r['Issue']!)]!));
  });

  test('shows SMAA progress and can cancel, keeping what it has drawn', async ({ page }) => {
    await openSensitivity(page);
    await view(page, 'Rank acceptability');
    await page.getByLabel('Samples').fill('5000000');
    await page.getByLabel('Samples').press('Enter');
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByRole('progressbar', { name: 'SMAA progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel the run' }).click();
    await expect(page.getByText(/The run was stopped after [\d,]+ of 5,000,000\./)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Rank acceptability' })).toBeVisible();
  });

  test('answers "Adult Offending into the top 3" and tries the answer as the draft weights', async ({ page }) => {
    await openSensitivity(page);
    await view(page, 'What would it take?');
    const form = page.getByRole('form', { name: 'What would it take' });
    await form.getByLabel('Issue').selectOption({ label: 'Adult Offending' });
    await form.getByLabel('Into the top').fill('3');
    await page.getByRole('button', { name: 'Find the smallest change' }).click();
    const a = whatWouldItTake(problem, 'adult-offending', 3);
    const words = page.getByTestId('inverse-words');
    await expect(words).toContainText('No single weight, changed on its own, brings Adult Offending (=12th now) into the top 3.');
    await expect(words).toContainText(`the least change moves ${share(a.allWeights!.weightMoved)} of the total weight`);
    expect([a.allWeights!.rank, a.allWeights!.tied]).toEqual([3, true]);
    await expect(words).toContainText('Adult Offending then draws level at =3rd.');

    const table = page.getByRole('table', { name: 'Smallest change to the weights: Adult Offending into the top 3' });
    const rows = await tableRecords(table);
    const cost = rows.find((r) => r['Criterion'] === 'Cost impact')!;
    expect(cost['All weights changed']).toBe(`${weightWords(a.allWeights!.weights['cost_impact']!)} (${share(a.allWeights!.shares['cost_impact']!)})`);
    expect(cost['One weight changed']).toBe('not possible');
    await expect(table.getByRole('row', { name: /Rank of Adult Offending/ })).toContainText('=3rd');

    await page.getByRole('button', { name: 'Try the all-weights change as the draft weights' }).click();
    await expect(words).toContainText('Adult Offending is already in the top 3 (=3rd).');
    await page.getByRole('link', { name: 'Priorities' }).first().click();
    const ranked = page.getByRole('table', { name: 'Ranked priorities' });
    await expect.poll(async () => (await tableRecords(ranked)).find((r) => r['Issue'] === 'Adult Offending')?.['Rank']).toBe('=3');
  });

  test('saves the current weights as a scenario, keeps it over a reload, compares it, and undoes a rename and a delete', async ({ page }) => {
    await page.goto('/#/priorities');
    await page.getByLabel('Community priority weight', { exact: true }).fill('3');
    await openSensitivity(page);
    await view(page, 'Scenarios');
    await expect(page.getByTestId('basis')).toContainText('Community priority 3 (27.3%)');
    await page.getByLabel('Scenario name').fill('Community first');
    await page.getByRole('button', { name: 'Save current weights as scenario' }).click();
    await expect(page.getByText('Saved the current weights as “Community first”.')).toBeVisible();
    await page.reload();

    const scenarios = page.getByRole('table', { name: 'Scenarios' });
    await expect(scenarios.getByRole('row', { name: /Community first/ })).toContainText('Community priority 3');

    await view(page, 'Compare scenarios');
    const withScenario = scenarioFromDraft(setDraftWeight(seed, 'community_priority', 3), 'Community first', 0);
    const cmp = compareScenarios({ model: seed.model, issues: seed.issues, scores: seed.scores }, [
      comparable(withScenario, 'set:baseline')!.scenario,
      comparable(withScenario, 'scenario:community-first')!.scenario,
    ]);
    const ranks = await tableRecords(page.getByRole('table', { name: 'Ranks by scenario' }));
    expect(ranks).toHaveLength(32);
    for (const r of cmp.rows) {
      const shown = ranks.find((x) => x['Issue'] === r.label)!;
      expect([shown['Baseline (weight set)'], shown['Community first']], r.label).toEqual([r.places[0]!.rankLabel, r.places[1]!.rankLabel]);
    }
    expect(ranks.find((r) => r['Issue'] === 'ASB (Personal)')!['Change']).toBe('▲1up 1');
    const moved = cmp.rows.filter((r) => r.change[1] !== 0).length;
    await expect(page.getByTestId('compare-words')).toContainText(`From Baseline (weight set) to Community first, ${moved} issues change rank.`);
    await expect(page.getByTestId('compare-words')).toContainText('Community priority weighs 3 instead of 1.');
    const diffs = await tableRecords(page.getByRole('table', { name: 'What differs from Baseline (weight set)' }));
    expect(diffs).toEqual([{ Scenario: 'Community first', What: 'Community priority weight', 'In Baseline (weight set)': '1', 'In the scenario': '3' }]);
    await expect(page.locator('csp-scenario-compare csp-plot svg')).toBeVisible();

    // Rename through the editor, then undo it.
    await view(page, 'Scenarios');
    await page.getByRole('button', { name: 'Edit “Community first”' }).click();
    await page.getByRole('form', { name: 'Edit scenario “Community first”' }).getByLabel('Name').fill('Community led');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect(scenarios.getByRole('rowheader', { name: 'Community led' })).toBeVisible();
    await expect(page.getByText('Last change: Rename scenario “Community first” to “Community led”')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(scenarios.getByRole('rowheader', { name: 'Community first' })).toBeVisible();

    // Deleting asks first; cancelling keeps it; undo brings a deleted one back.
    await page.getByRole('button', { name: 'Delete “Community first”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(scenarios).toBeVisible();
    await page.getByRole('button', { name: 'Delete “Community first”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('No scenarios yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(scenarios.getByRole('rowheader', { name: 'Community first' })).toBeVisible();
  });

  test('a scenario with a score override and its own total, analysed by every view', async ({ page }) => {
    await openSensitivity(page);
    await view(page, 'Scenarios');
    await page.getByRole('button', { name: 'New scenario with score overrides…' }).click();
    const editor = page.getByRole('form', { name: 'New scenario' });
    await editor.getByLabel('Name', { exact: true }).fill('Adult Offending rising');
    await editor.getByLabel('Issue', { exact: true }).selectOption({ label: 'Adult Offending' });
    await editor.getByLabel('Criterion', { exact: true }).selectOption({ label: 'Likelihood' });
    await editor.getByLabel('Score', { exact: true }).selectOption('5');
    await editor.getByLabel('Confidence', { exact: true }).selectOption('Low');
    await editor.getByRole('button', { name: 'Add override' }).click();
    await expect(editor.getByRole('table', { name: 'Score overrides' })).toContainText('Adult Offending');
    await editor.getByLabel('Totals').selectOption('normalised-average');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('button', { name: 'Analyse “Adult Offending rising”' }).click();
    await view(page, 'Weight stability');
    await expect(page.getByTestId('basis')).toContainText(
      'Every view below analyses Adult Offending rising: a saved scenario. Totals: normalised average (0–100) (the scenario’s choice); the assessed scores with 1 score overridden.',
    );
    await expect(page.getByRole('table', { name: 'Weight stability of the top 5, Adult Offending rising' })).toBeVisible();
    // One Low-confidence score (±2 levels: 3, 4 or 5) is varied in SMAA.
    await view(page, 'Rank acceptability');
    await page.getByLabel('Samples').fill('2000');
    await page.getByLabel('Samples').press('Enter');
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByTestId('smaa-basis')).toContainText('Scores given with Medium or Low confidence were varied too (1 scores).');
    await view(page, 'Compare scenarios');
    const diffs = await tableRecords(page.getByRole('table', { name: 'What differs from Baseline (weight set)' }));
    expect(diffs).toContainEqual({ Scenario: 'Adult Offending rising', What: 'Score: Adult Offending, Likelihood', 'In Baseline (weight set)': '3', 'In the scenario': '5 (Low)' });
    expect(diffs).toContainEqual({ Scenario: 'Adult Offending rising', What: 'Totals', 'In Baseline (weight set)': 'weighted sum', 'In the scenario': 'normalised average (0–100)' });
  });

  test('weight stability and the tornado render on the seed, as the engine computes them', async ({ page }) => {
    await openSensitivity(page);
    const r = stabilityIntervals(problem, 5);
    // The page's answer, before any tab: the smallest single change that alters the top 5.
    await expect(page.getByTestId('sensitivity-answer')).toHaveText(stabilityHeadlineWords(r, 'top', labelsOf(draft)));
    await expect(page.getByRole('tab', { name: 'Weight stability', exact: true })).toHaveAttribute('aria-selected', 'true');
    const top = await tableRecords(page.getByRole('table', { name: 'Weight stability of the top 5, Draft weights' }));
    expect(top).toHaveLength(9);
    const cp = r.top.find((s) => s.criterionId === 'community_priority')!;
    expect(top.find((x) => x['Criterion'] === 'Community priority')).toMatchObject({
      'Weight now': '1',
      'Share now': '11.1%',
      'Stays from': `${weightWords(cp.lower)} (${share(cp.lowerShare)})`,
      'Stays up to': `${weightWords(cp.upper!)} (${share(cp.upperShare)})`,
      'Below the range': 'Enters: Most Serious Violence; Leaves: ASB (Nuisance)',
      'Above the range': 'Enters: ASB (Environmental); Leaves: Terrorism',
    });
    const first = await tableRecords(page.getByRole('table', { name: 'Weight stability of first place, Draft weights' }));
    expect(first.find((x) => x['Criterion'] === 'Community priority')).toMatchObject({ 'Stays up to': '1.25 (13.5%)', 'Above the range': 'Enters: ASB (Personal); Leaves: Domestic Abuse' });
    await expect(page.getByTestId('stability-first-words')).toHaveText(
      "The smallest single change that alters first place is Community priority's weight going from 1 to 1.25 (from 11.1% to 13.5% of the total weight): then ASB (Personal) replaces Domestic Abuse.",
    );

    await view(page, 'Tornado');
    await expect(page.locator('csp-tornado-panel csp-plot svg')).toHaveCount(2);
    await page.getByLabel('Tornado for', { exact: true }).selectOption({ label: 'Adult Offending' });
    await expect(page.getByTestId('tornado-words')).toContainText('Moving any one weight by ±50% keeps Adult Offending between');
    const tornado = await tableRecords(page.getByRole('table', { name: 'Tornado: Adult Offending' }));
    expect(tornado).toHaveLength(9);
    await page.getByLabel('Weight change (±%)').fill('25');
    await page.getByLabel('Weight change (±%)').press('Enter');
    await expect(page.getByTestId('range-words')).toContainText('Moving any one weight by ±25% (the others held)');
    expect(rank(draft.model, draft.issues, draft.scores, draft.weights).find((x) => x.label === 'Adult Offending')!.rankLabel).toBe('=12');
  });
});
