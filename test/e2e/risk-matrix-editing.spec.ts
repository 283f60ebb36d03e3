import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SHARED, tableRecords } from './helpers';

const seedCsv = readFileSync(`${SHARED}reference/central-beds-2014-risk-matrix.csv`, 'utf8');
const grid = (page: Page) => page.getByRole('table', { name: /^Scores: / });
const cell = (page: Page, issue: string, criterion: string) => page.getByLabel(`${issue}, ${criterion}`, { exact: true });
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function openMatrix(page: Page) {
  await page.goto('/#/matrix');
  await expect(grid(page).getByRole('row')).toHaveCount(33);
}

async function gridTotal(page: Page, issue: string): Promise<string> {
  return (await tableRecords(grid(page))).find((r) => r['Issue'] === issue)!['Total']!;
}

test.describe('scoring grid', () => {
  test('scores by keyboard, writes a rationale and confidence, refuses a score off the scale, and keeps it all after a reload', async ({ page }) => {
    await openMatrix(page);
    expect(await gridTotal(page, 'Domestic Abuse')).toBe('33');

    await cell(page, 'Domestic Abuse', 'Likelihood').click();
    await page.keyboard.type('2');
    await expect(page.getByText('Domestic Abuse, Likelihood: 2.')).toBeVisible();
    expect(await gridTotal(page, 'Domestic Abuse')).toBe('30');

    // Arrows move between cells; typing replaces the focused score.
    await page.keyboard.press('ArrowDown');
    await expect(cell(page, 'ASB (Personal)', 'Likelihood')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(cell(page, 'ASB (Personal)', 'Cost impact')).toBeFocused();
    await page.keyboard.type('9');
    await expect(cell(page, 'ASB (Personal)', 'Cost impact')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('ASB (Personal), Cost impact: the score must be a whole number from 0 to 5.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(cell(page, 'ASB (Personal)', 'Cost impact')).toHaveValue('4');
    // A half-typed entry never stays saved: "12" passes through a valid "1", and is refused as a whole.
    const before = await gridTotal(page, 'ASB (Personal)');
    await page.keyboard.type('12');
    await expect(page.getByText('Not saved: the score stays 4.')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(cell(page, 'ASB (Personal)', 'Likelihood')).toBeFocused();
    await expect(cell(page, 'ASB (Personal)', 'Cost impact')).toHaveValue('4');
    expect(await gridTotal(page, 'ASB (Personal)')).toBe(before);

    // F2 opens the cell's rationale; Escape comes back.
    await page.keyboard.press('F2');
    await expect(page.getByLabel('Rationale')).toBeFocused();
    await page.keyboard.type('Repeat callers up a fifth on last year');
    await page.getByLabel('Confidence').selectOption('Medium');
    await page.getByLabel('Rationale').focus();
    await page.keyboard.press('Escape');
    await expect(cell(page, 'ASB (Personal)', 'Likelihood')).toBeFocused();
    await expect(cell(page, 'ASB (Personal)', 'Likelihood')).toHaveAccessibleDescription('Rationale: Repeat callers up a fifth on last year. Confidence: Medium');

    await page.waitForTimeout(300);
    await page.reload();
    await expect(cell(page, 'Domestic Abuse', 'Likelihood')).toHaveValue('2');
    await expect(cell(page, 'ASB (Personal)', 'Likelihood')).toHaveAccessibleDescription('Rationale: Repeat callers up a fifth on last year. Confidence: Medium');
    // The rationale was committed last, when focus left it for the grid.
    await expect(page.getByText('Last change: Rationale for ASB (Personal), Likelihood', { exact: false })).toBeVisible();
  });

  test('adds, renames, reorders and removes issues, with undo', async ({ page }) => {
    await openMatrix(page);
    await page.getByLabel('New issue').fill('Knife crime');
    await page.getByRole('button', { name: 'Add issue' }).click();
    await expect(cell(page, 'Knife crime', 'Performance issue – deteriorating')).toBeFocused();
    await page.keyboard.type('4');
    await expect(grid(page).getByRole('row')).toHaveCount(34);
    expect(await gridTotal(page, 'Knife crime')).toBe('4 *');

    await cell(page, 'NTE', 'Likelihood').click();
    await page.getByLabel('Issue name').fill('Night-time economy');
    await page.getByLabel('Issue name').press('Enter');
    await expect(grid(page).getByRole('rowheader', { name: 'Night-time economy' })).toBeVisible();

    await page.getByLabel('New issue').fill('night-time ECONOMY');
    await page.getByRole('button', { name: 'Add issue' }).click();
    await expect(page.getByRole('alert')).toHaveText('there is already an issue called “Night-time economy”');

    await cell(page, 'Terrorism', 'Likelihood').click();
    await page.getByRole('button', { name: 'Move issue up' }).click();
    const order = (await tableRecords(grid(page))).map((r) => r['Issue']);
    expect(order.slice(0, 3)).toEqual(['Domestic Abuse', 'Terrorism', 'ASB (Personal)']);

    await page.getByRole('button', { name: 'Remove issue' }).click();
    await expect(grid(page).getByRole('rowheader', { name: 'Terrorism' })).toHaveCount(0);
    await expect(page.getByText('Last change: Remove issue “Terrorism”', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(grid(page).getByRole('rowheader', { name: 'Terrorism' })).toBeVisible();
    expect(await gridTotal(page, 'Terrorism')).toBe('32');
  });
});

test.describe('matrix files', () => {
  test('a malformed file is refused with its line and column and changes nothing', async ({ page }) => {
    await openMatrix(page);
    const bad = seedCsv.replace('Hate Crime,3,5,2,3,3,5,2,3,3,29', 'Hate Crime,3,5,2,3,3,5,2,3,7,29').replace('TFMV,5,5,2,5,0,1,1,3,4,26', 'TFMV,5,five,2,5,0,1,1,3,4,26');
    await page.getByLabel('Import matrix CSV').setInputFiles(csv('bad-matrix.csv', bad));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('bad-matrix.csv was not imported, and nothing was changed:');
    await expect(alert).toContainText('Line 10, column likelihood: “7” must be a whole number from 0 to 5');
    await expect(alert).toContainText('Line 17, column poc_national_priority: “five” is not a number');
    await page.getByLabel('Import matrix CSV').setInputFiles(csv('extra.csv', 'issue,likelihood,severity\nA,1,2\n'));
    await expect(page.getByRole('alert')).toContainText('Line 1, column severity: unknown column “severity”');
    expect(await gridTotal(page, 'Hate Crime')).toBe('29');
    await expect(page.locator('csp-undo-bar')).not.toContainText('Last change');
  });

  test('a good file replaces the matrix after a confirmation, reports totals that disagree, and can be undone', async ({ page }) => {
    await openMatrix(page);
    const text = 'issue,likelihood,community_priority,total\nFraud,4,2,6\nKnife crime,3,5,9\n';
    await page.getByLabel('Import matrix CSV').setInputFiles(csv('two.csv', text));
    const dialog = page.getByRole('dialog', { name: /Replace the matrix of/ });
    await expect(dialog).toContainText('Its 32 issues and their scores are replaced by the 2 issues in two.csv.');
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await expect(page.getByText('Imported 2 issues from two.csv.')).toBeVisible();
    const mismatches = await tableRecords(page.getByRole('table', { name: /that differ from the totals of its scores/ }));
    expect(mismatches).toEqual([{ Line: '3', Issue: 'Knife crime', 'Total in the file': '9', 'Total of its scores': '8' }]);
    await expect(grid(page).getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(grid(page).getByRole('row')).toHaveCount(33);
  });

  test('exports the seed as the published file', async ({ page }) => {
    await openMatrix(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export matrix CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Central-Bedfordshire-2014-15-seed-matrix.csv');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toBe(seedCsv.replace(/\r?\n/g, '\r\n'));
  });
});

test.describe('assessments', () => {
  test('several coexist; one made from a template gets its criteria edited; deleting asks first and can be undone', async ({ page }) => {
    await openMatrix(page);
    await page.getByLabel('New assessment name').fill('2025 draft');
    await page.getByLabel('Template').selectOption({ label: '4×4 impact × likelihood grid' });
    await page.getByRole('button', { name: 'Create assessment' }).click();
    const list = page.getByRole('table', { name: 'Assessments' });
    await expect(list.getByRole('row')).toHaveCount(3);
    await expect(page.getByRole('table', { name: 'Scores: 2025 draft' })).toBeVisible();

    // Criteria: rename, label a scale point, add one, remove one.
    const impact = page.getByRole('group', { name: 'Impact', exact: true });
    await impact.getByLabel('Name').fill('Impact on victims');
    await impact.getByLabel('Name').press('Enter');
    const renamed = page.getByRole('group', { name: 'Impact on victims', exact: true });
    await renamed.getByLabel('Label for 4').fill('Catastrophic');
    await renamed.getByLabel('Label for 4').press('Enter');
    await page.getByLabel('New criterion name').fill('Community concern');
    await page.getByLabel('Group of the new criterion').selectOption('Priority');
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await expect(page.getByRole('group', { name: 'Community concern', exact: true })).toBeVisible();
    const likelihood = page.getByRole('group', { name: 'Likelihood', exact: true });
    await likelihood.getByRole('button', { name: 'Remove criterion' }).click();
    await expect(likelihood.getByRole('alert')).toContainText('is the likelihood the harm × likelihood total multiplies by');

    await page.getByLabel('New issue').fill('Fraud');
    await page.getByRole('button', { name: 'Add issue' }).click();
    await page.keyboard.type('4');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('3');
    await expect(page.getByRole('group', { name: 'Impact on victims', exact: true }).getByLabel('Label for 4')).toHaveValue('Catastrophic');
    expect((await tableRecords(page.getByRole('table', { name: 'Scores: 2025 draft' })))[0]).toMatchObject({ Issue: 'Fraud', Total: '12 *' });

    // The seed is still there; open it again.
    await list.getByRole('button', { name: 'Open Central Bedfordshire 2014-15 (seed)' }).click();
    await expect(grid(page).getByRole('row')).toHaveCount(33);

    // Deleting asks first; cancelling keeps it.
    await list.getByRole('button', { name: 'Delete 2025 draft' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “2025 draft”?' });
    await expect(dialog).toContainText('Its 1 issue, scores, rationales and weight sets are removed.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(list.getByRole('row')).toHaveCount(3);
    await list.getByRole('button', { name: 'Delete 2025 draft' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(list.getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(list.getByRole('row')).toHaveCount(3);

    await page.reload();
    await expect(list.getByRole('row')).toHaveCount(3);
    await list.getByRole('button', { name: 'Open 2025 draft' }).click();
    const g = page.getByRole('table', { name: 'Scores: 2025 draft' });
    expect(await tableRecords(g)).toEqual([{ Issue: 'Fraud', 'Impact on victimsHarm': '', LikelihoodLikelihood: '', 'Community concernPriority': '', Total: '12 *' }]);
    await expect(page.getByLabel('Fraud, Impact on victims')).toHaveValue('4');
    await expect(page.getByLabel('Fraud, Likelihood')).toHaveValue('3');

    // The priorities page works for any model: the 4×4 grid places Fraud at impact 4, likelihood 3.
    await page.goto('/#/priorities');
    await expect(page.getByLabel('Assessment')).toHaveValue(/.+/);
    const hl = await tableRecords(page.getByRole('table', { name: 'Harm × likelihood' }));
    expect(hl.find((r) => r['Harm'] === '4')!['Likelihood 3 Likely']).toBe('Fraud (4)');
    expect((await tableRecords(page.getByRole('table', { name: 'Ranked priorities' })))[0]).toMatchObject({ Issue: 'Fraud', Total: '12', 'Community concern': '–' });
    await expect(page.getByText('1 issue has criteria not yet scored, counted as the scale minimum (shown as “–”): Fraud.')).toBeVisible();
  });
});
