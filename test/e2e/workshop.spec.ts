import { expect, test } from '@playwright/test';
import { rank } from '../../models/risk-matrix/score';
import { cellAgreement, consensusAssessment } from '../../models/workshop/agreement';
import { delphiSheet } from '../../models/workshop/delphi';
import { weightedCriteria } from '../../models/risk-matrix/explain';
import { readScoringSheet, scoringSheet } from '../../models/workshop/sheet';
import { realSeedAssessment } from './seed-assessment';
import { tableRecords } from './helpers';

/**
 * The partners' workshop on the seed assessment: three scorers' sheets, one
 * with a renamed issue and one with an out-of-range score (both reported, the
 * rows left out), Scorer agreement, Ranks by scorer, and the consensus ranked.
 */
const seed = realSeedAssessment();
const clamp = (v: number) => Math.max(0, Math.min(5, v));
const shifted = Object.fromEntries(
  seed.issues.map((i, k) => [i.id, Object.fromEntries(seed.model.criteria.map((c, j) => [c.id, { value: clamp((seed.scores[i.id]?.[c.id]?.value ?? 0) + (((k + j) % 3) - 1) * 2) }]))]),
);
const police = scoringSheet(seed.model, seed.issues, 'Police', seed.scores);
const council = scoringSheet(seed.model, seed.issues, 'Council', shifted);
const fireLines = scoringSheet(seed.model, seed.issues, 'Fire', seed.scores).split('\r\n');
// Line 4 (the third issue) renamed; line 7 (the sixth issue) with Likelihood 9 on a 0-5 scale.
fireLines[3] = fireLines[3]!.replace(seed.issues[2]!.label.includes(',') ? `"${seed.issues[2]!.label}"` : seed.issues[2]!.label, 'Renamed issue');
const cells = fireLines[6]!.split(',');
cells[cells.length - 1] = '9';
fireLines[6] = cells.join(',');
const fire = fireLines.join('\r\n');

test('imports three scorers’ sheets, reports the bad rows, shows Scorer agreement and ranks the consensus', async ({ page }) => {
  await page.goto('/#/matrix');
  const w = page.locator('csp-scoring-workshop');
  await expect(page.getByRole('heading', { name: 'Partners’ workshop' })).toBeVisible({ timeout: 60_000 });
  await w.getByLabel('Partners’ sheets').setInputFiles([
    { name: 'police.csv', mimeType: 'text/csv', buffer: Buffer.from(police) },
    { name: 'council.csv', mimeType: 'text/csv', buffer: Buffer.from(council) },
    { name: 'fire.csv', mimeType: 'text/csv', buffer: Buffer.from(fire) },
  ]);
  const problems = await tableRecords(w.getByRole('table', { name: 'Problems in the sheets' }));
  expect(problems).toEqual([
    { File: 'fire.csv', Line: '4', Column: 'issue', Problem: 'no issue called “Renamed issue” in the assessment' },
    { File: 'fire.csv', Line: '7', Column: 'likelihood', Problem: expect.stringMatching(/^“9” /) },
  ]);
  const agreementRows = await tableRecords(w.getByRole('table', { name: 'Scorer agreement' }));
  const bad = agreementRows.filter((r) => r['Issue'] === seed.issues[2]!.label || r['Issue'] === seed.issues[5]!.label);
  // Nothing merged from the bad rows: Fire has no score for those two issues.
  expect(bad.every((r) => r['Fire'] === '–')).toBe(true);
  expect(agreementRows.find((r) => r['Issue'] === seed.issues[0]!.label && r['Criterion'] === seed.model.criteria[0]!.label)!['Police']).toBe(
    String(seed.scores[seed.issues[0]!.id]![seed.model.criteria[0]!.id]!.value),
  );
  await expect(w.getByRole('table', { name: 'Ranks by scorer' })).toBeVisible();
  await expect(w.getByTestId('agreement-words')).toContainText('Kendall’s W');

  const sheets = [
    readScoringSheet('police.csv', police, seed.model, seed.issues),
    readScoringSheet('council.csv', council, seed.model, seed.issues),
    readScoringSheet('fire.csv', fire, seed.model, seed.issues),
  ].flatMap((r) => r.sheets);
  const expected = rank(seed.model, seed.issues, consensusAssessment(seed, sheets, 'median', { id: 'x', name: 'x', now: 0 }).scores, seed.draftWeights);
  await w.getByRole('button', { name: 'Create consensus assessment' }).click();
  await page.goto('/#/priorities');
  await expect(page.getByLabel('Assessment')).toHaveText(/consensus \(median of Police, Council, Fire\)/);
  const ranked = await tableRecords(page.getByRole('table', { name: 'Ranked priorities' }));
  expect(ranked.slice(0, 5).map((r) => r['Issue'])).toEqual(expected.slice(0, 5).map((r) => r.label));
});

