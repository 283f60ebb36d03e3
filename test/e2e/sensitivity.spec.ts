import { expect, test } from '@playwright/test';
import { formatPercent } from '../../models/format';
import { whatWouldItTake } from '../../models/sensitivity/inverse';
import { linearProblem } from '../../models/sensitivity/problem';
import { runSmaa } from '../../models/sensitivity/smaa';
import { topNShare } from '../../models/sensitivity/summary';
import { share } from '../../models/sensitivity/words';
import { seedAssessment, seedId } from '../fixtures/seed-matrix';
import { tableRecords } from './helpers';

/**
 * The sensitivity engine in the browser, on the 2014 seed matrix, through the
 * lab page (lab/sensitivity.html) that hosts it until the priorities page does.
 * Expected figures come from the same engine run in Node with the same seed.
 */
const LAB = '/lab/sensitivity.html';
const problem = linearProblem(seedAssessment);

test.describe('sensitivity lab', () => {
  test('runs SMAA in the worker: the Rank acceptability table matches the engine in Node, seed for seed', async ({ page }) => {
    await page.goto(LAB);
    await page.getByLabel('Seed').fill('1234');
    await page.getByLabel('Samples').fill('20000');
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    const table = page.getByRole('table', { name: 'Rank acceptability' });
    await expect(table).toBeVisible();
    const rows = await tableRecords(table);
    expect(rows).toHaveLength(32);

    const expected = runSmaa(problem, { samples: 20_000, seed: 1234 });
    const top5 = topNShare(expected, 5);
    for (const r of rows) {
      const i = expected.issueLabels.indexOf(r['Issue']!);
      expect(r['In top 5'], r['Issue']).toBe(formatPercent(top5[i]!));
    }
    await expect(page.getByTestId('smaa-words')).toContainText(`Domestic Abuse is in the top 5 in ${formatPercent(top5[0]!)} of plausible weightings`);
    await expect(page.getByText('Based on 20,000 plausible weightings drawn at random (seed 1234)')).toBeVisible();

    // The user sets N: the column and the words follow, with no re-run.
    await page.getByLabel('Top N').fill('3');
    await page.getByLabel('Top N').press('Enter');
    await expect(table.getByRole('columnheader', { name: 'In top 3' })).toBeVisible();
    const top3 = topNShare(expected, 3);
    const again = await tableRecords(table);
    expect(again.find((r) => r['Issue'] === 'Terrorism')!['In top 3']).toBe(formatPercent(top3[seedAssessment.issues.findIndex((x) => x.label === 'Terrorism')]!));

    // Same seed again: the very same table.
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByText('Based on 20,000 plausible weightings')).toBeVisible();
    expect(await tableRecords(table)).toEqual(again);
  });

  test('shows progress and can be cancelled, keeping what it has drawn', async ({ page }) => {
    await page.goto(LAB);
    await page.getByLabel('Samples').fill('5000000');
    await page.getByRole('button', { name: 'Run SMAA' }).click();
    await expect(page.getByRole('progressbar', { name: 'SMAA progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText(/The run was stopped after [\d,]+ of 5,000,000\./)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Rank acceptability' })).toBeVisible();
  });

  test('answers "what would it take" for Adult Offending into the top 3', async ({ page }) => {
    await page.goto(LAB);
    await page.getByLabel('Issue').selectOption({ label: 'Adult Offending' });
    await page.getByLabel('Into the top').fill('3');
    await page.getByRole('button', { name: 'Find the smallest change' }).click();
    const a = whatWouldItTake(problem, seedId('Adult Offending'), 3);
    const words = page.getByTestId('inverse-words');
    await expect(words).toContainText('No single weight, changed on its own, brings Adult Offending (=12th now) into the top 3.');
    await expect(words).toContainText(`the least change moves ${share(a.allWeights!.weightMoved)} of the total weight`);
    // The cheapest change brings it level with the issue in third place: it shares third.
    expect([a.allWeights!.rank, a.allWeights!.tied]).toEqual([3, true]);
    await expect(words).toContainText('Adult Offending then draws level at =3rd.');
  });
});
