import { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PRIORITY_HEAD, priorityCells, type ExecutiveBrief } from '../../models/report/brief';
import type { CheckItem } from '../../models/report/checklist';
import type { Block, ChartRef, ReportDocument, ReportSection } from '../../models/report/document';

/**
 * The Word copy of the report: the same brief and report document the page
 * renders, mapped to Word headings, real tables (header rows repeat, rows
 * never split), charts as PNG pictures with their text equivalent as alt
 * text, the protective marking in the header and footer and "Page n of m".
 * Loaded with `import()` when a download button is pressed, so the docx
 * library stays out of the first bundle.
 */

/** A chart drawn as a PNG, with its size in pixels. */
export interface DocxImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface DocxInput {
  brief: ExecutiveBrief;
  /** The rest of the report (null: the brief alone). */
  doc: ReportDocument | null;
  /** A line under the brief: what the report covers. */
  subtitle?: string;
  /** Why the brief is Final although a check fails (null: not overridden). */
  override?: string | null;
  /** The ready-to-publish checks, the report's last section while a draft (null: left out). */
  checks?: readonly CheckItem[] | null;
  /** A figure's chart as a PNG (null: left out, its text equivalent stays). */
  image?: (ref: ChartRef) => DocxImage | null;
}

/** Widths (per cent) of the Recommended priorities columns, as on the page. */
const PRIORITY_WIDTHS = [5, 10, 16, 15, 9, 11, 10, 15, 9];
const RAG_FILL: Record<string, string> = { Red: 'F4D6D6', Amber: 'FBE7C6', Green: 'D7ECD9' };
/** The widest a picture is drawn, in pixels (about 16 cm: A4 less its margins). */
const MAX_IMAGE_WIDTH = 600;
const SMALL = 16; // half-points: 8pt, for tables
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B8C0CA' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const text = (t: string, size?: number, bold = false) => new Paragraph({ children: [new TextRun({ text: t, size, bold })] });

function cell(t: string, o: { bold?: boolean; width?: number; fill?: string } = {}): TableCell {
  return new TableCell({
    children: [text(t, SMALL, o.bold)],
    borders: BORDERS,
    width: o.width === undefined ? undefined : { size: o.width, type: WidthType.PERCENTAGE },
    shading: o.fill === undefined ? undefined : { type: ShadingType.CLEAR, color: 'auto', fill: o.fill },
  });
}

/**
 * A table with its caption above it (Word has no caption element a reader
 * keeps, so the caption is a bold paragraph), a header row repeated on each
 * page and rows that never split.
 */
function table(caption: string, head: string[], rows: string[][], o: { widths?: number[]; fill?: (row: number, col: number) => string | undefined; source?: string } = {}): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ children: [new TextRun({ text: caption, bold: true })], keepNext: true, spacing: { before: 160 } })];
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, { bold: true, width: o.widths?.[i], fill: 'F3F5F8' })) }),
        ...rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { width: o.widths?.[i], fill: o.fill?.(k, i) })) })),
      ],
    }),
  );
  if (o.source !== undefined) out.push(text(o.source, SMALL));
  return out;
}

function figure(b: Extract<Block, { kind: 'figure' }>, image: DocxInput['image']): Paragraph[] {
  const png = image?.(b.chart) ?? null;
  const out = [new Paragraph({ children: [new TextRun({ text: b.caption, bold: true })], keepNext: true, spacing: { before: 160 } })];
  if (png !== null) {
    const scale = Math.min(1, MAX_IMAGE_WIDTH / png.width);
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: png.data,
            transformation: { width: Math.round(png.width * scale), height: Math.round(png.height * scale) },
            altText: { name: b.caption, title: b.caption, description: b.description },
          }),
        ],
      }),
    );
  }
  out.push(text(b.description, SMALL), text(b.source, SMALL));
  return out;
}

function block(b: Block, image: DocxInput['image']): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [new Paragraph({ text: b.text })];
    case 'list':
      return b.items.map((t, i) => new Paragraph({ text: b.ordered ? `${i + 1}. ${t}` : t, bullet: b.ordered ? undefined : { level: 0 } }));
    case 'notes':
      return b.items.map((n) => new Paragraph({ children: [new TextRun({ text: n.severity === 'warning' ? `Warning: ${n.text}` : n.text })] }));
    case 'table':
      return table(b.caption, b.head, b.rows, { source: b.source });
    case 'figure':
      return figure(b, image);
  }
}

function section(s: ReportSection, level: 1 | 2, image: DocxInput['image']): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: s.heading, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true }),
    ...s.blocks.flatMap((b) => block(b, image)),
    ...s.subsections.flatMap((x) => section(x, 2, image)),
  ];
}

