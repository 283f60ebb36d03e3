import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { expect, test, type Page } from '@playwright/test';
import { openWithSample, tableRecords } from './helpers';
import { countByType } from './sample-counts';

/**
 * Proposed scores in the Risk matrix grid on the Luton sample and the seed
 * (Central Bedfordshire 2014) assessment: linking issues to the evidence,
 * accepting and overriding with the audit trail, and the Priorities page.
 */

const links = (page: Page) => page.getByRole('table', { name: 'Evidence links' });
const trail = (page: Page) => page.getByRole('table', { name: 'Audit trail' });
const grid = (page: Page) => page.getByRole('table', { name: /^Scores: / });
const mark = (page: Page, issue: string, criterion: string) => grid(page).getByRole('button', { name: new RegExp(`^${escape(issue)}, ${escape(criterion)}: `) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const PERFORMANCE = 'Performance issue – deteriorating';

/** Today as dd/mm/yyyy in the test's time zone (Europe/London). */
const today = () => new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/London' }).format(Date.now());

/** The likelihood the default banding rule gives a mean a month (thresholds 10, 50, 100, 300 → 1 to 5), worked out here from the sample files. */
function likelihoodFor(perMonth: number): number {
  return [10, 50, 100, 300].filter((t) => perMonth >= t).length + 1;
}

async function openMatrix(page: Page) {
  await openWithSample(page);
  await nav(page, 'Risk matrix').click();
  await expect(page.getByText(/Proposed scores for Likelihood, /)).toBeVisible({ timeout: 60_000 });
}

test.describe('proposed scores in the scoring grid', () => {
  test('link Burglary Dwelling to Burglary, see its proposed likelihood and evidence, override it with a reason, export the audit trail, and keep it all after a reload', async ({ page }) => {
    await openMatrix(page);
    // Suggested, not used until confirmed: no proposal in the grid yet.
    const row = links(page).getByRole('row', { name: /^Burglary Dwelling/ });
    await expect(row).toContainText('Suggested: Burglary.');
    await expect(row).toContainText('Not used until you confirm it.');
    await expect(mark(page, 'Burglary Dwelling', 'Likelihood')).toHaveCount(0);
    // Names that match a catalogue issue are linked automatically, and say so.
    await expect(links(page).getByRole('row', { name: /^Shoplifting/ })).toContainText('Automatic.');

    await page.getByRole('button', { name: 'Confirm Burglary for Burglary Dwelling' }).click();
    await expect(page.getByText('Burglary Dwelling now draws its evidence from Burglary.')).toBeVisible();
    await expect(page.getByLabel('Evidence for Burglary Dwelling')).toHaveValue('burglary');

    // The proposal, worked out independently from the sample files.
    const perMonth = countByType('2023-01', '2023-12').get('Burglary')! / 12;
    const proposed = likelihoodFor(perMonth);
    const perMonthText = perMonth.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const likelihood = mark(page, 'Burglary Dwelling', 'Likelihood');
    await expect(likelihood).toHaveAccessibleName(`Burglary Dwelling, Likelihood: Proposed ${proposed} from ${perMonthText} a month; current 3; not decided yet`);
    await expect(grid(page).getByLabel('Burglary Dwelling, Likelihood', { exact: true })).toHaveAccessibleDescription(new RegExp(`Evidence: Proposed ${proposed} from`));

    // Its evidence: metric, thresholds, explanation, and the trace on the Evidence page.
    await likelihood.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Evidence: Burglary Dwelling, Likelihood' })).toBeFocused();
    await expect(page.getByText(`Mean a month (current period): ${perMonthText} a month`)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: '(this issue)' })).toHaveText(/^at least 50 and below 100 a month → 3 \(this issue\)$/);
    await expect(page.getByText(`${perMonthText} a month (Jan 2023 to Dec 2023) is at least 50 and below 100 a month → ${proposed} (Medium).`)).toBeVisible();

    // An override needs a reason; without one nothing is recorded.
    const chosen = proposed === 4 ? 5 : 4;
    await page.getByLabel(/^Score to keep/).fill(String(chosen));
    await page.getByRole('button', { name: 'Override', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Give a reason for overriding the proposed score. Nothing was recorded.');
    await expect(trail(page)).toContainText('No decisions yet');
    const reason = 'Luton sample volumes stand in for Central Bedfordshire; local intelligence says higher';
    await page.getByLabel('Reason for overriding').fill(reason);
    await page.getByRole('button', { name: 'Override', exact: true }).click();
    await expect(page.getByText(`Overrode the proposed ${proposed} with ${chosen} for Burglary Dwelling, Likelihood; recorded in the audit trail.`)).toBeVisible();
    await expect(grid(page).getByLabel('Burglary Dwelling, Likelihood', { exact: true })).toHaveValue(String(chosen));
    await expect(likelihood).toHaveAccessibleName(`Burglary Dwelling, Likelihood: Overridden: proposed ${proposed} from ${perMonthText} a month; kept ${chosen}`);
    // Focus stays in the panel; Escape goes back to the cell.
    await expect(page.getByRole('heading', { name: 'Evidence: Burglary Dwelling, Likelihood' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(grid(page).getByLabel('Burglary Dwelling, Likelihood', { exact: true })).toBeFocused();

    // The audit trail row: time, cell, proposed, chosen, reason, evidence period, in force.
    const expectRow = async () => {
      const rows = await tableRecords(trail(page));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        Issue: 'Burglary Dwelling',
        Criterion: 'Likelihood',
        Proposed: String(proposed),
        Chosen: String(chosen),
        Decision: 'Overridden',
        Reason: reason,
        'Evidence period': 'Jan 2023 to Dec 2023',
        Status: 'In force',
      });
      expect(rows[0]!['Time']).toMatch(new RegExp(`^${escape(today())} \\d{2}:\\d{2}$`));
    };
    await expect(trail(page).getByRole('row')).toHaveCount(2);
    await expectRow();

    // The CSV holds the same, oldest first.
    await page.getByLabel('Show decisions for').selectOption({ label: 'Burglary Dwelling' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download audit trail for Burglary Dwelling (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit-trail-central-bedfordshire-2014-15-seed-burglary-dwelling.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('time,assessment,issue,criterion,proposed,chosen,decision,reason,evidence period,evidence,status');
    const records = csvParse(csv);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      assessment: 'Central Bedfordshire 2014-15 (seed)',
      issue: 'Burglary Dwelling',
      criterion: 'Likelihood',
      proposed: String(proposed),
      chosen: String(chosen),
      decision: 'Overridden',
      reason,
      'evidence period': 'Jan 2023 to Dec 2023',
      status: 'In force',
    });
    expect(records[0]!['time']).toMatch(new RegExp(`^${escape(today())} \\d{2}:\\d{2}$`));
    expect(records[0]!['evidence']).toContain(`${perMonthText} a month (Jan 2023 to Dec 2023)`);

    // The trace link opens the figure's trace on the Evidence page.
    await page.getByRole('link', { name: 'Trace “12-month volume” for Burglary on the Evidence page' }).click();
    await expect(page.getByRole('heading', { name: 'Where “12-month volume” for Burglary comes from' })).toBeFocused({ timeout: 60_000 });
    const burglary = countByType('2023-01', '2023-12').get('Burglary')!;
    await expect(page.getByText(`Source rows 1 to 50 of ${burglary.toLocaleString('en-GB')}`)).toBeVisible();

    // After a reload: the link, the score, its state and the audit trail are all kept.
    await page.goto('/#/matrix');
    await page.reload();
    await expect(page.getByLabel('Evidence for Burglary Dwelling')).toHaveValue('burglary', { timeout: 60_000 });
    await expect(links(page).getByRole('row', { name: /^Burglary Dwelling/ })).toContainText(`Linked by you on ${today()}.`);
    await expect(grid(page).getByLabel('Burglary Dwelling, Likelihood', { exact: true })).toHaveValue(String(chosen));
    await expect(mark(page, 'Burglary Dwelling', 'Likelihood')).toHaveAccessibleName(/: Overridden: proposed/);
    await expectRow();

    // A new assessment period changes the evidence: the decision is flagged stale, not silently kept.
    await nav(page, 'Evidence').click();
    await page.getByLabel('Period ends with').selectOption('2023-06');
    await expect(page.getByText('Current period Jul 2022 to Jun 2023, compared with Jul 2021 to Jun 2022.')).toBeVisible({ timeout: 60_000 });
    await nav(page, 'Risk matrix').click();
    await expect(mark(page, 'Burglary Dwelling', 'Likelihood')).toHaveAccessibleName(
      /^Burglary Dwelling, Likelihood: Evidence changed since the decision: now proposes \d from [\d,.]+ a month; decided \d; current \d$/,
      {
        timeout: 60_000,
      },
    );
    expect((await tableRecords(trail(page)))[0]).toMatchObject({ 'Evidence period': 'Jan 2023 to Dec 2023', Status: 'Stale: the evidence has changed since' });
  });

  test('accepting proposals changes the ranked total on the Priorities page; undo leaves the decision flagged as changed since', async ({ page }) => {
    await openMatrix(page);
    await page.getByRole('button', { name: 'Confirm all 10 suggested links' }).click();
    await expect(page.getByText('Confirmed 10 suggested links.')).toBeVisible();
    await expect(page.getByLabel('Evidence for TFMV')).toHaveValue('vehicle-crime');

    // Burglary Dwelling's performance: proposed from the change, the seed scored 5.
    const performance = mark(page, 'Burglary Dwelling', PERFORMANCE);
    await expect(performance).toHaveAccessibleName(/: Proposed \d from .* on the previous period; current 5; not decided yet$/);
    const proposed = Number(/Proposed (\d)/.exec((await performance.getAttribute('aria-label'))!)![1]);
    expect(proposed).not.toBe(5);
    await performance.click();
    await page.getByRole('button', { name: `Accept ${proposed}`, exact: true }).click();
    await expect(page.getByText(`Accepted ${proposed} for Burglary Dwelling, ${PERFORMANCE}; recorded in the audit trail.`)).toBeVisible();
    await expect(performance).toHaveAccessibleName(new RegExp(`: Accepted the proposed ${proposed} from`));
    expect((await tableRecords(trail(page)))[0]).toMatchObject({ Issue: 'Burglary Dwelling', Proposed: String(proposed), Chosen: String(proposed), Decision: 'Accepted', Reason: '' });

    // The seed's Burglary Dwelling total is 31; it moves by the accepted change.
    const total = 31 - 5 + proposed;
    await nav(page, 'Priorities').click();
    const ranked = page.getByRole('table', { name: 'Ranked priorities' });
    await expect(ranked.getByRole('row')).toHaveCount(33);
    expect((await tableRecords(ranked)).find((r) => r['Issue'] === 'Burglary Dwelling')).toMatchObject({ Total: String(total) });

    // Accept all undecided proposals for one issue: one decision per cell.
    await nav(page, 'Risk matrix').click();
    const tfmvLikelihood = mark(page, 'TFMV', 'Likelihood');
    await expect(tfmvLikelihood).toHaveAccessibleName(/: Proposed \d from/, { timeout: 60_000 });
    await tfmvLikelihood.click();
    await page.getByRole('button', { name: 'Accept all 2 undecided proposals for TFMV' }).click();
    await expect(page.getByText('Accepted 2 proposed scores for TFMV; each is recorded in the audit trail.')).toBeVisible();
    await expect(trail(page).getByRole('row')).toHaveCount(4);
    const tfmv = (await tableRecords(trail(page))).filter((r) => r['Issue'] === 'TFMV');
    expect(tfmv.map((r) => r['Criterion']).sort()).toEqual(['Likelihood', PERFORMANCE]);
    expect(tfmv.every((r) => r['Decision'] === 'Accepted' && r['Status'] === 'In force')).toBe(true);

    // Undo puts both TFMV scores back in one step; the decisions stay in the trail. The likelihood was
    // already the proposed 4, so that decision still holds; the performance score is 5 again, not the 3 decided.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(mark(page, 'TFMV', PERFORMANCE)).toHaveAccessibleName(/^TFMV, .*: Score changed since the decision: proposed \d from .*; decided \d; current 5$/);
    await expect(mark(page, 'TFMV', 'Likelihood')).toHaveAccessibleName(/^TFMV, Likelihood: Accepted the proposed 4 from/);
    const after = new Map((await tableRecords(trail(page))).filter((r) => r['Issue'] === 'TFMV').map((r) => [r['Criterion'], r['Status']]));
    expect(after).toEqual(
      new Map([
        [PERFORMANCE, 'Score changed since (now 5)'],
        ['Likelihood', 'In force'],
      ]),
    );
  });
});
