import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../models/csv';
import { issueIdFor, type Catalogue } from '../../../models/evidence/catalogue';
import { computeEvidence } from '../../../models/evidence/evidence';
import type { CountCube } from '../../../models/evidence/cube';
import type { LocalCount } from '../../../models/evidence/local-counts';
import { DEFAULT_WEIGHT_TABLES } from '../../../models/evidence/weights';
import { monthRange } from '../../../models/months';

/**
 * The crime-change table of the Central Bedfordshire CSP Plan 2014-15
 * (Oct 2011-Sep 2012 against Oct 2012-Sep 2013), recomputed by the evidence
 * code from the published counts in shared/reference.
 */
const text = readFileSync(new URL('../../../../shared/reference/central-beds-2013-crime-change.csv', import.meta.url), 'utf8');
const rows = parseCsv(text)
  .records.slice(1)
  .map((r) => ({ type: r.fields[0]!, before: Number(r.fields[1]), after: Number(r.fields[2]) }));

/** The plan's "Change" column, as printed (seeds/004, the table under "Crime Type"). */
const PUBLISHED: Record<string, string> = {
  'All crime': 'Up 88 (0.7%)',
  'Serious Acquisitive Crime': 'Up 442 (19%)',
  'Domestic Burglary': 'Up 229 (32%)',
  Robbery: 'No change',
  'Theft from a vehicle': 'Up 224 (18%)',
  'Theft of a vehicle': 'Down 11 (4%)',
  'Violence against the person': 'Down 149 (8%)',
  'Most Serious Violence': 'Up 5 (17%)',
  'Sexual Offences': 'Down 6 (8%)',
  'Domestic Violence Incidents': 'Up 203 (12%)',
  'Domestic Violence Crimes': 'Up 33 (4%)',
  'Criminal Damage': 'Down 112 (5%)',
};
/** Rows whose printed change does not follow from the printed counts (see below). */
const INCONSISTENT = new Set(['Most Serious Violence', 'Criminal Damage']);

// The plan's footnote 4: SAC is domestic burglary, robbery, theft from a vehicle and theft of a vehicle.
const SAC_PARTS = ['Domestic Burglary', 'Robbery', 'Theft from a vehicle', 'Theft of a vehicle'];
const LOCAL = new Set(['Domestic Violence Incidents', 'Domestic Violence Crimes']);
const PREVIOUS = '2012-09';
const CURRENT = '2013-09';

// Recorded crime as cube cells (one month of each period holds the year's count); SAC is left to the catalogue to combine.
const crimeRows = rows.filter((r) => !LOCAL.has(r.type) && r.type !== 'Serious Acquisitive Crime');
const cube: CountCube = {
  area: 'Central Bedfordshire',
  month: crimeRows.flatMap(() => [PREVIOUS, CURRENT]),
  crimeType: crimeRows.flatMap((r) => [r.type, r.type]),
  lsoa: crimeRows.flatMap(() => ['E01000001', 'E01000001']),
  n: crimeRows.flatMap((r) => [r.before, r.after]),
  lsoas: [{ code: 'E01000001', name: 'Central Bedfordshire 001A' }],
  crimeTypes: crimeRows.map((r) => r.type),
};
// Domestic violence is not a police.uk type: it goes through the local-count path.
const localCounts: LocalCount[] = rows
  .filter((r) => LOCAL.has(r.type))
  .flatMap((r) => [
    { issueId: issueIdFor(r.type), month: PREVIOUS, count: r.before, source: { kind: 'typed', at: 0 } },
    { issueId: issueIdFor(r.type), month: CURRENT, count: r.after, source: { kind: 'typed', at: 0 } },
  ]);
const catalogue: Catalogue = {
  issues: [
    ...crimeRows.map((r) => ({ id: issueIdFor(r.type), label: r.type, source: 'police-uk' as const, crimeTypes: [r.type], description: '' })),
    { id: issueIdFor('Serious Acquisitive Crime'), label: 'Serious Acquisitive Crime', source: 'police-uk', crimeTypes: SAC_PARTS, description: '' },
    ...[...LOCAL].map((t) => ({ id: issueIdFor(t), label: t, source: 'local' as const, crimeTypes: [], description: '' })),
  ],
};
const evidence = computeEvidence({
  cube,
  storedMonths: monthRange('2011-10', '2013-09'),
  population: null,
  config: { catalogue, localCounts, weights: DEFAULT_WEIGHT_TABLES, period: { end: null, months: 12 } },
});
const byLabel = new Map(evidence.issues.map((i) => [i.label, i]));

describe('the Central Bedfordshire 2013 crime-change table, recomputed', () => {
  it('assesses Oct 2012 to Sep 2013 against the 12 months before', () => {
    expect(evidence.period?.current).toMatchObject({ from: '2012-10', to: '2013-09', missing: [] });
    expect(evidence.period?.previous).toMatchObject({ from: '2011-10', to: '2012-09', missing: [] });
  });

  it('reproduces every published volume, SAC included from its four parts', () => {
    for (const r of rows) {
      const e = byLabel.get(r.type)!;
      expect([r.type, e.previous, e.volume]).toEqual([r.type, r.before, r.after]);
    }
  });

  it.each(rows.filter((r) => !INCONSISTENT.has(r.type)).map((r) => [r.type, PUBLISHED[r.type]!]))('%s: %s', (type, published) => {
    expect(byLabel.get(type)!.change!.text).toBe(published);
  });

  it('gives the figures the published counts imply where the printed change does not add up', () => {
    // Most Serious Violence 29 → 35 is up 6 (20.7%); the plan prints "Up 5 (17%)", which is 5/29 (as if 34).
    expect(byLabel.get('Most Serious Violence')!.change!.text).toBe('Up 6 (21%)');
    // Criminal Damage 2,030 → 1,957 is down 73 (3.6%); the plan prints "Down 112 (5%)", which fits neither count.
    expect(byLabel.get('Criminal Damage')!.change!.text).toBe('Down 73 (4%)');
    for (const t of INCONSISTENT) expect(byLabel.get(t)!.change!.text).not.toBe(PUBLISHED[t]);
  });

  it('says which changes are more than chance', () => {
    const words = Object.fromEntries(evidence.issues.map((i) => [i.label, i.change!.words]));
    expect(words).toMatchObject({
      'Domestic Burglary': 'significant at 5%',
      'Serious Acquisitive Crime': 'significant at 5%',
      'Theft from a vehicle': 'significant at 5%',
      'Violence against the person': 'significant at 5%',
      'Domestic Violence Incidents': 'significant at 5%',
      'All crime': 'not significant',
      Robbery: 'not significant',
      'Theft of a vehicle': 'not significant',
      'Most Serious Violence': 'not significant',
      'Criminal Damage': 'not significant',
    });
  });
});