/** The brief's two pages: title block, headline figures, Recommended priorities, shared counts, what changed. */
function briefParagraphs(b: ExecutiveBrief, subtitle: string | undefined, override: string | null, image: DocxInput['image']): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    text(`Executive brief${b.marking === '' ? '' : ` · ${b.marking}`}`, 18),
    new Paragraph({ text: b.title, heading: HeadingLevel.HEADING_1 }),
    ...table(
      'About this assessment',
      ['Detail', 'Value'],
      b.titleBlock.map((t) => [t.label, t.value]),
      { widths: [30, 70] },
    ),
    ...table(
      'Headline figures',
      b.tiles.map((t) => t.label),
      [b.tiles.map((t) => t.value), b.tiles.map((t) => t.words)],
    ),
    ...table('Recommended priorities', PRIORITY_HEAD, b.priorities.map(priorityCells), {
      widths: PRIORITY_WIDTHS,
      fill: (k, i) => (i === 4 ? RAG_FILL[b.priorities[k]!.rag] : undefined),
    }),
    ...b.shared.map((s) => new Paragraph({ text: s })),
    new Paragraph({ text: 'What changed since the last assessment', heading: HeadingLevel.HEADING_2, pageBreakBefore: true, keepNext: true }),
  ];
  if (b.robustnessSource !== null) out.splice(out.length - 1, 0, new Paragraph({ text: b.robustnessSource }));
  if (b.changes === null) out.push(new Paragraph({ text: 'No earlier ranking was chosen to compare with.' }));
  else {
    out.push(new Paragraph({ text: b.changes.sentence }), ...table('What changed since the last assessment', ['Rank', 'Change', 'Issue', 'Rank before'], b.changes.rows));
    if (b.changes.left !== null) out.push(new Paragraph({ text: b.changes.left }));
  }
  if (b.need !== null) out.push(new Paragraph({ text: 'Where need is greatest', heading: HeadingLevel.HEADING_2, keepNext: true }), new Paragraph({ text: b.need }));
  if (b.map !== null) out.push(...figure({ kind: 'figure', id: 'brief-map', chart: { type: 'priority-map' }, ...b.map }, image));
  if (subtitle !== undefined) out.push(text(subtitle, SMALL));
  if (override !== null) out.push(new Paragraph({ children: [new TextRun({ text: `Marked Final although not every publishing check passed. Reason given: ${override}`, bold: true })] }));
  out.push(new Paragraph({ text: 'How the priorities were scored and tested, and what the terms mean, are in the appendix (Methods and sources; Glossary).' }));
  return out;
}

/** A check in words, as the Ready to publish list says it. */
const checkWords = (c: CheckItem): string => `${c.label}: ${c.ok ? 'done' : `not yet. ${c.problem} Fix this on the ${c.fix.page} page.`}`.trim();

/**
 * The Word document of the brief, or of the whole report when `doc` is given.
 *
 * @example const blob = await Packer.toBlob(reportDocx({ brief, doc: null }))
 */
export function reportDocx(x: DocxInput): Document {
  const b = x.brief;
  const children: (Paragraph | Table)[] = briefParagraphs(b, x.subtitle, x.override ?? null, x.image);
  if (x.doc !== null) {
    const extra = x.checks == null ? [] : ['Ready to publish'];
    children.push(
      new Paragraph({ text: 'Contents', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
      ...[...x.doc.sections.map((s) => s.heading), ...extra].map((h, i) => new Paragraph({ text: `${i + 1}. ${h}` })),
      ...x.doc.sections.flatMap((s) => section(s, 1, x.image)),
    );
    if (x.checks != null) {
      children.push(
        new Paragraph({ text: 'Ready to publish', heading: HeadingLevel.HEADING_1, keepNext: true }),
        new Paragraph({ text: 'This draft is checked before it is marked Final:' }),
        ...x.checks.map((c) => new Paragraph({ text: checkWords(c), bullet: { level: 0 } })),
      );
    }
  }
  const marking = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    b.marking === '' ? [] : [new Paragraph({ alignment: align, children: [new TextRun({ text: b.marking, bold: true })] })];
  return new Document({
    creator: 'CSP Strategic Assessment Workbench',
    title: b.title,
    description: x.doc === null ? 'Executive brief' : 'Strategic assessment report',
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        headers: { default: new Header({ children: marking(AlignmentType.CENTER) }) },
        footers: {
          default: new Footer({
            children: [
              ...marking(AlignmentType.CENTER),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The Word file as a Blob, ready to download. */
export const reportDocxBlob = (x: DocxInput): Promise<Blob> => Packer.toBlob(reportDocx(x));