test('a second round on the flagged cells, and partners’ weights combined and handed to SMAA', async ({ page }) => {
  await page.goto('/#/matrix');
  const w = page.locator('csp-scoring-workshop');
  await expect(page.getByRole('heading', { name: 'Partners’ workshop' })).toBeVisible({ timeout: 60_000 });
  await w.getByLabel('Partners’ sheets').setInputFiles([
    { name: 'police.csv', mimeType: 'text/csv', buffer: Buffer.from(police) },
    { name: 'council.csv', mimeType: 'text/csv', buffer: Buffer.from(council) },
  ]);
  await expect(w.getByRole('table', { name: 'Scorer agreement' })).toBeVisible();
  // Round 2: every scorer moves to the group median (rounded) on every flagged cell, so none stays flagged.
  const sheets = [readScoringSheet('police.csv', police, seed.model, seed.issues), readScoringSheet('council.csv', council, seed.model, seed.issues)].flatMap((r) => r.sheets);
  const cells = cellAgreement(
    seed.model,
    seed.issues.map((i) => i.id),
    sheets,
  );
  const flagged = cells.filter((c) => c.flagged).length;
  expect(flagged).toBeGreaterThan(0);
  const lines = delphiSheet(seed.issues, cells, sheets).trim().split('\r\n');
  const filled = [lines[0], ...lines.slice(1).map((l) => `${l}${Math.round(Number(l.split(',').at(-3)))}`)].join('\n');
  await w.getByLabel('Round 2 sheets').setInputFiles([{ name: 'round2.csv', mimeType: 'text/csv', buffer: Buffer.from(`${filled}\nPolice,Not an issue,likelihood,3,3,3\n`) }]);
  const problems = await tableRecords(w.getByRole('table', { name: 'Problems in the round 2 sheets' }));
  expect(problems).toEqual([{ File: 'round2.csv', Line: String(lines.length + 1), Column: 'issue', Problem: 'no issue called “Not an issue” in the assessment' }]);
  await expect(w.getByTestId('round-2-words')).toContainText(`cells 2 or more levels apart went from ${flagged} in round 1 to 0 now`);
  const rows = await tableRecords(w.getByRole('table', { name: 'Scorer agreement' }));
  expect(rows.filter((r) => r['Range']!.includes('discuss'))).toEqual([]);

  // Partners' weights: two good partners, one with a bad weight (left out, reported).
  const ids = weightedCriteria(seed.model).map((c) => c.id);
  const sheet = ['scorer,criterion,weight', ...ids.map((id, k) => `Police,${id},${k === 0 ? 3 : 1}`), ...ids.map((id, k) => `Council,${id},${k === 1 ? 4 : 1}`), `Fire,${ids[0]},lots`].join('\n');
  await w.getByLabel('Partners’ weights sheets').setInputFiles([{ name: 'weights.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) }]);
  expect(await tableRecords(w.getByRole('table', { name: 'Problems in the weights sheets' }))).toEqual([
    { File: 'weights.csv', Line: String(2 + 2 * ids.length), Column: 'weight', Problem: '“lots” is not a number' },
  ]);
  await expect(w.getByTestId('partners-chosen')).toContainText('2 partners: Police (weights.csv); Council (weights.csv).');
  await w.getByLabel('Combine by').selectOption('mean');
  await w.getByLabel('Name of the combined set').fill('Partners mean');
  await w.getByRole('button', { name: 'Save combined weight set' }).click();
  await expect(w.getByRole('status')).toContainText('Saved the weight set “Partners mean”: the mean of Police, Council.');
  await w.getByRole('button', { name: 'Use the partners’ range in SMAA' }).click();
  await expect(w.getByRole('status')).toContainText('now samples within the range Police, Council gave');
  await page.goto('/#/sensitivity');
  await page.getByRole('tab', { name: 'Rank acceptability', exact: true }).click();
  await expect(page.getByRole('radio', { name: /Within the range the partners gave \(Police, Council\)/ })).toBeChecked({ timeout: 60_000 });
  await page.getByLabel('Samples').fill('2000');
  await page.getByLabel('Samples').press('Enter');
  await page.getByRole('button', { name: 'Run SMAA' }).click();
  await expect(page.getByTestId('smaa-basis')).toContainText('Within the range the partners gave: based on 2,000 weightings (seed 1234)', { timeout: 120_000 });
});
