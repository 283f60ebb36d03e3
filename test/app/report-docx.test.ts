import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { PRIORITY_HEAD, type ExecutiveBrief } from '../../models/report/brief';
import { para, section, type ReportDocument } from '../../models/report/document';
import { reportDocx } from '../../src/app/report-docx';

// A 1×1 white PNG (written by hand from the PNG specification; any valid PNG would do).
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const brief: ExecutiveBrief = {
  title: 'Strategic assessment: Luton',
  titleBlock: [
    { label: 'Partnership', value: 'Luton Community Safety Partnership' },
    { label: 'Status', value: 'Draft' },
  ],
  marking: 'OFFICIAL-SENSITIVE',
  tiles: [{ label: 'All crime, latest 12 months', value: '30,001', words: 'offences, up 3% on the year before — could be chance' }],
  priorities: [
    {
      issueId: 'da',
      rank: '1',
      issue: 'Domestic Abuse',
      why: 'Physical harm contributes most after weighting.',
      evidence: '1,301 offences, up 28% on the year before — more than chance',
      rag: 'Red',
      robust: 'in the top 5 in every plausible weighting',
      where: 'High Town and Dallow',
      recommendation: 'Commission a second IDVA',
      leadPartner: 'Luton Council',
    },
    {
      issueId: 'asb',
      rank: '2=',
      issue: 'ASB (Personal)',
      why: 'Community priority contributes most after weighting.',
      evidence: 'Same count as ASB (Nuisance) (see the note below)',
      rag: 'Not rated',
      robust: 'Not worked out',
      where: '—',
      recommendation: '',
      leadPartner: '',
    },
  ],
  shared: ['ASB (Personal) and ASB (Nuisance) share one count: 3,559 anti-social behaviour incidents.'],
  robustnessSource: null,
  changes: null,
  need: null,
  mapAreas: [],
  map: null,
};

const doc: ReportDocument = {
  title: 'Strategic assessment',
  subtitle: 'Made on 04/12/2026',
  sections: [
    section(
      'priorities',
      'Priorities',
      [
        para('Five priorities are named.'),
        {
          kind: 'figure',
          id: 'f',
          chart: { type: 'contributions' },
          caption: 'Contribution of each criterion',
          description: 'Bars show how much each criterion adds.',
          source: 'Source: the scores of the test assessment',
        },
      ],
      [
        section('sub', 'Ranked table', [
          { kind: 'table', id: 't', caption: 'Ranked issues', head: ['Rank', 'Issue'], numeric: [true, false], rowHeader: 1, rows: [['1', 'Domestic Abuse']], source: 'Source: the risk matrix' },
        ]),
      ],
    ),
  ],
};

/** The HTML mammoth (an independent .docx reader) makes of a Word file, and the file's parts. */
async function readBack(x: Parameters<typeof reportDocx>[0]) {
  const buffer = await Packer.toBuffer(reportDocx(x));
  const parts = unzipSync(new Uint8Array(buffer));
  const part = (prefix: string) =>
    Object.entries(parts)
      .filter(([k]) => k.startsWith(prefix))
      .map(([, v]) => strFromU8(v))
      .join('\n');
  return { html: (await mammoth.convertToHtml({ buffer })).value, header: part('word/header'), footer: part('word/footer') };
}

describe('reportDocx', () => {
  it('writes the brief: a title, the Recommended priorities as a real table with the page’s columns, the marking and page numbers', async () => {
    const { html, header, footer } = await readBack({ brief, doc: null });
    expect(html).toContain('<h1>Strategic assessment: Luton</h1>');
    const tables = html.match(/<table>.*?<\/table>/g) ?? [];
    const priorities = tables.find((t) => t.includes('Lead partner'))!;
    const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const rows = priorities.match(/<tr>.*?<\/tr>/g)!.map(cells);
    expect(rows[0]).toEqual(PRIORITY_HEAD);
    expect(rows[1]).toEqual([
      '1',
      'Domestic Abuse',
      'Physical harm contributes most after weighting.',
      '1,301 offences, up 28% on the year before — more than chance',
      'Red',
      'in the top 5 in every plausible weighting',
      'High Town and Dallow',
      'Commission a second IDVA',
      'Luton Council',
    ]);
    expect(rows).toHaveLength(3);
    expect(html).toContain('share one count: 3,559 anti-social behaviour incidents.');
    expect(header).toContain('OFFICIAL-SENSITIVE');
    expect(footer).toContain('OFFICIAL-SENSITIVE');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(html).not.toContain('Contents');
  });

  it('puts the brief’s map in as a picture with its text equivalent as alt text, its title and its source', async () => {
    const map = {
      caption: 'Where the top 5 priorities happen most',
      description: 'Wards of Luton, with the 1 marked that is among the busiest three for a top priority: South (Burglary Dwelling).',
      source: 'Source: police.uk rows placed in wards; ONS boundaries.',
    };
    const asked: unknown[] = [];
    const { html } = await readBack({ brief: { ...brief, map }, doc: null, image: (ref) => (asked.push(ref), { data: PNG, width: 1, height: 1 }) });
    expect(asked).toEqual([{ type: 'priority-map' }]);
    expect(html).toContain('<strong>Where the top 5 priorities happen most</strong>');
    expect(html).toContain(`<img alt="${map.description}" src="data:image/png;base64,`);
    expect(html).toContain(map.source);
  });

  it('writes the whole report: section headings, subsections, tables with sources, charts as pictures with alt text, and the checks while a draft', async () => {
    const { html } = await readBack({
      brief: { ...brief, marking: '' },
      doc,
      image: () => ({ data: PNG, width: 1, height: 1 }),
      checks: [{ id: 'links', ok: false, label: 'Evidence links confirmed', problem: 'No evidence linked for Burglary.', fix: { href: '#/matrix', page: 'Risk matrix' } }],
    });
    expect(html).toContain('<h1>Contents</h1>');
    expect(html).toContain('<h1>Priorities</h1>');
    expect(html).toContain('<h2>Ranked table</h2>');
    expect(html).toMatch(/<img alt="Bars show how much each criterion adds\." src="data:image\/png;base64,/);
    expect(html).toContain('Source: the risk matrix');
    expect(html).toContain('Source: the scores of the test assessment');
    expect(html).toContain('<h1>Ready to publish</h1>');
    expect(html).toContain('Evidence links confirmed: not yet. No evidence linked for Burglary. Fix this on the Risk matrix page.');
  });
});
